// The workbook's worker thread (writeReportSet.ts): report.xlsx is the largest file of a report
// set, so it is written on its own connection to the snapshot while the main thread writes the
// PDFs, CSVs and JSON. It starts before the report model exists: the devices and users sheets
// need only the snapshot, and the model arrives as the one message the main thread sends.
import { parentPort, workerData } from 'node:worker_threads';
import { openSnapshot } from '../snapshot/openSnapshot.js';
import type { ReportModel } from './reportModel.js';
import type { WorkbookJob, WorkbookOutcome } from './workbookJob.js';
import { writeWorkbook } from './workbook.js';

async function run(job: WorkbookJob): Promise<WorkbookOutcome> {
  const model = new Promise<ReportModel>((resolve) => parentPort!.once('message', resolve));
  const snapshot = openSnapshot(job.snapshotPath, { mustExist: true, nativeBinding: job.nativeBinding });
  try {
    snapshot.db.pragma(`cache_size = ${job.cacheKib}`);
    await writeWorkbook(snapshot, model, job.redact, job.outPath);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  } finally {
    snapshot.close();
  }
}

// No top-level await: from the sources the worker is required through tsx's CommonJS hook.
void run(workerData as WorkbookJob).then((outcome) => parentPort!.postMessage(outcome));
