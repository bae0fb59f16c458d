import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoTenant } from '../../../electron/core/demo/generateDemoTenant.js';
import type { AppEvent } from '../../../electron/contract/events.js';
import { ReportPreview } from '../../../electron/contract/reports.js';
import { writeReportSet } from '../../../electron/core/reports/writeReportSet.js';
import { reportsHandlers } from '../../../electron/services/reportsHandlers.js';
import { ScriptedDialogs } from '../../support/scriptedDialogs.js';
import { importLaterExport, iterateReconciledDevices, RECONCILIATION_STATE_LABELS, reconcileSnapshot, type ReconciliationState } from '../../../electron/core/reconciliation/index.js';
import { openSnapshot, type Snapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { addUsersToWave, createWave, overrideGate, recordSwitch, setWaveState } from '../../../electron/core/wizard/index.js';
import { sha256OfFile } from '../../support/fileHash.js';
import { parseCsv } from '../../support/parseCsv.js';
import { csvText, INTUNE_HEADERS } from '../../support/importFixtures.js';
import { useTempDir } from '../../support/tempDir.js';
import { runCli } from '../cli/cliHarness.js';

const dir = useTempDir();
const BY = { by: 'Ann Consultant' };
const PILOT_MOVED = new Date('2019-07-01T08:00:00Z');
const SWITCH = new Date('2019-07-29T10:00:00Z');

interface BaselineDevice {
  id: number;
  name: string;
  serial: string;
  intuneId: string | null;
  wave: number | null;
  userless: number;
}

/** A demo baseline with a moved pilot wave and a recorded switch. */
function baseline(): { snapshot: Snapshot; devices: BaselineDevice[]; pilot: number } {
  const snapshot = openSnapshot(join(dir(), 'baseline.mdmsnap'), { create: true });
  generateDemoTenant(snapshot, { devices: 1_500, seed: 11 });
  const pilot = createWave(snapshot, { ...BY, name: 'Pilot', pilot: true }).id;
  const pilotUsers = snapshot.db.prepare('SELECT DISTINCT owner_user_id FROM devices WHERE owner_user_id IS NOT NULL ORDER BY owner_user_id LIMIT 60').pluck().all() as number[];
  addUsersToWave(snapshot, { ...BY, waveId: pilot, userIds: pilotUsers });
  setWaveState(snapshot, { ...BY, waveId: pilot, state: 'moved', at: PILOT_MOVED });
  overrideGate(snapshot, { ...BY, justification: 'Test: every blocker is handled with Microsoft Support.' });
  recordSwitch(snapshot, { ...BY, at: SWITCH });
  // Written out independently of reconcile.ts: MDM devices, their wave through their owner, userless as DEV_USERLESS says.
  const devices = snapshot.db
    .prepare(
      `SELECT d.id, d.name, d.serial_number AS serial, d.intune_device_id AS intuneId, wu.wave_id AS wave,
              (d.enrollment_type IN ('appleBulkWithoutUser', 'deviceEnrollmentManager', 'windowsBulkUserless', 'windowsBulkAzureDomainJoin', 'androidEnterpriseDedicatedDevice', 'androidAOSPUserlessDeviceEnrollment')
               OR (d.owner_user_id IS NULL AND coalesce(d.primary_user_upn, '') = '' AND d.has_primary_affinity = 0)) AS userless
       FROM devices d LEFT JOIN wave_users wu ON wu.user_id = d.owner_user_id
       WHERE d.management_agent <> 'eas' ORDER BY d.id`,
    )
    .all() as BaselineDevice[];
  return { snapshot, devices, pilot };
}

/** The later export's plan per device: seen after its reference time, seen before it, or gone. */
function planOf(device: BaselineDevice): 'after' | 'before' | 'gone' {
  return (['gone', 'before', 'after', 'after'] as const)[device.id % 4]!;
}

function laterExportCsv(devices: readonly BaselineDevice[]): string {
  const rows = devices.flatMap((device) => {
    const plan = planOf(device);
    if (plan === 'gone') return [];
    const reference = device.wave !== null ? PILOT_MOVED : SWITCH;
    const checkIn = new Date(reference.getTime() + (plan === 'after' ? 1 : -1) * 3_600_000 * 5);
    const record: Record<string, string> = {
      // Half are found by Intune device ID, half by serial number only (a re-enrolled device gets a new ID).
      'Device ID': device.id % 8 < 4 && device.intuneId ? device.intuneId : `re-enrolled-${device.id}`,
      'Device name': device.name,
      'Serial number': device.serial,
      'Last check-in': checkIn.toISOString().replace('T', ' ').replace('Z', ''),
      'Managed by': 'Intune',
      OS: 'iOS',
    };
    return [INTUNE_HEADERS.map((header) => record[header] ?? '')];
  });
  return csvText([INTUNE_HEADERS, ...rows]);
}

function expectedState(device: BaselineDevice): ReconciliationState {
  const plan = planOf(device);
  if (plan === 'gone') return device.userless ? 'userless_pending_support' : 'not_found';
  return plan === 'after' ? 'checked_in' : 'stale';
}

describe('reconciliation: a later export beside the baseline', () => {
  it('classifies every baseline MDM device against its wave or the switch, per wave and overall, without touching the baseline', async () => {
    const { snapshot, devices, pilot } = baseline();
    const path = join(dir(), 'AllDevices-later.csv');
    writeFileSync(path, laterExportCsv(devices));
    const devicesBefore = snapshot.db.prepare('SELECT * FROM devices ORDER BY id').all();

    const batch = await importLaterExport(snapshot, [path], { ...BY, label: 'After the switch' });
    expect(batch.devices).toBe(devices.filter((device) => planOf(device) !== 'gone').length);
    // The baseline is not replaced.
    expect(snapshot.db.prepare('SELECT * FROM devices ORDER BY id').all()).toEqual(devicesBefore);

    const states = new Map([...iterateReconciledDevices(snapshot, batch.batchId)].map((device) => [device.id, device.state]));
    expect(states.size).toBe(devices.length);
    for (const device of devices) expect([device.id, states.get(device.id)]).toEqual([device.id, expectedState(device)]);

    const [result] = reconcileSnapshot(snapshot);
    const count = (subset: BaselineDevice[], state: ReconciliationState) => subset.filter((device) => expectedState(device) === state).length;
    for (const state of ['checked_in', 'stale', 'not_found', 'userless_pending_support'] as const) {
      expect(result!.overall[state], state).toBe(count(devices, state));
      const inPilot = devices.filter((device) => device.wave === pilot);
      expect(result!.byWave.find((wave) => wave.waveId === pilot)!.counts[state], `pilot ${state}`).toBe(count(inPilot, state));
    }
    expect(result!.overall.userless_pending_support).toBeGreaterThan(0);
    expect(result!.overall.stale).toBeGreaterThan(0);
    expect(snapshot.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'reconciliation.import'").pluck().get()).toBe(1);

    // The app's Reports page previews the same counts, through the validated contract.
    const preview = ReportPreview.parse(reportsHandlers(() => snapshot, new ScriptedDialogs(), () => undefined, undefined)['reports.preview']({}));
    expect(preview.reconciliation).toEqual([
      { batchId: batch.batchId, label: 'After the switch', importedAt: result!.importedAt, files: ['AllDevices-later.csv'], devicesInExport: batch.devices, byWave: [...result!.byWave.map(({ wave, counts }) => ({ wave, counts })), { wave: 'All MDM devices', counts: result!.overall }] },
    ]);

    // The report shows the same counts, per wave and overall.
    const out = join(dir(), 'report');
    mkdirSync(out);
    await writeReportSet(snapshot, out, { paper: 'a4' });
    const pdf = execFileSync('pdftotext', ['-layout', join(out, 'report.pdf'), '-'], { encoding: 'utf8' });
    expect(pdf).toContain('Reconciliation');
    expect(pdf).toMatch(new RegExp(`All MDM devices\\s+${result!.overall.checked_in.toLocaleString('en-US')}\\s+${result!.overall.stale}\\s+${result!.overall.not_found}\\s+${result!.overall.userless_pending_support}`));
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { reconciliation: { label: string; overall: unknown }[] };
    expect(json.reconciliation.map((entry) => [entry.label, entry.overall])).toEqual([['After the switch', result!.overall]]);

    // The workbook lists each baseline device's state in the later export.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'report.xlsx'));
    const sheet = workbook.getWorksheet('Reconciliation')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Later export', 'Device name', 'Serial number', 'Wave', 'Expected to check in since', 'Last check-in in the later export', 'State']);
    const stateOfSerial = new Map<string, string>();
    sheet.eachRow((row, number) => {
      if (number > 1) stateOfSerial.set(String(row.getCell(3).value), String(row.getCell(7).value));
    });
    expect(stateOfSerial.size).toBe(devices.length);
    for (const device of devices) expect([device.serial, stateOfSerial.get(device.serial)]).toEqual([device.serial, RECONCILIATION_STATE_LABELS[expectedState(device)]]);
    expect(workbook.worksheets.map((each) => each.name).indexOf('Reconciliation')).toBe(workbook.worksheets.map((each) => each.name).indexOf('Waves') + 1);

    // Redacted, the sheet names no device and no serial.
    const redactedOut = join(dir(), 'report-redacted');
    mkdirSync(redactedOut);
    await writeReportSet(snapshot, redactedOut, { paper: 'a4', redact: true });
    const redacted = new ExcelJS.Workbook();
    await redacted.xlsx.readFile(join(redactedOut, 'report.xlsx'));
    const redactedRows: string[] = [];
    redacted.getWorksheet('Reconciliation')!.eachRow((row) => redactedRows.push(JSON.stringify(row.values)));
    expect(redactedRows).toHaveLength(devices.length + 1);
    const text = redactedRows.join('\n');
    expect(devices.filter((device) => text.includes(device.serial) || text.includes(device.name))).toEqual([]);
    snapshot.close();
  });

  it('the Reports page keeps a later export it asks for, with progress, and saves each device\'s state as CSV', async () => {
    const { snapshot, devices } = baseline();
    const path = join(dir(), 'AllDevices-later.csv');
    writeFileSync(path, laterExportCsv(devices));
    const dialogs = new ScriptedDialogs();
    const events: AppEvent[] = [];
    const handlers = reportsHandlers(() => snapshot, dialogs, (event) => events.push(event), undefined);

    expect(await handlers['reports.importLaterExport']({ jobId: 'later-export-1', label: 'After the pilot', by: 'Ann Consultant' })).toBeNull();
    dialogs.importAnswers.push([path]);
    const batch = (await handlers['reports.importLaterExport']({ jobId: 'later-export-1', label: 'After the pilot', by: 'Ann Consultant' }))!;
    expect(batch).toMatchObject({ label: 'After the pilot', files: ['AllDevices-later.csv'], devices: devices.filter((device) => planOf(device) !== 'gone').length });
    const progress = events.filter((event) => event.type === 'job.progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((event) => event.jobId === 'later-export-1')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total });

    const csv = join(dir(), 'states.csv');
    dialogs.csvAnswers.push(csv);
    const written = (await handlers['reports.exportReconciliation']({ batchId: batch.batchId }))!;
    expect(written).toEqual({ path: csv, rows: devices.length });
    const [header, ...rows] = parseCsv(readFileSync(csv, 'utf8'));
    expect(header).toEqual(['Device name', 'Serial number', 'Wave', 'Expected to check in since', 'Last check-in in the later export', 'State']);
    const stateOfSerial = new Map(rows.map((row) => [row[1], row[5]]));
    for (const device of devices) expect([device.serial, stateOfSerial.get(device.serial)]).toEqual([device.serial, RECONCILIATION_STATE_LABELS[expectedState(device)]]);
    await expect(handlers['reports.exportReconciliation']({ batchId: batch.batchId + 1 })).rejects.toThrow('no longer in the snapshot');
    snapshot.close();
  });

  it('refuses an export that is not an Intune device list, and changes nothing', async () => {
    const { snapshot } = baseline();
    snapshot.close();
    const path = join(dir(), 'baseline.mdmsnap');
    const users = join(dir(), 'users.json');
    writeFileSync(users, JSON.stringify({ value: [{ id: 'u1', userPrincipalName: 'ann@contoso.com' }] }));
    const before = sha256OfFile(path);
    const refused = await runCli(['reconcile', '--db', path, '--label', 'Later', users]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('users.json is not an Intune device export');
    expect(sha256OfFile(path)).toBe(before);
    const usage = await runCli(['reconcile', '--db', path, '--label', 'Later']);
    expect(usage.code).toBe(2);
  });

  it('mdm-migrate reconcile keeps the export and prints the counts per wave', async () => {
    const { snapshot, devices } = baseline();
    snapshot.close();
    const path = join(dir(), 'later.csv');
    writeFileSync(path, laterExportCsv(devices));
    const result = await runCli(['reconcile', '--db', join(dir(), 'baseline.mdmsnap'), '--label', 'After the pilot', path, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const { batches } = JSON.parse(result.stdout) as { batches: { label: string; overall: { total: number }; byWave: { wave: string }[] }[] };
    expect(batches).toHaveLength(1);
    expect(batches[0]!.label).toBe('After the pilot');
    expect(batches[0]!.overall.total).toBe(devices.length);
    expect(batches[0]!.byWave.map((wave) => wave.wave)).toEqual(['Pilot', 'In no wave (moves at the switch)']);
  });
});
