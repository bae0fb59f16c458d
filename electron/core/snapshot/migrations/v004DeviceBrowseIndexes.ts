import { type Migration } from './migration.js';

// Indexes for what the data browser sorts and filters, and nothing else: it sorts devices by
// primary user (without an index every page of 250,000 devices was a full sort), and nothing
// filters or sorts by ownership (each index costs every bulk import a rebuild).
const SQL = /* sql */ `
CREATE INDEX devices_primary_user_upn ON devices(primary_user_upn);
DROP INDEX devices_ownership;
`;

export const v004DeviceBrowseIndexes: Migration = {
  version: 4,
  description: 'Devices are indexed by primary user UPN (a data browser sort), no longer by ownership',
  sql: SQL,
};
