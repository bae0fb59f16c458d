// The report set's second thread (writeReportSet.ts): it writes every file that streams lists
// from SQL (report.xlsx, report.json and the CSVs; reportLists.ts) on its own connection to the
// snapshot, while the main thread builds the report model and writes the PDFs. It starts before
// the model exists; the main thread sends the model's outline, the model, then the workbook's
// sheets it wrote.
import { parentPort, workerData } from 'node:worker_threads';
import { openSnapshot, type Snapshot } from '../snapshot/openSnapshot.js';
import { writeReportLists } from './reportLists.js';
import type { ReportListsJob, ReportListsMessage, ReportListsOutcome } from './reportListsJob.js';
import type { ReportModel, ReportOutline } from './reportModel.js';
import type { MainThreadSheet } from './workbook.js';

async function run(job: ReportListsJob): Promise<ReportListsOutcome> {
  let resolveOutline!: (outline: ReportOutline) => void;
  let resolveModel!: (model: ReportModel) => void;
  let resolveSheets!: (sheets: readonly MainThreadSheet[]) => void;
  const input = {
    outline: new Promise<ReportOutline>((resolve) => (resolveOutline = resolve)),
    model: new Promise<ReportModel>((resolve) => (resolveModel = resolve)),
    sheets: new Promise<readonly MainThreadSheet[]>((resolve) => (resolveSheets = resolve)),
  };
  const listen = (message: ReportListsMessage) => {
    if (message.type === 'outline') return resolveOutline(message.outline);
    if (message.type === 'model') return resolveModel(message.model);
    resolveSheets(message.sheets);
    parentPort!.off('message', listen);
  };
  parentPort!.on('message', listen);
  let snapshot: Snapshot | undefined;
  try {
    snapshot = openSnapshot(job.snapshotPath, { readOnly: true, nativeBinding: job.nativeBinding });
    snapshot.db.pragma(`cache_size = ${job.cacheKib}`);
    await writeReportLists(snapshot, input, job.redact, job.dir);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  } finally {
    snapshot?.close();
  }
}

// No top-level await: from the sources the worker is required through tsx's CommonJS hook.
void run(workerData as ReportListsJob).then((outcome) => parentPort!.postMessage(outcome));
