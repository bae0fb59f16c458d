import { UserFacingError } from '../errors.js';
import { bindColumns, type ColumnBinding, type CsvRow } from './columns.js';
import { openCsv } from './csvReader.js';
import { checkKindFitsFormat, detectCsvKind, detectJsonKind } from './detectKind.js';
import { readGraphDocument, type JsonObject } from './graphJson.js';
import type { CsvKind, ImportKind, JsonKind } from './importKind.js';
import { openContent, type ImportInput } from './importInput.js';
import { recordCellsView, recordCount } from './recordBatch.js';
import type { StagedBatch } from './recordStage.js';
import { mappedRowView } from './rowMappers.js';
import type { MappedRow, RowIssues } from './rowTypes.js';
import { utf8Chunks } from './textDecoding.js';

/** One record handed to a kind's writer, with where it came from for rejection messages. */
export type ParsedRecord =
  | { readonly format: 'csv'; readonly line: number; readonly row: CsvRow<string> | MappedRow }
  | { readonly format: 'json'; readonly item: JsonObject; readonly index: number };

export interface OpenedImportFile {
  readonly kind: ImportKind;
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
export async function openImportFile(input: ImportInput, as: ImportKind | undefined, watch: StreamWatch): Promise<OpenedImportFile> {
  if (as) checkKindFitsFormat(as, input.format, input.displayName);
  return input.format === 'json' ? openJson(input, as as JsonKind | undefined, watch) : openCsvFile(input, as as CsvKind | undefined, watch);
}

/** Graph items per batch of records: the cancel button is checked between batches. */
const JSON_BATCH_ITEMS = 1000;

async function openJson(input: ImportInput, as: JsonKind | undefined, watch: StreamWatch): Promise<OpenedImportFile> {
  const content = await openContent(input);
  const document = await readGraphDocument(content.bytes, input.displayName);
  watch.onBytes(input.bytes);
  const kind = as ?? detectJsonKind(document, input.displayName);
  return {
    kind,
    close() {},
    sha256: content.sha256,
    async *records() {
      for (let start = 0; start < document.items.length; start += JSON_BATCH_ITEMS) {
        watch.checkCancelled();
        yield document.items.slice(start, start + JSON_BATCH_ITEMS).map((item, i) => ({ format: 'json', item, index: start + i + 1 }) as const);
      }
    },
  };
}

/**
 * Files at least this big are tokenized on a worker thread while the import thread writes.
 * Below it (about 20,000 Intune export rows) the worker's start-up costs more than it saves.
 */
const OFF_THREAD_BYTES = 8 * 1024 * 1024;

async function openCsvFile(input: ImportInput, as: CsvKind | undefined, watch: StreamWatch): Promise<OpenedImportFile> {
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
  let binding: ColumnBinding<string>;
  try {
    kind = as ?? detectCsvKind(table.headers, name);
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
  table.stageWith({ headers: table.headers, positions: binding.positions, required, mapper: kind.mapper?.id ?? null });
  const mapped = kind.mapper ? mappedRowView() : null;
  const cells = recordCellsView();

  // The stage's issues are reported in line order, each before the record of its line is written.
  function* keptRecords(staged: StagedBatch, issues: (line: number | null) => RowIssues): Generator<ParsedRecord> {
    const { records } = staged;
    let reported = 0;
    const reportUpTo = (line: number) => {
      for (; reported < staged.issues.length && staged.issues[reported]!.line <= line; reported++) {
        const issue = staged.issues[reported]!;
        issues(issue.line)[issue.severity === 'error' ? 'reject' : 'warn'](issue.column, issue.reason);
      }
    };
    for (let record = 0; record < recordCount(records); record++) {
      const line = records.recordLines[record]!;
      reportUpTo(line);
      yield { format: 'csv', line, row: mapped ? mapped.at(records, record) : binding.row(cells.at(records, record)) };
    }
    reportUpTo(Infinity);
  }

  return {
    kind,
    close,
    sha256: content.sha256,
    async *records(issues) {
      for await (const staged of table.records) yield keptRecords(staged, issues);
    },
  };
}
