import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../electron/core/errors.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/snapshot/migrations.js';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { SNAPSHOT_APPLICATION_ID } from '../../../electron/core/snapshot/snapshotFileHeader.js';
import { BAD_SNAPSHOT_CASES } from '../../support/badSnapshotFiles.js';
import { sha256OfFile } from '../../support/fileHash.js';
import { useTempDir } from '../../support/tempDir.js';

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
    const db = new Database(path);
    db.pragma(`application_id = ${SNAPSHOT_APPLICATION_ID}`);
    db.exec(MIGRATIONS[0]!.sql);
    db.pragma('user_version = 1');
    db.prepare("INSERT INTO engagement (id, customer, created_at, created_by_app_version, last_written_app_version) VALUES (1, 'Old', '2026-01-01', '0.0.1', '0.0.1')").run();
    db.close();
    const snapshot = openSnapshot(path, { mustExist: true });
    expect(snapshot.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect((snapshot.db.prepare('SELECT customer FROM engagement').get() as { customer: string }).customer).toBe('Old');
    snapshot.close();
  });
});
