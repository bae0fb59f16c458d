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

/**
 * A decoder for text that carries on from an earlier part of the file: a byte-order mark
 * there is a character of the data, not the file's BOM, and must not be dropped. (The header
 * reader strips a BOM left at the start of the first header cell.)
 */
export function continuationDecoder(): TextDecoder {
  return new TextDecoder('utf-8', { ignoreBOM: true });
}

/** Tokenizes on the calling thread: small files, where a worker's start-up would cost more than it saves. */
export class InThreadTokenizer implements ChunkTokenizer {
  private readonly decoder = continuationDecoder();
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
