import { type Migration } from './migration.js';

// The migration wizard's state (issue #16). Everything the consultant does lives in the snapshot,
// so reopening the file lands where they left off; every change also goes to audit_log.
// - tenant.switch_procedure: the procedure agreed with Microsoft Support (TEN_APNS_GAP).
// - tenant_fact_sources: where each tenant fact came from (an import, the demo, or typed by whom
//   and when). The triggers below mark any change made by anything else than the wizard (an
//   importer, the demo generator) as 'import' or 'demo'; the wizard writes 'typed' right after
//   its own change. A value without a row predates this version.
// - wizard_state: the playbook in use and its version, the step the consultant is on and the
//   APNs renewal confirmation. One row.
// - wizard_events: the events the playbook records (the switch), by whom and when; the
//   timeline's deadlines count from them.
// - wizard_checks: manual checks ticked (who, when, note). `rule_id` is set when the check
//   confirms a rule the snapshot cannot evaluate from data; the readiness engine reads it.
// - wizard_overrides: a gated step opened despite open blockers, with the written justification.
// - waves, wave_users, wave_checks: users moved together, with their own checklist and state.
// The facts as of this version, spelled out so that this migration's SQL never changes; a fact
// added later gets its trigger in its own migration.
const FACT_COLUMNS: readonly (readonly [table: string, column: string, key: string])[] = [
  ['engagement', 'planned_switch_date', 'planned-switch-date'],
  ['tenant', 'tenant_name', 'tenant-name'],
  ['tenant', 'mdm_authority', 'mdm-authority'],
  ['tenant', 'cm_version', 'cm-version'],
  ['tenant', 'cm_site_code', 'cm-site-code'],
  ['tenant', 'subscription_collection_id', 'subscription-collection-id'],
  ['tenant', 'subscription_collection_name', 'subscription-collection-name'],
  ['tenant', 'switching_admin_upn', 'switching-admin-upn'],
  ['tenant', 'exchange_connector_present', 'exchange-connector'],
  ['tenant', 'ndes_in_use', 'scep-pfx'],
  ['tenant', 'code_signing_uploaded', 'code-signing'],
  ['tenant', 'android_for_work_enabled', 'android-for-work'],
  ['tenant', 'cm_pc_conditional_access', 'cm-pc-conditional-access'],
  ['tenant', 'cm_rbac_roles_for_mdm', 'cm-rbac-roles'],
  ['tenant', 'switch_procedure', 'switch-procedure'],
];

const PROVENANCE_TRIGGERS = FACT_COLUMNS.map(
  ([table, column, key]) => /* sql */ `
CREATE TRIGGER fact_written_${column} AFTER UPDATE OF ${column} ON ${table} WHEN NEW.${column} IS NOT OLD.${column}
BEGIN
  INSERT OR REPLACE INTO tenant_fact_sources (fact_key, source, set_by, set_at)
  VALUES ('${key}', CASE WHEN (SELECT is_demo FROM engagement WHERE id = 1) = 1 THEN 'demo' ELSE 'import' END, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;`,
).join('\n');

const SQL = /* sql */ `
ALTER TABLE tenant ADD COLUMN switch_procedure TEXT CHECK (switch_procedure = 'self-service' OR switch_procedure = 'support-change' OR switch_procedure = 'support-reset');

CREATE TABLE tenant_fact_sources (
  fact_key  TEXT PRIMARY KEY,
  source    TEXT NOT NULL CHECK (source = 'typed' OR source = 'import' OR source = 'demo'),
  set_by    TEXT,
  set_at    TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE wizard_state (
  id                    INTEGER PRIMARY KEY CHECK (id = 1),
  playbook_id           TEXT NOT NULL,
  playbook_version      INTEGER NOT NULL,
  current_step_id       TEXT,
  apns_confirmed_by     TEXT,
  apns_confirmed_at     TEXT,
  apns_confirmed_note   TEXT
);

CREATE TABLE wizard_events (
  event_id     TEXT PRIMARY KEY,
  at           TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  recorded_at  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE wizard_checks (
  check_id    TEXT PRIMARY KEY,
  step_id     TEXT NOT NULL,
  rule_id     TEXT,
  checked_by  TEXT NOT NULL,
  checked_at  TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX wizard_checks_rule ON wizard_checks(rule_id) WHERE rule_id IS NOT NULL;

CREATE TABLE wizard_overrides (
  step_id        TEXT PRIMARY KEY,
  justification  TEXT NOT NULL,
  overridden_by  TEXT NOT NULL,
  overridden_at  TEXT NOT NULL,
  -- JSON: the blockers and checks that were open when the override was given, for the reports.
  open_at_override TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE waves (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  position    INTEGER NOT NULL,
  is_pilot    INTEGER NOT NULL DEFAULT 0 CHECK (is_pilot IN (0, 1)),
  state       TEXT NOT NULL DEFAULT 'planned' CHECK (state = 'planned' OR state = 'moved' OR state = 'verified'),
  moved_at    TEXT,
  verified_at TEXT,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

-- A user moves once: one wave at most (the unique index also serves "which wave is this user in").
CREATE TABLE wave_users (
  wave_id  INTEGER NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
  user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (wave_id, user_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX wave_users_user ON wave_users(user_id);

CREATE TABLE wave_checks (
  wave_id     INTEGER NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
  check_id    TEXT NOT NULL,
  checked_by  TEXT NOT NULL,
  checked_at  TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (wave_id, check_id)
) WITHOUT ROWID;
${PROVENANCE_TRIGGERS}
`;

export const v009Wizard: Migration = {
  version: 9,
  description: 'Migration wizard: tenant fact provenance, wizard progress, manual checks, overrides and waves',
  sql: SQL,
};
