import { z } from 'zod';

/**
 * Push messages from the main side on the single `app:event` channel: a tagged union with
 * its own schema, so the preload and the test bridge forward exactly what main may send.
 */
export const AppEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot.changed') }),
  z.object({
    type: z.literal('job.progress'),
    jobId: z.string(),
    label: z.string(),
    done: z.number(),
    total: z.number(),
  }),
  z.object({ type: z.literal('menu.command'), command: z.enum(['newSnapshot', 'importExports', 'exportReport', 'printReport', 'about', 'openWizard', 'openWaves', 'openTenant']) }),
]);

export type AppEvent = z.output<typeof AppEvent>;
export type MenuCommand = Extract<AppEvent, { type: 'menu.command' }>['command'];
