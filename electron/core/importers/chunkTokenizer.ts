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
 * Decodes and tokenizes, synchronously: the work itself, which InThreadTokenizer runs on the
 * calling thread and the worker behind OffThreadTokenizer on its own.
 *
 * It carries on from an earlier part of the file, so a byte-order mark at the start of its
 * text is a character of the data, not the file's BOM, and is kept. (The header reader strips
 * a BOM left at the start of the first header cell.)
 */
export class ByteTokenizer {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly builder = new RecordBatchBuilder();

  constructor(private readonly tokenizer: CsvTokenizer) {}

  push(bytes: Uint8Array): RecordBatch {
    this.tokenizer.push(this.decoder.decode(bytes, { stream: true }), this.builder);
    return this.builder.take();
  }

  finish(): RecordBatch {
    this.tokenizer.push(this.decoder.decode(), this.builder);
    this.tokenizer.end(this.builder);
    return this.builder.take();
  }

  keepOnly(columns: readonly number[]): void {
    this.tokenizer.keepOnly(columns);
  }
}

/** Tokenizes on the calling thread: small files, where a worker's start-up would cost more than it saves. */
export class InThreadTokenizer implements ChunkTokenizer {
  private readonly bytes: ByteTokenizer;

  constructor(tokenizer: CsvTokenizer) {
    this.bytes = new ByteTokenizer(tokenizer);
  }

  async push(chunk: Uint8Array): Promise<RecordBatch> {
    return this.bytes.push(chunk);
  }

  async finish(): Promise<RecordBatch> {
    return this.bytes.finish();
  }

  keepOnly(columns: readonly number[]): void {
    this.bytes.keepOnly(columns);
  }

  close(): void {}
}
