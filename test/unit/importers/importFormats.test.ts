import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFiles, inspectImportFiles } from '../../../electron/core/importers/importService.js';
import { exportRejectionsCsv } from '../../../electron/core/reports/rejectionsCsv.js';
import { writeBlankTemplate } from '../../../electron/core/importers/kinds/templates.js';
import { encode, INTUNE_HEADERS, intuneRow, csvText, writeIntuneCsv } from '../../support/importFixtures.js';
import { useTempDir } from '../../support/tempDir.js';
import { importHarness, rows } from './importSupport.js';
import { sha256OfFile } from '../../support/fileHash.js';

const dir = useTempDir();
const h = importHarness(dir);

function intuneCsv(headers: string[], records: Record<string, string>[]): string[][] {
  return [headers, ...records.map((record) => headers.map((header) => record[header] ?? ''))];
}

describe('Intune device export', () => {
  it('reads the Microsoft Entra header variant with localised labels mapped to Graph enums, raw kept', async () => {
    const file = h.csv('devices.csv', [
      INTUNE_HEADERS,
      intuneRow(1),
      INTUNE_HEADERS.map((header) =>
        ({ 'Device ID': 'd-2', 'Device name': 'PC-2', OS: 'Windows', Ownership: 'Unternehmen', 'Managed by': 'Co-verwaltet', Compliance: 'Nicht konform' })[header] ?? '',
      ),
      INTUNE_HEADERS.map((header) => ({ 'Device ID': 'd-3', 'Device name': 'X', OS: 'Android', 'Managed by': 'Martian agent' })[header] ?? ''),
    ]);
    const snapshot = h.open();
    const outcome = await h.importInto(snapshot, [file]);
    expect(outcome.files[0]).toMatchObject({ kind: 'intune-devices', rowsAccepted: 3, rowsRejected: 0, warnings: 1 });
    expect(rows(snapshot, `SELECT name, platform, ownership, ownership_raw, management_agent, management_agent_raw, compliance, compliance_raw FROM devices ORDER BY id`)).toEqual([
      { name: 'DEVICE-1', platform: 'android', ownership: 'personal', ownership_raw: 'Personal', management_agent: 'configurationManagerClientMdm', management_agent_raw: 'Co-managed', compliance: 'noncompliant', compliance_raw: 'Not compliant' },
      { name: 'PC-2', platform: 'windows', ownership: 'company', ownership_raw: 'Unternehmen', management_agent: 'configurationManagerClientMdm', management_agent_raw: 'Co-verwaltet', compliance: 'noncompliant', compliance_raw: 'Nicht konform' },
      { name: 'X', platform: 'android', ownership: null, ownership_raw: null, management_agent: null, management_agent_raw: 'Martian agent', compliance: null, compliance_raw: null },
    ]);
    expect(rows(snapshot, 'SELECT line, column_name, severity FROM import_rejections')).toEqual([{ line: 4, column_name: 'Managed by', severity: 'warning' }]);
    expect(rows(snapshot, 'SELECT last_check_in, enrolled_at FROM devices WHERE name = ?', 'DEVICE-1')).toEqual([
      { last_check_in: '2026-11-01T10:22:33.000Z', enrolled_at: '2024-03-01T08:15:00.000Z' },
    ]);
    snapshot.close();
  });

  it('stores the values it keeps as written trimmed, of Unicode spaces too', async () => {
    const padded = { 'Device ID': ' d-1\t', 'Device name': '\u3000Zoë’s PC\u00a0', 'Serial number': '  SN 1  ', OS: ' Windows ', 'Managed by': ' Intune ', Model: 'Surface\u2003' };
    const file = h.csv('padded.csv', [INTUNE_HEADERS, INTUNE_HEADERS.map((header) => padded[header as keyof typeof padded] ?? '')]);
    const snapshot = h.open();
    await h.importInto(snapshot, [file]);
    expect(rows(snapshot, 'SELECT intune_device_id, name, serial_number, os, platform, management_agent, management_agent_raw, model FROM devices')).toEqual([
      { intune_device_id: 'd-1', name: 'Zoë’s PC', serial_number: 'SN 1', os: 'Windows', platform: 'windows', management_agent: 'mdm', management_agent_raw: 'Intune', model: 'Surface' },
    ]);
    snapshot.close();
  });

  it('stores dates as ISO UTC where their form is unambiguous, whether rewritten from the bytes or read as text', async () => {
    const lastCheckIns = [
      ['2026-11-01 10:22:33.0000000', '2026-11-01T10:22:33.000Z'],
      ['  2026-11-01T10:22:33\t', '2026-11-01T10:22:33.000Z'],
      ['2026-11-01 10:22:33.5', '2026-11-01T10:22:33.500Z'],
      ['\u30002026-11-01 10:22:33.12\u00a0', '2026-11-01T10:22:33.120Z'],
      ['2026-11-01 10:22:33+02:00', '2026-11-01T08:22:33.000Z'],
      ['01.11.2026 10:22', '2026-11-01T10:22:00.000Z'],
      ['11/1/2026 10:22 AM', '11/1/2026 10:22 AM'],
      ['2026-11-01 10:22:33.', '2026-11-01 10:22:33.'],
      ['  ', null],
    ] as const;
    const file = h.csv('dates.csv', [
      INTUNE_HEADERS,
      ...lastCheckIns.map(([written], i) => INTUNE_HEADERS.map((header) => ({ 'Device ID': `d-${i}`, 'Last check-in': written })[header] ?? '')),
    ]);
    const snapshot = h.open();
    await h.importInto(snapshot, [file]);
    expect(rows(snapshot, 'SELECT last_check_in FROM devices ORDER BY id').map((row) => row.last_check_in)).toEqual(lastCheckIns.map(([, stored]) => stored));
    snapshot.close();
  });

  it('reads the older "Azure AD" headers, semicolons, and the zip as downloaded', async () => {
    const headers = ['Device ID', 'Device name', 'Azure AD Device ID', 'Serial number', 'Managed by', 'OS', 'Primary user UPN'];
    const csv = h.file('DevicesWithInventory.csv', csvText(intuneCsv(headers, [{ 'Device ID': 'z-1', 'Device name': 'IPAD', 'Azure AD Device ID': 'e-1', 'Serial number': 'S1', 'Managed by': 'Intune', OS: 'iPadOS' }]), ';'));
    execFileSync('python3', ['-c', `import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED); z.write(sys.argv[2],'DevicesWithInventory_2026.csv'); z.close()`, `${dir()}/export.zip`, csv]);
    const snapshot = h.open();
    const outcome = await h.importInto(snapshot, [`${dir()}/export.zip`]);
    expect(outcome.files[0]).toMatchObject({ displayName: 'export.zip › DevicesWithInventory_2026.csv', kind: 'intune-devices', rowsAccepted: 1 });
    expect(rows(snapshot, 'SELECT entra_device_id, platform, management_agent FROM devices')).toEqual([{ entra_device_id: 'e-1', platform: 'ipados', management_agent: 'mdm' }]);
    // The recorded hash is the zip's, the file as given.
    expect(rows(snapshot, 'SELECT file_name, kind, source, sha256, rows_accepted FROM import_batches')).toEqual([
      { file_name: 'export.zip › DevicesWithInventory_2026.csv', kind: 'intune-devices', source: 'intune', sha256: sha256OfFile(`${dir()}/export.zip`), rows_accepted: 1 },
    ]);
    snapshot.close();
  });

  it('replaces its own rows on re-import (no duplicates) and rejects a device listed twice', async () => {
    const first = h.csv('a.csv', [INTUNE_HEADERS, intuneRow(1), intuneRow(2), intuneRow(2)]);
    const snapshot = h.open();
    const outcome = await h.importInto(snapshot, [first]);
    expect(outcome.files[0]).toMatchObject({ rowsAccepted: 2, rowsRejected: 1 });
    const second = h.csv('b.csv', [INTUNE_HEADERS, intuneRow(2), intuneRow(3)]);
    // DEVICE-1 is gone from the new export: removing it must be agreed to.
    expect(await importFiles(snapshot, [second])).toMatchObject({ committed: false, wouldRemove: [{ what: 'devices (intune)', rows: 1 }] });
    await h.importInto(snapshot, [second], { replace: true });
    expect(rows(snapshot, 'SELECT name FROM devices ORDER BY name')).toEqual([{ name: 'DEVICE-2' }, { name: 'DEVICE-3' }]);
    expect(rows(snapshot, 'SELECT count(*) AS n FROM import_batches')).toEqual([{ n: 2 }]);
    snapshot.close();
  });
});

describe('import records', () => {
  it("records each file's sha256 of its bytes as given, whichever way they were read", async () => {
    // Big enough to be tokenized on the worker thread, with a BOM.
    const big = `${dir()}/big.csv`;
    await writeIntuneCsv(big, 30_000);
    const utf16 = h.file('cm.csv', encode('#TYPE IResultObject#SMS_R_User\r\n"ResourceID","UniqueUserName","UserPrincipalName"\r\n"2063597569","CONTOSO\\ada","ada@contoso.com"\r\n', 'utf-16le'));
    const json = h.json('categories.json', { value: [{ id: 'c1', displayName: 'Sales' }] });
    const snapshot = h.open();
    const outcome = await h.importInto(snapshot, [big, utf16, json]);
    expect(outcome.committed).toBe(true);
    expect(rows(snapshot, 'SELECT file_name, sha256 FROM import_batches ORDER BY file_name')).toEqual([
      { file_name: 'big.csv', sha256: sha256OfFile(big) },
      { file_name: 'categories.json', sha256: sha256OfFile(json) },
      { file_name: 'cm.csv', sha256: sha256OfFile(utf16) },
    ]);
    snapshot.close();
  });
});

describe('re-importing one export keeps what the others brought', () => {
  it('ConfigMgr affinity survives a re-import of the ConfigMgr devices it names', async () => {
    const devices = h.csv('dev.csv', [['ResourceID', 'Name', 'SMSID'], ['100', 'PC1', 'G1'], ['200', 'PC2', 'G2']]);
    const affinity = h.csv('uda.csv', [['MachineResourceID', 'UniqueUserName', 'Types'], ['100', 'CONTOSO\\ann', '1']]);
    const snapshot = h.open();
    await h.importInto(snapshot, [devices, affinity]);
    const linked = `SELECT d.name, d.has_primary_affinity FROM user_device_affinity a JOIN devices d ON d.id = a.device_id`;
    expect(rows(snapshot, linked)).toEqual([{ name: 'PC1', has_primary_affinity: 1 }]);

    await h.importInto(snapshot, [devices]);
    expect(rows(snapshot, 'SELECT count(*) AS n FROM user_device_affinity')).toEqual([{ n: 1 }]);
    expect(rows(snapshot, linked)).toEqual([{ name: 'PC1', has_primary_affinity: 1 }]);
    snapshot.close();
  });
});

describe('Microsoft Graph JSON', () => {
  const device = (id: string, extra: object = {}) => ({ id, deviceName: `G-${id}`, managedDeviceOwnerType: 'company', managementAgent: 'configurationManagerClientMdm', complianceState: 'compliant', operatingSystem: 'iOS', serialNumber: `GS-${id}`, deviceEnrollmentType: 'appleBulkWithUser', userPrincipalName: 'ann@contoso.com', ...extra });

  it('reads managedDevices as a single object, a value page, several pages and a bare array', async () => {
    const files = [
      h.json('one.json', device('1')),
      h.json('page1.json', { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#deviceManagement/managedDevices', value: [device('2')], '@odata.nextLink': 'https://…' }),
      h.json('page2.json', { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#deviceManagement/managedDevices', value: [device('3')] }),
      h.json('array.json', [device('4'), device('5')]),
    ];
    const snapshot = h.open();
    const outcome = await h.importInto(snapshot, files);
    expect(outcome.files.map((file) => [file.kind, file.rowsAccepted])).toEqual([
      ['graph-managed-devices', 1],
      ['graph-managed-devices', 1],
      ['graph-managed-devices', 1],
      ['graph-managed-devices', 2],
    ]);
    // Pages of one kind in one import add up; they do not replace each other.
    expect(rows(snapshot, 'SELECT count(*) AS n FROM devices')).toEqual([{ n: 5 }]);
    expect(rows(snapshot, 'SELECT ownership, management_agent, enrollment_type, compliance FROM devices LIMIT 1')).toEqual([
      { ownership: 'company', management_agent: 'configurationManagerClientMdm', enrollment_type: 'appleBulkWithUser', compliance: 'compliant' },
    ]);
    snapshot.close();
  });

  it('reads users with licences, disabled plans and plans, and the tenant resources', async () => {
    const snapshot = h.open();
    await h.importInto(snapshot, [
      h.json('users.json', {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
        value: [
          {
            id: 'u1', userPrincipalName: 'ann@contoso.com', displayName: 'Ann', accountEnabled: true, usageLocation: 'DE', onPremisesDomainName: 'contoso.local', onPremisesSamAccountName: 'ann',
            assignedLicenses: [{ skuId: 'sku-e3', disabledPlans: ['c1ec4a95-1f05-45b3-a911-aa3fa01094f5'] }],
            assignedPlans: [{ servicePlanId: 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5', service: 'SCO', capabilityStatus: 'Enabled', assignedDateTime: '2024-01-01T00:00:00Z' }, { servicePlanId: 'x', capabilityStatus: 'Bogus' }],
          },
        ],
      }),
      h.json('categories.json', { value: [{ id: 'c1', displayName: 'Sales', description: null }] }),
      h.json('apns.json', { '@odata.context': '…#deviceManagement/applePushNotificationCertificate/$entity', id: 'apns', appleIdentifier: 'mdm@contoso.com', topicIdentifier: 'com.apple.mgmt.x', expirationDateTime: '2027-01-15T00:00:00Z' }),
      h.json('dep.json', { value: [{ id: 'dep1', tokenName: 'ADE', appleIdentifier: 'ade@contoso.com', tokenType: 'dep', tokenExpirationDateTime: '2027-02-01T00:00:00Z', syncedDeviceCount: 12 }] }),
      h.json('vpp.json', [{ id: 'vpp1', organizationName: 'Contoso', appleId: 'vpp@contoso.com', vppTokenAccountType: 'business', state: 'valid', expirationDateTime: '2027-03-01T00:00:00Z' }]),
      h.json('org.json', { value: [{ id: 't', displayName: 'Contoso', mobileDeviceManagementAuthority: 'sccm', verifiedDomains: [] }] }),
    ]);
    expect(rows(snapshot, 'SELECT upn, usage_location, on_prem_domain, in_entra, account_enabled FROM users')).toEqual([{ upn: 'ann@contoso.com', usage_location: 'DE', on_prem_domain: 'contoso.local', in_entra: 1, account_enabled: 1 }]);
    expect(rows(snapshot, 'SELECT l.sku_id, p.service_plan_id FROM user_licences l JOIN user_licence_disabled_plans p ON p.licence_id = l.id')).toHaveLength(1);
    expect(rows(snapshot, 'SELECT capability_status FROM user_service_plans')).toEqual([{ capability_status: 'Enabled' }]);
    expect(rows(snapshot, 'SELECT display_name FROM device_categories')).toEqual([{ display_name: 'Sales' }]);
    expect(rows(snapshot, 'SELECT apple_id, expires_at FROM apns_certificates')).toEqual([{ apple_id: 'mdm@contoso.com', expires_at: '2027-01-15T00:00:00.000Z' }]);
    expect(rows(snapshot, 'SELECT token_type, synced_device_count FROM dep_tokens')).toEqual([{ token_type: 'dep', synced_device_count: 12 }]);
    expect(rows(snapshot, 'SELECT account_type, state FROM vpp_tokens')).toEqual([{ account_type: 'business', state: 'valid' }]);
    expect(rows(snapshot, 'SELECT tenant_name, mdm_authority FROM tenant')).toEqual([{ tenant_name: 'Contoso', mdm_authority: 'sccm' }]);
    // The import keeps the rules' derived licence fact current, both ways.
    expect(rows(snapshot, 'SELECT intune_a_enabled FROM users')).toEqual([{ intune_a_enabled: 1 }]);
    await h.importInto(snapshot, [
      h.json('users-later.json', {
        value: [{ id: 'u1', userPrincipalName: 'ann@contoso.com', assignedPlans: [{ servicePlanId: 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5', capabilityStatus: 'Suspended' }] }],
      }),
    ]);
    expect(rows(snapshot, 'SELECT intune_a_enabled FROM users')).toEqual([{ intune_a_enabled: 0 }]);
    snapshot.close();
  });
});

describe('Configuration Manager exports', () => {
  it('reads Get-CMDevice saved by PowerShell 5.1 (#TYPE line, UTF-16LE) and joins it with Intune by serial, IMEI, then name', async () => {
    const cm = csvText([
      ['ResourceID', 'Name', 'SMSID', 'SerialNumber', 'IMEI', 'DeviceOS', 'DeviceOwner', 'ClientType'],
      ['16777220', 'IPHONE-A', 'GUID:1', 'SER-A', '', 'iOS 17', '1', '3'],
      ['16777221', 'PHONE-B', 'GUID:2', '', '351111', 'Android 14', '2', '3'],
      ['16777222', 'LAPTOP-C', 'GUID:3', '', '', 'Microsoft Windows NT Workstation 10.0', '1', '1'],
      ['16777223', 'DUP', 'GUID:4', 'SER-DUP', '', 'iOS 17', '1', '3'],
    ]);
    const cmFile = h.file('cmdevices.csv', encode(`#TYPE IResultObject#SMS_CombinedDeviceResources\r\n${cm}`, 'utf-16le'));
    const intune = h.csv('intune.csv', intuneCsv(['Device ID', 'Device name', 'Serial number', 'IMEI', 'Managed by', 'OS'], [
      { 'Device ID': 'i-a', 'Device name': 'iPhone of A', 'Serial number': 'SER-A', OS: 'iOS' },
      { 'Device ID': 'i-b', 'Device name': 'B phone', IMEI: '351111', OS: 'Android' },
      { 'Device ID': 'i-c', 'Device name': 'laptop-c', OS: 'Windows' },
    ]));
    const snapshot = h.open();
    const cmDup = h.csv('cm2.csv', [['ResourceID', 'Name', 'SMSID', 'SerialNumber'], ['16777224', 'DUP2', 'GUID:5', 'SER-DUP']]);
    await h.importInto(snapshot, [cmFile, intune]);
    expect(rows(snapshot, `SELECT name, cm_resource_id, intune_device_id, ownership FROM devices ORDER BY cm_resource_id`)).toEqual([
      { name: 'iPhone of A', cm_resource_id: 16777220, intune_device_id: 'i-a', ownership: 'company' },
      { name: 'B phone', cm_resource_id: 16777221, intune_device_id: 'i-b', ownership: 'personal' },
      { name: 'laptop-c', cm_resource_id: 16777222, intune_device_id: 'i-c', ownership: 'company' },
      { name: 'DUP', cm_resource_id: 16777223, intune_device_id: null, ownership: 'company' },
    ]);
    expect(rows(snapshot, 'SELECT count(*) AS n FROM device_sources')).toEqual([{ n: 7 }]);
    snapshot.close();

    // Ambiguity: two ConfigMgr records share a serial; the Intune device with that serial is not guessed.
    const again = h.open('ambiguous.mdmsnap');
    await h.importInto(again, [cmFile, cmDup]);
    const outcome = await h.importInto(again, [h.csv('dup.csv', intuneCsv(['Device ID', 'Device name', 'Serial number', 'Managed by'], [{ 'Device ID': 'i-dup', 'Device name': 'D', 'Serial number': 'SER-DUP' }]))]);
    expect(outcome.files[0]).toMatchObject({ rowsAccepted: 1, warnings: 1 });
    expect(rows(again, `SELECT line, reason FROM import_rejections WHERE severity = 'warning'`)).toEqual([{ line: 2, reason: expect.stringContaining('serial number "SER-DUP" matches 2 devices') }]);
    expect(rows(again, 'SELECT count(*) AS n FROM devices WHERE serial_number = ?', 'SER-DUP')).toEqual([{ n: 3 }]);
    again.close();
  });

  it('reads v_R_System, v_R_User, collections, membership, rules, dependencies and affinity, resolving DOMAIN\\user', async () => {
    const snapshot = h.open();
    await h.importInto(snapshot, [
      h.csv('v_R_System.csv', [['ResourceID', 'Name0', 'SMS_Unique_Identifier0', 'Operating_System_Name_and0'], ['100', 'PC1', 'GUID:A', 'Microsoft Windows NT Workstation 10.0']]),
      h.csv('v_R_User.csv', [['ResourceID', 'Unique_User_Name0', 'User_Principal_Name0', 'Full_User_Name0'], ['2000', 'CONTOSO\\ann', 'ann@contoso.com', 'Ann']]),
      h.json('users.json', [{ id: 'u2', userPrincipalName: 'bob@contoso.com', onPremisesDomainName: 'contoso.local', onPremisesSamAccountName: 'bob' }]),
      h.csv('v_Collections.csv', [['CollectionID', 'Name', 'LimitToCollectionID', 'CollectionType'], ['SMS00001', 'All Systems', '', '2'], ['JAX00010', 'MDM users', 'SMS00002', '1'], ['SMS00002', 'All Users', '', '1']]),
      h.csv('v_FullCollectionMembership.csv', [['CollectionID', 'ResourceID', 'Name', 'IsDirect', 'ResourceType'], ['SMS00001', '100', 'PC1', '0', '5'], ['NOPE0001', '100', 'PC1', '0', '5']]),
      h.csv('v_CollectionRuleDirect.csv', [['CollectionID', 'RuleName', 'ResourceID', 'ResourceType'], ['JAX00010', 'ann', '2000', '4']]),
      h.csv('v_CollectionRuleQuery.csv', [['CollectionID', 'QueryID', 'RuleName', 'QueryExpression'], ['JAX00010', '1', 'q', 'select * from SMS_R_User where x = "a, b"']]),
      h.csv('deps.csv', [['SourceCollectionID', 'DependentCollectionID', 'RelationshipType'], ['SMS00002', 'JAX00010', '3']]),
      h.csv('v_UserMachineRelationship.csv', [['MachineResourceID', 'MachineResourceName', 'UniqueUserName', 'RelationActive', 'Types', 'Sources', 'CreationTime'], ['100', 'PC1', 'CONTOSO\\ann', '1', '1', '2', '2024-01-01 00:00:00'], ['100', 'PC1', 'contoso\\bob', '1', '', '4', ''], ['100', 'PC1', 'CONTOSO\\ghost', '1', '1', '5', '']]),
    ]);
    expect(rows(snapshot, 'SELECT collection_id, collection_type, is_built_in FROM collections ORDER BY collection_id')).toEqual([
      { collection_id: 'JAX00010', collection_type: 1, is_built_in: 0 },
      { collection_id: 'SMS00001', collection_type: 2, is_built_in: 1 },
      { collection_id: 'SMS00002', collection_type: 1, is_built_in: 1 },
    ]);
    expect(rows(snapshot, 'SELECT resource_kind FROM collection_members')).toEqual([{ resource_kind: 'device' }]);
    expect(rows(snapshot, `SELECT reason FROM import_rejections WHERE severity = 'error'`)).toEqual([{ reason: expect.stringContaining('collection NOPE0001 is not in the snapshot') }]);
    expect(rows(snapshot, 'SELECT rule_type, referenced_collection_id FROM collection_rules ORDER BY rule_type')).toEqual([
      { rule_type: 'direct', referenced_collection_id: null },
      { rule_type: 'exclude', referenced_collection_id: 'SMS00002' },
      { rule_type: 'query', referenced_collection_id: null },
    ]);
    expect(
      rows(snapshot, `SELECT a.unique_user_name, a.is_primary, u.upn, a.device_id IS NOT NULL AS linked FROM user_device_affinity a LEFT JOIN users u ON u.id = a.user_id ORDER BY a.id`),
    ).toEqual([
      { unique_user_name: 'CONTOSO\\ann', is_primary: 1, upn: 'ann@contoso.com', linked: 1 },
      { unique_user_name: 'contoso\\bob', is_primary: 0, upn: 'bob@contoso.com', linked: 1 },
      { unique_user_name: 'CONTOSO\\ghost', is_primary: 1, upn: null, linked: 1 },
    ]);
    expect(rows(snapshot, 'SELECT name, has_primary_affinity FROM devices')).toEqual([{ name: 'PC1', has_primary_affinity: 1 }]);
    snapshot.close();
  });
});

describe('Entra and Microsoft 365 user exports', () => {
  it('reads the older and the 2021 "Download users" headers and the Active users licences', async () => {
    const snapshot = h.open();
    await h.importInto(snapshot, [
      h.csv('old.csv', [['userPrincipalName', 'displayName', 'objectId', 'userType', 'accountEnabled', 'usageLocation', 'mobile'], ['ann@contoso.com', 'Ann', 'o1', 'Member', 'True', 'DE', '']]),
      h.csv('new.csv', [['userPrincipalName', 'displayName', 'id', 'userType', 'accountEnabled', 'mobilePhone', 'directorySynced'], ['bob@contoso.com', 'Bob', 'o2', 'Member', 'False', '', 'Yes']]),
      h.csv('m365.csv', [['Block credential', 'Display name', 'Licenses', 'Object Id', 'Usage location', 'User principal name'], ['False', 'Cara', 'contoso:ENTERPRISEPACK+contoso:EMS', 'o3', 'FR', 'cara@contoso.com'], ['True', 'Dan', 'Microsoft 365 E3+Enterprise Mobility + Security E3', 'o4', 'FR', 'dan@contoso.com']]),
    ]);
    expect(rows(snapshot, 'SELECT upn, entra_object_id, account_enabled FROM users ORDER BY upn')).toEqual([
      { upn: 'ann@contoso.com', entra_object_id: 'o1', account_enabled: 1 },
      { upn: 'bob@contoso.com', entra_object_id: 'o2', account_enabled: 0 },
      { upn: 'cara@contoso.com', entra_object_id: 'o3', account_enabled: 1 },
      { upn: 'dan@contoso.com', entra_object_id: 'o4', account_enabled: 0 },
    ]);
    expect(rows(snapshot, 'SELECT sku_part_number FROM user_licences ORDER BY id').map((r) => r.sku_part_number)).toEqual(['ENTERPRISEPACK', 'EMS', 'Microsoft 365 E3', 'Enterprise Mobility + Security E3']);
    snapshot.close();
  });
});

describe('project templates', () => {
  it('writes blank templates that import back, and imports filled ones', async () => {
    writeBlankTemplate('collection-rules', `${dir()}/rules.csv`);
    writeBlankTemplate('apple-tokens', `${dir()}/tokens.csv`);
    expect(readFileSync(`${dir()}/rules.csv`, 'utf8')).toBe('\uFEFFCollectionID,CollectionName,CollectionType,LimitToCollectionID,RuleType,RuleName,ResourceClass,ResourceID,QueryID,QueryExpression,ReferencedCollectionID,DeviceCategoryID\r\n');
    expect(() => writeBlankTemplate('apple-tokens', `${dir()}/tokens.csv`)).toThrow(/already exists/);
    const inspected = await inspectImportFiles([`${dir()}/rules.csv`, `${dir()}/tokens.csv`]);
    expect(inspected.map((file) => [file.kind, file.rows])).toEqual([
      ['template-collection-rules', 0],
      ['template-apple-tokens', 0],
    ]);
    const snapshot = h.open();
    await h.importInto(snapshot, [
      h.file('rules-filled.csv', readFileSync(`${dir()}/rules.csv`, 'utf8') + 'JAX00020,iOS corporate,2,SMS00001,Device category,Cat rule,,,,,,0f0e0d0c-0000-0000-0000-000000000001\r\n'),
      h.file('tokens-filled.csv', readFileSync(`${dir()}/tokens.csv`, 'utf8') + 'apns,apns-1,,mdm@contoso.com,2027-01-15,,com.apple.mgmt,,,,\r\nvpp,vpp-1,Contoso,vpp@contoso.com,15.02.2027,,,,business,valid,\r\nvpp,vpp-2,X,x,2027-01-01,,,,school,valid,\r\n'),
    ]);
    expect(rows(snapshot, 'SELECT collection_id, rule_type, device_category_id IS NOT NULL AS cat FROM collection_rules')).toEqual([{ collection_id: 'JAX00020', rule_type: 'device_category', cat: 1 }]);
    expect(rows(snapshot, 'SELECT expires_at, source FROM apns_certificates')).toEqual([{ expires_at: '2027-01-15T00:00:00.000Z', source: 'template' }]);
    expect(rows(snapshot, 'SELECT id, expires_at FROM vpp_tokens')).toEqual([{ id: 'vpp-1', expires_at: '2027-02-15T00:00:00.000Z' }]);
    expect(rows(snapshot, `SELECT line, column_name FROM import_rejections`)).toEqual([{ line: 4, column_name: 'AccountType' }]);
    snapshot.close();
  });

  it('exports rejections as CSV with formula injection neutralised', async () => {
    const snapshot = h.open();
    await h.importInto(snapshot, [h.csv('r.csv', [['CollectionID', 'RuleType'], ['=HYPERLINK("x")', 'bogus']])]);
    const out = `${dir()}/rejections.csv`;
    expect(await exportRejectionsCsv(snapshot, out)).toBe(1);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFFile,Kind,Line,Column,Severity,Reason');
    expect(text).toContain('r.csv,template-collection-rules,2,RuleType,error,"RuleType ""bogus"" is not one of');
    snapshot.close();
  });
});
