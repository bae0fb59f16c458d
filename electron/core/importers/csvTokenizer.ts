import type { RecordSink } from './recordBatch.js';

export class CsvSyntaxError extends Error {
  constructor(
    readonly reason: 'unclosed_quote' | 'record_too_long',
    readonly line: number,
  ) {
    super(reason === 'unclosed_quote' ? `a quoted field opened on line ${line} is never closed` : `the record starting on line ${line} is too long`);
  }
}

const QUOTE = '"';

const QUOTE_CODE = 0x22;
const CR = 0x0d;

/**
 * An incremental CSV tokenizer (RFC 4180, plus what real exports do): quoted fields with
 * doubled quotes, delimiters and line breaks inside; CRLF or LF; a stray quote inside an
 * unquoted field kept literally. It scans with `indexOf` instead of a per-character state
 * machine, which is what lets an import keep pace with the sqlite3 shell (csv-parse 7.0.3
 * parsed ~8 MB/s here, alone more than the whole import's time budget).
 */
export class CsvTokenizer {
  private buffer = '';
  private line: number;
  /** Columns whose values are wanted (see keepOnly); null keeps every value. */
  private wanted: readonly boolean[] | null = null;

  /** `firstLine` is the file line the first pushed text starts on (2 after a skipped `#TYPE` line). */
  constructor(
    private readonly delimiter: string,
    private readonly maxRecordChars: number,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  /**
   * From now on, values of the other columns are read as '' (records keep their width): an
   * importer reads 20 of an Intune export's 48 columns, and every value cut out of the text is
   * an allocation.
   */
  keepOnly(columns: readonly number[]): void {
    const wanted: boolean[] = [];
    for (const column of columns) if (column >= 0) wanted[column] = true;
    this.wanted = wanted;
  }

  /** Adds text and appends the records it completes to `out`; an unfinished record waits for more text. */
  push(text: string, out: RecordSink): void {
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    const consumed = this.scan(out, false);
    this.buffer = this.buffer.slice(consumed);
    if (this.buffer.length > this.maxRecordChars) throw new CsvSyntaxError('record_too_long', this.line);
  }

  /** Finishes the text: the last record may lack its line break, but not a closing quote. */
  end(out: RecordSink): void {
    this.scan(out, true);
    this.buffer = '';
  }

  /** The line after the last complete record and the blank lines after it: where the next record starts. */
  nextLine(): number {
    return this.line;
  }

  /**
   * Parses whole records from the buffer; returns how many characters they used. The next
   * delimiter and the next line feed are each searched once and remembered until passed, so
   * a record costs one scan of its text however many fields it has.
   */
  private scan(out: RecordSink, final: boolean): number {
    const text = this.buffer;
    const length = text.length;
    const delimiter = this.delimiter;
    const delimiterCode = delimiter.charCodeAt(0);
    const wanted = this.wanted;
    let start = 0;
    let newline = -1; // next line feed at or after the position, or `length` when none
    let nextDelimiter = -1;
    /** Index of the delimiter or line feed ending the field at `from`, the text end when final, else -1. */
    const fieldEnd = (from: number): number => {
      if (newline < from) newline = lineFeedFrom(text, from);
      if (nextDelimiter < from) nextDelimiter = delimiterFrom(text, delimiter, from);
      return nextDelimiter < newline ? nextDelimiter : newline < length ? newline : final ? length : -1;
    };
    // An unfinished record's cells are dropped from `out` before returning to wait for more text.
    const unfinished = (): number => {
      out.discardRecord();
      return start;
    };
    while (start < length) {
      let at = start;
      let breaks = 0;
      let complete = false;
      let column = 0;
      let firstEnd = -1; // where an unquoted first field ends
      for (;;) {
        if (text.charCodeAt(at) === QUOTE_CODE) {
          // Quoted field: find the closing quote, unfolding doubled quotes.
          let value = '';
          let from = at + 1;
          let close: number;
          for (;;) {
            close = text.indexOf(QUOTE, from);
            if (close === -1 || (close === length - 1 && !final)) {
              if (final) throw new CsvSyntaxError('unclosed_quote', this.line);
              return unfinished();
            }
            if (text.charCodeAt(close + 1) === QUOTE_CODE) {
              value += text.slice(from, close + 1);
              from = close + 2;
              continue;
            }
            value += text.slice(from, close);
            break;
          }
          at = close + 1;
          // Text after the closing quote up to the next delimiter is kept (`"a"b` reads as `ab`).
          const next = fieldEnd(at);
          if (next === -1) return unfinished();
          if (next > at) value += text.slice(at, next).replace(/\r$/, '');
          for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) breaks++;
          out.cell(wanted === null || wanted[column] === true ? value : '');
          at = next;
        } else {
          const next = fieldEnd(at);
          if (next === -1) return unfinished();
          if (next === at) out.cell('');
          else if (wanted !== null && wanted[column] !== true) out.cell('');
          else out.cell(text.charCodeAt(next - 1) === CR && text.charCodeAt(next) !== delimiterCode ? text.slice(at, next - 1) : text.slice(at, next));
          if (column === 0) firstEnd = next;
          at = next;
        }
        column++;
        if (at >= length) {
          complete = final;
          break;
        }
        if (text.charCodeAt(at) === delimiterCode) {
          at++;
          if (at >= length && !final) return unfinished();
          continue;
        }
        at++; // the line break
        complete = true;
        break;
      }
      if (!complete) return unfinished();
      // A blank line is one empty unquoted field: skipped, but it still counts as a line.
      // (Judged by position, not value: a column read as '' by keepOnly is not blank.)
      const blank = column === 1 && (firstEnd === start || (firstEnd === start + 1 && text.charCodeAt(start) === CR));
      if (blank) out.discardRecord();
      else out.endRecord(this.line);
      this.line += breaks + 1;
      start = at;
    }
    return start;
  }
}

/** Index of the next line feed from `from`, or the text's length when there is none. */
function lineFeedFrom(text: string, from: number): number {
  const found = text.indexOf('\n', from);
  return found === -1 ? text.length : found;
}

function delimiterFrom(text: string, delimiter: string, from: number): number {
  const found = text.indexOf(delimiter, from);
  return found === -1 ? text.length : found;
}
