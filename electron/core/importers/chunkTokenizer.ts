import { CsvTokenizer } from './csvTokenizer.js';
import { RecordBatchBuilder, type RecordBatch } from './recordBatch.js';

/** Turns a CSV export's UTF-8 bytes, chunk by chunk, into record batches. */
export interface ChunkTokenizer {
  /** Tokenizes the next chunk; resolves to the records it completed. */
  push(bytes: Uint8Array): Promise<RecordBatch>;
  /** Ends the text; resolves to the last records. Rejects with a CsvSyntaxError on a quote left open. */
  finish(): Promise<RecordBatch>;
  /** Cells of columns not listed may read as '' from now on (see CsvTokenizer.keepOnly). */
  keepOnly(columns: readonly number[]): void;
  /** Releases what it holds (the worker thread, for the off-thread one). */
  close(): void;
}

/** Tokenizes on the calling thread: small files, where a worker's start-up would cost more than it saves. */
export class InThreadTokenizer implements ChunkTokenizer {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly builder = new RecordBatchBuilder();

  constructor(private readonly tokenizer: CsvTokenizer) {}

  async push(bytes: Uint8Array): Promise<RecordBatch> {
    this.tokenizer.push(this.decoder.decode(bytes, { stream: true }), this.builder);
    return this.builder.take();
  }

  async finish(): Promise<RecordBatch> {
    this.tokenizer.push(this.decoder.decode(), this.builder);
    this.tokenizer.end(this.builder);
    return this.builder.take();
  }

  keepOnly(columns: readonly number[]): void {
    this.tokenizer.keepOnly(columns);
  }

  close(): void {}
}
