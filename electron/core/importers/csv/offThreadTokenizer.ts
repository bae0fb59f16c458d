import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../startWorker.js';
import type { RowMapper } from '../kinds/rowTypes.js';
import type { ChunkTokenizer } from './chunkTokenizer.js';
import { CsvSyntaxError } from './csvTokenizer.js';
import type { StageSpec, StagedBatch } from './recordStage.js';

/** What the worker starts from: the records after the header, which starts on `firstLine`. */
export interface TokenizerStart {
  readonly delimiter: string;
  readonly maxRecordBytes: number;
  readonly firstLine: number;
}

export type TokenizerRequest =
  /** A function cannot cross to the worker: the mapper goes by its id (see rowMapperById). */
  | { readonly type: 'stageWith'; readonly spec: StageSpec; readonly mapper: string | null }
  | { readonly type: 'bytes'; readonly bytes: Uint8Array }
  | { readonly type: 'finish' };

/** One per `bytes` or `finish` request, in order. */
export type TokenizerResponse =
  | { readonly staged: StagedBatch; readonly error?: undefined }
  | { readonly staged?: undefined; readonly error: { readonly reason: CsvSyntaxError['reason'] | 'stopped' | 'failed'; readonly line?: number; readonly message?: string } };

const WORKER_NAME = 'csvTokenizerWorker';

/** Starts the worker (startWorker.ts says where its entry is found). */
function startTokenizerWorker(start: TokenizerStart): Worker {
  // A smaller young generation than V8's default: the worker's garbage is short-lived chunk
  // text, so a small nursery is collected often and cheaply, and the import must stay under
  // 300 MB RSS.
  return startWorker(import.meta.url, WORKER_NAME, { workerData: start, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
}

interface Pending {
  resolve(batch: StagedBatch): void;
  reject(error: Error): void;
}

/**
 * Tokenizes and stages on a worker thread, so that a big import parses and maps the next
 * chunks while the import thread writes the previous ones into SQLite. Requests are answered
 * in order; the caller may keep several in flight. After a failure the later ones reject too.
 */
export class OffThreadTokenizer implements ChunkTokenizer {
  private readonly worker: Worker;
  private readonly pending: Pending[] = [];
  private failure: Error | null = null;

  constructor(start: TokenizerStart) {
    this.worker = startTokenizerWorker(start);
    this.worker.on('message', (response: TokenizerResponse) => {
      const next = this.pending.shift();
      if (!next) return;
      if (response.staged) next.resolve(response.staged);
      else next.reject(toError(response.error));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => this.fail(new Error('the tokenizer thread stopped')));
  }

  stageWith(spec: StageSpec, mapper: RowMapper | null): void {
    this.worker.postMessage({ type: 'stageWith', spec, mapper: mapper?.id ?? null } satisfies TokenizerRequest);
  }

  push(bytes: Uint8Array): Promise<StagedBatch> {
    // A copy of just this chunk: the stream's buffer may be a slice of a larger pooled one,
    // which transferring would detach under its other users.
    const copy = new Uint8Array(bytes);
    return this.request({ type: 'bytes', bytes: copy }, [copy.buffer]);
  }

  finish(): Promise<StagedBatch> {
    return this.request({ type: 'finish' }, []);
  }

  close(): void {
    void this.worker.terminate();
  }

  private request(request: TokenizerRequest, transfer: ArrayBuffer[]): Promise<StagedBatch> {
    return new Promise<StagedBatch>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.pending.push({ resolve, reject });
      this.worker.postMessage(request, transfer);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.splice(0)) pending.reject(this.failure);
  }
}

function toError(error: Extract<TokenizerResponse, { error: object }>['error']): Error {
  if (error.reason === 'unclosed_quote' || error.reason === 'record_too_long') return new CsvSyntaxError(error.reason, error.line ?? 0);
  return new Error(error.message ?? 'the tokenizer thread stopped after an earlier failure');
}
