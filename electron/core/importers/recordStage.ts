import { bindColumns } from './columns.js';
import type { RowIssues } from './importKind.js';
import { RecordBatchBuilder, type RecordBatch, type RecordSink } from './recordBatch.js';
import { rowMapperById } from './rowMappers.js';

/**
 * What the record stage needs to know of a file and its kind: plain data, so that it can
 * cross to the tokenizer's worker thread.
 */
export interface StageSpec {
  readonly headers: readonly string[];
  /** Columns the kind reads; the others' cells are read as '' (see CsvTokenizer.keepOnly). */
  readonly positions: readonly number[];
  /** Columns a record must not leave blank, with their headers as written. */
  readonly required: readonly { readonly position: number; readonly header: string }[];
  /** The kind's RowMapper, when its rows map without the snapshot (see rowMappers.ts). */
  readonly mapper: string | null;
}

export interface StagedIssue {
  readonly line: number;
  readonly column: string | null;
  readonly reason: string;
  readonly severity: 'error' | 'warning';
}

/**
 * Records after the stage: each checked against the header and, for a kind with a RowMapper,
 * replaced by the values it maps to (text, '' for null). `records` holds the records the stage
 * kept; `issues` (in line order) says why it rejected the others, and warns about kept ones.
 */
export interface StagedBatch {
  readonly records: RecordBatch;
  readonly issues: readonly StagedIssue[];
}

/** The transferable buffers of a staged batch, for postMessage. */
export function stagedBuffers(batch: StagedBatch): ArrayBuffer[] {
  const { cellEnds, recordStarts, recordLines } = batch.records;
  return [cellEnds.buffer, recordStarts.buffer, recordLines.buffer];
}

/**
 * Checks every record and, for a mapped kind, maps it, as the tokenizer completes it: a
 * RecordSink in front of the batch the records go out in. It runs wherever the file is
 * tokenized, on the tokenizer's worker for a big file, so the import thread is left with
 * writing. One stage serves one file, in order: a mapper may remember what it has reported.
 */
export class RecordStage implements RecordSink {
  private readonly cells: string[] = [];
  private readonly out = new RecordBatchBuilder();
  private issues: StagedIssue[] = [];
  private readonly width: number;
  private readonly binding;
  private readonly map;
  private line = 0;
  private rejected = false;
  private readonly rowIssues: RowIssues = {
    reject: (column, reason) => {
      this.rejected = true;
      this.issues.push({ line: this.line, column, reason, severity: 'error' });
    },
    warn: (column, reason) => {
      this.issues.push({ line: this.line, column, reason, severity: 'warning' });
    },
  };

  constructor(private readonly spec: StageSpec) {
    this.width = spec.headers.length;
    const mapper = spec.mapper === null ? null : rowMapperById(spec.mapper);
    this.binding = mapper ? bindColumns(mapper.columns, spec.headers) : null;
    this.map = mapper ? mapper.create() : null;
  }

  cell(value: string): void {
    this.cells.push(value);
  }

  discardRecord(): void {
    this.cells.length = 0;
  }

  endRecord(line: number): void {
    const cells = this.cells;
    this.line = line;
    this.rejected = false;
    if (this.isWellFormed(cells)) {
      const values = this.map ? this.map(this.binding!.rowOfCells(cells, line), this.rowIssues) : cells;
      if (values && !this.rejected) {
        for (const value of values) this.out.cell(typeof value === 'number' ? String(value) : (value ?? ''));
        this.out.endRecord(line);
      }
    }
    cells.length = 0;
  }

  /** The records staged since the last call, and their issues. */
  take(): StagedBatch {
    const issues = this.issues;
    this.issues = [];
    return { records: this.out.take(), issues };
  }

  /** The record has as many cells as the header, and none of the required ones is blank. */
  private isWellFormed(cells: readonly string[]): boolean {
    if (cells.length !== this.width) {
      this.rowIssues.reject(null, `the row has ${cells.length} fields but the header has ${this.width}`);
      return false;
    }
    for (const { position, header } of this.spec.required) {
      if (!cells[position]!.trim()) {
        this.rowIssues.reject(header, `${header} is empty`);
        return false;
      }
    }
    return true;
  }
}
