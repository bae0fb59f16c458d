// The workbook's worker thread (writeReportSet.ts): report.xlsx is the slowest file of a report
// set, so it is written on its own connection to the snapshot while the main thread writes the
// PDFs, CSVs and JSON. It receives the finished report model and streams the lists itself.
import { parentPort, workerData } from 'node:worker_threads';
import { openSnapshot } from '../snapshot/openSnapshot.js';
import { reportData } from './reportModel.js';
import type { WorkbookJob, WorkbookOutcome } from './workbookJob.js';
import { writeWorkbook } from './workbook.js';

// exceljs's zip library (archiver 5) calls the deprecated `Buffer()`; Node stays quiet about it
// inside node_modules, but not once bundled, and the CLI's stderr would print the warning.
process.noDeprecation = true;

async function run(job: WorkbookJob): Promise<WorkbookOutcome> {
  const snapshot = openSnapshot(job.snapshotPath, { mustExist: true, nativeBinding: job.nativeBinding });
  try {
    snapshot.db.pragma(`cache_size = ${job.cacheKib}`);
    await writeWorkbook(reportData(snapshot, job.model), job.outPath);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  } finally {
    snapshot.close();
  }
}

// No top-level await: from the sources the worker is required through tsx's CommonJS hook.
void run(workerData as WorkbookJob).then((outcome) => parentPort!.postMessage(outcome));
