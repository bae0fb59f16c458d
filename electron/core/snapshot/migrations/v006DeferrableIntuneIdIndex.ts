import { oneOf, type Migration } from './migration.js';

// A UNIQUE constraint's index cannot be dropped, so SQLite updated the Intune device ID's one row
// by row during a bulk import while the other indexes were deferred. Real Intune device IDs are
// random GUIDs, so each insert landed on a random page of a b-tree larger than the import's page
// cache: a 250,000-row export took 10.6 s instead of 7.7 s. As a named unique index it is deferred
// and rebuilt from sorted keys like the others (see deferIndexes.ts); it still refuses a
// duplicate ID. SQLite cannot drop a column constraint, so the table is rebuilt (its documented
// twelve-step procedure); every other column, constraint and index is as in v5.
const SQL = /* sql */ `
CREATE TABLE devices_v6 (
  id                     INTEGER PRIMARY KEY,
  intune_device_id       TEXT,
  cm_resource_id         INTEGER UNIQUE,
  entra_device_id        TEXT,
  serial_number          TEXT COLLATE NOCASE,
  imei                   TEXT,
  meid                   TEXT,
  name                   TEXT,
  management_name        TEXT,
  platform               TEXT NOT NULL DEFAULT 'unknown'
                         CHECK (${oneOf('platform', ['ios', 'ipados', 'macos', 'android', 'windows', 'windowsMobile', 'other', 'unknown'])}),
  os                     TEXT,
  os_version             TEXT,
  model                  TEXT,
  manufacturer           TEXT,
  ownership              TEXT CHECK (${oneOf('ownership', ['unknown', 'company', 'personal'])}),
  ownership_raw          TEXT,
  enrollment_type        TEXT,
  enrollment_type_raw    TEXT,
  management_agent       TEXT,
  management_agent_raw   TEXT,
  category               TEXT COLLATE NOCASE,
  category_id            TEXT,
  primary_user_id        INTEGER REFERENCES users(id) ON DELETE SET NULL,
  primary_user_upn       TEXT COLLATE NOCASE,
  enrolled_by_user_id    INTEGER REFERENCES users(id) ON DELETE SET NULL,
  last_check_in          TEXT,
  enrolled_at            TEXT,
  mdm_cert_expires_at    TEXT,
  compliance             TEXT,
  compliance_raw         TEXT,
  cm_enrollment_status   INTEGER,
  cm_client_type         INTEGER,
  is_predeclared         INTEGER NOT NULL DEFAULT 0 CHECK (is_predeclared IN (0, 1)),
  has_primary_affinity   INTEGER NOT NULL DEFAULT 0 CHECK (has_primary_affinity IN (0, 1)),
  in_category_collection INTEGER NOT NULL DEFAULT 0 CHECK (in_category_collection IN (0, 1))
);
INSERT INTO devices_v6 SELECT * FROM devices;
DROP TABLE devices;
ALTER TABLE devices_v6 RENAME TO devices;
CREATE UNIQUE INDEX devices_intune_device_id ON devices(intune_device_id);
CREATE INDEX devices_serial ON devices(serial_number);
CREATE INDEX devices_imei ON devices(imei) WHERE imei IS NOT NULL;
CREATE INDEX devices_meid ON devices(meid) WHERE meid IS NOT NULL;
CREATE INDEX devices_name ON devices(name COLLATE NOCASE);
CREATE INDEX devices_platform ON devices(platform);
CREATE INDEX devices_enrollment_type ON devices(enrollment_type);
CREATE INDEX devices_management_agent ON devices(management_agent);
CREATE INDEX devices_category ON devices(category);
CREATE INDEX devices_primary_user ON devices(primary_user_id);
CREATE INDEX devices_primary_user_upn ON devices(primary_user_upn);
CREATE INDEX devices_enrolled_by ON devices(enrolled_by_user_id) WHERE enrolled_by_user_id IS NOT NULL;
CREATE INDEX devices_last_check_in ON devices(last_check_in);
CREATE INDEX devices_compliance ON devices(compliance);
`;

export const v006DeferrableIntuneIdIndex: Migration = {
  version: 6,
  description: "The Intune device ID's uniqueness is a named index, which bulk imports defer",
  sql: SQL,
  rebuildsReferencedTable: true,
};
