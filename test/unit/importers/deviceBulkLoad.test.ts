import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { INTUNE_HEADERS, intuneRow } from '../../support/importFixtures.js';
import { keyOfText } from '../../../electron/core/importers/stores/rowsByKey.js';
import { useTempDir } from '../../support/tempDir.js';
import { importHarness, rows } from './importSupport.js';

const dir = useTempDir();
const h = importHarness(dir);

/**
 * More rows than one multi-row INSERT takes (256), with a duplicate of a row already written,
 * a duplicate of a row still buffered, and a placeholder serial: the cases where the bulk path
 * (a fresh snapshot: nothing to join with) could differ from the row-by-row one. Its label
 * columns get new labels in later statements, many distinct labels (OS), quotes, non-ASCII
 * text and labels that look like numbers.
 */
function exportWithEdgeCases(): string {
  const body = Array.from({ length: 600 }, (_, i) => intuneRow(i + 1));
  const column = (header: string) => INTUNE_HEADERS.indexOf(header);
  body.forEach((row, i) => {
    row[column('OS')] = `Windows ${i % 23}`;
    row[column('Manufacturer')] = ["O'Neil & Söhne", '0', 'Dell', '1'][i % 4]!;
    if (i >= 300) row[column('Ownership')] = 'Firma';
  });
  body[41]![INTUNE_HEADERS.indexOf('Serial number')] = 'To be filled by O.E.M.';
  body.splice(400, 0, intuneRow(5));
  body.push(intuneRow(600));
  return h.csv('devices.csv', [INTUNE_HEADERS, ...body]);
}

const DEVICE_COLUMNS = `intune_device_id, cm_resource_id, entra_device_id, serial_number, imei, meid, name, management_name, platform,
  os, os_version, model, manufacturer, ownership, ownership_raw, enrollment_type, enrollment_type_raw, management_agent,
  management_agent_raw, category, primary_user_upn, last_check_in, enrolled_at, mdm_cert_expires_at, compliance, compliance_raw,
  cm_enrollment_status, cm_client_type`;

function intuneDevices(snapshot: Snapshot) {
  return rows(snapshot, `SELECT ${DEVICE_COLUMNS} FROM devices WHERE intune_device_id IS NOT NULL ORDER BY intune_device_id`);
}

function rejections(snapshot: Snapshot) {
  return rows(snapshot, 'SELECT line, column_name, reason, severity FROM import_rejections ORDER BY line, reason');
}

describe('device bulk load into a fresh snapshot', () => {
  it('writes the same devices, rejections and warnings as the row-by-row join path', async () => {
    const csv = exportWithEdgeCases();

    const fresh = h.open('fresh.mdmsnap');
    const bulk = await h.importInto(fresh, [csv]);

    // A device from another source makes the importer take the row-by-row path with joins;
    // it shares no serial, IMEI, MEID or name with the export, so nothing merges with it.
    const joined = h.open('joined.mdmsnap');
    joined.db.prepare(`INSERT INTO devices (cm_resource_id, name, platform) VALUES (16777999, 'CM-ONLY', 'windows')`).run();
    joined.db.prepare(`INSERT INTO device_sources (device_id, source) SELECT id, 'configmgr' FROM devices`).run();
    const rowByRow = await h.importInto(joined, [csv]);

    expect(bulk.files[0]).toMatchObject({ rowsAccepted: 600, rowsRejected: 2 });
    expect(rowByRow.files[0]).toMatchObject({ rowsAccepted: 600, rowsRejected: 2 });
    expect(intuneDevices(fresh)).toHaveLength(600);
    expect(rows(fresh, `SELECT os, manufacturer, ownership, ownership_raw FROM devices WHERE name IN ('DEVICE-2', 'DEVICE-397') ORDER BY name`)).toEqual([
      { os: 'Windows 1', manufacturer: '0', ownership: expect.any(String), ownership_raw: expect.any(String) },
      { os: 'Windows 5', manufacturer: "O'Neil & Söhne", ownership: 'company', ownership_raw: 'Firma' },
    ]);
    expect(intuneDevices(fresh)).toEqual(intuneDevices(joined));
    expect(rejections(fresh)).toEqual(rejections(joined));
    expect(rejections(fresh)).toEqual([
      { line: 43, column_name: null, reason: expect.stringMatching(/serial number "To be filled by O\.E\.M\." is a placeholder/), severity: 'warning' },
      { line: 402, column_name: null, reason: expect.stringMatching(/the same device appears twice in this export/), severity: 'error' },
      { line: 603, column_name: null, reason: expect.stringMatching(/the same device appears twice in this export/), severity: 'error' },
    ]);
    // Every device the bulk path wrote is recorded as the Intune source's, with the batch.
    expect(rows(fresh, `SELECT count(*) AS n FROM device_sources WHERE source = 'intune' AND batch_id = ?`, bulk.files[0]!.batchId)).toEqual([{ n: 600 }]);
    expect(fresh.db.pragma('foreign_key_check')).toEqual([]);
    fresh.close();
    joined.close();
  });

  it('tells duplicates from hash collisions when the import is big enough to defer the Intune device ID index', async () => {
    // Rows 32153 and 128895 are different devices whose Intune device IDs share one 32-bit key.
    const [colliding, other] = [intuneRow(32_153), intuneRow(128_895)];
    expect(keyOfText(colliding[0]!)).toBe(keyOfText(other[0]!));
    expect(colliding[0]).not.toBe(other[0]);
    // Over 8 MB, so the import drops the devices' indexes, the unique one included, and rebuilds them at the end.
    const body = Array.from({ length: 32_153 }, (_, i) => intuneRow(i + 1));
    body.push(other, intuneRow(5), other, colliding);
    const csv = h.csv('big.csv', [INTUNE_HEADERS, ...body]);
    const snapshot = h.open();
    const outcome = await h.importInto(snapshot, [csv]);
    expect(outcome.files[0]).toMatchObject({ status: 'imported', rowsAccepted: 32_154, rowsRejected: 3 });
    expect(rows(snapshot, 'SELECT line FROM import_rejections ORDER BY line')).toEqual([{ line: 32_156 }, { line: 32_157 }, { line: 32_158 }]);
    expect(rows(snapshot, 'SELECT count(*) AS n FROM devices WHERE intune_device_id IN (?, ?)', colliding[0], other[0])).toEqual([{ n: 2 }]);
    expect(snapshot.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'devices_intune_device_id'").pluck().get()).toBe(1);
    snapshot.close();
  });

  it('rejects a device already imported from an earlier file of the same import', async () => {
    const first = h.csv('first.csv', [INTUNE_HEADERS, ...Array.from({ length: 300 }, (_, i) => intuneRow(i + 1))]);
    const second = h.csv('second.csv', [INTUNE_HEADERS, intuneRow(7), intuneRow(301)]);
    const snapshot = h.open();
    const outcome = await h.importInto(snapshot, [first, second]);
    expect(outcome.files.map((file) => [file.rowsAccepted, file.rowsRejected])).toEqual([
      [300, 0],
      [1, 1],
    ]);
    expect(rows(snapshot, 'SELECT count(*) AS n FROM devices')).toEqual([{ n: 301 }]);
    snapshot.close();
  });
});
