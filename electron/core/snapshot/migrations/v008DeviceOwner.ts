import type { Migration } from './migration.js';

// The derived fact every "whose device is this" question reads (see derivedFacts.ts, which
// computes it after this migration and after every import): owner_user_id, the device's one
// primary user from any source, the Intune/Graph primary user or the ConfigMgr active primary
// user-device affinity; owner_conflict marks a device whose sources name different users.
// Each index holds only the rows that hold the fact, so a bulk import of new devices adds no
// entry to them and keeps them while it defers the other indexes.
const SQL = /* sql */ `
ALTER TABLE devices ADD COLUMN owner_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE devices ADD COLUMN owner_conflict INTEGER NOT NULL DEFAULT 0 CHECK (owner_conflict IN (0, 1));
CREATE INDEX devices_owner_user ON devices(owner_user_id) WHERE owner_user_id IS NOT NULL;
CREATE INDEX devices_owner_conflict ON devices(owner_conflict) WHERE owner_conflict = 1;
`;

export const v008DeviceOwner: Migration = {
  version: 8,
  description: 'Devices carry their one primary user from any source, and whether the sources disagree',
  sql: SQL,
  refreshesDerivedFacts: true,
};
