import { z } from 'zod';
import { Severity } from './findings.js';
import { JobId } from './imports.js';
import { ActorName } from './wizard.js';

/** What the Reports page previews: the report model's headline figures (core/reports). */
export const ReportPreview = z.object({
  customer: z.string(),
  dataAsOf: z.string().nullable(),
  reportDate: z.string(),
  snapshotHash: z.string(),
  inventory: z.object({ devices: z.number().int(), users: z.number().int(), collections: z.number().int() }),
  openItemsBySeverity: z.record(Severity, z.number().int()),
  blocksSwitch: z.array(z.object({ rule: z.string(), title: z.string(), openCount: z.number().int(), evaluated: z.boolean() })),
  lists: z.array(z.object({ rule: z.string(), severity: Severity, title: z.string(), count: z.number().int(), sheet: z.string(), csv: z.string() })),
  wizard: z.object({ done: z.number().int(), total: z.number().int(), requiredOpen: z.number().int() }),
  waves: z.number().int(),
  /** Each later export against the baseline (oldest first): the devices checked in, stale, not found, userless pending support. */
  reconciliation: z.array(
    z.object({
      batchId: z.number().int(),
      label: z.string(),
      importedAt: z.string(),
      files: z.array(z.string()),
      devicesInExport: z.number().int(),
      byWave: z.array(
        z.object({
          wave: z.string(),
          counts: z.object({ checked_in: z.number().int(), stale: z.number().int(), not_found: z.number().int(), userless_pending_support: z.number().int(), total: z.number().int() }),
        }),
      ),
    }),
  ),
  decisions: z.number().int(),
  /** The files "Save report set…" writes. */
  files: z.array(z.string()),
});
export type ReportPreview = z.infer<typeof ReportPreview>;

export const PAPERS = ['a4', 'letter'] as const;

/** The set's two PDFs, as the Reports page previews, prints and saves them one at a time. */
export const PDF_DOCUMENT_NAMES = ['report', 'checklist'] as const;

export const ReportPdfRequest = z.object({ document: z.enum(PDF_DOCUMENT_NAMES), paper: z.enum(PAPERS), redact: z.boolean() }).strict();

/** One PDF, base64-encoded (the call's result crosses IPC and the test bridge as JSON). */
export const ReportPdf = z.object({ fileName: z.string(), base64: z.string() });

export const SaveReportSetRequest = z.object({ redact: z.boolean(), paper: z.enum(PAPERS) }).strict();

export const SavedReportSet = z.object({ dir: z.string(), files: z.array(z.string()) });

/** A later Intune export kept beside the baseline (reconciliation): its label, and who adds it; the files come from the import dialog. */
export const ImportLaterExportRequest = z.object({ jobId: JobId, label: z.string().trim().min(1, 'Give the export a label, e.g. "After the pilot".').max(120), by: ActorName }).strict();

export const LaterExportBatch = z.object({ batchId: z.number().int(), label: z.string(), files: z.array(z.string()), devices: z.number().int() });
