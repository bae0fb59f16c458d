import { CellCopy, bindColumns, type RecordCells } from './columns.js';
import type { RowIssues, RowMapper } from '../kinds/rowTypes.js';
import type { RecordBatch } from './recordBatch.js';
import type { StageSpec, StagedBatch, StagedIssue } from './recordStage.js';
import type { TextRecordSink } from './stringTokenizer.js';

/** Collects records cell by cell as strings; `take()` hands over what it has as one batch, its cells joined into one text. */
export class TextBatchBuilder implements TextRecordSink {
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

/**
 * Checks every record and, for a mapped kind, maps it, as the string tokenizer completes it:
 * a TextRecordSink in front of the batch the records go out in, and the RecordCells a
 * mapper's CsvRow reads.
 */
export class TextRecordStage implements TextRecordSink, RecordCells {
  private readonly cells: string[] = [];
  /** Cells of the record being read. */
  width = 0;
  line = 0;
  private readonly out = new TextBatchBuilder();
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
          for (const value of values) this.out.cell(this.valueText(value));
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

  private valueText(value: string | number | null | CellCopy): string {
    if (value instanceof CellCopy) {
      const text = this.cells[value.position]!.trim();
      return value.conversion && text ? (value.conversion.fromText(text) ?? '') : text;
    }
    return value === null ? '' : typeof value === 'number' ? String(value) : value;
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
