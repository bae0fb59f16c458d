// The report set's second thread (writeReportSet.ts): it writes every file that streams lists
// from SQL (report.xlsx, report.json and the CSVs; reportLists.ts) on its own connection to the
// snapshot, while the main thread builds the report model and writes the PDFs. It starts before
// the model exists, and the model arrives as the one message the main thread sends.
import { parentPort, workerData } from 'node:worker_threads';
import { openSnapshot, type Snapshot } from '../snapshot/openSnapshot.js';
import { writeReportLists } from './reportLists.js';
import type { ReportListsJob, ReportListsOutcome } from './reportListsJob.js';
import type { ReportModel } from './reportModel.js';

async function run(job: ReportListsJob): Promise<ReportListsOutcome> {
  const model = new Promise<ReportModel>((resolve) => parentPort!.once('message', resolve));
  let snapshot: Snapshot | undefined;
  try {
    snapshot = openSnapshot(job.snapshotPath, { readOnly: true, nativeBinding: job.nativeBinding });
    snapshot.db.pragma(`cache_size = ${job.cacheKib}`);
    await writeReportLists(snapshot, model, job.redact, job.dir);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  } finally {
    snapshot?.close();
  }
}

// No top-level await: from the sources the worker is required through tsx's CommonJS hook.
void run(workerData as ReportListsJob).then((outcome) => parentPort!.postMessage(outcome));
