import { bindColumns, type RecordCells } from './columns.js';
import type { RowIssues, RowMapper } from '../kinds/rowTypes.js';
import { RecordBatchBuilder, type RecordBatch, type RecordSink } from './recordBatch.js';

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
 * RecordSink in front of the batch the records go out in, and the RecordCells a mapper's
 * CsvRow reads. It runs wherever the file is tokenized, on the tokenizer's worker for a big
 * file, so the import thread is left with writing. One stage serves one file, in order: a
 * mapper may remember what it has reported.
 */
export class RecordStage implements RecordSink, RecordCells {
  private readonly cells: string[] = [];
  /** Cells of the record being read. */
  width = 0;
  line = 0;
  private readonly out = new RecordBatchBuilder();
  private issues: StagedIssue[] = [];
  private readonly headerWidth: number;
  private readonly row;
  private readonly map;
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

  /** `mapper` is the kind's, when its rows map without the snapshot (see CsvMappedKind). */
  constructor(
    private readonly spec: StageSpec,
    mapper: RowMapper | null,
  ) {
    this.headerWidth = spec.headers.length;
    this.row = mapper ? bindColumns(mapper.columns, spec.headers).row(this) : null;
    this.map = mapper ? mapper.create() : null;
  }

  cell(value: string): void {
    this.cells[this.width++] = value;
  }

  discardRecord(): void {
    this.width = 0;
  }

  endRecord(line: number): void {
    this.line = line;
    this.rejected = false;
    if (this.isWellFormed()) {
      if (!this.map) {
        for (let at = 0; at < this.width; at++) this.out.cell(this.cells[at]!);
        this.out.endRecord(line);
      } else {
        const values = this.map(this.row!, this.rowIssues);
        if (values && !this.rejected) {
          for (const value of values) this.out.cell(value === null ? '' : typeof value === 'number' ? String(value) : value);
          this.out.endRecord(line);
        }
      }
    }
    this.width = 0;
  }

  text(position: number): string | undefined {
    return position < this.width ? this.cells[position] : undefined;
  }

  /** The records staged since the last call, and their issues. */
  take(): StagedBatch {
    const issues = this.issues;
    this.issues = [];
    return { records: this.out.take(), issues };
  }

  /** The record has as many cells as the header, and none of the required ones is blank. */
  private isWellFormed(): boolean {
    if (this.width !== this.headerWidth) {
      this.rowIssues.reject(null, `the row has ${this.width} fields but the header has ${this.headerWidth}`);
      return false;
    }
    for (const { position, header } of this.spec.required) {
      if (!this.cells[position]!.trim()) {
        this.rowIssues.reject(header, `${header} is empty`);
        return false;
      }
    }
    return true;
  }
}
