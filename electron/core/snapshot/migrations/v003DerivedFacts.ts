import { type Migration } from './migration.js';

// Facts the readiness rules test on every row, stored on the row (see derivedFacts.ts, which
// keeps them current after each import). The UPDATEs compute them for snapshots written before
// this version; they are spelled out rather than taken from derivedFacts.ts so that this
// released migration's SQL never changes.
const SQL = /* sql */ `
ALTER TABLE users ADD COLUMN intune_a_enabled INTEGER NOT NULL DEFAULT 0 CHECK (intune_a_enabled IN (0, 1));
ALTER TABLE devices ADD COLUMN has_primary_affinity INTEGER NOT NULL DEFAULT 0 CHECK (has_primary_affinity IN (0, 1));
ALTER TABLE devices ADD COLUMN in_category_collection INTEGER NOT NULL DEFAULT 0 CHECK (in_category_collection IN (0, 1));
UPDATE users SET intune_a_enabled = 1 WHERE id IN (
  SELECT user_id FROM user_service_plans WHERE service_plan_id = 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5' AND capability_status = 'Enabled');
UPDATE devices SET has_primary_affinity = 1 WHERE id IN (
  SELECT a.device_id FROM user_device_affinity a WHERE a.is_primary = 1 AND a.relation_active = 1
  UNION SELECT d.id FROM devices d JOIN user_device_affinity a ON a.device_resource_id = d.cm_resource_id WHERE a.is_primary = 1 AND a.relation_active = 1);
UPDATE devices SET in_category_collection = 1 WHERE cm_resource_id IN (
  SELECT m.resource_id FROM collection_members m JOIN collection_rules r ON r.collection_id = m.collection_id WHERE r.rule_type = 'device_category');
`;

export const v003DerivedFacts: Migration = {
  version: 3,
  description: 'Users and devices carry the facts the readiness rules test on every row',
  sql: SQL,
};
