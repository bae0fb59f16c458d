/**
 * Numbered schema migrations for the `.mdmsnap` snapshot.
 *
 * The SQL lives in TypeScript (not in .sql files read at runtime) so that it is bundled
 * into the Electron main build and never has to be read out of the asar. Each entry runs
 * inside one transaction; `PRAGMA user_version` records the last applied number. A file
 * whose user_version is higher than the last entry here was written by a newer app and is
 * refused untouched (see openSnapshot.ts).
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
  /**
   * The migration rebuilds a table that other tables reference (create, copy, drop, rename):
   * foreign key enforcement is off while it runs, or dropping the old table would cascade its
   * deletion into them. The runner checks every reference before committing.
   */
  readonly rebuildsReferencedTable?: true;
}

/**
 * \`col = 'a' OR col = 'b' …\` for a CHECK constraint. SQLite evaluates \`IN (list)\` by building
 * an ephemeral table on every statement execution, which made row-by-row inserts into
 * \`devices\` twice as slow; an OR chain costs almost nothing. The lists are literal here, not
 * the app's enum constants, so that a released migration's SQL never changes.
 */
function oneOf(column: string, values: readonly (string | number)[]): string {
  return values.map((value) => `${column} = ${typeof value === 'number' ? value : `'${value}'`}`).join(' OR ');
}

const V1_SCHEMA = /* sql */ `
-- One row: who the engagement is for, and when the data was exported.
CREATE TABLE engagement (
  id                       INTEGER PRIMARY KEY CHECK (id = 1),
  customer                 TEXT NOT NULL DEFAULT '',
  consultant               TEXT NOT NULL DEFAULT '',
  data_as_of               TEXT,
  planned_switch_date      TEXT,
  created_at               TEXT NOT NULL,
  created_by_app_version   TEXT NOT NULL,
  last_written_app_version TEXT NOT NULL,
  is_demo                  INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  demo_seed                INTEGER,
  demo_manifest            TEXT
);

-- One row of tenant-level facts. NULL means "not known yet": rules that need it say
-- "not evaluated" instead of passing.
CREATE TABLE tenant (
  id                            INTEGER PRIMARY KEY CHECK (id = 1),
  tenant_name                   TEXT,
  mdm_authority                 TEXT CHECK (${oneOf('mdm_authority', ['unknown', 'intune', 'sccm', 'office365'])}),
  cm_version                    TEXT,
  cm_site_code                  TEXT,
  subscription_collection_id    TEXT,
  subscription_collection_name  TEXT,
  exchange_connector_present    INTEGER CHECK (exchange_connector_present IN (0, 1)),
  ndes_in_use                   INTEGER CHECK (ndes_in_use IN (0, 1)),
  code_signing_uploaded         INTEGER CHECK (code_signing_uploaded IN (0, 1)),
  android_for_work_enabled      INTEGER CHECK (android_for_work_enabled IN (0, 1)),
  cm_pc_conditional_access      INTEGER CHECK (cm_pc_conditional_access IN (0, 1)),
  cm_rbac_roles_for_mdm         INTEGER CHECK (cm_rbac_roles_for_mdm IN (0, 1)),
  switching_admin_upn           TEXT
);

-- Every file that went into the snapshot.
CREATE TABLE import_batches (
  id             INTEGER PRIMARY KEY,
  file_name      TEXT NOT NULL,
  kind           TEXT NOT NULL,
  source         TEXT NOT NULL,
  sha256         TEXT NOT NULL,
  rows_accepted  INTEGER NOT NULL DEFAULT 0,
  rows_rejected  INTEGER NOT NULL DEFAULT 0,
  started_at     TEXT NOT NULL,
  duration_ms    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE import_rejections (
  id           INTEGER PRIMARY KEY,
  batch_id     INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  line         INTEGER,
  column_name  TEXT,
  reason       TEXT NOT NULL
);
CREATE INDEX import_rejections_batch ON import_rejections(batch_id, line);

CREATE TABLE users (
  id                   INTEGER PRIMARY KEY,
  upn                  TEXT COLLATE NOCASE UNIQUE,
  entra_object_id      TEXT UNIQUE,
  display_name         TEXT,
  mail                 TEXT,
  on_prem_domain       TEXT,
  on_prem_sam          TEXT,
  cm_unique_user_name  TEXT COLLATE NOCASE,
  cm_resource_id       INTEGER UNIQUE,
  account_enabled      INTEGER CHECK (account_enabled IN (0, 1)),
  usage_location       TEXT,
  user_type            TEXT,
  in_entra             INTEGER NOT NULL DEFAULT 0 CHECK (in_entra IN (0, 1)),
  is_dem               INTEGER NOT NULL DEFAULT 0 CHECK (is_dem IN (0, 1)),
  blocked_in_cm        INTEGER CHECK (blocked_in_cm IN (0, 1))
);
CREATE INDEX users_display_name ON users(display_name);
CREATE INDEX users_cm_unique_user_name ON users(cm_unique_user_name);
CREATE INDEX users_on_prem ON users(on_prem_domain, on_prem_sam);

-- Which export each user was seen in ('entra', 'graph', 'm365', 'configmgr', 'template', 'demo').
CREATE TABLE user_sources (
  user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  source    TEXT NOT NULL,
  batch_id  INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  PRIMARY KEY (user_id, source)
) WITHOUT ROWID;
CREATE INDEX user_sources_source ON user_sources(source);

-- Licence SKUs assigned to a user (Graph assignedLicenses or the M365 "Licenses" column).
CREATE TABLE user_licences (
  id               INTEGER PRIMARY KEY,
  user_id          INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  sku_id           TEXT,
  sku_part_number  TEXT
);
CREATE UNIQUE INDEX user_licences_unique ON user_licences(user_id, coalesce(sku_id, ''), coalesce(sku_part_number, ''));

-- assignedLicenses[].disabledPlans: a suite can carry INTUNE_A switched off.
CREATE TABLE user_licence_disabled_plans (
  licence_id       INTEGER NOT NULL REFERENCES user_licences(id) ON DELETE CASCADE,
  service_plan_id  TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (licence_id, service_plan_id)
) WITHOUT ROWID;
CREATE INDEX user_licence_disabled_plans_plan ON user_licence_disabled_plans(service_plan_id);

-- assignedPlans[]: per service plan with its capabilityStatus.
CREATE TABLE user_service_plans (
  user_id            INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  service_plan_id    TEXT NOT NULL COLLATE NOCASE,
  service_plan_name  TEXT,
  service            TEXT,
  capability_status  TEXT NOT NULL CHECK (${oneOf('capability_status', ['Enabled', 'Warning', 'Suspended', 'LockedOut', 'Deleted'])}),
  assigned_at        TEXT,
  PRIMARY KEY (user_id, service_plan_id)
) WITHOUT ROWID;
CREATE INDEX user_service_plans_plan ON user_service_plans(service_plan_id, capability_status);

CREATE TABLE device_categories (
  id            TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL COLLATE NOCASE,
  description   TEXT
);
CREATE INDEX device_categories_name ON device_categories(display_name);

-- One row per physical device, merged across sources (device_sources says which).
-- Enumerations hold the Graph enum string; *_raw keeps the label the export used.
CREATE TABLE devices (
  id                     INTEGER PRIMARY KEY,
  intune_device_id       TEXT UNIQUE,
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
  is_predeclared         INTEGER NOT NULL DEFAULT 0 CHECK (is_predeclared IN (0, 1))
);
CREATE INDEX devices_serial ON devices(serial_number);
CREATE INDEX devices_imei ON devices(imei);
CREATE INDEX devices_meid ON devices(meid);
CREATE INDEX devices_name ON devices(name COLLATE NOCASE);
CREATE INDEX devices_platform ON devices(platform, os_version);
CREATE INDEX devices_enrollment_type ON devices(enrollment_type);
CREATE INDEX devices_management_agent ON devices(management_agent);
CREATE INDEX devices_category ON devices(category);
CREATE INDEX devices_primary_user ON devices(primary_user_id);
CREATE INDEX devices_enrolled_by ON devices(enrolled_by_user_id);
CREATE INDEX devices_last_check_in ON devices(last_check_in);
CREATE INDEX devices_compliance ON devices(compliance);
CREATE INDEX devices_ownership ON devices(ownership);

-- Which export each device was seen in ('intune', 'graph', 'configmgr', 'template', 'demo').
CREATE TABLE device_sources (
  device_id   INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  source      TEXT NOT NULL,
  batch_id    INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  PRIMARY KEY (device_id, source)
) WITHOUT ROWID;
CREATE INDEX device_sources_source ON device_sources(source);

-- ConfigMgr user-device affinity (v_UserMachineRelationship / SMS_UserMachineRelationship).
CREATE TABLE user_device_affinity (
  id                  INTEGER PRIMARY KEY,
  device_resource_id  INTEGER NOT NULL,
  device_id           INTEGER REFERENCES devices(id) ON DELETE CASCADE,
  unique_user_name    TEXT NOT NULL COLLATE NOCASE,
  user_id             INTEGER REFERENCES users(id) ON DELETE SET NULL,
  is_primary          INTEGER NOT NULL CHECK (is_primary IN (0, 1)),
  relation_active     INTEGER NOT NULL DEFAULT 1 CHECK (relation_active IN (0, 1)),
  types               TEXT,
  sources             TEXT,
  created_at          TEXT
);
CREATE INDEX user_device_affinity_device ON user_device_affinity(device_id, is_primary);
CREATE INDEX user_device_affinity_resource ON user_device_affinity(device_resource_id);
CREATE INDEX user_device_affinity_user ON user_device_affinity(user_id);

-- ConfigMgr collections (SMS_Collection / v_Collections).
CREATE TABLE collections (
  collection_id           TEXT PRIMARY KEY,
  name                    TEXT NOT NULL,
  collection_type         INTEGER NOT NULL CHECK (${oneOf('collection_type', [0, 1, 2])}),
  limit_to_collection_id  TEXT,
  member_count            INTEGER,
  is_built_in             INTEGER NOT NULL DEFAULT 0 CHECK (is_built_in IN (0, 1))
);
CREATE INDEX collections_name ON collections(name);

CREATE TABLE collection_rules (
  id                        INTEGER PRIMARY KEY,
  collection_id             TEXT NOT NULL REFERENCES collections(collection_id) ON DELETE CASCADE,
  rule_type                 TEXT NOT NULL CHECK (${oneOf('rule_type', ['direct', 'query', 'include', 'exclude', 'device_category'])}),
  rule_name                 TEXT,
  resource_class            TEXT,
  resource_id               INTEGER,
  query_id                  INTEGER,
  query_expression          TEXT,
  referenced_collection_id  TEXT,
  device_category_id        TEXT
);
CREATE INDEX collection_rules_collection ON collection_rules(collection_id, rule_type);
CREATE INDEX collection_rules_referenced ON collection_rules(referenced_collection_id);

CREATE TABLE collection_members (
  collection_id  TEXT NOT NULL REFERENCES collections(collection_id) ON DELETE CASCADE,
  resource_id    INTEGER NOT NULL,
  resource_kind  TEXT NOT NULL CHECK (${oneOf('resource_kind', ['device', 'user', 'unknown'])}),
  name           TEXT,
  is_direct      INTEGER CHECK (is_direct IN (0, 1)),
  PRIMARY KEY (collection_id, resource_id)
) WITHOUT ROWID;
CREATE INDEX collection_members_resource ON collection_members(resource_id);

-- Entra (Azure AD) groups by name, for collection-to-group mapping (COL_SINGLE_AD_GROUP_OK).
CREATE TABLE entra_groups (
  id            TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL COLLATE NOCASE
);
CREATE INDEX entra_groups_name ON entra_groups(display_name);

-- Apple tokens: the one tenant APNs certificate, DEP (ADE) and VPP tokens.
CREATE TABLE apns_certificates (
  id                TEXT PRIMARY KEY,
  apple_id          TEXT,
  topic             TEXT,
  expires_at        TEXT,
  last_modified_at  TEXT,
  source            TEXT NOT NULL
);

CREATE TABLE dep_tokens (
  id                    TEXT PRIMARY KEY,
  token_name            TEXT,
  apple_id              TEXT,
  token_type            TEXT CHECK (${oneOf('token_type', ['none', 'dep', 'appleSchoolManager'])}),
  expires_at            TEXT,
  last_sync_at          TEXT,
  synced_device_count   INTEGER,
  source                TEXT NOT NULL
);

CREATE TABLE vpp_tokens (
  id                 TEXT PRIMARY KEY,
  organization_name  TEXT,
  apple_id           TEXT,
  account_type       TEXT CHECK (account_type IN ('business', 'education')),
  state              TEXT CHECK (${oneOf('state', ['unknown', 'valid', 'expired', 'invalid', 'assignedToExternalMDM'])}),
  expires_at         TEXT,
  last_sync_at       TEXT,
  source             TEXT NOT NULL
);

-- Wizard progress, one row per step id from the brief (e.g. '3.3').
CREATE TABLE wizard_steps (
  step_id     TEXT PRIMARY KEY,
  status      TEXT NOT NULL CHECK (${oneOf('status', ['not_started', 'in_progress', 'done', 'skipped', 'blocked'])}),
  note        TEXT,
  updated_at  TEXT NOT NULL
);

CREATE TABLE sign_offs (
  id         INTEGER PRIMARY KEY,
  step_id    TEXT NOT NULL,
  signed_by  TEXT NOT NULL,
  role       TEXT,
  note       TEXT,
  signed_at  TEXT NOT NULL
);
CREATE INDEX sign_offs_step ON sign_offs(step_id);

-- A consultant's decision on one finding item; survives re-assessment.
CREATE TABLE finding_decisions (
  rule_id     TEXT NOT NULL,
  item_key    TEXT NOT NULL,
  decision    TEXT NOT NULL CHECK (decision IN ('accepted_risk', 'resolved_outside')),
  note        TEXT NOT NULL DEFAULT '',
  decided_by  TEXT NOT NULL DEFAULT '',
  decided_at  TEXT NOT NULL,
  PRIMARY KEY (rule_id, item_key)
) WITHOUT ROWID;

-- Evidence trail. Append-only: the triggers refuse edits and deletions.
CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  subject TEXT,
  detail  TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;

// Importers keep going past a row they merged with a caveat (an ambiguous identity match
// left unmerged, an unrecognised localised label kept raw). Those rows are accepted, so the
// caveat must not count as a rejection, yet the consultant must still see it with its line.
const V2_REJECTION_SEVERITY = /* sql */ `
ALTER TABLE import_rejections ADD COLUMN severity TEXT NOT NULL DEFAULT 'error'
  CHECK (severity = 'error' OR severity = 'warning');
`;

// Facts the readiness rules test on every row, stored on the row (see derivedFacts.ts, which
// keeps them current after each import). The UPDATEs compute them for snapshots written before
// this version; they are spelled out rather than taken from derivedFacts.ts so that this
// released migration's SQL never changes.
const V3_DERIVED_FACTS = /* sql */ `
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

// Indexes for what the data browser sorts and filters, and nothing else: it sorts devices by
// primary user (without an index every page of 250,000 devices was a full sort), and nothing
// filters or sorts by ownership (each index costs every bulk import a rebuild).
const V4_DEVICE_BROWSE_INDEXES = /* sql */ `
CREATE INDEX devices_primary_user_upn ON devices(primary_user_upn);
DROP INDEX devices_ownership;
`;

// Device indexes cost every bulk import a rebuild, so v5 fits them to the queries that use them.
// - IMEI, MEID and the enrolling user are only ever looked up by value (identity joins, a DEM
//   user's devices) and are empty on many devices (MEID on nearly all): their indexes hold only
//   the rows that have a value. (The primary user's index stays whole: the userless-device
//   rule finds the devices without one through it.)
// - The platform index loses its OS version: nothing selects or sorts by version, and with it
//   a page sorted by platform had to sort each platform's rows by id again.
const V5_LEANER_DEVICE_INDEXES = /* sql */ `
DROP INDEX devices_imei;
CREATE INDEX devices_imei ON devices(imei) WHERE imei IS NOT NULL;
DROP INDEX devices_meid;
CREATE INDEX devices_meid ON devices(meid) WHERE meid IS NOT NULL;
DROP INDEX devices_enrolled_by;
CREATE INDEX devices_enrolled_by ON devices(enrolled_by_user_id) WHERE enrolled_by_user_id IS NOT NULL;
DROP INDEX devices_platform;
CREATE INDEX devices_platform ON devices(platform);
`;

// A UNIQUE constraint's index cannot be dropped, so SQLite updated the Intune device ID's one row
// by row during a bulk import while the other indexes were deferred. Real Intune device IDs are
// random GUIDs, so each insert landed on a random page of a b-tree larger than the import's page
// cache: a 250,000-row export took 10.6 s instead of 7.7 s. As a named unique index it is deferred
// and rebuilt from sorted keys like the others (see deferIndexes.ts); it still refuses a
// duplicate ID. SQLite cannot drop a column constraint, so the table is rebuilt (its documented
// twelve-step procedure); every other column, constraint and index is as in v5.
const V6_DEFERRABLE_INTUNE_ID_INDEX = /* sql */ `
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

// Every import refreshes the derived facts (derivedFacts.ts), first taking them from the rows
// that lost them: rows that hold a fact, which are few (none after a first Intune export).
// Without an index that pass read every device twice, 70-90 ms of a 250,000-device import.
// These index only the rows that hold a fact, so a bulk import keeps them (see
// DERIVED_FACT_INDEXES): a new device holds none, and adds no entry.
const V7_DERIVED_FACT_HOLDER_INDEXES = /* sql */ `
CREATE INDEX devices_has_primary_affinity ON devices(has_primary_affinity) WHERE has_primary_affinity = 1;
CREATE INDEX devices_in_category_collection ON devices(in_category_collection) WHERE in_category_collection = 1;
CREATE INDEX users_intune_a_enabled ON users(intune_a_enabled) WHERE intune_a_enabled = 1;
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'Snapshot schema v1', sql: V1_SCHEMA },
  { version: 2, description: 'Import rejections carry a severity (error or warning)', sql: V2_REJECTION_SEVERITY },
  { version: 3, description: 'Users and devices carry the facts the readiness rules test on every row', sql: V3_DERIVED_FACTS },
  { version: 4, description: 'Devices are indexed by primary user UPN (a data browser sort), no longer by ownership', sql: V4_DEVICE_BROWSE_INDEXES },
  { version: 5, description: 'Device indexes fitted to their queries: IMEI, MEID and enrolling user only where set; platform without OS version', sql: V5_LEANER_DEVICE_INDEXES },
  {
    version: 6,
    description: "The Intune device ID's uniqueness is a named index, which bulk imports defer",
    sql: V6_DEFERRABLE_INTUNE_ID_INDEX,
    rebuildsReferencedTable: true,
  },
  { version: 7, description: 'The rows that hold a derived fact are indexed, so an import finds the ones that lost it without reading every row', sql: V7_DERIVED_FACT_HOLDER_INDEXES },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
