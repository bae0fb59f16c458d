import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_PLANS, SKUS } from '../../electron/core/licensing.js';
import { csvText, encode, INTUNE_HEADERS } from './importFixtures.js';

/**
 * One small hybrid tenant, exported the three ways consultants get it (issue #15): the Intune
 * admin centre zip, Graph managedDevices pages, and ConfigMgr only (Get-CMDevice as UTF-16 with
 * the #TYPE line, plus the SQL views). Every path also has the Graph users export, the only one
 * that carries licences. The traps each path holds are the ones that once gave different answers:
 * Graph's "Unknown" and the portal's "Unassigned" categories, ownership known only from ConfigMgr
 * affinity, ActiveSync-only records and ConfigMgr PC clients.
 */
type Licence = 'intune' | 'none' | 'suspended' | 'disabledInSuite' | 'o365';

interface TenantUser {
  readonly sam: string;
  readonly licence: Licence;
}

interface TenantDevice {
  readonly serial: string;
  readonly name: string;
  readonly platform: 'iOS' | 'iPadOS' | 'Android' | 'Windows';
  readonly owner: string | null;
  readonly category: string | null;
  readonly enrollmentType: string;
  /** Known only through the Exchange connector: in the Intune and Graph exports, not in ConfigMgr's. */
  readonly easOnly?: true;
  /** A ConfigMgr PC client (ClientType 1): only `Get-CMDevice` without a collection lists it. */
  readonly pcClient?: true;
}

const USERS: readonly TenantUser[] = [
  { sam: 'ada', licence: 'intune' },
  { sam: 'bob', licence: 'none' },
  { sam: 'carol', licence: 'suspended' },
  { sam: 'dan', licence: 'disabledInSuite' },
  { sam: 'erin', licence: 'o365' },
  { sam: 'frank', licence: 'intune' },
  { sam: 'grace', licence: 'none' },
  // Owns only a PC with the ConfigMgr client: not an MDM user, so no licence finding.
  { sam: 'hank', licence: 'none' },
  { sam: 'ivy', licence: 'intune' },
];

const DEVICES: readonly TenantDevice[] = [
  { serial: 'F2LX0001AAAA', name: "Ada's iPhone", platform: 'iOS', owner: 'ada', category: 'Sales', enrollmentType: 'userEnrollment' },
  { serial: 'F2LX0002BBBB', name: "Bob's iPhone", platform: 'iOS', owner: 'bob', category: null, enrollmentType: 'userEnrollment' },
  { serial: 'R58M0003CCCC', name: "Carol's Galaxy", platform: 'Android', owner: 'carol', category: null, enrollmentType: 'userEnrollment' },
  { serial: 'DMPX0004DDDD', name: "Dan's iPad", platform: 'iPadOS', owner: 'dan', category: 'Field', enrollmentType: 'appleBulkWithUser' },
  { serial: 'F2LX0005EEEE', name: "Erin's iPhone", platform: 'iOS', owner: 'erin', category: null, enrollmentType: 'userEnrollment' },
  { serial: 'DMPX0006FFFF', name: 'iPad-KIOSK-06', platform: 'iPadOS', owner: null, category: 'Kiosk', enrollmentType: 'appleBulkWithoutUser' },
  { serial: 'DMPX0007GGGG', name: 'iPad-SHARED-07', platform: 'iPadOS', owner: null, category: null, enrollmentType: 'appleBulkWithoutUser' },
  { serial: 'R58M0008HHHH', name: 'Galaxy-DEM-08', platform: 'Android', owner: null, category: null, enrollmentType: 'deviceEnrollmentManager' },
  { serial: 'PF1X0009IIII', name: 'CON-PF1X0009', platform: 'Windows', owner: 'frank', category: null, enrollmentType: 'windowsAutoEnrollment' },
  { serial: 'F2LX0010JJJJ', name: "Grace's iPhone", platform: 'iOS', owner: 'grace', category: 'Sales', enrollmentType: 'userEnrollment' },
  { serial: 'R58M0011KKKK', name: "Ivy's Galaxy", platform: 'Android', owner: 'ivy', category: null, enrollmentType: 'userEnrollment' },
  { serial: 'F2LX0012LLLL', name: "Ivy's iPhone", platform: 'iOS', owner: 'ivy', category: null, enrollmentType: 'userEnrollment' },
  { serial: 'EAS00013MMMM', name: 'Android_EAS_13', platform: 'Android', owner: null, category: null, enrollmentType: 'unknown', easOnly: true },
  { serial: 'EAS00014NNNN', name: 'iPhone_EAS_14', platform: 'iOS', owner: 'bob', category: null, enrollmentType: 'unknown', easOnly: true },
  { serial: 'PC0000015OOO', name: 'PC-HANK-15', platform: 'Windows', owner: 'hank', category: null, enrollmentType: 'unknown', pcClient: true },
  { serial: 'PC0000016PPP', name: 'PC-LAB-16', platform: 'Windows', owner: null, category: null, enrollmentType: 'unknown', pcClient: true },
];

/** What every path must find (by serial number and UPN). */
export const EXPECTED = {
  userless: ['DMPX0006FFFF', 'DMPX0007GGGG', 'R58M0008HHHH'],
  categoryBound: ['DMPX0004DDDD', 'DMPX0006FFFF', 'F2LX0001AAAA', 'F2LX0010JJJJ'],
  noIntuneLicence: ['bob', 'carol', 'dan', 'erin', 'grace'].map(upnOf),
  planDisabled: [upnOf('dan')],
  o365Only: [upnOf('erin')],
};

function upnOf(sam: string): string {
  return `${sam}@contoso.com`;
}

const DATA_DATE = '2019-06-13';
const guid = (n: number, salt: number) => `${String(salt).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const resourceIdOf = (index: number) => 16777300 + index;
const userResourceIdOf = (index: number) => 2063597600 + index;
const OS_VERSION: Record<TenantDevice['platform'], string> = { iOS: '12.3.1', iPadOS: '12.3.1', Android: '9.0', Windows: '10.0.17763.557' };

function graphUser(user: TenantUser, index: number): Record<string, unknown> {
  const plan = (id: string, capabilityStatus: string) => ({ assignedDateTime: '2018-03-01T10:00:00Z', capabilityStatus, service: 'SCO', servicePlanId: id });
  const licences: Record<Licence, { assignedLicenses: unknown[]; assignedPlans: unknown[] }> = {
    intune: { assignedLicenses: [{ skuId: SKUS.EMS.id, disabledPlans: [] }], assignedPlans: [plan(SERVICE_PLANS.INTUNE_A.id, 'Enabled')] },
    none: { assignedLicenses: [], assignedPlans: [] },
    suspended: { assignedLicenses: [{ skuId: SKUS.EMS.id, disabledPlans: [] }], assignedPlans: [plan(SERVICE_PLANS.INTUNE_A.id, 'Suspended')] },
    disabledInSuite: { assignedLicenses: [{ skuId: SKUS.SPE_E3.id, disabledPlans: [SERVICE_PLANS.INTUNE_A.id] }], assignedPlans: [] },
    o365: { assignedLicenses: [{ skuId: SKUS.ENTERPRISEPACK.id, disabledPlans: [] }], assignedPlans: [plan(SERVICE_PLANS.INTUNE_O365.id, 'Enabled')] },
  };
  return {
    id: guid(index, 7),
    userPrincipalName: upnOf(user.sam),
    displayName: user.sam[0]!.toUpperCase() + user.sam.slice(1),
    accountEnabled: true,
    userType: 'Member',
    usageLocation: 'DE',
    onPremisesSyncEnabled: true,
    onPremisesSamAccountName: user.sam,
    onPremisesDomainName: 'contoso.local',
    ...licences[user.licence],
  };
}

function intuneCsv(): string {
  const rows = DEVICES.filter((device) => !device.pcClient).map((device, index) => {
    const record: Record<string, string> = {
      'Device ID': guid(index, 1),
      'Device name': device.name,
      'Enrollment date': '2018-04-11 09:12:44.0000000',
      'Last check-in': `${DATA_DATE} 08:30:00.0000000`,
      'OS version': OS_VERSION[device.platform],
      'Serial number': device.serial,
      // The admin centre writes "Unassigned" for a device without a category, or leaves it empty.
      Category: device.category ?? (index % 2 === 0 ? 'Unassigned' : ''),
      'Primary user UPN': device.owner ? upnOf(device.owner) : '',
      'Managed by': device.easOnly ? 'Exchange ActiveSync' : 'Intune',
      Ownership: device.owner ? 'Personal' : 'Corporate',
      Compliance: 'Compliant',
      OS: device.platform,
    };
    return INTUNE_HEADERS.map((header) => record[header] ?? '');
  });
  return csvText([INTUNE_HEADERS, ...rows]);
}

function graphDevice(device: TenantDevice, index: number): Record<string, unknown> {
  return {
    id: guid(index, 1),
    userId: device.owner ? guid(USERS.findIndex((user) => user.sam === device.owner), 7) : '',
    deviceName: device.name,
    managedDeviceOwnerType: device.owner ? 'personal' : 'company',
    enrolledDateTime: '2018-04-11T09:12:44Z',
    lastSyncDateTime: `${DATA_DATE}T08:30:00Z`,
    operatingSystem: device.platform,
    complianceState: 'compliant',
    managementAgent: device.easOnly ? 'eas' : 'mdm',
    osVersion: OS_VERSION[device.platform],
    serialNumber: device.serial,
    userPrincipalName: device.owner ? upnOf(device.owner) : '',
    // Graph's value for a device without a category.
    deviceCategoryDisplayName: device.category ?? 'Unknown',
    deviceEnrollmentType: device.enrollmentType,
  };
}

function graphPage(context: string, value: unknown[]): string {
  return JSON.stringify({ '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#${context}`, value }, null, 2);
}

/** `Export-Csv` as Windows PowerShell 5.1 writes it: the #TYPE line, every field quoted. */
function powerShellCsv(typeName: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const quote = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`;
  return [`#TYPE ${typeName}`, ...[header, ...rows].map((row) => row.map(quote).join(','))].join('\r\n') + '\r\n';
}

/** Writes each path's files into `dir` and returns their paths. */
export function writeThreeExports(dir: string): { intuneZip: string[]; graph: string[]; configMgr: string[] } {
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const users = file('users.json', graphPage('users', USERS.map(graphUser)));

  const csv = file('DevicesWithInventory_20190613.csv', '\uFEFF' + intuneCsv());
  const zip = join(dir, 'IntuneDevices.zip');
  execFileSync('python3', ['-c', 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],"w",zipfile.ZIP_DEFLATED); z.write(sys.argv[2],"DevicesWithInventory_20190613.csv"); z.close()', zip, csv]);

  const graphDevices = DEVICES.map((device, index) => ({ device, index })).filter(({ device }) => !device.pcClient);
  const half = Math.ceil(graphDevices.length / 2);
  const pages = [graphDevices.slice(0, half), graphDevices.slice(half)].map((page, number) =>
    file(`managedDevices-page${number + 1}.json`, graphPage('deviceManagement/managedDevices', page.map(({ device, index }) => graphDevice(device, index)))),
  );
  const categories = file(
    'deviceCategories.json',
    graphPage('deviceManagement/deviceCategories', ['Sales', 'Field', 'Kiosk'].map((displayName, index) => ({ id: guid(index, 9), displayName, description: '' }))),
  );

  // ConfigMgr has every MDM device and every PC client, but not the ActiveSync-only records.
  const cmDevices = DEVICES.map((device, index) => ({ device, index })).filter(({ device }) => !device.easOnly);
  const getCmDevice = file(
    'Get-CMDevice.csv',
    encode(
      powerShellCsv(
        'IResultObject#SMS_CombinedDeviceResources',
        ['ResourceID', 'Name', 'SMSID', 'SerialNumber', 'IMEI', 'DeviceOS', 'DeviceOwner', 'DeviceCategory', 'ClientType', 'IsClient', 'EnrollmentStatus', 'LastActiveTime'],
        cmDevices.map(({ device, index }) => [
          resourceIdOf(index),
          device.name,
          device.pcClient ? `GUID:${guid(index, 3)}` : guid(index, 3),
          device.serial,
          '',
          `${device.platform === 'iPadOS' ? 'iOS' : device.platform} ${OS_VERSION[device.platform]}`,
          device.owner ? 2 : 1,
          device.category ?? '',
          device.pcClient ? 1 : 3,
          'True',
          device.owner ? 2 : 1,
          `6/13/2019 8:30:00 AM`,
        ]),
      ),
      'utf-16le',
    ),
  );
  const vRUser = file(
    'v_R_User.csv',
    csvText([
      ['ResourceID', 'Unique_User_Name0', 'User_Principal_Name0', 'User_Name0'],
      ...USERS.map((user, index) => [String(userResourceIdOf(index)), `CONTOSO\\${user.sam}`, upnOf(user.sam), user.sam]),
    ]),
  );
  const affinity = file(
    'v_UserMachineRelationship.csv',
    csvText([
      ['UniqueUserName', 'MachineResourceID', 'MachineResourceName', 'RelationActive', 'Types', 'Sources', 'CreationTime'],
      ...cmDevices
        .filter(({ device }) => device.owner)
        .map(({ device, index }) => [`CONTOSO\\${device.owner}`, String(resourceIdOf(index)), device.name, '1', '1', device.pcClient ? '4' : '5', '2018-04-11 09:12:44.000']),
    ]),
  );
  const collections = file(
    'v_Collections.csv',
    csvText([
      ['CollectionID', 'Name', 'LimitToCollectionID', 'CollectionType', 'IsBuiltIn'],
      ['SMS00001', 'All Systems', '', '2', '1'],
      ['SMS00002', 'All Users', '', '1', '1'],
      ['CON00011', 'Intune users', 'SMS00002', '1', '0'],
    ]),
  );
  const membership = file(
    'v_FullCollectionMembership.csv',
    csvText([
      ['CollectionID', 'ResourceID', 'Name'],
      ...cmDevices.map(({ device, index }) => ['SMS00001', String(resourceIdOf(index)), device.name]),
      ...USERS.map((user, index) => ['SMS00002', String(userResourceIdOf(index)), `CONTOSO\\${user.sam}`]),
      ...USERS.filter((user) => user.sam !== 'hank').map((user) => ['CON00011', String(userResourceIdOf(USERS.indexOf(user))), `CONTOSO\\${user.sam}`]),
    ]),
  );

  return {
    intuneZip: [zip, users],
    graph: [...pages, categories, users],
    configMgr: [getCmDevice, vRUser, affinity, collections, membership, users],
  };
}
