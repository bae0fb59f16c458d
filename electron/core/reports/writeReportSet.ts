import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import { PDF_DOCUMENTS, renderDocumentPdf } from './pdf/documentPdf.js';
import type { Paper } from './pdf/pdfParts.js';
import { startReportListsWorker } from './reportListsJob.js';
import { REPORT_FILES } from './reportFiles.js';
import { buildReport, type ReportModel, type ReportOptions } from './reportModel.js';
import { listRedactor } from './reportRows.js';
import { reconciliationSheet } from './reconciliationRows.js';
import { redactionKeyOf } from './redaction.js';
import { inventorySheet, MAIN_THREAD_SHEET, type MainThreadSheet } from './workbook.js';
import { prepareSheet } from './xlsx/xlsxWriter.js';

export interface ReportSetOptions extends ReportOptions {
  readonly paper?: Paper;
  /** better-sqlite3's native binding for the lists worker's connection (the app's Electron build). */
  readonly nativeBinding?: string;
  /** Called before each step, with what it writes (a file name) and its position (for progress). */
  readonly onProgress?: (step: { readonly file: string; readonly index: number; readonly total: number }) => void;
}

export interface ReportSetResult {
  readonly model: ReportModel;
  /** Every file written, in order. */
  readonly files: readonly string[];
}

/**
 * Writes the whole report set into `dir` (which must exist): both PDFs, the workbook, the
 * three CSVs, report.json and deadlines.ics, all from one report model. The work is shared by
 * two threads, each with its own connection: this one builds the model and writes the PDFs, the
 * calendar, the workbook's Users sheet (MAIN_THREAD_SHEET) and its Reconciliation sheet; a worker (reportLists.ts) writes
 * the files that stream lists (the rest of the workbook, report.json and the CSVs, from one
 * read of the items), starting before the model is done.
 */
export async function writeReportSet(snapshot: Snapshot, dir: string, options: ReportSetOptions = {}): Promise<ReportSetResult> {
  const paper = options.paper ?? 'a4';
  // A report reads every table start to end, several times; the snapshot's 256 MB page cache
  // (sized for imports) would fill with pages read once and hold them, half the report's memory
  // at 250,000 devices. The OS file cache keeps the re-reads fast; the setting is restored after.
  const cacheSize = snapshot.db.pragma('cache_size', { simple: true }) as number;
  snapshot.db.pragma(`cache_size = ${REPORT_CACHE_KIB}`);
  try {
    return await writeFiles(snapshot, dir, paper, options);
  } finally {
    snapshot.db.pragma(`cache_size = ${cacheSize}`);
  }
}

/** SQLite's page cache while a report set is written: 32 MB (negative: in KiB). */
const REPORT_CACHE_KIB = -32768;

async function writeFiles(snapshot: Snapshot, dir: string, paper: Paper, options: ReportSetOptions): Promise<ReportSetResult> {
  const lists = startReportListsWorker({
    snapshotPath: snapshot.path,
    nativeBinding: options.nativeBinding,
    redact: options.redact ?? false,
    dir,
    cacheKib: REPORT_CACHE_KIB,
  });
  const part = (name: string) => join(dir, `.${REPORT_FILES.workbook}.${name}.part`);
  try {
    const data = buildReport(snapshot, options, (outline) => lists.sendOutline(outline));
    lists.sendModel(data.model);
    const redactor = listRedactor({ redactionKey: data.model.meta.redacted ? redactionKeyOf(snapshot) : null });
    const prepared: MainThreadSheet[] = [];
    const steps: [string, () => Promise<unknown>][] = [
      ...(['checklist', 'report'] as const).map((name): [string, () => Promise<unknown>] => {
        const file = PDF_DOCUMENTS[name].file;
        return [file, async () => writeFile(join(dir, file), await renderDocumentPdf(data.model, name, paper))];
      }),
      [REPORT_FILES.calendar, () => writeFile(join(dir, REPORT_FILES.calendar), data.calendar())],
      [
        `${REPORT_FILES.workbook}: ${MAIN_THREAD_SHEET}`,
        async () => prepared.push({ name: MAIN_THREAD_SHEET, sheet: await prepareSheet(part(MAIN_THREAD_SHEET), inventorySheet(MAIN_THREAD_SHEET, snapshot, redactor)) }),
      ],
      // Later exports need reconciliation, which the lists worker does not load: their sheet is written here.
      ...(data.model.reconciliation.length === 0
        ? []
        : [
            [
              `${REPORT_FILES.workbook}: Reconciliation`,
              async () => prepared.push({ name: 'Reconciliation', sheet: await prepareSheet(part('Reconciliation'), reconciliationSheet(snapshot, data.model.reconciliation, redactor)) }),
            ] as [string, () => Promise<unknown>],
          ]),
      [`${REPORT_FILES.workbook}, ${REPORT_FILES.json} and the CSVs`, async () => {
        lists.sendSheets(prepared);
        await lists.done;
      }],
    ];
    for (const [index, [file, write]] of steps.entries()) {
      options.onProgress?.({ file, index, total: steps.length });
      await write();
    }
    return { model: data.model, files: Object.values(REPORT_FILES) };
  } finally {
    await lists.stop();
    for (const name of [MAIN_THREAD_SHEET, 'Reconciliation']) await rm(part(name), { force: true });
  }
}
