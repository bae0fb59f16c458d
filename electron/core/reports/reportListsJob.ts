import type { Worker } from 'node:worker_threads';
import { startWorker } from '../startWorker.js';
import type { ReportModel, ReportOutline } from './reportModel.js';
import type { MainThreadSheet } from './workbook.js';

export interface ReportListsJob {
  readonly snapshotPath: string;
  /** better-sqlite3's native binding, where the app loads its Electron build of it. */
  readonly nativeBinding?: string;
  /** Pseudonymise the lists, with the snapshot's own key (redactionKeyOf). */
  readonly redact: boolean;
  /** The report set's folder. */
  readonly dir: string;
  /** SQLite page cache of the worker's connection (negative: KiB). */
  readonly cacheKib: number;
}

export type ReportListsOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** What the main thread sends the worker, in this order. */
export type ReportListsMessage =
  | { readonly type: 'outline'; readonly outline: ReportOutline }
  | { readonly type: 'model'; readonly model: ReportModel }
  | { readonly type: 'sheets'; readonly sheets: readonly MainThreadSheet[] };

/**
 * The running lists worker: it gets the model's outline, the model, then the inventory sheets
 * the main thread wrote; `done` settles when its files are written, `stop` ends it early.
 */
export interface ReportListsRun {
  readonly done: Promise<void>;
  sendOutline(outline: ReportOutline): void;
  sendModel(model: ReportModel): void;
  sendSheets(sheets: readonly MainThreadSheet[]): void;
  stop(): Promise<void>;
}

/** Writes the report set's lists (reportLists.ts) on a worker thread (reportListsWorker.ts), started before the model is built. */
export function startReportListsWorker(job: ReportListsJob): ReportListsRun {
  // V8's default young generation: at the import worker's 8 MB the short-lived row text of a
  // quarter of a million rows was scavenged about three times as often.
  const worker: Worker = startWorker(import.meta.url, 'reportListsWorker', { workerData: job });
  const done = new Promise<void>((resolve, reject) => {
    worker.once('message', (outcome: ReportListsOutcome) => (outcome.ok ? resolve() : reject(new Error(`The report's lists could not be written: ${outcome.message}`))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The report's lists worker stopped (exit code ${code}) before its files were written.`)));
  });
  // A rejection nobody waits for yet (the main thread is still on other files) is not unhandled.
  done.catch(() => undefined);
  return {
    done,
    sendOutline(outline) {
      worker.postMessage({ type: 'outline', outline } satisfies ReportListsMessage);
    },
    sendModel(model) {
      worker.postMessage({ type: 'model', model } satisfies ReportListsMessage);
    },
    sendSheets(sheets) {
      worker.postMessage({ type: 'sheets', sheets } satisfies ReportListsMessage);
    },
    async stop() {
      await worker.terminate();
    },
  };
}
