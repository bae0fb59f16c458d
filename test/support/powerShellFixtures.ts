/** Export-Csv (Windows PowerShell 5.1) quotes every field. */
function exportCsvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((value) => `"${value.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
}

/**
 * Managed devices as Graph returns them (`GET /deviceManagement/managedDevices`), and the same
 * devices in every shape PowerShell saves them: the Graph PowerShell SDK's Export-Csv
 * (PascalCase, with or without `#TYPE`), the 2019 Intune PowerShell SDK's Export-Csv
 * (camelCase), and ConvertTo-Json (PascalCase with Windows PowerShell's `/Date(…)/`, or
 * camelCase with ISO dates). The tests import each shape and expect the rows Graph JSON gives.
 */
export const GRAPH_DEVICES = [
  {
    id: '8c3b2a04-5d7e-4f1a-9b6c-0e2d1f3a4b5c',
    userId: 'u-ann',
    deviceName: 'IPHONE-ANN',
    managedDeviceOwnerType: 'company',
    enrolledDateTime: '2017-03-02T08:00:00Z',
    lastSyncDateTime: '2019-06-14T09:15:02Z',
    operatingSystem: 'iOS',
    complianceState: 'compliant',
    managementAgent: 'configurationManagerClientMdm',
    osVersion: '12.3.1',
    azureADRegistered: true,
    deviceEnrollmentType: 'appleBulkWithUser',
    azureADDeviceId: '1f0e2d3c-0000-4000-8000-000000000001',
    deviceCategoryDisplayName: 'Sales',
    isSupervised: true,
    userPrincipalName: 'ann@contoso.com',
    model: 'iPhone 8',
    manufacturer: 'Apple',
    imei: '356789012345671',
    serialNumber: 'F17VX1AAJC67',
    managedDeviceName: 'ann_iPhone_3/2/2017_8:00 AM',
    managementCertificateExpirationDate: '2020-03-02T08:00:00Z',
  },
  {
    id: '2f4e6a8c-1b3d-4f5a-8c7e-9d0b2a4c6e8f',
    userId: '',
    deviceName: 'KIOSK-7',
    managedDeviceOwnerType: 'company',
    enrolledDateTime: '2018-11-20T17:45:00Z',
    lastSyncDateTime: '2019-06-01T23:05:59Z',
    operatingSystem: 'Android',
    complianceState: 'noncompliant',
    managementAgent: 'mdm',
    osVersion: '8.1.0',
    azureADRegistered: false,
    deviceEnrollmentType: 'userEnrollment',
    azureADDeviceId: '00000000-0000-0000-0000-000000000000',
    deviceCategoryDisplayName: 'Unknown',
    isSupervised: false,
    userPrincipalName: '',
    model: 'TC52',
    manufacturer: 'Zebra',
    imei: '',
    serialNumber: '19012522501234',
    managedDeviceName: 'KIOSK-7',
    managementCertificateExpirationDate: '2019-11-20T17:45:00Z',
  },
] as const;

export type GraphDevice = { readonly [Property in keyof (typeof GRAPH_DEVICES)[0]]: string | boolean };
export type Culture = 'en-US' | 'de-DE' | 'en-GB';

const pad = (n: number) => String(n).padStart(2, '0');

/** A DateTime as `[string]` formats it in the culture: what Export-Csv writes. */
export function cultureDate(iso: string, culture: Culture): string {
  const d = new Date(iso);
  const [day, month, year, hour, minute, second] = [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  if (culture === 'de-DE') return `${pad(day)}.${pad(month)}.${year} ${pad(hour)}:${pad(minute)}:${pad(second)}`;
  if (culture === 'en-GB') return `${pad(day)}/${pad(month)}/${year} ${pad(hour)}:${pad(minute)}:${pad(second)}`;
  return `${month}/${day}/${year} ${hour % 12 || 12}:${pad(minute)}:${pad(second)} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** The Graph PowerShell SDK's property names: Graph's with a capital first letter, and its own spellings. */
const SDK_NAMES: Record<string, string> = { azureADRegistered: 'AzureAdRegistered', azureADDeviceId: 'AzureAdDeviceId', osVersion: 'OSVersion' };
const pascal = (name: string) => SDK_NAMES[name] ?? name[0]!.toUpperCase() + name.slice(1);

const DATE_PROPERTIES = new Set(['enrolledDateTime', 'lastSyncDateTime', 'managementCertificateExpirationDate']);

/** Complex properties, which Export-Csv flattens to a type name and ConvertTo-Json writes as objects. */
const GRAPH_SDK_COMPLEX = {
  ConfigurationManagerClientEnabledFeatures: 'Microsoft.Graph.PowerShell.Models.MicrosoftGraphConfigurationManagerClientEnabledFeatures',
  DeviceActionResults: 'Microsoft.Graph.PowerShell.Models.IMicrosoftGraphDeviceActionResult[]',
  DeviceCategory: 'Microsoft.Graph.PowerShell.Models.MicrosoftGraphDeviceCategory',
  Users: 'Microsoft.Graph.PowerShell.Models.IMicrosoftGraphUser[]',
  AdditionalProperties: 'System.Collections.Generic.Dictionary`2[System.String,System.Object]',
};

function cell(value: unknown, name: string, culture: Culture): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (DATE_PROPERTIES.has(name) && typeof value === 'string' && value) return cultureDate(value, culture);
  return String(value ?? '');
}

/** `Get-MgDeviceManagementManagedDevice -All | Export-Csv devices.csv [-NoTypeInformation]`, in the exporting machine's culture. */
export function graphSdkDevicesCsv(devices: readonly GraphDevice[], options: { culture: Culture; typeLine: boolean }): string {
  const names = Object.keys(devices[0]!);
  const header = [...Object.keys(GRAPH_SDK_COMPLEX).slice(0, 2), ...names.map(pascal), ...Object.keys(GRAPH_SDK_COMPLEX).slice(2)];
  const rows = devices.map((device) => [
    ...Object.values(GRAPH_SDK_COMPLEX).slice(0, 2),
    ...names.map((name) => cell(device[name as keyof GraphDevice], name, options.culture)),
    ...Object.values(GRAPH_SDK_COMPLEX).slice(2),
  ]);
  const typeLine = options.typeLine ? '#TYPE Microsoft.Graph.PowerShell.Models.MicrosoftGraphManagedDevice\r\n' : '';
  return typeLine + exportCsvText([header, ...rows]);
}

/** `Get-IntuneManagedDevice | Export-Csv devices.csv` (module Microsoft.Graph.Intune, 2019): Graph's names, PSCustomObject cells. */
export function intuneSdkDevicesCsv(devices: readonly GraphDevice[], culture: Culture): string {
  const names = Object.keys(devices[0]!);
  const header = ['@odata.type', ...names, 'deviceActionResults', 'configurationManagerClientEnabledFeatures', 'deviceHealthAttestationState'];
  const rows = devices.map((device) => [
    '#microsoft.graph.managedDevice',
    ...names.map((name) => cell(device[name as keyof GraphDevice], name, culture)),
    'System.Object[]',
    '@{inventory=False; modernApps=False; resourceAccess=False; deviceConfiguration=False; compliancePolicy=False; windowsUpdateForBusiness=False}',
    '',
  ]);
  return `#TYPE System.Management.Automation.PSCustomObject\r\n${exportCsvText([header, ...rows])}`;
}

/**
 * `… | ConvertTo-Json -Depth 5`: Windows PowerShell 5.1 writes the SDK's PascalCase names and
 * dates as `/Date(ms)/`; PowerShell 7 with Graph's camelCase objects writes ISO dates.
 */
export function devicesConvertToJson(devices: readonly GraphDevice[], style: 'pascal-5.1' | 'camel-7'): string {
  const objects = devices.map((device) =>
    Object.fromEntries([
      ...Object.entries(device).map(([name, value]) => {
        const shown = DATE_PROPERTIES.has(name) && style === 'pascal-5.1' ? `/Date(${Date.parse(value as string)})/` : value === '' ? null : value;
        return [style === 'pascal-5.1' ? pascal(name) : name, shown];
      }),
      [style === 'pascal-5.1' ? 'DeviceCategory' : 'deviceCategory', { Id: null, DisplayName: null, AdditionalProperties: {} }],
      [style === 'pascal-5.1' ? 'AdditionalProperties' : 'additionalProperties', {}],
    ]),
  );
  return JSON.stringify(objects, null, 4);
}

/** The same devices as a Graph page, the reference every PowerShell shape is compared with. */
export function devicesGraphPage(devices: readonly GraphDevice[]): object {
  return { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#deviceManagement/managedDevices', value: devices };
}

export const GRAPH_USERS = [
  { id: 'u-ann', userPrincipalName: 'ann@contoso.com', displayName: 'Ann Example', mail: 'ann@contoso.com', accountEnabled: true, userType: 'Member', usageLocation: 'DE', onPremisesDomainName: 'contoso.local', onPremisesSamAccountName: 'ann' },
  { id: 'u-bob', userPrincipalName: 'bob@contoso.com', displayName: 'Bob Example', mail: '', accountEnabled: false, userType: 'Member', usageLocation: 'FR', onPremisesDomainName: '', onPremisesSamAccountName: '' },
] as const;

/** `Get-MgUser -All | Export-Csv users.csv -NoTypeInformation`: every property a column, licences a type name. */
export function graphSdkUsersCsv(): string {
  const names = Object.keys(GRAPH_USERS[0]);
  const header = ['AboutMe', ...names.map(pascal), 'AssignedLicenses', 'AssignedPlans', 'CreatedDateTime', 'AdditionalProperties'];
  const rows = GRAPH_USERS.map((user) => [
    '',
    ...names.map((name) => cell(user[name as keyof (typeof GRAPH_USERS)[number]], name, 'en-US')),
    'Microsoft.Graph.PowerShell.Models.IMicrosoftGraphAssignedLicense[]',
    'Microsoft.Graph.PowerShell.Models.IMicrosoftGraphAssignedPlan[]',
    '5/3/2016 7:12:00 AM',
    'System.Collections.Generic.Dictionary`2[System.String,System.Object]',
  ]);
  return exportCsvText([header, ...rows]);
}

/** Users with licences, as Graph returns them with `$select=…,assignedLicenses,assignedPlans`. */
export const GRAPH_USERS_WITH_LICENCES = GRAPH_USERS.map((user, i) => ({
  ...user,
  assignedLicenses: [{ skuId: `sku-${i}`, disabledPlans: i === 0 ? ['c1ec4a95-1f05-45b3-a911-aa3fa01094f5'] : [] }],
  assignedPlans: [{ assignedDateTime: '2018-04-11T10:00:00Z', capabilityStatus: i === 0 ? 'Deleted' : 'Enabled', service: 'SCO', servicePlanId: 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5' }],
}));

/**
 * `Get-MgUser -All -Property … | Select-Object … | ConvertTo-Json -Depth 5` in Windows
 * PowerShell 5.1: PascalCase names down into the licence objects, dates as `/Date(ms)/`.
 */
export function usersConvertToJson(): string {
  const pascalKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(pascalKeys);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([name, inner]) => [pascal(name), name.endsWith('DateTime') ? `/Date(${Date.parse(inner as string)})/` : inner === '' ? null : pascalKeys(inner)]),
    );
  };
  return JSON.stringify(pascalKeys(GRAPH_USERS_WITH_LICENCES), null, 4);
}
