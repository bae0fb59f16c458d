import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectImportFiles } from '../../../electron/core/importers/importService.js';
import { encode } from '../../support/importFixtures.js';
import {
  GRAPH_DEVICES,
  GRAPH_USERS,
  GRAPH_USERS_WITH_LICENCES,
  usersConvertToJson,
  devicesConvertToJson,
  devicesGraphPage,
  graphSdkDevicesCsv,
  graphSdkUsersCsv,
  intuneSdkDevicesCsv,
} from '../../support/powerShellFixtures.js';
import { useTempDir } from '../../support/tempDir.js';
import { runCli } from '../cli/cliHarness.js';
import { importHarness, rows } from './importSupport.js';

const dir = useTempDir();
const h = importHarness(dir);

/** Everything an import of devices writes, to compare one shape's snapshot with another's. */
async function deviceSnapshot(name: string, file: string, options?: { dateOrder?: 'dmy' | 'mdy' }) {
  const snapshot = h.open(`${name}.mdmsnap`);
  const outcome = await h.importInto(snapshot, [file], options);
  const written = {
    devices: rows(snapshot, 'SELECT * FROM devices ORDER BY id'),
    sources: rows(snapshot, 'SELECT * FROM device_sources ORDER BY device_id'),
    issues: rows(snapshot, 'SELECT line, column_name, reason, severity FROM import_rejections ORDER BY id'),
    batches: rows(snapshot, 'SELECT kind, source, rows_accepted, rows_rejected, date_order, date_order_from FROM import_batches'),
  };
  snapshot.close();
  return { outcome, written };
}

describe('managed devices saved by PowerShell', () => {
  const shapes: [string, () => string, { decidedBy: string[]; dateOrder: string | null; dateOrderFrom: string | null }][] = [
    ['Graph SDK Export-Csv with #TYPE, en-US dates', () => h.file('sdk-typed.csv', graphSdkDevicesCsv(GRAPH_DEVICES, { culture: 'en-US', typeLine: true })), { decidedBy: ['Id', 'DeviceName', 'ManagementAgent'], dateOrder: 'mdy', dateOrderFrom: 'values' }],
    ['Graph SDK Export-Csv -NoTypeInformation, de-DE dates', () => h.file('sdk-de.csv', graphSdkDevicesCsv(GRAPH_DEVICES, { culture: 'de-DE', typeLine: false })), { decidedBy: ['Id', 'DeviceName', 'ManagementAgent'], dateOrder: 'dmy', dateOrderFrom: 'values' }],
    ['Graph SDK Export-Csv -Encoding UTF8 (with BOM)', () => h.file('sdk-bom.csv', encode(graphSdkDevicesCsv(GRAPH_DEVICES, { culture: 'en-US', typeLine: false }), 'utf-8-bom')), { decidedBy: ['Id', 'DeviceName', 'ManagementAgent'], dateOrder: 'mdy', dateOrderFrom: 'values' }],
    ['Graph SDK Export-Csv -Encoding Unicode (UTF-16LE)', () => h.file('sdk-utf16.csv', encode(graphSdkDevicesCsv(GRAPH_DEVICES, { culture: 'en-US', typeLine: true }), 'utf-16le')), { decidedBy: ['Id', 'DeviceName', 'ManagementAgent'], dateOrder: 'mdy', dateOrderFrom: 'values' }],
    ['Intune SDK (2019) Export-Csv', () => h.file('intune-sdk.csv', intuneSdkDevicesCsv(GRAPH_DEVICES, 'en-US')), { decidedBy: ['id', 'deviceName', 'managementAgent'], dateOrder: 'mdy', dateOrderFrom: 'values' }],
    ['ConvertTo-Json array, PascalCase, Windows PowerShell 5.1 (UTF-16, /Date()/)', () => h.file('pascal.json', encode(devicesConvertToJson(GRAPH_DEVICES, 'pascal-5.1'), 'utf-16le')), { decidedBy: [], dateOrder: null, dateOrderFrom: null }],
    ['ConvertTo-Json array, camelCase, PowerShell 7', () => h.file('camel.json', devicesConvertToJson(GRAPH_DEVICES, 'camel-7')), { decidedBy: [], dateOrder: null, dateOrderFrom: null }],
  ];

  it.each(shapes)('%s: the same snapshot rows as the Graph JSON page', async (_shape, make, expected) => {
    const reference = await deviceSnapshot('graph', h.json('page.json', devicesGraphPage(GRAPH_DEVICES)));
    expect(reference.written.devices).toHaveLength(2);
    expect(reference.written.devices[0]).toMatchObject({ entra_device_id: GRAPH_DEVICES[0].azureADDeviceId, os_version: '12.3.1', last_check_in: '2019-06-14T09:15:02.000Z', enrolled_at: '2017-03-02T08:00:00.000Z' });

    const file = make();
    const [inspected] = await inspectImportFiles([file]);
    expect(inspected).toMatchObject({ kind: 'graph-managed-devices', rows: 2, error: null, dateOrder: expected.dateOrder, dateOrderQuestion: null });
    if (expected.decidedBy.length) expect(inspected!.decidedBy).toEqual(expected.decidedBy);

    const imported = await deviceSnapshot('powershell', file);
    expect(imported.written.devices).toEqual(reference.written.devices);
    expect(imported.written.sources).toEqual(reference.written.sources);
    expect(imported.written.issues).toEqual(reference.written.issues);
    expect(imported.written.batches).toEqual([{ ...reference.written.batches[0], date_order: expected.dateOrder, date_order_from: expected.dateOrderFrom }]);
  });

  it('reads a single object from ConvertTo-Json as one device', async () => {
    const single = h.file('one.json', devicesConvertToJson(GRAPH_DEVICES, 'pascal-5.1').replace(/^\[\s*/, '').replace(/\s*,\s*\{[\s\S]*$/, ''));
    const reference = await deviceSnapshot('graph-one', h.json('one-page.json', devicesGraphPage([GRAPH_DEVICES[0]])));
    expect((await deviceSnapshot('ps-one', single)).written.devices).toEqual(reference.written.devices);
  });

  it('never stores a .NET type name or a flattened object as a value', async () => {
    const { written } = await deviceSnapshot('types', h.file('sdk.csv', graphSdkDevicesCsv(GRAPH_DEVICES, { culture: 'en-US', typeLine: true })));
    expect(JSON.stringify(written.devices)).not.toMatch(/Microsoft\.Graph|System\.|@\{/);
  });
});

describe('dates in an order no value settles', () => {
  // Every date has day and month at most 12: en-GB `05/06/2019` is 5 June, en-US would be 6 May.
  const unsettled = GRAPH_DEVICES.map((device) => ({ ...device, enrolledDateTime: '2017-03-02T08:00:00Z', lastSyncDateTime: '2019-06-05T09:15:02Z', managementCertificateExpirationDate: '2020-03-02T08:00:00Z' }));

  it('the CLI refuses the file, naming it and --date-order, then imports it as told and records who decided', async () => {
    const file = h.file('devices-en-gb.csv', graphSdkDevicesCsv(unsettled, { culture: 'en-GB', typeLine: true }));
    const db = join(dir(), 'dates.mdmsnap');
    const refused = await runCli(['import', '--db', db, file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'mdm-migrate: devices-en-gb.csv (read as Graph managedDevices (JSON, or saved by PowerShell), recognised by Id, DeviceName, ManagementAgent): its dates, such as "02/03/2017 08:00:00", read either day first or month first, and no date in the file settles which; nothing was imported. Say which with --date-order dmy (day first) or --date-order mdy (month first).\n',
    );
    expect(existsSync(db)).toBe(false);

    expect((await runCli(['import', '--db', db, '--date-order', 'ymd', file])).code).toBe(2);

    const accepted = await runCli(['import', '--db', db, '--date-order', 'dmy', file]);
    expect(accepted.stderr).toBe('');
    expect(accepted.code).toBe(0);
    const snapshot = h.open('dates.mdmsnap');
    expect(rows(snapshot, 'SELECT date_order, date_order_from FROM import_batches')).toEqual([{ date_order: 'dmy', date_order_from: 'person' }]);
    expect(rows(snapshot, 'SELECT last_check_in FROM devices ORDER BY id')).toEqual([{ last_check_in: '2019-06-05T09:15:02.000Z' }, { last_check_in: '2019-06-05T09:15:02.000Z' }]);
    snapshot.close();
  });

  it('the review step asks instead of failing the file', async () => {
    const file = h.file('ask.csv', graphSdkDevicesCsv(unsettled, { culture: 'en-US', typeLine: false }));
    const [asked] = await inspectImportFiles([file]);
    expect(asked).toMatchObject({ kind: 'graph-managed-devices', rows: 2, error: null, dateOrder: null, dateOrderQuestion: '3/2/2017 8:00:00 AM' });
    const [answered] = await inspectImportFiles([file], { dateOrders: { [file]: 'mdy' } });
    expect(answered).toMatchObject({ dateOrder: 'mdy', dateOrderQuestion: null });
  });

  it('refuses a file whose dates contradict each other', async () => {
    const mixed = graphSdkDevicesCsv(GRAPH_DEVICES, { culture: 'en-US', typeLine: false }).replace('6/1/2019 11:05:59 PM', '13/06/2019 23:05:59');
    const [inspected] = await inspectImportFiles([h.file('mixed.csv', mixed)]);
    expect(inspected!.error!.message).toMatch(/^mixed\.csv: its dates mix day-first \(13\/06\/2019 23:05:59\) and month-first \(6\/14\/2019 9:15:02 AM\) forms/);
  });
});

describe('users saved by PowerShell', () => {
  it('imports Get-MgUser | ConvertTo-Json (PascalCase down into the licences, /Date()/, UTF-16) like the Graph users page, licences included', async () => {
    const tables = ['users', 'user_sources', 'user_licences', 'user_licence_disabled_plans', 'user_service_plans'];
    const written = async (name: string, file: string) => {
      const snapshot = h.open(`${name}.mdmsnap`);
      await h.importInto(snapshot, [file]);
      const all = Object.fromEntries(tables.map((table) => [table, rows(snapshot, `SELECT * FROM ${table} ORDER BY 1, 2`)]));
      snapshot.close();
      return all;
    };
    const graph = await written('users-graph', h.json('users-page.json', { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users', value: GRAPH_USERS_WITH_LICENCES }));
    expect(graph.user_licences).toHaveLength(2);
    expect(graph.user_service_plans).toEqual([expect.objectContaining({ capability_status: 'Deleted', assigned_at: '2018-04-11T10:00:00.000Z' }), expect.objectContaining({ capability_status: 'Enabled' })]);
    expect(await written('users-ps', h.file('users-ps.json', encode(usersConvertToJson(), 'utf-16le')))).toEqual(graph);
  });


  it('imports Get-MgUser | Export-Csv like the Graph users, without licences, and says why plainly', async () => {
    const json = h.open('users-json.mdmsnap');
    await h.importInto(json, [h.json('users.json', { value: GRAPH_USERS })]);
    const csv = h.open('users-csv.mdmsnap');
    const outcome = await h.importInto(csv, [h.file('users.csv', graphSdkUsersCsv())]);
    const userRows = 'SELECT * FROM users ORDER BY id';
    expect(rows(csv, userRows)).toEqual(rows(json, userRows));
    expect(rows(csv, 'SELECT count(*) AS n FROM user_licences')).toEqual([{ n: 0 }]);
    expect(outcome.files[0]).toMatchObject({ kind: 'graph-users', decidedBy: ['Id', 'UserPrincipalName', 'AssignedLicenses'] });
    expect(outcome.files[0]!.notes).toEqual([expect.stringMatching(/^Export-Csv writes licences as a type name, .* ConvertTo-Json -Depth 5/)]);
    json.close();
    csv.close();

    const cli = await runCli(['import', '--db', join(dir(), 'cli-users.mdmsnap'), h.file('users2.csv', graphSdkUsersCsv())]);
    expect(cli.code).toBe(0);
    expect(cli.stderr).toMatch(/^mdm-migrate: warning: users2\.csv: Export-Csv writes licences as a type name/);
  });
});
