import type { Worker } from 'node:worker_threads';
import { startWorker } from '../startWorker.js';
import type { ReportModel } from './reportModel.js';

export interface WorkbookJob {
  readonly snapshotPath: string;
  /** better-sqlite3's native binding, where the app loads its Electron build of it. */
  readonly nativeBinding?: string;
  /** Pseudonymise the workbook: its devices and users sheets then wait for the model's key. */
  readonly redact: boolean;
  readonly outPath: string;
  /** SQLite page cache of the worker's connection (negative: KiB). */
  readonly cacheKib: number;
}

export type WorkbookOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * A running workbook worker: `sendModel` hands it the finished report model, `done` settles
 * when report.xlsx is written, `stop` ends it early.
 */
export interface WorkbookRun {
  readonly done: Promise<void>;
  sendModel(model: ReportModel): void;
  stop(): Promise<void>;
}

/** Writes report.xlsx on a worker thread (workbookWorker.ts), started before the model is built. */
export function startWorkbookWorker(job: WorkbookJob): WorkbookRun {
  // A small young generation, as for the import's worker: its garbage is short-lived row text,
  // and two threads share the report's 500 MB budget.
  const worker: Worker = startWorker(import.meta.url, 'workbookWorker', { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  const done = new Promise<void>((resolve, reject) => {
    worker.once('message', (outcome: WorkbookOutcome) => (outcome.ok ? resolve() : reject(new Error(`report.xlsx could not be written: ${outcome.message}`))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The workbook worker stopped (exit code ${code}) before report.xlsx was written.`)));
  });
  // A rejection nobody waits for yet (the main thread is still on other files) is not unhandled.
  done.catch(() => undefined);
  return {
    done,
    sendModel(model) {
      worker.postMessage(model);
    },
    async stop() {
      await worker.terminate();
    },
  };
}
