import type { SqliteDatabase } from '../../snapshot/openSnapshot.js';
import type { MappedRow, RowIssues } from '../kinds/rowTypes.js';
import { BatchedInsert } from '../../snapshot/batchedInsert.js';
import { DEVICE_FACT_COLUMN_NAMES, DEVICE_FACT_COLUMNS, DEVICE_FACT_ORDER, deviceFactValues, type DeviceFact, type DeviceFacts } from '../../snapshot/deviceColumns.js';
import { RowsByKey, keyOfText } from './rowsByKey.js';

const COLUMNS: readonly [DeviceFact, string][] = DEVICE_FACT_ORDER.map((fact) => [fact, DEVICE_FACT_COLUMNS[fact].column]);
const WIDTH = DEVICE_FACT_ORDER.length;
const INTUNE_ID = DEVICE_FACT_ORDER.indexOf('intuneDeviceId');
const CM_ID = DEVICE_FACT_ORDER.indexOf('cmResourceId');
const SERIAL = DEVICE_FACT_ORDER.indexOf('serialNumber');

/** One device's facts by position in DEVICE_FACT_ORDER: a MappedRow, or DeviceFacts seen that way (factRowOf). */
interface FactRow {
  value(index: number): string | number | null;
}

function factRowOf(facts: DeviceFacts): FactRow {
  const values = deviceFactValues(facts);
  return { value: (index) => values[index]! };
}

function factsOf(row: MappedRow): DeviceFacts {
  return Object.fromEntries(DEVICE_FACT_ORDER.map((fact, index) => [fact, row.value(index)])) as DeviceFacts;
}

/**
 * Placeholder serials that many unrelated devices share (virtual machines, white-box PCs);
 * joining on them would merge strangers.
 */
export const PLACEHOLDER_SERIALS: ReadonlySet<string> = new Set(['0', '00000000', 'none', 'unknown', 'defaultstring', 'tobefilledbyoem', 'systemserialnumber', 'n/a']);

function usableSerial(serial: string | null | undefined): string | null {
  if (!serial) return null;
  return PLACEHOLDER_SERIALS.has(serial.toLowerCase().replace(/[\s.]+/g, '')) ? null : serial;
}

/** The second row of a device in one export (same Intune device ID or ResourceID): the first one stays. */
function rejectDuplicate(ownId: string | number | null | undefined, issues: RowIssues): void {
  issues.reject(null, `the same device appears twice in this export (${ownId}); only the first row is kept`);
}

/** A row keeps its placeholder serial, with a warning that it took no part in matching. */
function warnIfPlaceholder(serial: string | null | undefined, usable: string | number | null | undefined, issues: RowIssues): void {
  if (serial && !usable) issues.warn(null, `serial number "${serial}" is a placeholder and was not used to match devices`);
}

/** Join keys in the brief's order (§4e "Identity joins"): serial, then IMEI/MEID, then name. */
const JOIN_KEYS = [
  { fact: 'serialNumber', column: 'serial_number', label: 'serial number', compatible: [] },
  { fact: 'imei', column: 'imei', label: 'IMEI', compatible: ['serial_number'] },
  { fact: 'meid', column: 'meid', label: 'MEID', compatible: ['serial_number', 'imei'] },
  { fact: 'name', column: 'name', label: 'device name', compatible: ['serial_number', 'imei', 'meid'] },
] as const;

type Params = Record<string, string | number | null>;

export const DEVICE_TABLES = ['devices', 'device_sources'];

/** Indexes the joins and the own-id look-ups query; a bulk import keeps them while it defers the others. */
export const DEVICE_JOIN_INDEXES = ['devices_intune_device_id', 'devices_serial', 'devices_imei', 'devices_meid', 'devices_name'];

/**
 * Merges devices across sources into the one `devices` table. A device a source already
 * knows by its own id (Intune device ID, ConfigMgr ResourceID) is updated; otherwise it joins
 * a device from another source by serial, IMEI/MEID, then name, but only a device that has no
 * conflicting identity of its own. Two or more candidates are reported, never guessed: the row
 * is kept as a separate device with a warning.
 */
export class DeviceStore {
  private readonly insert;
  private readonly update;
  private readonly addSource;
  private readonly byIntuneId;
  private readonly byCmId;
  private readonly carriesSource;
  private readonly joins;
  private readonly anyCandidate;

  constructor(private readonly db: SqliteDatabase) {
    // Positional parameters: binding 28 named ones per row costs more than the insert itself.
    this.insert = db.prepare(insertDevices(false, `VALUES (${devicePlaceholders()})`));
    this.update = db.prepare(
      `UPDATE devices SET ${COLUMNS.map(([fact, column]) =>
        fact === 'platform'
          ? `platform = CASE WHEN @platform IS NULL OR @platform = 'unknown' THEN platform ELSE @platform END`
          : `${column} = coalesce(@${fact}, ${column})`,
      ).join(', ')} WHERE id = @id`,
    );
    this.addSource = db.prepare(
      'INSERT INTO device_sources (device_id, source, batch_id) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET batch_id = excluded.batch_id',
    );
    this.byIntuneId = db.prepare('SELECT id FROM devices WHERE intune_device_id = ?').pluck();
    this.byCmId = db.prepare('SELECT id FROM devices WHERE cm_resource_id = ?').pluck();
    this.carriesSource = db.prepare('SELECT 1 FROM device_sources WHERE device_id = ? AND source = ?').pluck();
    const unclaimed = `NOT EXISTS (SELECT 1 FROM device_sources s WHERE s.device_id = d.id AND s.source = @source)
      AND (@intuneDeviceId IS NULL OR d.intune_device_id IS NULL)
      AND (@cmResourceId IS NULL OR d.cm_resource_id IS NULL)`;
    this.joins = JOIN_KEYS.map((key) => ({
      ...key,
      statement: db
        .prepare(
          `SELECT d.id FROM devices d WHERE d.${key.column} = @value${key.column === 'name' ? ' COLLATE NOCASE' : ''}
           AND ${unclaimed} ${key.compatible.map((column) => `AND (@${column} IS NULL OR d.${column} IS NULL)`).join(' ')}
           LIMIT 3`,
        )
        .pluck(),
    }));
    this.anyCandidate = db
      .prepare('SELECT EXISTS (SELECT 1 FROM devices d WHERE NOT EXISTS (SELECT 1 FROM device_sources s WHERE s.device_id = d.id AND s.source = ?))')
      .pluck();
  }

  /**
   * Forgets what a source said: its device_sources rows, and devices no other source knows.
   * ConfigMgr affinity rows are another export's data: they are unhooked from the devices
   * first (the schema would cascade the delete to them) and the import's relink step points
   * them at the re-imported devices by ResourceID.
   */
  clearSource(source: string): void {
    this.db.prepare('DELETE FROM device_sources WHERE source = ?').run(source);
    const orphaned = 'SELECT d.id FROM devices d WHERE NOT EXISTS (SELECT 1 FROM device_sources s WHERE s.device_id = d.id)';
    this.db.prepare(`UPDATE user_device_affinity SET device_id = NULL WHERE device_id IN (${orphaned})`).run();
    this.db.prepare(`DELETE FROM devices WHERE id IN (${orphaned})`).run();
  }

  /**
   * Starts one kind's rows. When every device in the snapshot already came from this source
   * in this import (the first import into a fresh snapshot), there is nothing to join with:
   * the per-row join queries are skipped, and the rows go in as a bulk load (see BulkSourceWriter).
   */
  beginSource(source: string, batchId: number): SourceWriter {
    return this.anyCandidate.get(source) === 1 ? new JoiningSourceWriter(this, source, batchId) : new BulkSourceWriter(this.db, source, batchId);
  }

  /** @internal used by SourceWriter */
  write(facts: DeviceFacts, source: string, issues: RowIssues): number | null {
    const params: Params = { source };
    for (const [fact] of COLUMNS) params[fact] = (facts[fact] as string | number | null | undefined) ?? null;
    params.serialNumber = usableSerial(facts.serialNumber);
    let id = this.ownId(facts);
    if (id !== undefined) {
      if (this.carriesSource.get(id, source)) {
        rejectDuplicate(facts.intuneDeviceId ?? facts.cmResourceId, issues);
        return null;
      }
    } else {
      id = this.join(params, issues);
    }
    if (id === undefined) {
      id = Number(this.insert.run(COLUMNS.map(([fact]) => params[fact])).lastInsertRowid);
    } else {
      params.id = id;
      this.update.run(params);
    }
    warnIfPlaceholder(facts.serialNumber, params.serialNumber, issues);
    return id;
  }

  /** The device this source's own id (Intune device ID, ConfigMgr ResourceID) already names. */
  private ownId(facts: Pick<DeviceFacts, 'intuneDeviceId' | 'cmResourceId'>): number | undefined {
    if (facts.intuneDeviceId) return (this.byIntuneId.get(facts.intuneDeviceId) as number | undefined) ?? undefined;
    if (facts.cmResourceId !== null && facts.cmResourceId !== undefined) return (this.byCmId.get(facts.cmResourceId) as number | undefined) ?? undefined;
    return undefined;
  }

  private join(params: Params, issues: RowIssues): number | undefined {
    const compat = { serial_number: params.serialNumber, imei: params.imei, meid: params.meid };
    for (const key of this.joins) {
      const value = params[key.fact];
      if (!value) continue;
      const ids = key.statement.all({ ...params, ...compat, value }) as number[];
      if (ids.length === 1) return ids[0];
      if (ids.length > 1) {
        issues.warn(
          null,
          `${key.label} "${value}" matches ${ids.length === 3 ? '3 or more' : ids.length} devices from other exports; not merged with any of them (fix the duplicates or the ${key.label} and import again)`,
        );
        return undefined;
      }
    }
    return undefined;
  }

  recordSource(deviceId: number, source: string, batchId: number): void {
    this.addSource.run(deviceId, source, batchId);
  }
}

/** One kind's pass over the devices. `end()` must run after the last row of the file. */
export interface SourceWriter {
  /** Writes or merges the device; false when the row was rejected. */
  upsert(facts: DeviceFacts, issues: RowIssues): boolean;
  /** The same for a device row a RowMapper produced: `row.value(i)` is the fact DEVICE_FACT_ORDER[i]. */
  upsertMapped(row: MappedRow, issues: RowIssues): boolean;
  end(): void;
}

/** Row by row, with the identity joins, when the snapshot holds devices this source may join. */
class JoiningSourceWriter implements SourceWriter {
  constructor(
    private readonly store: DeviceStore,
    private readonly source: string,
    private readonly batchId: number,
  ) {}

  upsert(facts: DeviceFacts, issues: RowIssues): boolean {
    const id = this.store.write(facts, this.source, issues);
    if (id === null) return false;
    this.store.recordSource(id, this.source, this.batchId);
    return true;
  }

  upsertMapped(row: MappedRow, issues: RowIssues): boolean {
    return this.upsert(factsOf(row), issues);
  }

  end(): void {}
}

/** Rows per multi-row INSERT: 29 values each (the row id and 28 facts), so about 7,400 parameters a statement. */
const BULK_ROWS = 256;

/**
 * The bulk path, for a source that has nothing to join with: every device already in the
 * snapshot was written by this source in this import, so a row is either new or a duplicate of
 * an earlier row (by its own id), and neither the joins nor the per-row device_sources look-up
 * are needed. Rows go in through a multi-row INSERT of BULK_ROWS rows per call, and the
 * device_sources rows are written set-based once the file is done.
 *
 * Duplicates are found without the own-id indexes, which a big import defers (the Intune
 * device ID's among them): every device written is filed under a hash of its Intune device ID,
 * or under its ResourceID, with the row id the writer gave it (RowsByKey). A row whose key is
 * not filed yet is new; otherwise each device filed under the key is read by its row id, after
 * the rows still buffered are written, and compared id for id. A hash collision so costs a
 * look-up by row id and never rejects a row.
 */
class BulkSourceWriter implements SourceWriter {
  private readonly insert: BatchedInsert;
  /** One row's values, its row id first, reused from row to row. */
  private readonly values: unknown[] = new Array(WIDTH + 1);
  private readonly byIntuneKey = new RowsByKey();
  private readonly byCmId = new RowsByKey();
  private readonly ownIdsOf;
  /** Devices with a larger id are the ones this writer inserted. */
  private readonly firstId: number;
  private nextId: number;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly source: string,
    private readonly batchId: number,
  ) {
    this.insert = new BatchedInsert(db, (values) => insertDevices(true, values), `(?, ${devicePlaceholders()})`, BULK_ROWS);
    this.ownIdsOf = db.prepare('SELECT intune_device_id, cm_resource_id FROM devices WHERE id = ?').raw();
    this.firstId = db.prepare('SELECT coalesce(max(id), 0) FROM devices').pluck().get() as number;
    this.nextId = this.firstId + 1;
    const known = db.prepare('SELECT id, intune_device_id, cm_resource_id FROM devices WHERE intune_device_id IS NOT NULL OR cm_resource_id IS NOT NULL').raw();
    for (const [id, intuneId, cmId] of known.iterate() as Iterable<[number, string | null, number | null]>) this.file(id, intuneId ? keyOfText(intuneId) : null, cmId);
  }

  upsert(facts: DeviceFacts, issues: RowIssues): boolean {
    return this.add(factRowOf(facts), issues);
  }

  upsertMapped(row: MappedRow, issues: RowIssues): boolean {
    return this.add(row, issues);
  }

  private add(row: FactRow, issues: RowIssues): boolean {
    const intuneId = (row.value(INTUNE_ID) as string | null) || null;
    // A mapped row's ResourceID would be its text (see MappedRow).
    const cmValue = row.value(CM_ID);
    const cmId = cmValue === null ? null : Number(cmValue);
    const intuneKey = intuneId !== null ? keyOfText(intuneId) : null;
    const duplicate =
      intuneKey !== null
        ? this.byIntuneKey.some(intuneKey, (id) => this.ownIds(id)[0] === intuneId)
        : cmId !== null && this.byCmId.some(cmId, (id) => this.ownIds(id)[1] === cmId);
    if (duplicate) {
      rejectDuplicate(intuneId ?? cmId, issues);
      return false;
    }
    const id = this.nextId++;
    this.file(id, intuneKey, cmId);
    const serialNumber = row.value(SERIAL) as string | null;
    const serial = usableSerial(serialNumber);
    const values = this.values;
    values[0] = id;
    for (let i = 0; i < WIDTH; i++) values[i + 1] = i === SERIAL ? serial : row.value(i);
    this.insert.addRow(values);
    warnIfPlaceholder(serialNumber, serial, issues);
    return true;
  }

  /** The Intune device ID and ResourceID of a device this import has written (perhaps still buffered). */
  private ownIds(id: number): [string | null, number | null] {
    this.insert.flush();
    return this.ownIdsOf.get(id) as [string | null, number | null];
  }

  end(): void {
    this.insert.flush();
    this.db
      .prepare(
        `INSERT INTO device_sources (device_id, source, batch_id) SELECT id, ?, ? FROM devices WHERE id > ?
         ON CONFLICT DO UPDATE SET batch_id = excluded.batch_id`,
      )
      .run(this.source, this.batchId, this.firstId);
  }

  /** `intuneKey` is the hash of the row's Intune device ID. */
  private file(id: number, intuneKey: number | null, cmId: number | null): void {
    if (intuneKey !== null) this.byIntuneKey.add(intuneKey, id);
    if (cmId !== null) this.byCmId.add(cmId, id);
  }
}

/** One device's placeholders in COLUMNS order; a missing platform is stored as 'unknown'. */
function devicePlaceholders(): string {
  return COLUMNS.map(([fact]) => (fact === 'platform' ? `coalesce(?, 'unknown')` : '?')).join(', ');
}

/** An INSERT of devices (row id first `withId`, then COLUMNS order), for rows from `source` (a VALUES list or a SELECT). */
function insertDevices(withId: boolean, source: string): string {
  return `INSERT INTO devices (${withId ? 'id, ' : ''}${DEVICE_FACT_COLUMN_NAMES.join(', ')}) ${source}`;
}
