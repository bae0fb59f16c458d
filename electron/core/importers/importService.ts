import { UserFacingError, isUserFacingError, type UserErrorCode } from '../errors.js';
import { deferIndexes } from '../snapshot/deferIndexes.js';
import { DERIVED_FACT_INDEXES } from '../snapshot/derivedFacts.js';
import type { Snapshot, SqliteDatabase } from '../snapshot/openSnapshot.js';
import type { ImportKind, RowWriter, WriteContext } from './kinds/importKind.js';
import type { RowIssues } from './kinds/rowTypes.js';
import { importKindById } from './kinds/importKinds.js';
import type { DateOrder } from './kinds/cultureDates.js';
import { describeDetection } from './detectKind.js';
import { resolveImportInput, type ImportInput } from './input/importInput.js';
import { describeRemovedRows } from '../../contract/imports.js';
import { noteReplaceableRows, type RemovedRows } from './stores/replacedRows.js';
import { openImportFile, type OpenedImportFile, type ParsedRecord, type StreamWatch } from './readImportFile.js';
import { DEVICE_JOIN_INDEXES } from './stores/deviceStore.js';
import { ImportStores } from './stores/importStores.js';

export interface ImportProgress {
  /** Bytes read so far across all files (decompressed bytes for a zip). */
  readonly done: number;
  readonly total: number;
  /** The file being read. */
  readonly label: string;
}

export interface ImportOptions {
  /** A kind id (`intune-devices`, `graph-users`, …) that overrides detection for every file. */
  readonly as?: string;
  readonly onProgress?: (progress: ImportProgress) => void;
  readonly signal?: AbortSignal;
  /** How to read dates like `6/5/2019` in every file whose own dates do not settle it (the CLI's `--date-order`). */
  readonly dateOrder?: DateOrder;
  /** The same per file path, as the app's review step asks it; wins over `dateOrder`. */
  readonly dateOrders?: Readonly<Record<string, DateOrder>>;
  /** The person agreed that the import removes rows an earlier import brought in (the CLI's `--replace`). */
  readonly replace?: boolean;
}

function dateOrderFor(options: ImportOptions, path: string): DateOrder | undefined {
  return options.dateOrders?.[path] ?? options.dateOrder;
}

export interface FileFailure {
  readonly code: UserErrorCode;
  readonly message: string;
}

/** What the review step shows per file before anything is written. */
export interface InspectedFile {
  readonly path: string;
  readonly displayName: string;
  readonly kind: string | null;
  readonly kindLabel: string | null;
  /** What in the file decided its kind: columns as written, or a Graph marker. */
  readonly decidedBy: readonly string[];
  /** How the file's culture dates (`6/5/2019`) are read; null when it has none, or while undecided. */
  readonly dateOrder: DateOrder | null;
  /** A date of the file that reads either way, when the person must say which order it is in. */
  readonly dateOrderQuestion: string | null;
  /** What the person must know about this file's import. */
  readonly notes: readonly string[];
  /** Data records in the file (the header and blank lines excluded). */
  readonly rows: number;
  /** Of those, records already known to be rejected: wider or narrower than the header, a required cell blank. */
  readonly malformedRows: number;
  readonly error: FileFailure | null;
}

export interface ImportedFile {
  readonly path: string;
  readonly displayName: string;
  readonly status: 'imported' | 'failed' | 'not_imported';
  readonly kind: string | null;
  readonly decidedBy: readonly string[];
  readonly notes: readonly string[];
  readonly batchId: number | null;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  readonly warnings: number;
  readonly durationMs: number;
  readonly error: FileFailure | null;
}

export interface ImportOutcome {
  /** True when every file was imported and the transaction committed. */
  readonly committed: boolean;
  readonly cancelled: boolean;
  readonly files: readonly ImportedFile[];
  /** Rows an earlier import brought in that this one would have removed; not empty when it was refused for that (see `replace`). */
  readonly wouldRemove: readonly RemovedRows[];
}

/** The import would remove rows an earlier import brought in, and the person did not agree to that. */
class RemovalNotConfirmed extends UserFacingError {
  constructor(readonly removed: readonly RemovedRows[]) {
    super(
      'would_remove_rows',
      `This import would remove ${describeRemovedRows(removed)} that an earlier import brought in and the new exports no longer list; nothing was imported. ` +
        'If the new exports are complete, import again and confirm the removal (mdm-migrate: --replace).',
    );
  }
}

/** The kind's name, what decided it, and the date a person must read, for the file whose culture dates no value settles. */
function dateOrderNeeded(file: OpenedImportFile, displayName: string): UserFacingError | null {
  const order = file.dateOrder;
  if (order === null || !('undecided' in order)) return null;
  return new UserFacingError(
    'needs_date_order',
    `${displayName} (${describeDetection(file)}): its dates, such as "${order.undecided}", read either day first or month first, and no date in the file settles which; nothing was imported. ` +
      'Say which with --date-order dmy (day first) or --date-order mdy (month first).',
  );
}

function failureOf(error: unknown): FileFailure {
  if (isUserFacingError(error)) return { code: error.code, message: error.message };
  throw error;
}

function progressReporter(total: number, options: ImportOptions) {
  let done = 0;
  return (label: string): StreamWatch => ({
    onBytes(bytes) {
      done += bytes;
      options.onProgress?.({ done: Math.min(done, total), total, label });
    },
    checkCancelled() {
      if (options.signal?.aborted) throw new UserFacingError('cancelled', 'The import was cancelled; the snapshot was not changed.');
    },
  });
}

/** Counts the records a file offers without writing anything: the app's review step. */
export async function inspectImportFiles(paths: readonly string[], options: ImportOptions = {}): Promise<InspectedFile[]> {
  const as = options.as === undefined ? undefined : importKindById(options.as);
  const results: InspectedFile[] = [];
  const inputs = await Promise.all(paths.map((path) => resolveImportInput(path).catch((error: unknown) => failureOf(error))));
  const watchFor = progressReporter(inputs.reduce((sum, input) => sum + ('bytes' in input ? input.bytes : 0), 0), options);
  for (const [i, input] of inputs.entries()) {
    const path = paths[i]!;
    const unread = { kind: null, kindLabel: null, decidedBy: [], dateOrder: null, dateOrderQuestion: null, notes: [], rows: 0, malformedRows: 0 };
    if (!('bytes' in input)) {
      results.push({ path, displayName: path, ...unread, error: input });
      continue;
    }
    let file: OpenedImportFile | null = null;
    try {
      file = await openImportFile(input, as, watchFor(input.displayName), dateOrderFor(options, path));
      let wellFormed = 0;
      let malformedRows = 0;
      const countMalformed: RowIssues = {
        reject() {
          malformedRows++;
        },
        warn() {},
      };
      for await (const batch of file.records(() => countMalformed)) for (const _record of batch) wellFormed++;
      if (wellFormed + malformedRows === 0) throw noDataRows(input.displayName, input.format, file);
      results.push({ path, displayName: input.displayName, ...describeOpened(file), rows: wellFormed + malformedRows, malformedRows, error: null });
    } catch (error) {
      if (isUserFacingError(error) && error.code === 'cancelled') throw error;
      // A file whose kind was known before it failed (one with no data rows) still says what it is.
      results.push({ path, displayName: input.displayName, ...unread, ...(file ? describeOpened(file) : {}), error: failureOf(error) });
    }
  }
  return results;
}

/** What the review step shows of an opened file: its kind, why, and how its dates read. */
function describeOpened(file: OpenedImportFile) {
  const order = file.dateOrder;
  return {
    kind: file.kind.id,
    kindLabel: file.kind.label,
    decidedBy: file.decidedBy,
    dateOrder: order && 'order' in order ? order.order : null,
    dateOrderQuestion: order && 'undecided' in order ? order.undecided : null,
    notes: file.notes,
  };
}

/**
 * Checks every file far enough to know it can be imported (exists, readable, kind known,
 * required columns present) without reading the rows. The CLI calls this before it creates a
 * snapshot file, so a run of only bad files leaves no new file behind.
 */
export async function preflightImportFiles(paths: readonly string[], options: Pick<ImportOptions, 'as' | 'dateOrder'> = {}): Promise<{ path: string; error: FileFailure | null }[]> {
  const kind = options.as === undefined ? undefined : importKindById(options.as);
  const noWatch: StreamWatch = { onBytes() {}, checkCancelled() {} };
  const results = [];
  for (const path of paths) {
    try {
      const input = await resolveImportInput(path);
      const file = await openImportFile(input, kind, noWatch, options.dateOrder);
      file.close();
      const undecided = dateOrderNeeded(file, input.displayName);
      if (undecided) throw undecided;
      results.push({ path, error: null });
    } catch (error) {
      results.push({ path, error: failureOf(error) });
    }
  }
  return results;
}

/**
 * better-sqlite3's `db.transaction()` refuses async functions, and streaming a 1 GB export
 * is async: the import therefore opens the transaction itself and commits or rolls back once
 * every file is read. Nothing else may write on this connection meanwhile (the app's import
 * service serialises imports, and the CLI runs one).
 */
async function inTransaction<T>(db: SqliteDatabase, work: () => Promise<T>): Promise<T> {
  if (db.inTransaction) throw new Error('an import cannot start inside another transaction');
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Rebuilding an index costs time in proportion to the rows already in the table, so deferring
 * pays off only when the import itself is large; below this many input bytes for bulk kinds
 * (about 25,000 Intune export rows) the indexes are updated row by row.
 */
const BULK_IMPORT_BYTES = 8 * 1024 * 1024;

/** Defers the bulk tables' indexes of a large import; returns what rebuilds them, or null for a small one. */
function deferIndexesForBulk(db: SqliteDatabase, files: readonly PlannedFile[]): (() => void) | null {
  const bulk = files.filter((file) => file.opened.kind.bulkTables);
  if (bulk.reduce((sum, file) => sum + file.input.bytes, 0) < BULK_IMPORT_BYTES) return null;
  const tables = [...new Set(bulk.flatMap((file) => file.opened.kind.bulkTables!))];
  // The join indexes can go too when nothing can be joined: one device source, and no device
  // in the snapshot from any other source (typically the first Intune export of an engagement).
  const sources = [...new Set(bulk.map((file) => file.opened.kind.source))];
  const joinable =
    sources.length > 1 ||
    db.prepare('SELECT EXISTS (SELECT 1 FROM device_sources WHERE source <> ?) OR EXISTS (SELECT 1 FROM devices WHERE id NOT IN (SELECT device_id FROM device_sources))').pluck().get(sources[0]) === 1;
  return deferIndexes(db, tables, [...DERIVED_FACT_INDEXES, ...(joinable ? DEVICE_JOIN_INDEXES : [])]);
}

interface PlannedFile {
  readonly input: ImportInput;
  readonly opened: OpenedImportFile;
}

/**
 * Imports files into the snapshot as one transaction: either every file is in, or (a file
 * that turns out unreadable half-way, a cancel) nothing is and the snapshot is unchanged.
 * Each file gets an import_batches row; rows it could not take go to import_rejections.
 * Re-importing a kind replaces what the previous import of that kind wrote.
 */
export async function importFiles(snapshot: Snapshot, paths: readonly string[], options: ImportOptions = {}): Promise<ImportOutcome> {
  const as = options.as === undefined ? undefined : importKindById(options.as);
  const inputs: (ImportInput | FileFailure)[] = [];
  for (const path of paths) inputs.push(await resolveImportInput(path).catch((error: unknown) => failureOf(error)));
  const watchFor = progressReporter(inputs.reduce((sum, input) => sum + ('bytes' in input ? input.bytes : 0), 0), options);

  // Open every file (header or Graph document) before the transaction: a file that cannot be
  // imported at all is reported with the others, and nothing is written.
  const planned: (PlannedFile | FileFailure)[] = [];
  for (const input of inputs) {
    if (!('bytes' in input)) planned.push(input);
    else {
      planned.push(
        await openImportFile(input, as, watchFor(input.displayName), dateOrderFor(options, input.path)).then((opened) => {
          const undecided = dateOrderNeeded(opened, input.displayName);
          if (undecided) {
            opened.close();
            return failureOf(undecided);
          }
          return { input, opened };
        }, failureOf),
      );
    }
  }
  const results = new Map<number, ImportedFile>();
  let wouldRemove: readonly RemovedRows[] = [];
  const summary = (): ImportOutcome => ({
    committed: wouldRemove.length === 0 && [...results.values()].every((file) => file.status === 'imported'),
    cancelled: [...results.values()].some((file) => file.error?.code === 'cancelled'),
    files: paths.map((path, i) => results.get(i) ?? notImported(path, inputs[i]!, null)),
    wouldRemove,
  });
  planned.forEach((file, i) => {
    if (!('opened' in file)) results.set(i, notImported(paths[i]!, inputs[i]!, file, 'failed'));
  });
  if (results.size > 0) {
    for (const file of planned) if ('opened' in file) file.opened.close();
    return summary();
  }

  const order = planned
    .map((file, index) => ({ file: file as PlannedFile, index }))
    .sort((a, b) => a.file.opened.kind.order - b.file.opened.kind.order || a.index - b.index);
  let current = -1;
  const restoreCache = boundedPageCache(snapshot.db);
  try {
    await inTransaction(snapshot.db, async () => {
      const restoreIndexes = deferIndexesForBulk(snapshot.db, order.map(({ file }) => file));
      const replaceable = noteReplaceableRows(snapshot.db, [...new Set(order.map(({ file }) => file.opened.kind))]);
      const stores = new ImportStores(snapshot.db);
      const state = new Map<string, unknown>();
      const started = new Set<ImportKind>();
      for (const [position, { file, index }] of order.entries()) {
        current = index;
        const kind = file.opened.kind;
        const { result, context } = await importOneFile(snapshot, file, stores, state, !started.has(kind));
        started.add(kind);
        results.set(index, result);
        const next = order[position + 1];
        if (!next || next.file.opened.kind !== kind) kind.finish?.(context);
      }
      // Relinking before the rebuild spares the deferred indexes its row-by-row updates.
      stores.relink();
      restoreIndexes?.();
      // Counted before the commit: refused, the whole import rolls back and the snapshot is as it was.
      const removed = replaceable.removed();
      if (removed.length > 0 && !options.replace) throw new RemovalNotConfirmed(removed);
    });
  } catch (error) {
    restoreCache();
    for (const { file } of order) file.opened.close();
    results.clear();
    if (error instanceof RemovalNotConfirmed) {
      wouldRemove = error.removed;
      return summary();
    }
    const failure = failureOf(error);
    results.set(current, notImported(paths[current]!, inputs[current]!, failure, 'failed'));
    return summary();
  }
  restoreCache();
  for (const [index, file] of results) results.set(index, { ...file, status: 'imported' });
  return summary();
}

/**
 * The snapshot's 256 MB page cache suits the demo generator; an import also holds parsed
 * records and statement state, and must stay under 300 MB RSS (issue 3). A 16 MB cache lets
 * SQLite spill the import's dirty pages into the file earlier, which costs little: they are
 * written there at commit anyway, and a rollback still restores the file from the journal.
 */
function boundedPageCache(db: SqliteDatabase): () => void {
  const previous = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -16384');
  return () => db.pragma(`cache_size = ${previous}`);
}

function notImported(path: string, input: ImportInput | FileFailure, error: FileFailure | null, status: 'failed' | 'not_imported' = 'not_imported'): ImportedFile {
  return {
    path,
    displayName: 'displayName' in input ? input.displayName : path,
    status,
    kind: null,
    decidedBy: [],
    notes: [],
    batchId: null,
    rowsAccepted: 0,
    rowsRejected: 0,
    warnings: 0,
    durationMs: 0,
    error,
  };
}

async function importOneFile(
  snapshot: Snapshot,
  file: PlannedFile,
  stores: ImportStores,
  state: Map<string, unknown>,
  firstOfKind: boolean,
): Promise<{ result: ImportedFile; context: WriteContext }> {
  const started = performance.now();
  const { input, opened } = file;
  const kind = opened.kind;
  const db = snapshot.db;
  const batchId = Number(
    db
      .prepare(`INSERT INTO import_batches (file_name, kind, source, sha256, started_at) VALUES (?, ?, ?, '', ?)`)
      .run(input.displayName, kind.id, kind.source, new Date().toISOString()).lastInsertRowid,
  );
  const context: WriteContext = {
    db,
    batchId,
    source: kind.source,
    stores,
    perImport: <T>(key: string, create: () => T) => {
      if (!state.has(key)) state.set(key, create());
      return state.get(key) as T;
    },
  };
  if (firstOfKind) kind.clear(context);

  const insertIssue = db.prepare('INSERT INTO import_rejections (batch_id, line, column_name, reason, severity) VALUES (?, ?, ?, ?, ?)');
  let accepted = 0;
  let rejected = 0;
  let warnings = 0;
  let where: { line: number | null; prefix: string } = { line: null, prefix: '' };
  const issues: RowIssues = {
    reject(column, reason) {
      rejected++;
      insertIssue.run(batchId, where.line, column, where.prefix + reason, 'error');
    },
    warn(column, reason) {
      warnings++;
      insertIssue.run(batchId, where.line, column, where.prefix + reason, 'warning');
    },
  };
  const at = (line: number | null, prefix = '') => {
    where = { line, prefix };
    return issues;
  };
  const writer = kind.writer(context) as RowWriter<unknown>;
  for await (const batch of opened.records((line) => at(line))) {
    for (const record of batch) if (writer.write(locate(record, at), issues)) accepted++;
  }
  writer.end?.();
  if (accepted + rejected === 0) throw noDataRows(input.displayName, input.format, opened);
  const sha256 = await opened.sha256();
  const durationMs = Math.round(performance.now() - started);
  const dateOrder = opened.dateOrder && 'order' in opened.dateOrder ? opened.dateOrder : null;
  db.prepare('UPDATE import_batches SET sha256 = ?, rows_accepted = ?, rows_rejected = ?, duration_ms = ?, date_order = ?, date_order_from = ? WHERE id = ?').run(
    sha256,
    accepted,
    rejected,
    durationMs,
    dateOrder?.order ?? null,
    dateOrder?.from ?? null,
    batchId,
  );
  snapshot.audit('import', 'import.file', input.displayName, { kind: kind.id, sha256, accepted, rejected, warnings });
  return {
    result: {
      path: input.path,
      displayName: input.displayName,
      status: 'imported',
      kind: kind.id,
      decidedBy: opened.decidedBy,
      notes: opened.notes,
      batchId,
      rowsAccepted: accepted,
      rowsRejected: rejected,
      warnings,
      durationMs,
      error: null,
    },
    context,
  };
}

/**
 * A header with no rows is the classic export whose filter matched nothing. Imported, it
 * would replace every row the previous export of that source brought in with nothing.
 */
function noDataRows(name: string, format: 'csv' | 'json', file: OpenedImportFile): UserFacingError {
  const what = format === 'csv' ? 'has a header but no data rows' : 'holds an empty list';
  return new UserFacingError(
    'invalid_input',
    `${name} ${what} (a filter that matched nothing?): nothing was imported. Export it again with the rows. (${describeDetection(file)}.)`,
  );
}

/** Points the issue sink at the record's line (CSV) or item number (JSON, which has no useful line). */
function locate(record: ParsedRecord, at: (line: number | null, prefix?: string) => RowIssues): unknown {
  if (record.format === 'csv') {
    at(record.line);
    return record.row;
  }
  const id = typeof record.item.id === 'string' ? ` (id ${record.item.id})` : '';
  at(null, `item ${record.index}${id}: `);
  return record.item;
}
