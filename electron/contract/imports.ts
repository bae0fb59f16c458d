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

/** How dates like `6/5/2019` read: day first or month first. */
export const DateOrder = z.enum(['dmy', 'mdy']);

/** Rows an earlier import brought in that an import would remove, e.g. "devices (intune)". */
export const RemovedRows = z.object({ what: z.string(), rows: z.number().int().min(1) });

export const InspectedFile = z.object({
  path: z.string(),
  displayName: z.string(),
  kind: z.string().nullable(),
  kindLabel: z.string().nullable(),
  /** Columns (or a Graph marker) that decided the kind. */
  decidedBy: z.array(z.string()),
  dateOrder: DateOrder.nullable(),
  /** A date of the file that reads either way: the review step asks which order it is in. */
  dateOrderQuestion: z.string().nullable(),
  /** What the person must know about this file's import (e.g. no licences in a users CSV). */
  notes: z.array(z.string()),
  rows: z.number().int(),
  malformedRows: z.number().int(),
  error: FileFailure.nullable(),
});

export const ImportedFile = z.object({
  path: z.string(),
  displayName: z.string(),
  status: z.enum(['imported', 'failed', 'not_imported']),
  kind: z.string().nullable(),
  decidedBy: z.array(z.string()),
  notes: z.array(z.string()),
  batchId: z.number().int().nullable(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  warnings: z.number().int(),
  durationMs: z.number(),
  error: FileFailure.nullable(),
});

export const ImportOutcome = z.object({
  committed: z.boolean(),
  cancelled: z.boolean(),
  files: z.array(ImportedFile),
  /** Not empty when the import was refused because it would remove these rows: ask, then run again with `replace`. */
  wouldRemove: z.array(RemovedRows),
});

/** A long call's id, chosen by the renderer so it can follow its progress events (and cancel) before the call returns. */
export const JobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

export const ImportRunRequest = z.object({
  jobId: JobId,
  paths: z.array(ImportPath).min(1).max(200),
  as: z.string().regex(/^[a-z0-9-]{2,60}$/).optional(),
  /** The person's answer, per file, for files whose own dates do not settle their order. */
  dateOrders: z.record(ImportPath, DateOrder).optional(),
  /** The person confirmed that rows of earlier imports the new exports no longer list may go. */
  replace: z.boolean().optional(),
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
export type DateOrder = z.output<typeof DateOrder>;
export type RemovedRows = z.output<typeof RemovedRows>;

/** "device (intune)" for one row of "devices (intune)", "user device affinity" for one of "user device affinities". */
function oneOf(what: string): string {
  return what.replace(/^([^(]*?)(ies|s)(?=$| \()/, (_all, stem: string, ending: string) => stem + (ending === 'ies' ? 'y' : ''));
}

/** "2 devices (intune), 1 collection and 3 collection rules": what an import would remove, in words. */
export function describeRemovedRows(removed: readonly RemovedRows[], formatCount: (count: number) => string = String): string {
  const parts = removed.map((entry) => `${formatCount(entry.rows)} ${entry.rows === 1 ? oneOf(entry.what) : entry.what}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
