import { UserFacingError } from '../errors.js';
import { bindColumns, type ColumnBinding, type CsvRow } from './csv/columns.js';
import { openCsv } from './csv/csvReader.js';
import type { DateOrder } from './kinds/cultureDates.js';
import { checkKindFitsFormat, detectCsvKind, detectJsonKind, GRAPH_PROPERTY_NAMES, odataTypeNames, type Detection } from './detectKind.js';
import { notAList, readGraphDocument, type JsonObject } from './input/graphJson.js';
import { readGraphObjectsCsv, type DateOrderState } from './kinds/graphObjectsCsv.js';
import { graphJsonValues } from './kinds/graphProperties.js';
import type { CsvKind, ImportKind, JsonKind } from './kinds/importKind.js';
import { openContent, type ImportInput } from './input/importInput.js';
import { mappedRowView, recordCellsView, recordCount } from './csv/recordBatch.js';
import type { StagedBatch, StagedIssue } from './csv/recordStage.js';
import type { MappedRow, RowIssues } from './kinds/rowTypes.js';
import { utf8Chunks } from './input/textDecoding.js';

/** One record handed to a kind's writer, with where it came from for rejection messages. */
export type ParsedRecord =
  | { readonly format: 'csv'; readonly line: number; readonly row: CsvRow<string> | MappedRow }
  | { readonly format: 'json'; readonly item: JsonObject; readonly index: number; readonly line?: number };

export interface OpenedImportFile {
  readonly kind: ImportKind;
  /** What in the file decided its kind (columns as written, a Graph marker); empty when `--as` chose it. */
  readonly decidedBy: readonly string[];
  /** How the file's dates written in a culture's form (`6/5/2019`) are read; null when it has none. */
  readonly dateOrder: DateOrderState | null;
  /** What the person must know about this file's import, such as data its format cannot carry. */
  readonly notes: readonly string[];
  /**
   * The records, each checked for the file-independent faults (a record wider or narrower than
   * the header, a required cell left blank) that `issues` receives before the record is
   * skipped, and for a mapped kind mapped (see recordStage.ts). They come in batches (a
   * tokenizer batch, a thousand Graph items), each read synchronously: one await per record
   * cost more than a record's mapping.
   */
  records(issues: (line: number | null) => RowIssues): AsyncIterable<Iterable<ParsedRecord>>;
  /** Releases the file when its records will not be read (another file failed first). */
  close(): void;
  /** The file's sha256 (the zip's, for a zip), for import_batches; call it after reading the records. */
  sha256(): Promise<string>;
}

/** Counts bytes as they stream past, for progress; aborts between chunks when asked. */
export interface StreamWatch {
  onBytes(bytes: number): void;
  checkCancelled(): void;
}

async function* watched(source: AsyncIterable<Uint8Array>, watch: StreamWatch): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    watch.checkCancelled();
    watch.onBytes(chunk.length);
    yield chunk;
  }
}

/**
 * Opens a file far enough to know its kind and columns (the header, or the parsed Graph
 * document) and fails whole, with a message naming the file, when it cannot be imported at
 * all. The records are read only when `records()` is iterated.
 */
export async function openImportFile(input: ImportInput, as: ImportKind | undefined, watch: StreamWatch, dateOrder?: DateOrder): Promise<OpenedImportFile> {
  if (as) checkKindFitsFormat(as, input.format, input.displayName);
  return input.format === 'json' ? openJson(input, as as JsonKind | undefined, watch) : openCsvFile(input, as, watch, dateOrder);
}

/** A file's detection, or `--as`'s choice (which nothing in the file decided). */
function chosen<Kind extends ImportKind>(as: Kind | undefined, detect: () => Detection<Kind>): Detection<Kind> {
  return as ? { kind: as, decidedBy: [] } : detect();
}

/** Hands the stage's issues to the sink in line order, each before the record of its line is written. */
function issuesInLineOrder(stagedIssues: readonly StagedIssue[], issues: (line: number | null) => RowIssues): (line: number) => void {
  let reported = 0;
  return (line) => {
    for (; reported < stagedIssues.length && stagedIssues[reported]!.line <= line; reported++) {
      const issue = stagedIssues[reported]!;
      issues(issue.line)[issue.severity === 'error' ? 'reject' : 'warn'](issue.column, issue.reason);
    }
  };
}

/** Graph items per batch of records: the cancel button is checked between batches. */
const JSON_BATCH_ITEMS = 1000;

async function openJson(input: ImportInput, as: JsonKind | undefined, watch: StreamWatch): Promise<OpenedImportFile> {
  const content = await openContent(input);
  const read = await readGraphDocument(content.bytes, input.displayName);
  watch.onBytes(input.bytes);
  // ConvertTo-Json writes PascalCase names (AzureAdDeviceId): spelt as Graph does, one mapper reads both.
  const document = { ...read, items: read.items.map((item) => GRAPH_PROPERTY_NAMES.normalize(item)) };
  const { kind, decidedBy } = chosen(as, () => {
    try {
      return detectJsonKind(document, input.displayName);
    } catch (error) {
      throw document.wrappedSingle ? notAList(input.displayName, document.items[0]) : error;
    }
  });
  // `{"value": {…}}` is one resource only where its @odata.type or its fields say so.
  const single = document.items[0];
  if (document.wrappedSingle && single && !odataTypeNames(kind, single) && !kind.matches(single)) throw notAList(input.displayName, single);
  const items = kind.properties ? document.items.map((item) => graphJsonValues(item, kind.properties!)) : document.items;
  return {
    kind,
    decidedBy,
    dateOrder: null,
    notes: [],
    close() {},
    sha256: content.sha256,
    records: () => graphObjectBatches(items.map((item) => ({ item })), watch),
  };
}

/** Graph objects as records, in batches between which the cancel button is checked. */
async function* graphObjectBatches(objects: readonly { item: JsonObject; line?: number }[], watch: StreamWatch, beforeLine?: (line: number) => void) {
  for (let start = 0; start < objects.length; start += JSON_BATCH_ITEMS) {
    watch.checkCancelled();
    yield objects.slice(start, start + JSON_BATCH_ITEMS).map(({ item, line }, i): ParsedRecord => {
      if (line !== undefined) beforeLine?.(line);
      return { format: 'json', item, index: start + i + 1, line };
    });
  }
  beforeLine?.(Infinity);
}

/**
 * Files at least this big are tokenized on a worker thread while the import thread writes.
 * Below it (about 20,000 Intune export rows) the worker's start-up costs more than it saves.
 */
const OFF_THREAD_BYTES = 8 * 1024 * 1024;

async function openCsvFile(input: ImportInput, as: ImportKind | undefined, watch: StreamWatch, dateOrder: DateOrder | undefined): Promise<OpenedImportFile> {
  const name = input.displayName;
  const content = await openContent(input);
  const table = await openCsv(utf8Chunks(watched(content.bytes, watch), name), name, { offThread: input.bytes >= OFF_THREAD_BYTES }).catch((error: unknown) => {
    content.destroy();
    throw error;
  });
  const close = () => {
    table.close();
    content.destroy();
  };
  let kind: CsvKind;
  let decidedBy: readonly string[];
  let binding: ColumnBinding<string>;
  try {
    const detection = chosen(as as CsvKind | JsonKind | undefined, () => detectCsvKind(table.headers, name));
    if (detection.kind.format === 'json') {
      // A CSV that PowerShell wrote of Graph objects: read whole into those objects.
      const graphKind = detection.kind;
      const read = await readGraphObjectsCsv(table, name, graphKind, GRAPH_PROPERTY_NAMES, dateOrder);
      content.destroy();
      return {
        kind: graphKind,
        decidedBy: detection.decidedBy,
        dateOrder: read.dateOrder,
        notes: graphKind.csvCaveat ? [graphKind.csvCaveat] : [],
        close() {},
        sha256: content.sha256,
        records: (issues) => graphObjectBatches(read.objects, watch, issuesInLineOrder(read.issues, issues)),
      };
    }
    ({ kind, decidedBy } = detection as Detection<CsvKind>);
    binding = bindColumns(kind.columns, table.headers);
    if (binding.missingRequired.length > 0) {
      const missing = binding.missingRequired.map((field) => `"${kind.columns[field]!.headers.join('" or "')}"`);
      throw new UserFacingError('invalid_input', `${name}: line ${table.headerLine}: the header has no ${missing.join(', ')} column, which ${kind.label} needs.`);
    }
  } catch (error) {
    close();
    throw error;
  }
  const required = (Object.keys(kind.columns) as string[])
    .filter((field) => kind.columns[field]!.required)
    .map((field) => binding.positionOf(field))
    .map((position) => ({ position, header: table.headers[position]! }));
  table.stageWith({ headers: table.headers, positions: binding.positions, required }, kind.mapper ?? null);
  const mapped = kind.mapper ? mappedRowView() : null;
  const cells = recordCellsView();

  // The stage's issues are reported in line order, each before the record of its line is written.
  function* keptRecords(staged: StagedBatch, issues: (line: number | null) => RowIssues): Generator<ParsedRecord> {
    const { records } = staged;
    const reportUpTo = issuesInLineOrder(staged.issues, issues);
    for (let record = 0; record < recordCount(records); record++) {
      const line = records.recordLines[record]!;
      reportUpTo(line);
      yield { format: 'csv', line, row: mapped ? mapped.at(records, record) : binding.row(cells.at(records, record)) };
    }
    reportUpTo(Infinity);
  }

  return {
    kind,
    decidedBy,
    dateOrder: null,
    notes: [],
    close,
    sha256: content.sha256,
    async *records(issues) {
      for await (const staged of table.records) yield keptRecords(staged, issues);
    },
  };
}
