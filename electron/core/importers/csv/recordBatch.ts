import type { MappedRow } from '../kinds/rowTypes.js';
import type { RecordCells } from './columns.js';
import { utf8Text, writeUtf8 } from '../input/utf8Bytes.js';

/**
 * Records as the tokenizer hands them up: one string holding every kept cell of the batch
 * back to back, and typed arrays of offsets. A batch crosses from the tokenizer's worker
 * thread as one string copy and three transferred buffers, where arrays of cell strings would
 * be cloned and rebuilt string by string; and a cell is cut out of the text only when a kind
 * reads it.
 */
export interface RecordBatch {
  /** The kept cells of every record, concatenated. */
  readonly text: string;
  /** End offset in `text` of every cell, record after record; a cell starts where the previous one ended. */
  readonly cellEnds: Uint32Array<ArrayBuffer>;
  /** Index in `cellEnds` of each record's first cell, plus one past the last record's last cell. */
  readonly recordStarts: Uint32Array<ArrayBuffer>;
  /** 1-based file line on which each record starts. */
  readonly recordLines: Uint32Array<ArrayBuffer>;
}

export function recordCount(batch: RecordBatch): number {
  return batch.recordLines.length;
}

export function recordWidth(batch: RecordBatch, record: number): number {
  return batch.recordStarts[record + 1]! - batch.recordStarts[record]!;
}

/** The cell of `record` in `column`, or undefined when the record is narrower than that. */
export function cellOf(batch: RecordBatch, record: number, column: number): string | undefined {
  const at = batch.recordStarts[record]! + column;
  if (at >= batch.recordStarts[record + 1]!) return undefined;
  return batch.text.slice(at === 0 ? 0 : batch.cellEnds[at - 1]!, batch.cellEnds[at]!);
}

/** Every cell of a record, e.g. the header. */
export function cellsOf(batch: RecordBatch, record: number): string[] {
  return Array.from({ length: recordWidth(batch, record) }, (_, column) => cellOf(batch, record, column)!);
}

/** The records of batches as RecordCells: one object pointed at record after record, so callers must not keep it. */
export function recordCellsView(): { at(batch: RecordBatch, record: number): RecordCells } {
  let batch: RecordBatch | null = null;
  let record = 0;
  const cells: RecordCells = {
    get line() {
      return batch!.recordLines[record]!;
    },
    get width() {
      return recordWidth(batch!, record);
    },
    text: (column) => cellOf(batch!, record, column),
  };
  return {
    at(records, at) {
      batch = records;
      record = at;
      return cells;
    },
  };
}

/** A MappedRow over a staged batch; one object pointed at record after record, so callers must not keep it. */
export function mappedRowView(): { at(batch: RecordBatch, record: number): MappedRow } {
  let text = '';
  let ends = new Uint32Array(0);
  let first = 0;
  const row = {
    line: 0,
    // The record's cells are ends[first] onwards; a mapped record always has the mapper's width.
    value(index: number): string | null {
      const at = first + index;
      return text.slice(at === 0 ? 0 : ends[at - 1]!, ends[at]!) || null;
    },
  };
  return {
    at(batch, record) {
      text = batch.text;
      ends = batch.cellEnds;
      first = batch.recordStarts[record]!;
      row.line = batch.recordLines[record]!;
      return row;
    },
  };
}

/** Where a tokenizer puts what it reads: cell after cell, record after record. */
export interface RecordSink {
  /**
   * Adds a cell to the record being built: `bytes[start, end)`, UTF-8. The bytes stay as they
   * are until the record ends or is discarded, so a sink may read them then.
   */
  cell(bytes: Buffer, start: number, end: number): void;
  /** Ends the record of the cells added since the last call; `line` is where it started. */
  endRecord(line: number): void;
  /** Drops the cells added since the last endRecord (a record that turned out incomplete). */
  discardRecord(): void;
}

/**
 * Collects records cell by cell, copying each cell's bytes into one growing buffer; `take()`
 * hands over what it has as one batch, its bytes decoded in one go, and starts afresh. Cells
 * come as byte ranges (a tokenizer's, or a record stage passing a cell on) or as text (a value
 * a stage mapped). No cell becomes a string of its own: a batch's thousands of cell strings
 * were most of what the worker's garbage collector had to do.
 */
export class RecordBatchBuilder implements RecordSink {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private length = 0;
  /** `length` when the record being built started. */
  private recordStart = 0;
  private cellEnds = new Uint32Array(1 << 12);
  private cellCount = 0;
  private readonly recordStarts: number[] = [0];
  private readonly recordLines: number[] = [];

  cell(source: Buffer, start: number, end: number): void {
    const size = end - start;
    this.reserve(size);
    const bytes = this.bytes;
    let at = this.length;
    // Most cells are a few dozen bytes, for which a loop beats a call into native code.
    if (size < 64) for (let i = start; i < end; i++) bytes[at++] = source[i]!;
    else at += source.copy(bytes, at, start, end);
    this.length = at;
    this.endCell();
  }

  /** Adds a cell of text. */
  text(value: string): void {
    // A UTF-16 code unit takes at most three UTF-8 bytes.
    this.reserve(value.length * 3);
    this.length = writeUtf8(value, this.bytes, this.length);
    this.endCell();
  }

  endRecord(line: number): void {
    this.recordStart = this.length;
    this.recordStarts.push(this.cellCount);
    this.recordLines.push(line);
  }

  discardRecord(): void {
    this.length = this.recordStart;
    this.cellCount = this.recordStarts[this.recordStarts.length - 1]!;
  }

  take(): RecordBatch {
    const text = utf8Text(this.bytes, 0, this.length);
    const cellEnds = this.cellEnds.slice(0, this.cellCount);
    // The ends count bytes; the text's offsets count UTF-16 code units, which differ only
    // after a character outside ASCII.
    if (text.length !== this.length) toTextOffsets(this.bytes, cellEnds);
    const batch: RecordBatch = {
      text,
      cellEnds,
      recordStarts: Uint32Array.from(this.recordStarts),
      recordLines: Uint32Array.from(this.recordLines),
    };
    // The buffers are kept, not replaced: growing them afresh for every batch is garbage the
    // worker would collect.
    this.length = 0;
    this.recordStart = 0;
    this.cellCount = 0;
    this.recordStarts.length = 1;
    this.recordLines.length = 0;
    return batch;
  }

  private endCell(): void {
    if (this.cellCount === this.cellEnds.length) {
      const grown = new Uint32Array(this.cellEnds.length * 2);
      grown.set(this.cellEnds);
      this.cellEnds = grown;
    }
    this.cellEnds[this.cellCount++] = this.length;
  }

  private reserve(size: number): void {
    if (this.length + size <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + size));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}

/**
 * Turns byte offsets into well-formed UTF-8 `bytes` (ascending) into the offsets of the same
 * places in its decoded text: a character of four bytes is two UTF-16 code units, a shorter
 * one a single unit.
 */
function toTextOffsets(bytes: Uint8Array, offsets: Uint32Array): void {
  let byte = 0;
  let unit = 0;
  for (let i = 0; i < offsets.length; i++) {
    const end = offsets[i]!;
    for (; byte < end; byte++) {
      const lead = bytes[byte]!;
      // Continuation bytes (10xxxxxx) add nothing; a four-byte lead (11110xxx) adds two.
      if (lead < 0x80 || lead >= 0xc0) unit += lead >= 0xf0 ? 2 : 1;
    }
    offsets[i] = unit;
  }
}
