import type { CsvRowKind } from './importKind.js';
import { DEVICE_TABLES } from '../stores/deviceStore.js';
import { integerOf, isoDateOf, platformOf } from './labelMaps.js';

const COLUMNS = {
  resourceId: { headers: ['ResourceID'], required: true },
  name: { headers: ['Name', 'Name0', 'Netbios_Name0'], required: true },
  smsId: { headers: ['SMSID', 'SMS_Unique_Identifier0'] },
  serialNumber: { headers: ['SerialNumber', 'SerialNumber0'] },
  imei: { headers: ['IMEI'] },
  deviceOs: { headers: ['DeviceOS', 'Operating_System_Name_and0'] },
  deviceOwner: { headers: ['DeviceOwner'] },
  category: { headers: ['DeviceCategory'] },
  clientType: { headers: ['ClientType'] },
  enrollmentStatus: { headers: ['EnrollmentStatus'] },
  lastActive: { headers: ['LastActiveTime', 'LastPolicyRequest'] },
  uniqueUserName: { headers: ['UniqueUserName', 'Unique_User_Name0'] },
} as const;
type Field = keyof typeof COLUMNS;

/** SMS_CombinedDeviceResources.DeviceOwner: 1 Company, 2 Personal (brief §4c). */
const DEVICE_OWNER = new Map([
  ['1', 'company'],
  ['2', 'personal'],
] as const);

/** `Get-CMDevice | Export-Csv` and the `v_R_System` SQL view (brief §4c). */
export const configMgrDeviceCsv: CsvRowKind<Field> = {
  id: 'cm-devices',
  label: 'Configuration Manager devices (Get-CMDevice or v_R_System)',
  source: 'configmgr',
  order: 20,
  format: 'csv',
  columns: COLUMNS,
  signature: ['resourceId', 'name', 'smsId'],
  // Get-CMUser output also has ResourceID, Name and SMSID.
  excludes: ['uniqueUserName'],
  bulkTables: DEVICE_TABLES,
  clear: ({ stores, source }) => stores.devices.clearSource(source),
  writer({ stores, source, batchId }) {
    const devices = stores.devices.beginSource(source, batchId);
    return {
      end: () => devices.end(),
      write(row, issues) {
        const resourceId = integerOf(row.get('resourceId'));
        if (resourceId === null) {
          issues.reject(row.header('resourceId'), `ResourceID "${row.get('resourceId')}" is not a number`);
          return false;
        }
        const os = row.get('deviceOs');
        const owner = row.get('deviceOwner');
        return (
          devices.upsert(
            {
              cmResourceId: resourceId,
              name: row.get('name'),
              serialNumber: row.get('serialNumber'),
              imei: row.get('imei'),
              platform: platformOf(os),
              os,
              ownership: owner === null ? null : (DEVICE_OWNER.get(owner as '1' | '2') ?? 'unknown'),
              ownershipRaw: owner,
              category: row.get('category'),
              lastCheckIn: isoDateOf(row.get('lastActive')),
              cmClientType: integerOf(row.get('clientType')),
              cmEnrollmentStatus: integerOf(row.get('enrollmentStatus')),
            },
            issues,
          )
        );
      },
    };
  },
};
