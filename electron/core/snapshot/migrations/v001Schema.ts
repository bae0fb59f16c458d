import { oneOf, type Migration } from './migration.js';

const SQL = /* sql */ `
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

export const v001Schema: Migration = {
  version: 1,
  description: 'Snapshot schema v1',
  sql: SQL,
};
