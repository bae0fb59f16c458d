/**
 * An incremental CSV tokenizer (RFC 4180, plus what real exports do): quoted fields with
 * doubled quotes, delimiters and line breaks inside; CRLF or LF; a stray quote inside an
 * unquoted field kept literally. It scans with `indexOf` instead of a per-character state
 * machine, which is what lets an import keep pace with the sqlite3 shell (csv-parse 7.0.3
 * parsed ~8 MB/s here, alone more than the whole import's time budget).
 */
export interface TokenizedRecord {
  /** 1-based line on which the record starts. */
  readonly line: number;
  readonly values: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly reason: 'unclosed_quote' | 'record_too_long',
    readonly line: number,
  ) {
    super(reason === 'unclosed_quote' ? `a quoted field opened on line ${line} is never closed` : `the record starting on line ${line} is too long`);
  }
}

const QUOTE = '"';

export class CsvTokenizer {
  private buffer = '';
  private line: number;

  /** `firstLine` is the file line the first pushed text starts on (2 after a skipped `#TYPE` line). */
  constructor(
    private readonly delimiter: string,
    private readonly maxRecordChars: number,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  /** Adds text and returns the records it completes; an unfinished record waits for more text. */
  push(text: string, out: TokenizedRecord[]): void {
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    const consumed = this.scan(out, false);
    this.buffer = this.buffer.slice(consumed);
    if (this.buffer.length > this.maxRecordChars) throw new CsvSyntaxError('record_too_long', this.line);
  }

  /** Finishes the text: the last record may lack its line break, but not a closing quote. */
  end(out: TokenizedRecord[]): void {
    this.scan(out, true);
    this.buffer = '';
  }

  /** Parses whole records from the buffer; returns how many characters they used. */
  private scan(out: TokenizedRecord[], final: boolean): number {
    const text = this.buffer;
    const length = text.length;
    const delimiter = this.delimiter;
    let start = 0;
    while (start < length) {
      const values: string[] = [];
      let at = start;
      let breaks = 0;
      let complete = false;
      for (;;) {
        if (text[at] === QUOTE) {
          // Quoted field: find the closing quote, unfolding doubled quotes.
          let value = '';
          let from = at + 1;
          let close: number;
          for (;;) {
            close = text.indexOf(QUOTE, from);
            if (close === -1 || (close === length - 1 && !final)) {
              if (final) throw new CsvSyntaxError('unclosed_quote', this.line);
              return start;
            }
            if (text[close + 1] === QUOTE) {
              value += text.slice(from, close + 1);
              from = close + 2;
              continue;
            }
            value += text.slice(from, close);
            break;
          }
          at = close + 1;
          // Text after the closing quote up to the next delimiter is kept (`"a"b` reads as `ab`).
          const next = this.fieldEnd(text, at, final);
          if (next === -1) return start;
          if (next > at) value += text.slice(at, next).replace(/\r$/, '');
          for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) breaks++;
          values.push(value);
          at = next;
        } else {
          const next = this.fieldEnd(text, at, final);
          if (next === -1) return start;
          values.push(next > at && text.charCodeAt(next - 1) === 13 && text[next] !== delimiter ? text.slice(at, next - 1) : text.slice(at, next));
          at = next;
        }
        if (at >= length) {
          complete = final;
          break;
        }
        if (text[at] === delimiter) {
          at++;
          if (at >= length && !final) return start;
          continue;
        }
        at++; // the line break
        complete = true;
        break;
      }
      if (!complete) return start;
      // A blank line is one empty unquoted field: skipped, but it still counts as a line.
      if (!(values.length === 1 && values[0] === '' && text[start] !== QUOTE)) out.push({ line: this.line, values });
      this.line += breaks + 1;
      start = at;
    }
    return start;
  }

  /** Index of the delimiter or line feed ending the field at `from`, the text end when final, else -1. */
  private fieldEnd(text: string, from: number, final: boolean): number {
    const newline = text.indexOf('\n', from);
    const delimiter = text.indexOf(this.delimiter, from);
    if (delimiter !== -1 && (newline === -1 || delimiter < newline)) return delimiter;
    if (newline !== -1) return newline;
    return final ? text.length : -1;
  }
}
