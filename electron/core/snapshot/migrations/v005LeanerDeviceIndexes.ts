import { type Migration } from './migration.js';

// Device indexes cost every bulk import a rebuild, so v5 fits them to the queries that use them.
// - IMEI, MEID and the enrolling user are only ever looked up by value (identity joins, a DEM
//   user's devices) and are empty on many devices (MEID on nearly all): their indexes hold only
//   the rows that have a value. (The primary user's index stays whole: the userless-device
//   rule finds the devices without one through it.)
// - The platform index loses its OS version: nothing selects or sorts by version, and with it
//   a page sorted by platform had to sort each platform's rows by id again.
const SQL = /* sql */ `
DROP INDEX devices_imei;
CREATE INDEX devices_imei ON devices(imei) WHERE imei IS NOT NULL;
DROP INDEX devices_meid;
CREATE INDEX devices_meid ON devices(meid) WHERE meid IS NOT NULL;
DROP INDEX devices_enrolled_by;
CREATE INDEX devices_enrolled_by ON devices(enrolled_by_user_id) WHERE enrolled_by_user_id IS NOT NULL;
DROP INDEX devices_platform;
CREATE INDEX devices_platform ON devices(platform);
`;

export const v005LeanerDeviceIndexes: Migration = {
  version: 5,
  description: 'Device indexes fitted to their queries: IMEI, MEID and enrolling user only where set; platform without OS version',
  sql: SQL,
};
