import { writeCsvFile } from '../csv/writeCsvFile.js';
import { iterateDeviceView, iterateUserView, type DeviceView, type UserView } from '../queries/browsePages.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';

/**
 * The data browser's views as CSV: every row the view's search and sort select, not the page on
 * screen. Enumerations are written as the exports spell them (`appleBulkWithUser`), so a file can
 * be compared with, or filtered like, the tenant's own exports.
 */
const DEVICE_HEADER = [
  'Device name',
  'Platform',
  'OS version',
  'Serial number',
  'Primary user',
  'Primary user by source',
  'Sources disagree on the primary user',
  'Enrollment type',
  'Ownership',
  'Managed by',
  'Category',
  'Last check-in',
  'Compliance',
  'Seen in',
  'MDM device',
];

const USER_HEADER = ['User principal name', 'Display name', 'ConfigMgr account', 'In Entra ID', 'Account enabled', 'Licences', 'Devices', 'Device enrollment manager'];

function yesNo(value: boolean | null): string | null {
  return value === null ? null : value ? 'yes' : 'no';
}

export function writeDeviceViewCsv(snapshot: Snapshot, view: DeviceView, outPath: string): Promise<number> {
  return writeCsvFile(
    outPath,
    DEVICE_HEADER,
    (function* () {
      for (const device of iterateDeviceView(snapshot, view)) {
        yield [
          device.name,
          device.platform,
          device.osVersion,
          device.serialNumber,
          device.primaryUserUpn,
          device.primaryUserSources,
          yesNo(device.ownerConflict),
          device.enrollmentType,
          device.ownership,
          device.managementAgent,
          device.category,
          device.lastCheckIn,
          device.compliance,
          device.sources.join('; '),
          yesNo(device.inMdmScope),
        ];
      }
    })(),
  );
}

export function writeUserViewCsv(snapshot: Snapshot, view: UserView, outPath: string): Promise<number> {
  return writeCsvFile(
    outPath,
    USER_HEADER,
    (function* () {
      for (const user of iterateUserView(snapshot, view)) {
        yield [user.userPrincipalName, user.displayName, user.onPremisesAccount, yesNo(user.inEntra), yesNo(user.accountEnabled), user.licences.join('; '), user.devices, yesNo(user.isDem)];
      }
    })(),
  );
}
