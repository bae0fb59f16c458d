import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../electron/core/errors.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/snapshot/migrations/index.js';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { SNAPSHOT_APPLICATION_ID } from '../../../electron/core/snapshot/snapshotFileHeader.js';
import { BAD_SNAPSHOT_CASES } from '../../support/badSnapshotFiles.js';
import { sha256OfFile } from '../../support/fileHash.js';
import { useTempDir } from '../../support/tempDir.js';

/** A snapshot file as a build at schema `version` wrote it, still open for the test to fill. */
function databaseAtSchema(path: string, version: number): Database.Database {
  const db = new Database(path);
  db.pragma(`application_id = ${SNAPSHOT_APPLICATION_ID}`);
  for (const migration of MIGRATIONS.filter((m) => m.version <= version)) db.exec(migration.sql);
  db.pragma(`user_version = ${version}`);
  return db;
}

describe('openSnapshot', () => {
  const tempDir = useTempDir();

  it('creates a snapshot with a rollback journal, foreign keys, the application id and the latest schema', () => {
    const path = join(tempDir(), 'new.mdmsnap');
    const snapshot = openSnapshot(path, { create: true, now: () => new Date('2026-01-02T03:04:05Z') });
    expect(snapshot.db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(snapshot.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(snapshot.db.pragma('page_size', { simple: true })).toBe(32768);
    expect(snapshot.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(snapshot.db.pragma('application_id', { simple: true })).toBe(SNAPSHOT_APPLICATION_ID);
    expect(snapshot.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const engagement = snapshot.db.prepare('SELECT created_at, created_by_app_version FROM engagement').get() as Record<string, string>;
    expect(engagement.created_at).toBe('2026-01-02T03:04:05.000Z');
    expect(engagement.created_by_app_version).toMatch(/^\d+\.\d+\.\d+/);
    snapshot.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('keeps every commit in the file itself, so a copy taken while the app is open is complete', () => {
    const path = join(tempDir(), 'open.mdmsnap');
    const snapshot = openSnapshot(path, { create: true });
    snapshot.db.prepare("UPDATE engagement SET customer = 'Contoso'").run();
    const copy = join(tempDir(), 'copy.mdmsnap');
    copyFileSync(path, copy);
    expect(existsSync(`${path}-wal`)).toBe(false);
    const copied = openSnapshot(copy, { mustExist: true });
    expect(copied.db.prepare('SELECT customer FROM engagement').pluck().get()).toBe('Contoso');
    copied.close();
    snapshot.close();
  });

  it('converts a snapshot an earlier build left in WAL mode, with the commits still in its WAL', () => {
    const path = join(tempDir(), 'wal.mdmsnap');
    openSnapshot(path, { create: true }).close();
    const earlier = new Database(path);
    earlier.pragma('journal_mode = WAL');
    earlier.pragma('wal_autocheckpoint = 0');
    earlier.prepare("UPDATE engagement SET customer = 'Fabrikam'").run();
    // Simulate the earlier build exiting without a checkpoint: copy the file and its WAL.
    const copy = join(tempDir(), 'wal-copy.mdmsnap');
    copyFileSync(path, copy);
    copyFileSync(`${path}-wal`, `${copy}-wal`);
    earlier.close();
    const reopened = openSnapshot(copy, { mustExist: true });
    expect(reopened.db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(reopened.db.prepare('SELECT customer FROM engagement').pluck().get()).toBe('Fabrikam');
    reopened.close();
    expect(existsSync(`${copy}-wal`)).toBe(false);
  });

  it('reopens an existing snapshot with its data', () => {
    const path = join(tempDir(), 'again.mdmsnap');
    const first = openSnapshot(path, { create: true });
    first.db.prepare("UPDATE engagement SET customer = 'Fabrikam'").run();
    first.close();
    const second = openSnapshot(path, { mustExist: true });
    expect((second.db.prepare('SELECT customer FROM engagement').get() as { customer: string }).customer).toBe('Fabrikam');
    second.close();
  });

  it('opens a second, read-only connection that reads while the first one is mid-read, and writes nothing', () => {
    const path = join(tempDir(), 'shared.mdmsnap');
    const first = openSnapshot(path, { create: true });
    first.db.prepare("UPDATE engagement SET customer = 'Fabrikam'").run();
    const rows = first.db.prepare('SELECT name FROM sqlite_schema').iterate();
    rows.next();
    const before = sha256OfFile(path);
    // A writing open would wait for the first connection's read here and fail with SQLITE_BUSY.
    const second = openSnapshot(path, { readOnly: true });
    expect((second.db.prepare('SELECT customer FROM engagement').get() as { customer: string }).customer).toBe('Fabrikam');
    expect(() => second.db.prepare("UPDATE engagement SET customer = 'x'").run()).toThrow(/readonly/);
    second.close();
    rows.return?.();
    first.close();
    expect(sha256OfFile(path)).toBe(before);
    expect(() => openSnapshot(join(tempDir(), 'none.mdmsnap'), { readOnly: true })).toThrow(/no such file/);
  });

  it('reads a snapshot without writing only at the latest schema', () => {
    const path = join(tempDir(), 'old.mdmsnap');
    databaseAtSchema(path, 1).close();
    expect(() => openSnapshot(path, { readOnly: true })).toThrow(/must be migrated/);
  });

  it('refuses a missing file unless asked to create it', () => {
    const path = join(tempDir(), 'missing.mdmsnap');
    expect(() => openSnapshot(path)).toThrow(/no such file/);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a folder', () => {
    expect(() => openSnapshot(tempDir(), { mustExist: true })).toThrow(/is a folder/);
  });

  it('refuses an empty file', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = join(tempDir(), 'empty.mdmsnap');
    writeFileSync(path, '');
    expect(() => openSnapshot(path, { mustExist: true })).toThrow(/is empty/);
  });

  for (const badCase of BAD_SNAPSHOT_CASES) {
    it(`refuses ${badCase.name} with a clear message and leaves it byte-identical`, () => {
      const path = badCase.make(tempDir());
      const before = sha256OfFile(path);
      let caught: unknown;
      try {
        openSnapshot(path, { mustExist: true });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UserFacingError);
      expect((caught as UserFacingError).code).toBe(badCase.code);
      expect((caught as UserFacingError).message).toContain(badCase.messagePart);
      expect((caught as UserFacingError).message).toContain(path.split('/').pop());
      expect(sha256OfFile(path)).toBe(before);
    });
  }

  it('keeps the audit log append-only', () => {
    const snapshot = openSnapshot(join(tempDir(), 'audit.mdmsnap'), { create: true });
    snapshot.audit('tester', 'test.action', 'subject', { a: 1 });
    expect(() => snapshot.db.prepare('UPDATE audit_log SET action = ?').run('changed')).toThrow(/append-only/);
    expect(() => snapshot.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(snapshot.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    snapshot.close();
  });

  it('applies migrations in order, each recorded in user_version', () => {
    const versions = MIGRATIONS.map((migration) => migration.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions[0]).toBe(1);
  });

  it('upgrades a snapshot written at schema 1 to the latest schema', () => {
    const path = join(tempDir(), 'v1.mdmsnap');
    const db = databaseAtSchema(path, 1);
    db.prepare("INSERT INTO engagement (id, customer, created_at, created_by_app_version, last_written_app_version) VALUES (1, 'Old', '2026-01-01', '0.0.1', '0.0.1')").run();
    db.close();
    const snapshot = openSnapshot(path, { mustExist: true });
    expect(snapshot.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect((snapshot.db.prepare('SELECT customer FROM engagement').get() as { customer: string }).customer).toBe('Old');
    snapshot.close();
  });

  it('gives every snapshot, new or upgraded, its own random secret for the pseudonyms of redacted reports', () => {
    const path = join(tempDir(), 'v12.mdmsnap');
    const db = databaseAtSchema(path, 12);
    db.prepare("INSERT INTO engagement (id, customer, created_at, created_by_app_version, last_written_app_version) VALUES (1, 'Old', '2026-01-01', '0.0.1', '0.0.1')").run();
    db.close();
    const secrets = [path, join(tempDir(), 'new-a.mdmsnap'), join(tempDir(), 'new-b.mdmsnap')].map((file) => {
      const snapshot = openSnapshot(file, { create: true });
      const secret = snapshot.db.prepare('SELECT redaction_secret FROM engagement WHERE id = 1').pluck().get() as Buffer;
      snapshot.close();
      return secret;
    });
    for (const secret of secrets) expect(secret).toHaveLength(32);
    expect(new Set(secrets.map((secret) => secret.toString('hex'))).size).toBe(3);
  });

  it('rebuilds the devices table at schema 6 without losing a device or a reference to one', () => {
    const path = join(tempDir(), 'v5.mdmsnap');
    const db = databaseAtSchema(path, 5);
    db.pragma('foreign_keys = ON');
    db.exec(`
      INSERT INTO users (id, upn) VALUES (1, 'ada@contoso.com');
      INSERT INTO devices (id, intune_device_id, cm_resource_id, name, platform, primary_user_id, has_primary_affinity)
        VALUES (7, 'ca1bf912-0297-af1d-9052-4664b7b98adc', 16777220, 'PC-7', 'windows', 1, 1), (9, NULL, 16777221, 'PC-9', 'windows', NULL, 0);
      INSERT INTO device_sources (device_id, source) VALUES (7, 'intune'), (7, 'configmgr'), (9, 'configmgr');
      INSERT INTO user_device_affinity (device_id, device_resource_id, unique_user_name, user_id, is_primary) VALUES (7, 16777220, 'CONTOSO\\ada', 1, 1);
    `);
    const before = {
      devices: db.prepare('SELECT * FROM devices ORDER BY id').all(),
      sources: db.prepare('SELECT * FROM device_sources ORDER BY device_id, source').all(),
      affinity: db.prepare('SELECT * FROM user_device_affinity').all(),
    };
    db.close();

    const snapshot = openSnapshot(path, { mustExist: true });
    const after = snapshot.db;
    expect(snapshot.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    // Dropping the old table did not cascade into the tables that reference it.
    // Later migrations add derived columns: the v5 columns are compared, and the derived owner checked.
    const v5Columns = Object.keys(before.devices[0] as object);
    const devicesAfter = after.prepare('SELECT * FROM devices ORDER BY id').all() as Record<string, unknown>[];
    expect(devicesAfter.map((row) => Object.fromEntries(v5Columns.map((column) => [column, row[column]])))).toEqual(before.devices);
    expect(devicesAfter.map((row) => row.owner_user_id)).toEqual([1, null]);
    expect(after.prepare('SELECT * FROM device_sources ORDER BY device_id, source').all()).toEqual(before.sources);
    expect(after.prepare('SELECT * FROM user_device_affinity').all()).toEqual(before.affinity);
    expect(after.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(after.pragma('foreign_key_check')).toEqual([]);
    // The references still hold: deleting a device cascades to its sources again.
    after.prepare('DELETE FROM devices WHERE id = 9').run();
    expect(after.prepare('SELECT count(*) FROM device_sources WHERE device_id = 9').pluck().get()).toBe(0);
    // Uniqueness is now a named index (which bulk imports defer), and it still refuses a duplicate.
    expect(after.prepare("SELECT sql FROM sqlite_schema WHERE name = 'devices_intune_device_id'").pluck().get()).toMatch(/CREATE UNIQUE INDEX/);
    expect(() => after.prepare("INSERT INTO devices (intune_device_id) VALUES ('ca1bf912-0297-af1d-9052-4664b7b98adc')").run()).toThrow(/UNIQUE/);
    expect(() => after.prepare('INSERT INTO devices (cm_resource_id) VALUES (16777220)').run()).toThrow(/UNIQUE/);
    // Every device index of v5 is back, with v7's and v8's.
    const indexes = after.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'devices' AND sql IS NOT NULL ORDER BY name").pluck().all();
    expect(indexes).toEqual([
      'devices_category', 'devices_compliance', 'devices_enrolled_by', 'devices_enrollment_type', 'devices_has_primary_affinity', 'devices_imei',
      'devices_in_category_collection', 'devices_intune_device_id', 'devices_last_check_in', 'devices_management_agent', 'devices_meid', 'devices_name',
      'devices_owner_conflict', 'devices_owner_user', 'devices_platform', 'devices_primary_user', 'devices_primary_user_upn', 'devices_serial',
    ]);
    snapshot.close();
  });

  it('still opens a schema 5 snapshot that already held a reference pointing nowhere (written with foreign keys off)', () => {
    const path = join(tempDir(), 'v5-dangling.mdmsnap');
    const db = databaseAtSchema(path, 5);
    db.pragma('foreign_keys = OFF');
    db.exec(`INSERT INTO devices (id, name) VALUES (1, 'PC-1'); INSERT INTO device_sources (device_id, source) VALUES (1, 'intune'), (99, 'intune');`);
    db.close();
    const snapshot = openSnapshot(path, { mustExist: true });
    expect(snapshot.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(snapshot.db.prepare('SELECT device_id FROM device_sources ORDER BY device_id').pluck().all()).toEqual([1, 99]);
    snapshot.close();
  });
});
