import { CellCopy, bindColumns, type RecordCells } from './columns.js';
import type { RowIssues, RowMapper } from '../kinds/rowTypes.js';
import { RecordBatchBuilder, type RecordBatch, type RecordSink } from './recordBatch.js';
import { utf8Text } from '../input/utf8Bytes.js';

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

const EMPTY = Buffer.alloc(0);

/** ASCII whitespace, which trimming removes; String.prototype.trim removes more, all of it non-ASCII. */
function isAsciiSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

/**
 * Checks every record and, for a mapped kind, maps it, as the tokenizer completes it: a
 * RecordSink in front of the batch the records go out in. It runs wherever the file is
 * tokenized, on the tokenizer's worker for a big file, so the import thread is left with
 * writing. One stage serves one file, in order: a mapper may remember what it has reported.
 *
 * The record being read is held as the tokenizer's byte ranges; it is also the RecordCells a
 * mapper's CsvRow reads, so a cell becomes a string only when the mapper asks for its text.
 */
export class RecordStage implements RecordSink, RecordCells {
  private sources: Buffer[] = [];
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  /** Cells of the record being read. */
  width = 0;
  line = 0;
  private readonly out = new RecordBatchBuilder();
  /** Where a CellCopy's conversion writes its value. */
  private readonly converted = Buffer.allocUnsafe(64);
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

  cell(bytes: Buffer, start: number, end: number): void {
    const at = this.width++;
    if (at === this.starts.length) {
      const starts = new Int32Array(at * 2);
      const ends = new Int32Array(at * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.sources[at] = bytes;
    this.starts[at] = start;
    this.ends[at] = end;
  }

  discardRecord(): void {
    this.width = 0;
  }

  endRecord(line: number): void {
    this.line = line;
    this.rejected = false;
    if (this.isWellFormed()) {
      if (!this.map) {
        for (let at = 0; at < this.width; at++) this.out.cell(this.sources[at]!, this.starts[at]!, this.ends[at]!);
        this.out.endRecord(line);
      } else {
        const values = this.map(this.row!, this.rowIssues);
        if (values && !this.rejected) {
          for (const value of values) this.stageValue(value);
          this.out.endRecord(line);
        }
      }
    }
    this.width = 0;
  }

  text(position: number): string | undefined {
    return position < this.width ? utf8Text(this.sources[position]!, this.starts[position]!, this.ends[position]!) : undefined;
  }

  /** The records staged since the last call, and their issues. */
  take(): StagedBatch {
    const issues = this.issues;
    this.issues = [];
    return { records: this.out.take(), issues };
  }

  private stageValue(value: string | number | null | CellCopy): void {
    if (value instanceof CellCopy) this.stageCell(value);
    else if (value === null) this.out.cell(EMPTY, 0, 0);
    else this.out.text(typeof value === 'number' ? String(value) : value);
  }

  /** The cell as CsvRow.get reads it (trimmed), as it is or converted, passed on as bytes where the bytes allow. */
  private stageCell({ position, conversion }: CellCopy): void {
    const bytes = this.sources[position]!;
    let start = this.starts[position]!;
    let end = this.ends[position]!;
    while (start < end && isAsciiSpace(bytes[start]!)) start++;
    while (end > start && isAsciiSpace(bytes[end - 1]!)) end--;
    // Ending in a non-ASCII character, which may be whitespace that trim() removes.
    if (end > start && (bytes[start]! >= 0x80 || bytes[end - 1]! >= 0x80)) {
      const text = utf8Text(bytes, start, end).trim();
      return this.stageValue(conversion && text ? conversion.fromText(text) : text);
    }
    if (!conversion || start === end) return this.out.cell(bytes, start, end);
    const length = conversion.fromBytes(bytes, start, end, this.converted);
    if (length >= 0) this.out.cell(this.converted, 0, length);
    else this.stageValue(conversion.fromText(utf8Text(bytes, start, end)));
  }

  private isBlank(position: number): boolean {
    const bytes = this.sources[position]!;
    for (let at = this.starts[position]!; at < this.ends[position]!; at++) {
      const byte = bytes[at]!;
      if (byte >= 0x80) return !this.text(position)!.trim();
      if (!isAsciiSpace(byte)) return false;
    }
    return true;
  }

  /** The record has as many cells as the header, and none of the required ones is blank. */
  private isWellFormed(): boolean {
    if (this.width !== this.headerWidth) {
      this.rowIssues.reject(null, `the row has ${this.width} fields but the header has ${this.headerWidth}`);
      return false;
    }
    for (const { position, header } of this.spec.required) {
      if (this.isBlank(position)) {
        this.rowIssues.reject(header, `${header} is empty`);
        return false;
      }
    }
    return true;
  }
}
