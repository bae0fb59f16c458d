import type { RecordSink } from './recordBatch.js';
import { wellFormedUtf8 } from '../input/utf8Bytes.js';

export class CsvSyntaxError extends Error {
  constructor(
    readonly reason: 'unclosed_quote' | 'record_too_long',
    readonly line: number,
  ) {
    super(reason === 'unclosed_quote' ? `a quoted field opened on line ${line} is never closed` : `the record starting on line ${line} is too long`);
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const EMPTY = Buffer.alloc(0);

/**
 * An incremental CSV tokenizer over UTF-8 bytes (RFC 4180, plus what real exports do): quoted
 * fields with doubled quotes, delimiters and line breaks inside; CRLF or LF; a stray quote
 * inside an unquoted field kept literally. The delimiter, quote and line break are ASCII bytes,
 * which never occur inside a longer UTF-8 character, so the bytes are split without being
 * decoded: a cell is handed on as a byte range, and only the cells a kind reads ever become
 * strings. (csv-parse makes a string of every cell, and alone takes most of the import's time
 * budget: see docs/benchmarks.md.)
 *
 * Bytes that are not well-formed UTF-8 are read as a TextDecoder reads them, each invalid
 * sequence a U+FFFD, so what is stored is always text.
 */
export class CsvTokenizer {
  private buffer: Buffer = EMPTY;
  /** Leading bytes of `buffer` already made well-formed (see push). */
  private checked = 0;
  private line: number;
  private readonly delimiter: number;
  /** Columns whose values are wanted (see keepOnly); null keeps every value. */
  private wanted: readonly boolean[] | null = null;
  /** Quoted values of the record being read that had to be rewritten (doubled quotes): the sink reads them from here. */
  private scratch = Buffer.allocUnsafe(1 << 12);
  private scratchLength = 0;

  /** `firstLine` is the file line the first pushed bytes start on (2 after a skipped `#TYPE` line). */
  constructor(
    delimiter: string,
    private readonly maxRecordBytes: number,
    firstLine = 1,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
    this.line = firstLine;
  }

  /**
   * From now on, values of the other columns are read as '' (records keep their width): an
   * importer reads 20 of an Intune export's 48 columns, and every value handed on is copied.
   */
  keepOnly(columns: readonly number[]): void {
    const wanted: boolean[] = [];
    for (const column of columns) if (column >= 0) wanted[column] = true;
    this.wanted = wanted;
  }

  /** Adds bytes and appends the records they complete to `out`; an unfinished record waits for more. */
  push(bytes: Uint8Array, out: RecordSink): void {
    const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    // Up to the last line feed the bytes hold whole characters; a character cut at the chunk's
    // end is checked with the next chunk.
    this.makeWellFormed(this.buffer.lastIndexOf(LF) + 1);
    const consumed = this.scan(out, false);
    this.buffer = this.buffer.subarray(consumed);
    this.checked -= consumed;
    if (this.buffer.length > this.maxRecordBytes) throw new CsvSyntaxError('record_too_long', this.line);
  }

  /** Finishes the bytes: the last record may lack its line break, but not a closing quote. */
  end(out: RecordSink): void {
    this.makeWellFormed(this.buffer.length);
    this.scan(out, true);
    this.buffer = EMPTY;
    this.checked = 0;
  }

  /** The line after the last complete record and the blank lines after it: where the next record starts. */
  nextLine(): number {
    return this.line;
  }

  private makeWellFormed(end: number): void {
    if (end <= this.checked) return;
    const part = this.buffer.subarray(this.checked, end);
    const wellFormed = wellFormedUtf8(part);
    if (wellFormed !== part) this.buffer = Buffer.concat([this.buffer.subarray(0, this.checked), wellFormed, this.buffer.subarray(end)]);
    this.checked += wellFormed.length;
  }

  /** Parses whole records from the buffer; returns how many bytes they used. Each byte is looked at once. */
  private scan(out: RecordSink, final: boolean): number {
    const bytes = this.buffer;
    const length = bytes.length;
    const delimiter = this.delimiter;
    const wanted = this.wanted;
    let start = 0;
    // An unfinished record's cells are dropped from `out` before returning to wait for more bytes.
    const unfinished = (): number => {
      out.discardRecord();
      return start;
    };
    while (start < length) {
      let at = start;
      let breaks = 0;
      let column = 0;
      let firstEnd = -1; // where an unquoted first field ends
      this.scratchLength = 0;
      for (;;) {
        const keep = wanted === null || wanted[column] === true;
        if (bytes[at] === QUOTE) {
          // Quoted field: find the closing quote, past doubled ones, counting the line feeds inside.
          // (A quote that ends the bytes may be the first of a doubled pair: the field-end check
          // below waits for more.)
          let close = at + 1;
          let doubled = false;
          for (;;) {
            while (close < length && bytes[close] !== QUOTE) if (bytes[close++] === LF) breaks++;
            if (close >= length) {
              if (final) throw new CsvSyntaxError('unclosed_quote', this.line);
              return unfinished();
            }
            if (bytes[close + 1] !== QUOTE) break;
            doubled = true;
            close += 2;
          }
          // Text after the closing quote up to the next delimiter is kept (`"a"b` reads as `ab`).
          const next = fieldEnd(bytes, close + 1, delimiter);
          if (next === length && !final) return unfinished();
          if (!keep) out.cell(bytes, at, at);
          else if (!doubled && (next === close + 1 || (next === close + 2 && bytes[close + 1] === CR))) out.cell(bytes, at + 1, close);
          else {
            const from = this.unfold(bytes, at + 1, close, next);
            out.cell(this.scratch, from, this.scratchLength);
          }
          at = next;
        } else {
          const next = fieldEnd(bytes, at, delimiter);
          if (next === length && !final) return unfinished();
          // A field that ends the line loses the CR of its CRLF.
          if (!keep || next === at) out.cell(bytes, at, at);
          else out.cell(bytes, at, bytes[next - 1] === CR && bytes[next] !== delimiter ? next - 1 : next);
          if (column === 0) firstEnd = next;
          at = next;
        }
        column++;
        // The field ends at a delimiter, a line feed or the end of the final bytes (a field that
        // reached the end of more bytes to come has returned above, to wait for them).
        if (bytes[at] !== delimiter) break;
        at++;
      }
      at++; // past the line feed (or the end of the final bytes)
      // A blank line is one empty unquoted field: skipped, but it still counts as a line.
      // (Judged by position, not value: a column read as '' by keepOnly is not blank.)
      const blank = column === 1 && (firstEnd === start || (firstEnd === start + 1 && bytes[start] === CR));
      if (blank) out.discardRecord();
      else out.endRecord(this.line);
      this.line += breaks + 1;
      start = at;
    }
    return start;
  }

  /**
   * Writes a quoted value into the scratch buffer: `bytes[from, close)` with doubled quotes
   * made single, then the text after the closing quote up to `next`, less a trailing CR.
   * Returns where it starts there.
   */
  private unfold(bytes: Buffer, from: number, close: number, next: number): number {
    const needed = this.scratchLength + (close - from) + (next - close);
    if (needed > this.scratch.length) {
      // A new buffer rather than a grown copy: cells already handed on still read the old one.
      this.scratch = Buffer.allocUnsafe(Math.max(needed, this.scratch.length * 2));
      this.scratchLength = 0;
    }
    const scratch = this.scratch;
    const start = this.scratchLength;
    let to = start;
    for (let i = from; i < close; i++) {
      scratch[to++] = bytes[i]!;
      if (bytes[i] === QUOTE) i++;
    }
    let afterEnd = next;
    if (afterEnd > close + 1 && bytes[afterEnd - 1] === CR) afterEnd--;
    for (let i = close + 1; i < afterEnd; i++) scratch[to++] = bytes[i]!;
    this.scratchLength = to;
    return start;
  }
}

/** Index of the delimiter or line feed that ends the field at `from`, or the bytes' length. */
function fieldEnd(bytes: Buffer, from: number, delimiter: number): number {
  const length = bytes.length;
  for (let at = from; at < length; at++) {
    const byte = bytes[at];
    if (byte === delimiter || byte === LF) return at;
  }
  return length;
}
