import { UserFacingError } from '../errors.js';
import { InThreadTokenizer, type ChunkTokenizer } from './chunkTokenizer.js';
import { CsvSyntaxError, CsvTokenizer } from './csvTokenizer.js';
import { OffThreadTokenizer } from './offThreadTokenizer.js';
import { EMPTY_BATCH, RecordBatchBuilder, cellsOf, recordCount, type RecordBatch } from './recordBatch.js';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvTable {
  readonly delimiter: CsvDelimiter;
  /** Header cells as written (BOM and surrounding whitespace removed). */
  readonly headers: readonly string[];
  /** Line of the header record (2 when a PowerShell `#TYPE` line precedes it). */
  readonly headerLine: number;
  /** The records after the header, in the batches the tokenizer completes them in. */
  readonly records: AsyncIterable<RecordBatch>;
  /**
   * Cells of the other columns may read as '' (records keep their width): a kind reads 20 of
   * an Intune export's 48 columns, and every cell cut out of the text costs. Call it before
   * iterating the records.
   */
  keepOnly(columns: readonly number[]): void;
  /** Stops reading when the records will not be iterated to the end (another file failed first). */
  close(): void;
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

export interface OpenCsvOptions {
  /** Tokenize on a worker thread (big files; see OffThreadTokenizer). */
  readonly offThread?: boolean;
}

/**
 * Chunks handed to the tokenizer ahead of the records being read: enough to keep a worker
 * busy while the import thread writes, little enough to bound memory (256 KB chunks).
 */
const CHUNKS_IN_FLIGHT = 4;

/**
 * Streams a UTF-8 CSV export (see utf8Chunks): delimiter detected, PowerShell `#TYPE` line
 * skipped, quoted fields with embedded quotes, delimiters and newlines, CRLF or LF. Records
 * are yielded as they are parsed; nothing holds the whole file. A file that ends inside a
 * quoted field fails with a UserFacingError naming the file, so the caller rolls its
 * transaction back.
 *
 * The first part of the file, up to its last line feed, is tokenized here, so the header is
 * known at once; the rest goes to a ChunkTokenizer that carries on where this one stopped,
 * on this thread or, with `offThread`, on a worker. (A line feed byte never falls inside a
 * UTF-8 character, so the cut leaves no half character in a decoder.)
 */
export async function openCsv(utf8: AsyncIterable<Buffer>, fileName: string, options: OpenCsvOptions = {}): Promise<CsvTable> {
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

  const cut = done ? prefix.length : prefix.lastIndexOf(NEWLINE) + 1;
  const tokenizer = new CsvTokenizer(delimiter, MAX_RECORD_CHARS, 1 + lineOffset);
  const first = new RecordBatchBuilder();
  try {
    tokenizer.push(new TextDecoder('utf-8').decode(prefix.subarray(0, cut)), first);
    if (done) tokenizer.end(first);
  } catch (error) {
    throw csvFailure(fileName, error);
  }
  const rest: ChunkTokenizer =
    options.offThread && !done
      ? new OffThreadTokenizer({ delimiter, maxRecordChars: MAX_RECORD_CHARS, remainder: tokenizer.remainder() })
      : new InThreadTokenizer(tokenizer);

  // Batches in file order: the first part's, then the rest's with up to CHUNKS_IN_FLIGHT
  // chunks handed over ahead of the batch being yielded. A failed chunk's promise may wait in
  // the queue while the next chunk is read: the no-op catch keeps it from counting as an
  // unhandled rejection, and it still rejects where it is awaited, in order.
  async function* batches(): AsyncGenerator<RecordBatch> {
    const inFlight: Promise<RecordBatch>[] = [];
    const handOver = (batch: Promise<RecordBatch>) => {
      batch.catch(() => {});
      inFlight.push(batch);
    };
    try {
      yield first.take();
      if (done) return;
      if (cut < prefix.length) handOver(rest.push(prefix.subarray(cut)));
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        handOver(rest.push(next.value));
        while (inFlight.length >= CHUNKS_IN_FLIGHT) yield await inFlight.shift()!;
      }
      handOver(rest.finish());
      for (const batch of inFlight) yield await batch;
    } catch (error) {
      throw csvFailure(fileName, error);
    } finally {
      rest.close();
    }
  }
  const iterator = batches();
  const read = async (): Promise<RecordBatch | undefined> => {
    const next = await iterator.next();
    return next.done ? undefined : next.value;
  };

  // The header is the first record of the first batch that has one.
  let pending: RecordBatch = EMPTY_BATCH;
  while (recordCount(pending) === 0) {
    const batch = await read();
    if (!batch) break;
    pending = batch;
  }
  const header = recordCount(pending) > 0 ? cellsOf(pending, 0) : null;
  if (!header || header.every((value) => value.trim() === '')) {
    await iterator.return(undefined);
    throw new UserFacingError('empty_file', `${fileName} is empty: it has no header row.`);
  }
  return {
    delimiter,
    headers: header.map((value) => value.replace(/^\uFEFF/, '').trim()),
    headerLine: pending.recordLines[0]!,
    records: {
      async *[Symbol.asyncIterator]() {
        const afterHeader = withoutFirstRecord(pending);
        if (recordCount(afterHeader) > 0) yield afterHeader;
        for (let batch = await read(); batch; batch = await read()) if (recordCount(batch) > 0) yield batch;
      },
    },
    keepOnly: (columns) => rest.keepOnly(columns),
    close: () => void iterator.return(undefined),
  };
}

function withoutFirstRecord(batch: RecordBatch): RecordBatch {
  return { ...batch, recordStarts: batch.recordStarts.subarray(1), recordLines: batch.recordLines.subarray(1) };
}
