import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { detectCsvKind } from '../../../electron/core/importers/detectKind.js';
import { inspectImportFiles } from '../../../electron/core/importers/importService.js';
import { DOCS_APNS_CERTIFICATE_GET, DOCS_MANAGED_DEVICES_LIST } from '../../support/graphDocsExamples.js';
import { csvText, encode, INTUNE_HEADERS, intuneRow } from '../../support/importFixtures.js';
import { writeThreeExports } from '../../support/oneTenantThreeWays.js';
import * as powerShell from '../../support/powerShellFixtures.js';
import { useTempDir } from '../../support/tempDir.js';
import { importHarness } from './importSupport.js';

const dir = useTempDir();
const h = importHarness(dir);

type Fixture = readonly [name: string, make: () => string, kind: string];

const csv = (name: string, table: string[][], delimiter = ',') => () => h.file(name, csvText(table, delimiter));
const json = (name: string, value: unknown) => () => h.json(name, value);

/**
 * Every export fixture of the test suite (the unit tests', the end-to-end test's, the
 * PowerShell and Graph documentation samples), with the kind it must be taken for. A fixture
 * added to a test belongs here too.
 */
const FIXTURES: readonly Fixture[] = [
  // importFixtures.ts and the Intune tests
  ['Intune export, Microsoft Entra headers', csv('intune.csv', [INTUNE_HEADERS, intuneRow(1)]), 'intune-devices'],
  ['Intune export, Azure AD headers, semicolons', csv('azure-ad.csv', [['Device ID', 'Device name', 'Azure AD Device ID', 'Serial number', 'Managed by', 'OS', 'Primary user UPN'], ['z-1', 'IPAD', 'e-1', 'S1', 'Intune', 'iPadOS', '']], ';'), 'intune-devices'],
  ['Intune export, minimal columns', csv('intune-min.csv', [['Device ID', 'Device name', 'Serial number', 'IMEI', 'Managed by', 'OS'], ['i-a', 'A', 'SER-A', '', '', 'iOS']]), 'intune-devices'],
  [
    'Intune export as the downloaded zip',
    () => {
      const inner = h.file('DevicesWithInventory.csv', csvText([INTUNE_HEADERS, intuneRow(1)]));
      execFileSync('python3', ['-c', `import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w'); z.write(sys.argv[2],'DevicesWithInventory.csv'); z.close()`, `${dir()}/export.zip`, inner]);
      return `${dir()}/export.zip`;
    },
    'intune-devices',
  ],
  // Configuration Manager
  ['Get-CMDevice, UTF-16 with #TYPE', () => h.file('cmdevices.csv', encode(`#TYPE IResultObject#SMS_CombinedDeviceResources\r\n${csvText([['ResourceID', 'Name', 'SMSID', 'SerialNumber', 'IMEI', 'DeviceOS', 'DeviceOwner', 'ClientType'], ['1', 'A', 'GUID:1', '', '', 'iOS 17', '1', '3']])}`, 'utf-16le')), 'cm-devices'],
  ['Get-CMDevice, a few columns (also the end-to-end test)', csv('cm-devices.csv', [['ResourceID', 'Name', 'SMSID'], ['16777217', 'PC1', 'GUID:1']]), 'cm-devices'],
  ['v_R_System', csv('v_R_System.csv', [['ResourceID', 'Name0', 'SMS_Unique_Identifier0', 'Operating_System_Name_and0'], ['100', 'PC1', 'GUID:A', 'Windows']]), 'cm-devices'],
  ['Get-CMUser, UTF-16 with #TYPE', () => h.file('cmusers.csv', encode('#TYPE IResultObject#SMS_R_User\r\n"ResourceID","UniqueUserName","UserPrincipalName"\r\n"2063597569","CONTOSO\\ada","ada@contoso.com"\r\n', 'utf-16le')), 'cm-users'],
  ['v_R_User', csv('v_R_User.csv', [['ResourceID', 'Unique_User_Name0', 'User_Principal_Name0', 'Full_User_Name0'], ['2000', 'CONTOSO\\ann', 'ann@contoso.com', 'Ann']]), 'cm-users'],
  ['v_Collections', csv('v_Collections.csv', [['CollectionID', 'Name', 'LimitToCollectionID', 'CollectionType'], ['SMS00001', 'All Systems', '', '2']]), 'cm-collections'],
  ['v_FullCollectionMembership', csv('v_FullCollectionMembership.csv', [['CollectionID', 'ResourceID', 'Name', 'IsDirect', 'ResourceType'], ['SMS00001', '100', 'PC1', '0', '5']]), 'cm-collection-members'],
  ['v_CollectionRuleDirect', csv('v_CollectionRuleDirect.csv', [['CollectionID', 'RuleName', 'ResourceID', 'ResourceType'], ['JAX00010', 'ann', '2000', '4']]), 'cm-rules-direct'],
  ['v_CollectionRuleQuery', csv('v_CollectionRuleQuery.csv', [['CollectionID', 'QueryID', 'RuleName', 'QueryExpression'], ['JAX00010', '1', 'q', 'select 1']]), 'cm-rules-query'],
  ['collection dependencies', csv('deps.csv', [['SourceCollectionID', 'DependentCollectionID', 'RelationshipType'], ['SMS00002', 'JAX00010', '3']]), 'cm-collection-dependencies'],
  ['v_UserMachineRelationship', csv('v_UserMachineRelationship.csv', [['MachineResourceID', 'MachineResourceName', 'UniqueUserName', 'RelationActive', 'Types', 'Sources', 'CreationTime'], ['100', 'PC1', 'CONTOSO\\ann', '1', '1', '2', '']]), 'cm-affinity'],
  ['v_UserMachineRelationship, three columns', csv('uda.csv', [['MachineResourceID', 'UniqueUserName', 'Types'], ['100', 'CONTOSO\\ann', '1']]), 'cm-affinity'],
  // Entra and Microsoft 365
  ['Entra "Download users", older headers', csv('entra-old.csv', [['userPrincipalName', 'displayName', 'objectId', 'userType', 'accountEnabled', 'usageLocation', 'mobile'], ['ann@contoso.com', 'Ann', 'o1', 'Member', 'True', 'DE', '']]), 'entra-users'],
  ['Entra "Download users", 2021 headers', csv('entra-2021.csv', [['userPrincipalName', 'displayName', 'id', 'userType', 'accountEnabled', 'mobilePhone', 'directorySynced'], ['bob@contoso.com', 'Bob', 'o2', 'Member', 'False', '', 'Yes']]), 'entra-users'],
  ['Microsoft 365 "Active users"', csv('m365.csv', [['Block credential', 'Display name', 'Licenses', 'Object Id', 'Usage location', 'User principal name'], ['False', 'Cara', 'contoso:EMS', 'o3', 'FR', 'cara@contoso.com']]), 'm365-users'],
  // Project templates
  ['collection rules template', csv('rules.csv', [['CollectionID', 'CollectionName', 'CollectionType', 'LimitToCollectionID', 'RuleType', 'RuleName', 'ResourceClass', 'ResourceID', 'QueryID', 'QueryExpression', 'ReferencedCollectionID', 'DeviceCategoryID'], ['JAX00020', 'x', '2', 'SMS00001', 'Device category', 'r', '', '', '', '', '', 'g']]), 'template-collection-rules'],
  ['collection rules template, two columns', csv('r.csv', [['CollectionID', 'RuleType'], ['JAX00001', 'query']]), 'template-collection-rules'],
  ['collection rules template with a column of its own', csv('rules-comment.csv', [['CollectionID', 'RuleType', 'Comment'], ['JAX00001', 'query', 'x']]), 'template-collection-rules'],
  ['Apple tokens template', csv('tokens.csv', [['TokenKind', 'ID', 'Name', 'AppleID', 'ExpiresAt', 'LastSyncAt', 'Topic', 'TokenType', 'AccountType', 'State', 'SyncedDeviceCount'], ['apns', 'a', '', 'x', '2027-01-15', '', 't', '', '', '', '']]), 'template-apple-tokens'],
  // Graph JSON
  ['managedDevice, one object', json('one.json', { id: '1', deviceName: 'G-1', managedDeviceOwnerType: 'company' }), 'graph-managed-devices'],
  ['managedDevices page with @odata.context', json('page.json', powerShell.devicesGraphPage(powerShell.GRAPH_DEVICES)), 'graph-managed-devices'],
  ['managedDevices, bare array', json('array.json', [{ id: '4', deviceName: 'G-4', serialNumber: 'S' }]), 'graph-managed-devices'],
  ['users page', json('users.json', { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users', value: powerShell.GRAPH_USERS }), 'graph-users'],
  ['users, bare array', json('users-array.json', [{ id: 'u2', userPrincipalName: 'bob@contoso.com' }]), 'graph-users'],
  ['users, value page without context', json('users-later.json', { value: [{ id: 'u1', userPrincipalName: 'ann@contoso.com', assignedPlans: [] }] }), 'graph-users'],
  ['deviceCategories', json('categories.json', { value: [{ id: 'c1', displayName: 'Sales', description: null }] }), 'graph-device-categories'],
  ['applePushNotificationCertificate', json('apns.json', { '@odata.context': '…#deviceManagement/applePushNotificationCertificate/$entity', id: 'apns', topicIdentifier: 't' }), 'graph-apns'],
  ['depOnboardingSettings', json('dep.json', { value: [{ id: 'dep1', tokenType: 'dep', tokenExpirationDateTime: '2027-02-01T00:00:00Z' }] }), 'graph-dep'],
  ['vppTokens', json('vpp.json', [{ id: 'vpp1', organizationName: 'Contoso', appleId: 'vpp@contoso.com', vppTokenAccountType: 'business' }]), 'graph-vpp'],
  ['organization', json('org.json', { value: [{ id: 't', displayName: 'Contoso', mobileDeviceManagementAuthority: 'sccm', verifiedDomains: [] }] }), 'graph-organization'],
  ["Graph documentation's managedDevices list", json('docs-list.json', DOCS_MANAGED_DEVICES_LIST), 'graph-managed-devices'],
  ["Graph documentation's applePushNotificationCertificate get", json('docs-apns.json', DOCS_APNS_CERTIFICATE_GET), 'graph-apns'],
  // PowerShell
  ['Graph SDK devices Export-Csv with #TYPE', () => h.file('sdk.csv', powerShell.graphSdkDevicesCsv(powerShell.GRAPH_DEVICES, { culture: 'en-US', typeLine: true })), 'graph-managed-devices'],
  ['Graph SDK devices Export-Csv -NoTypeInformation, de-DE', () => h.file('sdk-de.csv', powerShell.graphSdkDevicesCsv(powerShell.GRAPH_DEVICES, { culture: 'de-DE', typeLine: false })), 'graph-managed-devices'],
  ['Intune SDK devices Export-Csv', () => h.file('intune-sdk.csv', powerShell.intuneSdkDevicesCsv(powerShell.GRAPH_DEVICES, 'en-US')), 'graph-managed-devices'],
  ['devices ConvertTo-Json, PascalCase', () => h.file('pascal.json', encode(powerShell.devicesConvertToJson(powerShell.GRAPH_DEVICES, 'pascal-5.1'), 'utf-16le')), 'graph-managed-devices'],
  ['devices ConvertTo-Json, camelCase', () => h.file('camel.json', powerShell.devicesConvertToJson(powerShell.GRAPH_DEVICES, 'camel-7')), 'graph-managed-devices'],
  ['Get-MgUser Export-Csv', () => h.file('mgusers.csv', powerShell.graphSdkUsersCsv()), 'graph-users'],
  ['Get-MgUser ConvertTo-Json, PascalCase', () => h.file('mgusers.json', encode(powerShell.usersConvertToJson(), 'utf-16le')), 'graph-users'],
  ['users with licences, Graph page', json('licensed.json', { value: powerShell.GRAPH_USERS_WITH_LICENCES }), 'graph-users'],
];

/** Fixtures that must be refused, with the words of the refusal. */
const REFUSED: readonly [name: string, make: () => string, message: RegExp][] = [
  ['Intune export without Device ID', csv('nodeviceid.csv', [INTUNE_HEADERS.filter((x) => x !== 'Device ID'), intuneRow(1).slice(1)]), /looks like Intune device export \(CSV\) but has no "Device ID" column/],
  ['JSON of no known resource', json('x.json', [{ id: '1' }]), /x\.json: the JSON is not a Graph export this app reads/],
];

describe('kind detection over every fixture of the test suite', () => {
  it.each(FIXTURES)('%s is taken for %s', async (_name, make, kind) => {
    const [inspected] = await inspectImportFiles([make()]);
    expect(inspected!.error).toBeNull();
    expect(inspected!.kind).toBe(kind);
    // The review step names what decided it.
    expect(inspected!.decidedBy.length).toBeGreaterThan(0);
  });

  it.each(REFUSED)('%s is refused, saying why', async (_name, make, message) => {
    const [inspected] = await inspectImportFiles([make()]);
    expect(inspected!.error!.message).toMatch(message);
  });

  it('takes a Graph SDK device CSV for devices, never for users, and names the deciding columns', () => {
    const header = powerShell.graphSdkDevicesCsv(powerShell.GRAPH_DEVICES, { culture: 'en-US', typeLine: false }).split('\r\n')[0]!.split(',').map((cell) => cell.replace(/"/g, ''));
    const detection = detectCsvKind(header, 'devices.csv');
    expect([detection.kind.id, detection.decidedBy]).toEqual(['graph-managed-devices', ['Id', 'DeviceName', 'ManagementAgent']]);
  });

  it("takes Get-MgUser's CSV, which has every Entra column too, for Graph users: it knows more of its columns", () => {
    const header = powerShell.graphSdkUsersCsv().split('\r\n')[0]!.split(',').map((cell) => cell.replace(/"/g, ''));
    expect(header).toContain('UserType');
    expect(detectCsvKind(header, 'users.csv').kind.id).toBe('graph-users');
  });

  it('--as reads a PowerShell CSV as the Graph kind it names', async () => {
    const [inspected] = await inspectImportFiles([h.file('as-graph.csv', powerShell.graphSdkDevicesCsv(powerShell.GRAPH_DEVICES, { culture: 'de-DE', typeLine: true }))], { as: 'graph-managed-devices' });
    expect(inspected).toMatchObject({ kind: 'graph-managed-devices', decidedBy: [], rows: 2, dateOrder: 'dmy', error: null });
  });

  it('takes each file of the tenant exported three ways (sameTenantSameAnswers.test.ts) for its kind', async () => {
    const paths = writeThreeExports(dir());
    const files = [...new Set([...paths.intuneZip, ...paths.graph, ...paths.configMgr])];
    const inspected = await inspectImportFiles(files);
    expect(inspected.map((file) => [file.displayName, file.kind, file.error])).toEqual([
      ['IntuneDevices.zip › DevicesWithInventory_20190613.csv', 'intune-devices', null],
      ['users.json', 'graph-users', null],
      ['managedDevices-page1.json', 'graph-managed-devices', null],
      ['managedDevices-page2.json', 'graph-managed-devices', null],
      ['deviceCategories.json', 'graph-device-categories', null],
      ['Get-CMDevice.csv', 'cm-devices', null],
      ['v_R_User.csv', 'cm-users', null],
      ['v_UserMachineRelationship.csv', 'cm-affinity', null],
      ['v_Collections.csv', 'cm-collections', null],
      ['v_FullCollectionMembership.csv', 'cm-collection-members', null],
    ]);
  });

  it('--as still overrides detection', async () => {
    const [inspected] = await inspectImportFiles([h.csv('as.csv', [['CollectionID', 'RuleType', 'Comment'], ['JAX00001', 'query', 'x']])], { as: 'template-collection-rules' });
    expect(inspected).toMatchObject({ kind: 'template-collection-rules', decidedBy: [] });
  });
});
