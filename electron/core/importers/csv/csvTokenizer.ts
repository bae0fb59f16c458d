import type { RecordSink } from './recordBatch.js';

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

/**
 * An incremental CSV tokenizer over text (RFC 4180, plus what real exports do): quoted fields
 * with doubled quotes, delimiters and line breaks inside; CRLF or LF; a stray quote inside an
 * unquoted field kept literally. Each chunk of UTF-8 bytes is decoded with a streaming
 * TextDecoder, which carries a character cut at the chunk's end over to the next chunk and
 * reads an invalid sequence as U+FFFD; field ends are found with `indexOf`.
 */
export class CsvTokenizer {
  /** The chunks continue a text already begun: a U+FEFF at a chunk's start is data, not a BOM. */
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private text = '';
  private line: number;
  /** Columns whose values are wanted (see keepOnly); null keeps every value. */
  private wanted: readonly boolean[] | null = null;

  /** `firstLine` is the file line the first pushed bytes start on (2 after a skipped `#TYPE` line). */
  constructor(
    private readonly delimiter: string,
    private readonly maxRecordLength: number,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  /**
   * From now on, values of the other columns are read as '' (records keep their width): an
   * importer reads 20 of an Intune export's 48 columns, and every value cut out is a string.
   */
  keepOnly(columns: readonly number[]): void {
    const wanted: boolean[] = [];
    for (const column of columns) if (column >= 0) wanted[column] = true;
    this.wanted = wanted;
  }

  /** Adds bytes and appends the records they complete to `out`; an unfinished record waits for more. */
  push(bytes: Uint8Array, out: RecordSink): void {
    const text = this.decoder.decode(bytes, { stream: true });
    this.text = this.text.length === 0 ? text : this.text + text;
    this.text = this.text.slice(this.scan(out, false));
    if (this.text.length > this.maxRecordLength) throw new CsvSyntaxError('record_too_long', this.line);
  }

  /** Finishes the bytes: the last record may lack its line break, but not a closing quote. */
  end(out: RecordSink): void {
    this.text += this.decoder.decode();
    this.scan(out, true);
    this.text = '';
  }

  /** The line after the last complete record and the blank lines after it: where the next record starts. */
  nextLine(): number {
    return this.line;
  }

  /**
   * Parses whole records from the text; returns how many characters they used. The next
   * delimiter and the next line feed are each searched once and remembered until passed, so
   * a record costs one scan of its text however many fields it has.
   */
  private scan(out: RecordSink, final: boolean): number {
    const text = this.text;
    const length = text.length;
    const delimiter = this.delimiter;
    const delimiterCode = delimiter.charCodeAt(0);
    const wanted = this.wanted;
    let nextDelimiter = -1;
    let nextLineFeed = -1;
    /** Index of the delimiter or line feed that ends the field at `from`, or the text's length. */
    const fieldEnd = (from: number): number => {
      if (nextDelimiter < from) nextDelimiter = indexOrLength(text, delimiter, from);
      if (nextLineFeed < from) nextLineFeed = indexOrLength(text, '\n', from);
      return nextDelimiter < nextLineFeed ? nextDelimiter : nextLineFeed;
    };
    let start = 0;
    // An unfinished record's cells are dropped from `out` before returning to wait for more text.
    const unfinished = (): number => {
      out.discardRecord();
      return start;
    };
    while (start < length) {
      let at = start;
      let breaks = 0;
      let column = 0;
      let firstEnd = -1; // where an unquoted first field ends
      for (;;) {
        const keep = wanted === null || wanted[column] === true;
        if (text.charCodeAt(at) === QUOTE) {
          // Quoted field: find the closing quote, past doubled ones. (A quote that ends the text
          // may be the first of a doubled pair: the field-end check below waits for more.)
          let close = at;
          let doubled = false;
          for (;;) {
            close = text.indexOf('"', close + 1);
            if (close === -1) {
              if (final) throw new CsvSyntaxError('unclosed_quote', this.line);
              return unfinished();
            }
            if (text.charCodeAt(close + 1) !== QUOTE) break;
            doubled = true;
            close++;
          }
          for (let lineFeed = text.indexOf('\n', at); lineFeed !== -1 && lineFeed < close; lineFeed = text.indexOf('\n', lineFeed + 1)) breaks++;
          // Text after the closing quote up to the next delimiter is kept (`"a"b` reads as `ab`).
          const next = fieldEnd(close + 1);
          if (next === length && !final) return unfinished();
          if (!keep) out.cell('');
          else {
            const quoted = text.slice(at + 1, close);
            const after = next > close + 1 ? text.slice(close + 1, text.charCodeAt(next - 1) === CR ? next - 1 : next) : '';
            out.cell((doubled ? quoted.replaceAll('""', '"') : quoted) + after);
          }
          at = next;
        } else {
          const next = fieldEnd(at);
          if (next === length && !final) return unfinished();
          // A field that ends the line loses the CR of its CRLF.
          if (!keep || next === at) out.cell('');
          else out.cell(text.slice(at, text.charCodeAt(next - 1) === CR && text.charCodeAt(next) !== delimiterCode ? next - 1 : next));
          if (column === 0) firstEnd = next;
          at = next;
        }
        column++;
        // The field ends at a delimiter, a line feed or the end of the final text (a field that
        // reached the end of more text to come has returned above, to wait for it).
        if (text.charCodeAt(at) !== delimiterCode) break;
        at++;
      }
      at++; // past the line feed (or the end of the final text)
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

function indexOrLength(text: string, search: string, from: number): number {
  const found = text.indexOf(search, from);
  return found === -1 ? text.length : found;
}
