import { z } from 'zod';

/** Contract schemas of the import flow: review, run with progress, results, rejected rows. */

/**
 * A file the person chose or dropped. Absolute local paths only: relative paths and UNC
 * shares (\\server\share) are refused at the boundary.
 */
export const ImportPath = z
  .string()
  .min(2)
  .max(4096)
  .refine((path) => !path.includes('\0'), 'contains a NUL character')
  .refine((path) => !path.startsWith('\\\\') && !path.startsWith('//'), 'network (UNC) paths are not accepted; copy the file locally first')
  .refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path), 'must be an absolute path');

const FileFailure = z.object({ code: z.string(), message: z.string() });

export const InspectedFile = z.object({
  path: z.string(),
  displayName: z.string(),
  kind: z.string().nullable(),
  kindLabel: z.string().nullable(),
  rows: z.number().int(),
  malformedRows: z.number().int(),
  error: FileFailure.nullable(),
});

export const ImportedFile = z.object({
  path: z.string(),
  displayName: z.string(),
  status: z.enum(['imported', 'failed', 'not_imported']),
  kind: z.string().nullable(),
  batchId: z.number().int().nullable(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  warnings: z.number().int(),
  durationMs: z.number(),
  error: FileFailure.nullable(),
});

export const ImportOutcome = z.object({ committed: z.boolean(), cancelled: z.boolean(), files: z.array(ImportedFile) });

export const ImportRunRequest = z.object({
  /** Chosen by the renderer so it can cancel the run before the call returns. */
  jobId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  paths: z.array(ImportPath).min(1).max(200),
  as: z.string().regex(/^[a-z0-9-]{2,60}$/).optional(),
});

/** A kind of export the importer reads; `templateName` is set for the project's own CSV templates. */
export const ImportKindInfo = z.object({ id: z.string(), label: z.string(), templateName: z.string().nullable() });

export const RejectionRow = z.object({
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  severity: z.string(),
  reason: z.string(),
});

export type InspectedFile = z.output<typeof InspectedFile>;
export type ImportedFile = z.output<typeof ImportedFile>;
export type ImportOutcome = z.output<typeof ImportOutcome>;
export type RejectionRow = z.output<typeof RejectionRow>;
