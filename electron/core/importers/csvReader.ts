import { UserFacingError } from '../errors.js';
import { CsvSyntaxError, CsvTokenizer, type TokenizedRecord } from './csvTokenizer.js';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based line of the file on which the record starts (multi-line fields count). */
  readonly line: number;
  readonly values: string[];
}

export interface CsvTable {
  readonly delimiter: CsvDelimiter;
  /** Header cells as written (BOM and surrounding whitespace removed). */
  readonly headers: readonly string[];
  /** Line of the header record (2 when a PowerShell `#TYPE` line precedes it). */
  readonly headerLine: number;
  /** The records after the header, in the batches the tokenizer completes them in. */
  readonly records: AsyncIterable<readonly CsvRecord[]>;
  /**
   * Cells of the other columns read as '' (records keep their width): a kind reads 20 of an
   * Intune export's 48 columns, and every cell cut out of the text costs. Call it before
   * iterating the records.
   */
  keepOnly(columns: readonly number[]): void;
}

/**
 * A record longer than this is a quote that never closes (a truncated file), not a real
 * row: the tokenizer would otherwise buffer the rest of a 1 GB file into one field.
 */
const MAX_RECORD_CHARS = 1_000_000;

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * The delimiter is the candidate that occurs most often outside quotes on the header line.
 * Headers never contain the delimiter unquoted, and European Excel writes `;` because the
 * comma is its decimal separator.
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as CsvDelimiter)) counts.set(char as CsvDelimiter, counts.get(char as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Header cells compare without case or whitespace: "Serial number", "SerialNumber" and " serial  Number" are one column. */
export function normalizeHeader(header: string): string {
  return header.replace(/[\s\uFEFF]+/g, '').toLowerCase();
}

const NEWLINE = 0x0a;
const QUOTE = 0x22;

function isTypeLine(prefix: Buffer): boolean {
  return /^#TYPE\b/i.test(prefix.subarray(0, 6).toString('latin1'));
}

/**
 * Reads the first part of the file until the header record is complete: enough to skip the
 * PowerShell 5.1 `#TYPE …` line and pick the delimiter.
 */
async function readPrefix(chunks: AsyncIterator<Buffer>): Promise<{ prefix: Buffer; done: boolean }> {
  let prefix = Buffer.alloc(0);
  for (;;) {
    const first = prefix.indexOf(NEWLINE);
    const second = first === -1 ? -1 : prefix.indexOf(NEWLINE, first + 1);
    const headerEnd = isTypeLine(prefix) ? second : first;
    if (headerEnd !== -1 && !hasOpenQuote(prefix.subarray(0, prefix.lastIndexOf(NEWLINE)))) return { prefix, done: false };
    // A header that long is no header: let the parser fail on it rather than buffer on.
    if (prefix.length > MAX_RECORD_CHARS) return { prefix, done: false };
    const next = await chunks.next();
    if (next.done) return { prefix, done: true };
    prefix = Buffer.concat([prefix, next.value]);
  }
}

function hasOpenQuote(bytes: Buffer): boolean {
  let quotes = 0;
  for (let i = bytes.indexOf(QUOTE); i !== -1; i = bytes.indexOf(QUOTE, i + 1)) quotes++;
  return quotes % 2 === 1;
}

/** Turns a tokenizer error into one sentence naming the file and the line. */
function csvFailure(fileName: string, error: unknown): UserFacingError {
  if (error instanceof UserFacingError) return error;
  if (error instanceof CsvSyntaxError) {
    return new UserFacingError(
      'truncated',
      `${fileName}: line ${error.line}: a quoted field is never closed; the file is truncated or not a CSV export.`,
    );
  }
  return new UserFacingError('invalid_input', `${fileName}: could not be read (${(error as Error).message}).`);
}

/**
 * Streams a UTF-8 CSV export (see utf8Chunks): delimiter detected, PowerShell `#TYPE` line skipped, quoted fields
 * with embedded quotes, delimiters and newlines, CRLF or LF. Records are yielded as they are
 * parsed; nothing holds the whole file. A file that ends inside a quoted field fails with a
 * UserFacingError naming the file, so the caller rolls its transaction back.
 */
export async function openCsv(utf8: AsyncIterable<Buffer>, fileName: string): Promise<CsvTable> {
  const chunks = utf8[Symbol.asyncIterator]();
  let prefix: Buffer;
  let done: boolean;
  try {
    ({ prefix, done } = await readPrefix(chunks));
  } catch (error) {
    throw csvFailure(fileName, error);
  }
  let lineOffset = 0;
  if (isTypeLine(prefix)) {
    const end = prefix.indexOf(NEWLINE);
    prefix = end === -1 ? Buffer.alloc(0) : prefix.subarray(end + 1);
    lineOffset = 1;
  }
  const firstLineEnd = prefix.indexOf(NEWLINE);
  const delimiter = detectDelimiter((firstLineEnd === -1 ? prefix : prefix.subarray(0, firstLineEnd)).toString('utf8'));

  const decoder = new TextDecoder('utf-8');
  const tokenizer = new CsvTokenizer(delimiter, MAX_RECORD_CHARS, 1 + lineOffset);
  // Records go up in batches: one await per chunk of the file, not one per record.
  async function* tokenized(): AsyncGenerator<TokenizedRecord[]> {
    let out: TokenizedRecord[] = [];
    tokenizer.push(decoder.decode(prefix, { stream: true }), out);
    if (!done) {
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        tokenizer.push(decoder.decode(next.value, { stream: true }), out);
        if (out.length > 0) {
          yield out;
          out = [];
        }
      }
    }
    tokenizer.push(decoder.decode(), out);
    tokenizer.end(out);
    yield out;
  }
  const iterator = tokenized();
  const read = async (): Promise<TokenizedRecord[] | undefined> => {
    try {
      const next = await iterator.next();
      return next.done ? undefined : next.value;
    } catch (error) {
      throw csvFailure(fileName, error);
    }
  };

  // The header is the first record of the first batch that has one.
  let pending: TokenizedRecord[] = [];
  while (pending.length === 0) {
    const batch = await read();
    if (!batch) break;
    pending = batch;
  }
  const header = pending.shift();
  if (!header || header.values.every((value) => value.trim() === '')) {
    throw new UserFacingError('empty_file', `${fileName} is empty: it has no header row.`);
  }
  return {
    delimiter,
    headers: header.values.map((value) => value.replace(/^\uFEFF/, '').trim()),
    headerLine: header.line,
    records: {
      async *[Symbol.asyncIterator]() {
        if (pending.length > 0) yield pending;
        for (let batch = await read(); batch; batch = await read()) if (batch.length > 0) yield batch;
      },
    },
    keepOnly(columns) {
      tokenizer.keepOnly(columns);
      // The records tokenized along with the header were cut before the tokenizer knew.
      const wanted = new Set(columns);
      for (const { values } of pending) for (let at = 0; at < values.length; at++) if (!wanted.has(at)) values[at] = '';
    },
  };
}
