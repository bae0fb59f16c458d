import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoTenant } from '../../../electron/core/demo/generateDemoTenant.js';
import { SERVICE_PLANS } from '../../../electron/core/licensing.js';
import { refreshDerivedFacts } from '../../../electron/core/snapshot/derivedFacts.js';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/snapshot/migrations/index.js';
import { openSnapshot, type Snapshot, type SqliteDatabase } from '../../../electron/core/snapshot/openSnapshot.js';
import { useTempDir } from '../../support/tempDir.js';

const dir = useTempDir();

/** Each stored fact next to its definition, written out independently of derivedFacts.ts. */
const MISMATCHES = {
  intune_a_enabled: `SELECT count(*) FROM users u WHERE u.intune_a_enabled <> EXISTS (
      SELECT 1 FROM user_service_plans sp WHERE sp.user_id = u.id AND sp.service_plan_id = '${SERVICE_PLANS.INTUNE_A.id}' AND sp.capability_status = 'Enabled')`,
  has_primary_affinity: `SELECT count(*) FROM devices d WHERE d.has_primary_affinity <> EXISTS (
      SELECT 1 FROM user_device_affinity a WHERE (a.device_id = d.id OR a.device_resource_id = d.cm_resource_id) AND a.is_primary = 1 AND a.relation_active = 1)`,
  in_category_collection: `SELECT count(*) FROM devices d WHERE d.in_category_collection <> EXISTS (
      SELECT 1 FROM collection_members m JOIN collection_rules r ON r.collection_id = m.collection_id
      WHERE m.resource_id = d.cm_resource_id AND r.rule_type = 'device_category')`,
  owner_user_id: `SELECT count(*) FROM devices d WHERE d.owner_user_id IS NOT coalesce(d.primary_user_id,
      (SELECT CASE WHEN count(DISTINCT a.user_id) = 1 THEN min(a.user_id) END FROM user_device_affinity a
       WHERE a.user_id IS NOT NULL AND a.is_primary = 1 AND a.relation_active = 1 AND (a.device_id = d.id OR a.device_resource_id = d.cm_resource_id)))`,
  owner_conflict: `SELECT count(*) FROM devices d WHERE d.owner_conflict <> ((SELECT count(DISTINCT who) FROM (
      SELECT CASE WHEN d.primary_user_id IS NOT NULL THEN 'user:' || d.primary_user_id ELSE 'upn:' || lower(d.primary_user_upn) END AS who
      WHERE d.primary_user_id IS NOT NULL OR trim(d.primary_user_upn) <> ''
      UNION ALL SELECT 'user:' || a.user_id FROM user_device_affinity a
      WHERE a.user_id IS NOT NULL AND a.is_primary = 1 AND a.relation_active = 1 AND (a.device_id = d.id OR a.device_resource_id = d.cm_resource_id))) > 1)`,
};

function mismatches(snapshot: Snapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(MISMATCHES).map(([column, sql]) => [column, snapshot.db.prepare(sql).pluck().get() as number]));
}

function counts(snapshot: Snapshot) {
  return snapshot.db
    .prepare(
      `SELECT (SELECT sum(intune_a_enabled) FROM users) AS licensed, (SELECT sum(has_primary_affinity) FROM devices) AS withAffinity,
              (SELECT sum(in_category_collection) FROM devices) AS inCategoryCollection,
              (SELECT count(owner_user_id) FROM devices) AS withOwner`,
    )
    .get() as { licensed: number; withAffinity: number; inCategoryCollection: number; withOwner: number };
}

const NONE = { intune_a_enabled: 0, has_primary_affinity: 0, in_category_collection: 0, owner_user_id: 0, owner_conflict: 0 };

describe('derived facts', () => {
  it('the demo generator writes every fact with its row as its definition says, and each occurs', () => {
    const snapshot = openSnapshot(join(dir(), 'demo.mdmsnap'), { create: true });
    generateDemoTenant(snapshot, { devices: 2000, seed: 3 });
    expect(mismatches(snapshot)).toEqual(NONE);
    const { licensed, withAffinity, inCategoryCollection } = counts(snapshot);
    expect(licensed).toBeGreaterThan(0);
    expect(withAffinity).toBeGreaterThan(0);
    expect(inCategoryCollection).toBeGreaterThan(0);
    snapshot.close();
  });

  it('a refresh follows changed inputs both ways and writes only the rows that change', () => {
    const snapshot = openSnapshot(join(dir(), 'demo.mdmsnap'), { create: true });
    generateDemoTenant(snapshot, { devices: 500, seed: 4 });
    const db = snapshot.db;
    db.exec(`UPDATE user_service_plans SET capability_status = 'Suspended' WHERE user_id IN (SELECT id FROM users WHERE intune_a_enabled = 1 LIMIT 5)`);
    db.exec(`UPDATE user_device_affinity SET relation_active = 0 WHERE id IN (SELECT id FROM user_device_affinity WHERE is_primary = 1 LIMIT 7)`);
    db.exec(`UPDATE collection_rules SET rule_type = 'direct' WHERE rule_type = 'device_category'`);
    // Intune names another user than the affinity: a new owner, and a conflict between the sources.
    db.exec(`UPDATE devices SET primary_user_id = (SELECT max(id) FROM users), primary_user_upn = (SELECT upn FROM users ORDER BY id DESC LIMIT 1)
             WHERE id IN (SELECT id FROM devices WHERE owner_user_id IS NOT NULL AND owner_user_id <> (SELECT max(id) FROM users) LIMIT 6)`);
    db.exec(`INSERT INTO user_service_plans (user_id, service_plan_id, capability_status)
             SELECT id, '${SERVICE_PLANS.INTUNE_A.id.toUpperCase()}', 'Enabled' FROM users WHERE intune_a_enabled = 0 LIMIT 3
             ON CONFLICT DO UPDATE SET capability_status = 'Enabled'`);
    expect(Object.values(mismatches(snapshot)).every((n) => n > 0)).toBe(true);

    refreshDerivedFacts(db);
    expect(mismatches(snapshot)).toEqual(NONE);
    expect(counts(snapshot).inCategoryCollection).toBe(0);
    const written = db.prepare('SELECT total_changes()').pluck();
    const before = written.get();
    refreshDerivedFacts(db);
    expect(written.get()).toBe(before);
    snapshot.close();
  });

  it('finds the rows that lost a fact through the index of the rows that hold it, not by reading every row', () => {
    const snapshot = openSnapshot(join(dir(), 'plan.mdmsnap'), { create: true });
    const statements: string[] = [];
    refreshDerivedFacts({ prepare: (sql: string) => (statements.push(sql), snapshot.db.prepare(sql)) } as unknown as SqliteDatabase);
    const losing = statements.filter((sql) => / SET \w+ = 0 /.test(sql));
    expect(losing).toHaveLength(3);
    const plan = (sql: string) => (snapshot.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).pluck(false).all() as { detail: string }[]).map((row) => row.detail);
    for (const sql of losing) {
      const [column] = /(?<= SET )\w+/.exec(sql)!;
      expect(plan(sql)[0]).toMatch(new RegExp(`^SEARCH \\w+ USING (COVERING )?INDEX \\w+_${column} `));
    }
    // The owner's first pass reads the devices that hold an owner or a conflict through their two indexes.
    const ownerPass = (where: string) => plan(statements.find((sql) => sql.includes(`WHERE ${where}`))!)[0];
    expect(ownerPass('owner_user_id > 0')).toMatch(/^SEARCH devices USING (COVERING )?INDEX devices_owner_user /);
    expect(ownerPass('owner_conflict = 1')).toMatch(/^SEARCH devices USING (COVERING )?INDEX devices_owner_conflict /);
    snapshot.close();
  });

  it('opening a schema v2 snapshot computes the facts for the rows it already holds', () => {
    const path = join(dir(), 'old.mdmsnap');
    const created = openSnapshot(path, { create: true });
    generateDemoTenant(created, { devices: 800, seed: 5 });
    const expected = counts(created);
    // Back to what a v2 app wrote: no derived columns, and v2's device indexes (v4 and v5 changed them).
    for (const name of created.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'fact_written_%'`).pluck().all()) {
      created.db.exec(`DROP TRIGGER ${name as string}`);
    }
    created.db.exec(`DROP INDEX users_intune_a_enabled; DROP INDEX devices_has_primary_affinity; DROP INDEX devices_in_category_collection;
      DROP INDEX devices_owner_user; DROP INDEX devices_owner_conflict;
      ALTER TABLE devices DROP COLUMN owner_user_id; ALTER TABLE devices DROP COLUMN owner_conflict;
      ALTER TABLE users DROP COLUMN intune_a_enabled;
      ALTER TABLE devices DROP COLUMN has_primary_affinity;
      ALTER TABLE devices DROP COLUMN in_category_collection;
      ALTER TABLE import_batches DROP COLUMN date_order;
      ALTER TABLE import_batches DROP COLUMN date_order_from;
      DROP INDEX devices_primary_user_upn;
      CREATE INDEX devices_ownership ON devices(ownership);
      DROP INDEX devices_imei; CREATE INDEX devices_imei ON devices(imei);
      DROP INDEX devices_meid; CREATE INDEX devices_meid ON devices(meid);
      DROP INDEX devices_enrolled_by; CREATE INDEX devices_enrolled_by ON devices(enrolled_by_user_id);
      DROP INDEX devices_platform; CREATE INDEX devices_platform ON devices(platform, os_version);
      DROP TABLE wave_checks; DROP TABLE wave_users; DROP TABLE waves; DROP TABLE wizard_overrides; DROP TABLE wizard_checks;
      DROP TABLE wizard_events; DROP TABLE wizard_state; DROP TABLE tenant_fact_sources; ALTER TABLE tenant DROP COLUMN switch_procedure;
      ALTER TABLE engagement DROP COLUMN playbook_id; ALTER TABLE engagement DROP COLUMN playbook_version;
      DROP TABLE reconciliation_devices; DROP TABLE reconciliation_batches; ALTER TABLE engagement DROP COLUMN redaction_secret;
      PRAGMA user_version = 2;`);
    created.close();

    const reopened = openSnapshot(path, { mustExist: true });
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(mismatches(reopened)).toEqual(NONE);
    expect(counts(reopened)).toEqual(expected);
    reopened.close();
  });
});
