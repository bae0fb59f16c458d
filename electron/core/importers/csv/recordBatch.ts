import type { MappedRow } from '../kinds/rowTypes.js';
import type { RecordCells } from './columns.js';

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
  /** Adds a cell to the record being built. */
  cell(value: string): void;
  /** Ends the record of the cells added since the last call; `line` is where it started. */
  endRecord(line: number): void;
  /** Drops the cells added since the last endRecord (a record that turned out incomplete). */
  discardRecord(): void;
}

/** Collects records cell by cell; `take()` hands over what it has as one batch, its cells joined into one text, and starts afresh. */
export class RecordBatchBuilder implements RecordSink {
  private cells: string[] = [];
  private cellEnds = new Uint32Array(1 << 12);
  private length = 0;
  private readonly recordStarts: number[] = [0];
  private readonly recordLines: number[] = [];

  cell(value: string): void {
    const at = this.cells.length;
    if (at === this.cellEnds.length) {
      const grown = new Uint32Array(at * 2);
      grown.set(this.cellEnds);
      this.cellEnds = grown;
    }
    this.cells.push(value);
    this.length += value.length;
    this.cellEnds[at] = this.length;
  }

  endRecord(line: number): void {
    this.recordStarts.push(this.cells.length);
    this.recordLines.push(line);
  }

  discardRecord(): void {
    const kept = this.recordStarts[this.recordStarts.length - 1]!;
    this.cells.length = kept;
    this.length = kept === 0 ? 0 : this.cellEnds[kept - 1]!;
  }

  take(): RecordBatch {
    const batch: RecordBatch = {
      text: this.cells.join(''),
      cellEnds: this.cellEnds.slice(0, this.cells.length),
      recordStarts: Uint32Array.from(this.recordStarts),
      recordLines: Uint32Array.from(this.recordLines),
    };
    this.cells = [];
    this.length = 0;
    this.recordStarts.length = 1;
    this.recordLines.length = 0;
    return batch;
  }
}
