import type { RowMapper } from '../kinds/rowTypes.js';
import { CsvTokenizer } from './csvTokenizer.js';
import { RecordStage, type StageSpec, type StagedBatch } from './recordStage.js';

/** Turns a CSV export's UTF-8 bytes after the header, chunk by chunk, into staged record batches. */
export interface ChunkTokenizer {
  /** Says how to stage the records, and with which mapper (see recordStage.ts); comes before the first chunk. */
  stageWith(spec: StageSpec, mapper: RowMapper | null): void;
  /** Tokenizes and stages the next chunk; resolves to the records it completed. */
  push(bytes: Uint8Array): Promise<StagedBatch>;
  /** Ends the text; resolves to the last records. Rejects with a CsvSyntaxError on a quote left open. */
  finish(): Promise<StagedBatch>;
  /** Releases what it holds (the worker thread, for the off-thread one). */
  close(): void;
}

/**
 * Tokenizes and stages, synchronously: the work itself, which InThreadTokenizer runs on the
 * calling thread and the worker behind OffThreadTokenizer on its own.
 *
 * It carries on from an earlier part of the file, so a byte-order mark at the start of its
 * bytes is a character of the data, not the file's BOM, and is kept. (The header reader strips
 * a BOM left at the start of the first header cell.)
 */
export class ByteTokenizer {
  private stage: RecordStage | null = null;

  constructor(private readonly tokenizer: CsvTokenizer) {}

  stageWith(spec: StageSpec, mapper: RowMapper | null): void {
    this.tokenizer.keepOnly(spec.positions);
    this.stage = new RecordStage(spec, mapper);
  }

  push(bytes: Uint8Array): StagedBatch {
    const stage = this.stageOrFail();
    this.tokenizer.push(bytes, stage);
    return stage.take();
  }

  finish(): StagedBatch {
    const stage = this.stageOrFail();
    this.tokenizer.end(stage);
    return stage.take();
  }

  private stageOrFail(): RecordStage {
    if (!this.stage) throw new Error('stageWith must come before the first chunk');
    return this.stage;
  }
}

/** Tokenizes on the calling thread: small files, where a worker's start-up would cost more than it saves. */
export class InThreadTokenizer implements ChunkTokenizer {
  private readonly bytes: ByteTokenizer;

  constructor(tokenizer: CsvTokenizer) {
    this.bytes = new ByteTokenizer(tokenizer);
  }

  stageWith(spec: StageSpec, mapper: RowMapper | null): void {
    this.bytes.stageWith(spec, mapper);
  }

  async push(chunk: Uint8Array): Promise<StagedBatch> {
    return this.bytes.push(chunk);
  }

  async finish(): Promise<StagedBatch> {
    return this.bytes.finish();
  }

  close(): void {}
}
