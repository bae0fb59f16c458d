import { USERLESS_ENROLLMENT_TYPES } from '../deviceEnums.js';
import { PLACEHOLDER_SERIALS } from '../importers/stores/deviceStore.js';
import { anyOf, SQL } from '../rules/ruleHelpers.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import { iterateRows } from '../snapshot/sqliteDatabase.js';
import { recordedSwitch } from '../wizard/index.js';

/**
 * What became of each baseline MDM device in a later export (brief §7.2): found and checked in
 * under Intune since its user's wave moved (or since the switch), found but silent since then,
 * not found, or not found and userless, which is a Microsoft Support case (brief §4b, §6.8).
 */
export const RECONCILIATION_STATES = ['checked_in', 'stale', 'not_found', 'userless_pending_support'] as const;
export type ReconciliationState = (typeof RECONCILIATION_STATES)[number];
/** How devices whose owner is in no wave are named: they move with everyone at the switch. */
export const NO_WAVE = 'In no wave (moves at the switch)';

export const RECONCILIATION_STATE_LABELS: Readonly<Record<ReconciliationState, string>> = {
  checked_in: 'Checked in',
  stale: 'Stale',
  not_found: 'Not found',
  userless_pending_support: 'Userless, support case',
};
export type ReconciliationCounts = Record<ReconciliationState, number> & { readonly total: number };

export interface WaveReconciliation {
  /** null: devices whose owner is in no wave (they move at the switch). */
  readonly waveId: number | null;
  readonly wave: string;
  readonly counts: ReconciliationCounts;
}

export interface BatchReconciliation {
  readonly batchId: number;
  readonly label: string;
  readonly importedAt: string;
  readonly files: readonly string[];
  readonly devicesInExport: number;
  readonly overall: ReconciliationCounts;
  readonly byWave: readonly WaveReconciliation[];
}

const USERLESS = `(${anyOf('d.enrollment_type', USERLESS_ENROLLMENT_TYPES)} OR ${SQL.noPrimaryUser('d')})`;
const USABLE_SERIAL = `lower(replace(replace(b.serial_number, ' ', ''), '.', '')) NOT IN (${[...PLACEHOLDER_SERIALS].map((serial) => `'${serial}'`).join(', ')})`;

/**
 * Every baseline MDM device with its state in batch `:batch`. The reference time is when the
 * device's wave was moved, else the recorded switch, else the data date: a check-in since then
 * shows the device talks to Intune. A device is found by its Intune device ID, else by a real
 * serial number (placeholders would match strangers).
 */
const CLASSIFIED = `
  WITH baseline AS (
    SELECT d.id, d.name, d.serial_number, d.intune_device_id, wu.wave_id, wv.name AS wave_name,
           coalesce(wv.moved_at, :switchAt, :dataAsOf) AS since, ${USERLESS} AS userless
    FROM devices d
    LEFT JOIN wave_users wu ON wu.user_id = d.owner_user_id
    LEFT JOIN waves wv ON wv.id = wu.wave_id
    WHERE ${SQL.mdmDevice('d')}
  ), seen AS (
    SELECT b.*, (SELECT max(coalesce(r.last_check_in, '')) FROM reconciliation_devices r
                 WHERE r.batch_id = :batch
                   AND (r.intune_device_id = b.intune_device_id OR (r.serial_number = b.serial_number AND ${USABLE_SERIAL}))) AS last_seen
    FROM baseline b
  )
  SELECT id, name, serial_number AS serialNumber, wave_id AS waveId, wave_name AS wave, since, nullif(last_seen, '') AS lastSeen,
         CASE WHEN last_seen IS NULL THEN CASE WHEN userless THEN 'userless_pending_support' ELSE 'not_found' END
              WHEN last_seen >= since THEN 'checked_in' ELSE 'stale' END AS state
  FROM seen`;

function emptyCounts(): Record<ReconciliationState, number> & { total: number } {
  return { checked_in: 0, stale: 0, not_found: 0, userless_pending_support: 0, total: 0 };
}

function parameters(snapshot: Snapshot, batchId: number) {
  const dataAsOf = (snapshot.db.prepare('SELECT data_as_of FROM engagement WHERE id = 1').pluck().get() as string | null) ?? '';
  return { batch: batchId, switchAt: recordedSwitch(snapshot)?.at ?? null, dataAsOf };
}

/** The counts of every later export, oldest first: per wave and overall, so progress shows over time. */
export function reconcileSnapshot(snapshot: Snapshot): BatchReconciliation[] {
  const batches = snapshot.db.prepare('SELECT id, label, imported_at AS importedAt, files, devices FROM reconciliation_batches ORDER BY id').all() as {
    id: number;
    label: string;
    importedAt: string;
    files: string;
    devices: number;
  }[];
  const grouped = snapshot.db.prepare(`SELECT waveId, wave, state, count(*) AS n FROM (${CLASSIFIED}) GROUP BY waveId, state ORDER BY waveId NULLS LAST`);
  return batches.map((batch) => {
    const overall = emptyCounts();
    const waves = new Map<number | null, WaveReconciliation & { counts: ReturnType<typeof emptyCounts> }>();
    for (const row of grouped.all(parameters(snapshot, batch.id)) as { waveId: number | null; wave: string | null; state: ReconciliationState; n: number }[]) {
      const wave = waves.get(row.waveId) ?? { waveId: row.waveId, wave: row.wave ?? NO_WAVE, counts: emptyCounts() };
      waves.set(row.waveId, wave);
      wave.counts[row.state] += row.n;
      wave.counts.total += row.n;
      overall[row.state] += row.n;
      overall.total += row.n;
    }
    return {
      batchId: batch.id,
      label: batch.label,
      importedAt: batch.importedAt,
      files: JSON.parse(batch.files) as string[],
      devicesInExport: batch.devices,
      overall,
      byWave: [...waves.values()],
    };
  });
}

export interface ReconciledDevice {
  readonly id: number;
  readonly name: string | null;
  readonly serialNumber: string | null;
  readonly waveId: number | null;
  readonly wave: string | null;
  readonly since: string;
  readonly lastSeen: string | null;
  readonly state: ReconciliationState;
}

/** Each baseline device's state in one later export, streamed (a tenant can hold 250,000). */
export function iterateReconciledDevices(snapshot: Snapshot, batchId: number): IterableIterator<ReconciledDevice> {
  return iterateRows<ReconciledDevice>(snapshot.db.prepare(`${CLASSIFIED} ORDER BY state, name COLLATE NOCASE, id`), parameters(snapshot, batchId));
}
