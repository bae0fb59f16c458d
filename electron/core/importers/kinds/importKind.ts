import type { SqliteDatabase } from '../../snapshot/openSnapshot.js';
import type { CsvRow, ColumnSpec } from '../csv/columns.js';
import type { JsonObject } from '../input/graphJson.js';
import type { GraphProperties } from './graphProperties.js';
import type { MappedRow, RowIssues, RowMapper } from './rowTypes.js';
import type { ImportStores } from '../stores/importStores.js';

export interface WriteContext {
  readonly db: SqliteDatabase;
  readonly batchId: number;
  readonly source: string;
  readonly stores: ImportStores;
  /** State that lives for one import across its files, e.g. the collection IDs seen so far. */
  perImport<T>(key: string, create: () => T): T;
}

/** Writes one parsed row; returns false when the row was rejected. */
export interface RowWriter<Row> {
  write(row: Row, issues: RowIssues): boolean;
  /** Runs after the file's last row, e.g. to write what the writer buffered. */
  end?(): void;
}

interface KindBase {
  /** Stable id, used by `--as` and stored in import_batches.kind. */
  readonly id: string;
  readonly label: string;
  /** import_batches.source, and the device_sources/user_sources tag of what the kind writes. */
  readonly source: string;
  /** Kinds of one import run in this order, so collections exist before their members and users before affinity. */
  readonly order: number;
  /** Tables this kind fills row by row in large numbers; a big import defers their secondary indexes. */
  readonly bulkTables?: readonly string[];
  /** Removes what an earlier import of this kind wrote: runs once per import, before its first file. */
  clear(context: WriteContext): void;
  /** Runs once per import after the kind's last file, e.g. to drop what the new export no longer lists. */
  finish?(context: WriteContext): void;
}

interface CsvKindBase<Field extends string> extends KindBase {
  readonly format: 'csv';
  readonly columns: ColumnSpec<Field>;
  /** Detected when every one of these columns is present… */
  readonly signature: readonly Field[];
  /** …and none of these (which mark a lookalike kind). */
  readonly excludes?: readonly Field[];
}

/** A CSV kind whose writer reads each row's cells. */
export interface CsvRowKind<Field extends string = string> extends CsvKindBase<Field> {
  readonly mapper?: undefined;
  writer(context: WriteContext): RowWriter<CsvRow<Field>>;
}

/**
 * A CSV kind whose rows a RowMapper turns into values without the snapshot, where the file is
 * tokenized (on a worker thread for a big file); its writer receives the mapped values.
 */
export interface CsvMappedKind<Field extends string = string> extends CsvKindBase<Field> {
  readonly mapper: RowMapper<Field>;
  writer(context: WriteContext): RowWriter<MappedRow>;
}

export type CsvKind = CsvRowKind | CsvMappedKind;

export interface JsonKind extends KindBase {
  readonly format: 'json';
  /** Matches the `@odata.context` of a Graph page (`…$metadata#deviceManagement/managedDevices`). */
  readonly context: RegExp;
  /** The item's `@odata.type` (`#microsoft.graph.managedDevice`), which names the resource wherever the item is. */
  readonly odataType: string;
  /** Recognises an item when the file has no `@odata.context` (a bare array or a single object). */
  matches(item: JsonObject): boolean;
  /**
   * The properties the writer reads, for objects PowerShell saved: ConvertTo-Json's and
   * Export-Csv's names (PascalCase or camelCase) are matched to these case-insensitively.
   */
  readonly properties?: GraphProperties;
  /**
   * A CSV that PowerShell's Export-Csv wrote of these objects is this kind when its header has
   * every one of these properties (see detectKind.ts); such a file is read into Graph objects.
   */
  readonly csvSignature?: readonly string[];
  /** Said about every CSV file of this kind, e.g. what Export-Csv could not carry. */
  readonly csvCaveat?: string;
  writer(context: WriteContext): RowWriter<JsonObject>;
}

export type ImportKind = CsvKind | JsonKind;
