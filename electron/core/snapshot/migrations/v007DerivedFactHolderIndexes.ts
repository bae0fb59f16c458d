import { type Migration } from './migration.js';

// Every import refreshes the derived facts (derivedFacts.ts), first taking them from the rows
// that lost them: rows that hold a fact, which are few (none after a first Intune export).
// Without an index that pass read every device twice, 70-90 ms of a 250,000-device import.
// These index only the rows that hold a fact, so a bulk import keeps them (see
// DERIVED_FACT_INDEXES): a new device holds none, and adds no entry.
const SQL = /* sql */ `
CREATE INDEX devices_has_primary_affinity ON devices(has_primary_affinity) WHERE has_primary_affinity = 1;
CREATE INDEX devices_in_category_collection ON devices(in_category_collection) WHERE in_category_collection = 1;
CREATE INDEX users_intune_a_enabled ON users(intune_a_enabled) WHERE intune_a_enabled = 1;
`;

export const v007DerivedFactHolderIndexes: Migration = {
  version: 7,
  description: 'The rows that hold a derived fact are indexed, so an import finds the ones that lost it without reading every row',
  sql: SQL,
};
