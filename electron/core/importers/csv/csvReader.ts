import { UserFacingError } from '../../errors.js';
import { InThreadTokenizer, type ChunkTokenizer } from './chunkTokenizer.js';
import { CsvSyntaxError, CsvTokenizer } from './csvTokenizer.js';
import { OffThreadTokenizer } from './offThreadTokenizer.js';
import { RecordBatchBuilder, cellsOf, recordCount, type RecordBatch } from './recordBatch.js';
import type { StageSpec, StagedBatch } from './recordStage.js';
import type { RowMapper } from '../kinds/rowTypes.js';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvTable {
  readonly delimiter: CsvDelimiter;
  /** Header cells as written (BOM and surrounding whitespace removed). */
  readonly headers: readonly string[];
  /** Line of the header record (2 when a PowerShell `#TYPE` line precedes it). */
  readonly headerLine: number;
  /**
   * Says how to check the records and which mapper maps them (see recordStage.ts), once the
   * kind is known from the header; call it before iterating the records.
   */
  stageWith(spec: StageSpec, mapper: RowMapper | null): void;
  /** The records after the header, staged, in the batches the tokenizer completes them in. */
  readonly records: AsyncIterable<StagedBatch>;
  /** Stops reading when the records will not be iterated to the end (another file failed first). */
  close(): void;
}

/**
 * A record longer than this is a quote that never closes (a truncated file), not a real
 * row: the tokenizer would otherwise buffer the rest of a 1 GB file into one field.
 */
const MAX_RECORD_BYTES = 1_000_000;

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

const NEWLINE = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

function isTypeLine(prefix: Buffer): boolean {
  return /^#TYPE\b/i.test(prefix.subarray(0, 6).toString('latin1'));
}

/**
 * Reads the first part of the file until the header record is complete: enough to skip the
 * PowerShell 5.1 `#TYPE …` line, pick the delimiter and read the header.
 */
async function readPrefix(chunks: AsyncIterator<Buffer>): Promise<{ prefix: Buffer; done: boolean }> {
  let prefix = Buffer.alloc(0);
  for (;;) {
    if (headerLineEnd(prefix) !== -1 && !hasOpenQuote(prefix.subarray(0, prefix.lastIndexOf(NEWLINE)))) return { prefix, done: false };
    // A header that long is no header: let the parser fail on it rather than buffer on.
    if (prefix.length > MAX_RECORD_BYTES) return { prefix, done: false };
    const next = await chunks.next();
    if (next.done) return { prefix, done: true };
    prefix = Buffer.concat([prefix, next.value]);
  }
}

/** Index of the line feed that ends the header's line (the first non-blank one after a `#TYPE` line), or -1 when the prefix lacks it. */
function headerLineEnd(prefix: Buffer): number {
  let start = 0;
  if (isTypeLine(prefix)) {
    start = prefix.indexOf(NEWLINE) + 1;
    if (start === 0) return -1;
  }
  for (let end = prefix.indexOf(NEWLINE, start); end !== -1; start = end + 1, end = prefix.indexOf(NEWLINE, start)) {
    if (end - start > 1 || (end - start === 1 && prefix[start] !== CR)) return end;
  }
  return -1;
}

/**
 * Byte offset just past the header record: after the line feed that ends the header's line,
 * or a later one when a quoted header cell spans lines; the prefix's length when it has none.
 */
function headerRecordEnd(prefix: Buffer): number {
  for (let lineFeed = headerLineEnd(prefix); lineFeed !== -1; lineFeed = prefix.indexOf(NEWLINE, lineFeed + 1)) {
    if (!hasOpenQuote(prefix.subarray(0, lineFeed))) return lineFeed + 1;
  }
  return prefix.length;
}

/** Byte offset just after the first `lines` line feeds of `bytes`, or its length when it has fewer. */
function offsetAfterLines(bytes: Buffer, lines: number): number {
  let at = 0;
  for (let i = 0; i < lines; i++) {
    const lineFeed = bytes.indexOf(NEWLINE, at);
    if (lineFeed === -1) return bytes.length;
    at = lineFeed + 1;
  }
  return at;
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
 * The header is read here, from the first part of the file. The records after it are read
 * from the start of their line by a ChunkTokenizer of their own, which also stages them: on
 * this thread or, with `offThread`, on a worker. (A line feed byte never falls inside a UTF-8
 * character, so the cut leaves no half character behind.)
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

  // The prefix holds the header whole (readPrefix): only that record is tokenized here. (Were
  // no header line to be found, the whole over-long prefix is, and fails as too long.)
  const firstLine = 1 + lineOffset;
  const headerTokenizer = new CsvTokenizer(delimiter, MAX_RECORD_BYTES, firstLine);
  const found = new RecordBatchBuilder();
  let first: RecordBatch;
  try {
    headerTokenizer.push(prefix.subarray(0, headerRecordEnd(prefix)), found);
    if (done) headerTokenizer.end(found);
    first = found.take();
  } catch (error) {
    throw csvFailure(fileName, error);
  }
  const header = recordCount(first) > 0 ? cellsOf(first, 0) : null;
  if (!header || header.every((value) => value.trim() === '')) throw new UserFacingError('empty_file', `${fileName} is empty: it has no header row.`);
  const dataLine = headerTokenizer.nextLine();
  const dataStart = offsetAfterLines(prefix, dataLine - firstLine);

  const records: ChunkTokenizer =
    options.offThread && !done
      ? new OffThreadTokenizer({ delimiter, maxRecordBytes: MAX_RECORD_BYTES, firstLine: dataLine })
      : new InThreadTokenizer(new CsvTokenizer(delimiter, MAX_RECORD_BYTES, dataLine));

  // Batches in file order, with up to CHUNKS_IN_FLIGHT chunks handed over ahead of the batch
  // being yielded. A failed chunk's promise may wait in the queue while the next chunk is
  // read: the no-op catch keeps it from counting as an unhandled rejection, and it still
  // rejects where it is awaited, in order.
  async function* batches(): AsyncGenerator<StagedBatch> {
    const inFlight: Promise<StagedBatch>[] = [];
    const handOver = (batch: Promise<StagedBatch>) => {
      batch.catch(() => {});
      inFlight.push(batch);
    };
    try {
      if (dataStart < prefix.length) handOver(records.push(prefix.subarray(dataStart)));
      if (!done) {
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
          handOver(records.push(next.value));
          while (inFlight.length >= CHUNKS_IN_FLIGHT) yield await inFlight.shift()!;
        }
      }
      handOver(records.finish());
      for (const batch of inFlight) yield await batch;
    } catch (error) {
      throw csvFailure(fileName, error);
    } finally {
      records.close();
    }
  }
  const iterator = batches();
  return {
    delimiter,
    headers: header.map((value) => value.replace(/^\uFEFF/, '').trim()),
    headerLine: first.recordLines[0]!,
    stageWith: (spec, mapper) => records.stageWith(spec, mapper),
    records: {
      async *[Symbol.asyncIterator]() {
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) if (recordCount(next.value.records) > 0 || next.value.issues.length > 0) yield next.value;
      },
    },
    // The generator's own `finally` closes the tokenizer only if it ever started.
    close: () => {
      records.close();
      void iterator.return(undefined);
    },
  };
}
