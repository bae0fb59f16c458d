import type { Platform } from '../../../contract/labels.js';
import type { SqliteDatabase } from '../../snapshot/openSnapshot.js';
import type { RowIssues } from '../importKind.js';

/** What one source says about one device. Absent facts leave what another source said. */
export interface DeviceFacts {
  intuneDeviceId?: string | null;
  cmResourceId?: number | null;
  entraDeviceId?: string | null;
  serialNumber?: string | null;
  imei?: string | null;
  meid?: string | null;
  name?: string | null;
  managementName?: string | null;
  platform?: Platform | null;
  os?: string | null;
  osVersion?: string | null;
  model?: string | null;
  manufacturer?: string | null;
  ownership?: 'unknown' | 'company' | 'personal' | null;
  ownershipRaw?: string | null;
  enrollmentType?: string | null;
  enrollmentTypeRaw?: string | null;
  managementAgent?: string | null;
  managementAgentRaw?: string | null;
  category?: string | null;
  primaryUserUpn?: string | null;
  lastCheckIn?: string | null;
  enrolledAt?: string | null;
  mdmCertExpiresAt?: string | null;
  compliance?: string | null;
  complianceRaw?: string | null;
  cmEnrollmentStatus?: number | null;
  cmClientType?: number | null;
}

const COLUMNS: readonly [keyof DeviceFacts, string][] = [
  ['intuneDeviceId', 'intune_device_id'],
  ['cmResourceId', 'cm_resource_id'],
  ['entraDeviceId', 'entra_device_id'],
  ['serialNumber', 'serial_number'],
  ['imei', 'imei'],
  ['meid', 'meid'],
  ['name', 'name'],
  ['managementName', 'management_name'],
  ['platform', 'platform'],
  ['os', 'os'],
  ['osVersion', 'os_version'],
  ['model', 'model'],
  ['manufacturer', 'manufacturer'],
  ['ownership', 'ownership'],
  ['ownershipRaw', 'ownership_raw'],
  ['enrollmentType', 'enrollment_type'],
  ['enrollmentTypeRaw', 'enrollment_type_raw'],
  ['managementAgent', 'management_agent'],
  ['managementAgentRaw', 'management_agent_raw'],
  ['category', 'category'],
  ['primaryUserUpn', 'primary_user_upn'],
  ['lastCheckIn', 'last_check_in'],
  ['enrolledAt', 'enrolled_at'],
  ['mdmCertExpiresAt', 'mdm_cert_expires_at'],
  ['compliance', 'compliance'],
  ['complianceRaw', 'compliance_raw'],
  ['cmEnrollmentStatus', 'cm_enrollment_status'],
  ['cmClientType', 'cm_client_type'],
];

/**
 * Placeholder serials that many unrelated devices share (virtual machines, white-box PCs);
 * joining on them would merge strangers.
 */
const PLACEHOLDER_SERIALS = new Set(['0', '00000000', 'none', 'unknown', 'defaultstring', 'tobefilledbyoem', 'systemserialnumber', 'n/a']);

function usableSerial(serial: string | null | undefined): string | null {
  if (!serial) return null;
  return PLACEHOLDER_SERIALS.has(serial.toLowerCase().replace(/[\s.]+/g, '')) ? null : serial;
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

/** Indexes the joins query; a bulk import keeps them while it defers the others. */
export const DEVICE_JOIN_INDEXES = ['devices_serial', 'devices_imei', 'devices_meid', 'devices_name'];

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
    const names = COLUMNS.map(([, column]) => column);
    this.insert = db.prepare(
      // Positional parameters: binding 28 named ones per row costs more than the insert itself.
      `INSERT INTO devices (${names.join(', ')}) VALUES (${COLUMNS.map(([fact]) => (fact === 'platform' ? `coalesce(?, 'unknown')` : '?')).join(', ')})`,
    );
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

  /** Forgets what a source said: its device_sources rows, and devices no other source knows. */
  clearSource(source: string): void {
    this.db.prepare('DELETE FROM device_sources WHERE source = ?').run(source);
    this.db.prepare('DELETE FROM devices WHERE NOT EXISTS (SELECT 1 FROM device_sources s WHERE s.device_id = devices.id)').run();
  }

  /**
   * Starts one kind's rows. When every device in the snapshot already came from this source
   * in this import (the first import into a fresh snapshot), there is nothing to join with,
   * and the per-row join queries are skipped: that is most of the cost of a big first import.
   */
  beginSource(source: string): SourceWriter {
    return new SourceWriter(this, source, this.anyCandidate.get(source) === 1);
  }

  /** @internal used by SourceWriter */
  write(facts: DeviceFacts, source: string, joinable: boolean, issues: RowIssues): number | null {
    const params: Params = { source };
    for (const [fact] of COLUMNS) params[fact] = (facts[fact] as string | number | null | undefined) ?? null;
    params.serialNumber = usableSerial(facts.serialNumber);
    let id = this.ownId(facts);
    if (id !== undefined) {
      if (this.carriesSource.get(id, source)) {
        issues.reject(null, `the same device appears twice in this export (${facts.intuneDeviceId ?? facts.cmResourceId}); only the first row is kept`);
        return null;
      }
    } else if (joinable) {
      id = this.join(params, issues);
    }
    if (id === undefined) {
      id = Number(this.insert.run(COLUMNS.map(([fact]) => params[fact])).lastInsertRowid);
    } else {
      params.id = id;
      this.update.run(params);
    }
    if (facts.serialNumber && !params.serialNumber) {
      issues.warn(null, `serial number "${facts.serialNumber}" is a placeholder and was not used to match devices`);
    }
    return id;
  }

  private ownId(facts: DeviceFacts): number | undefined {
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

/** One kind's pass over the devices: remembers whether joins are possible at all. */
export class SourceWriter {
  constructor(
    private readonly store: DeviceStore,
    private readonly source: string,
    private readonly joinable: boolean,
  ) {}

  upsert(facts: DeviceFacts, batchId: number, issues: RowIssues): number | null {
    const id = this.store.write(facts, this.source, this.joinable, issues);
    if (id !== null) this.store.recordSource(id, this.source, batchId);
    return id;
  }
}
