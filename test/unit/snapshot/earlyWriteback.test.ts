import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWriteback } from '../../../electron/core/snapshot/earlyWriteback.js';
import { useTempDir } from '../../support/tempDir.js';

/** What another process gets when it asks for the database's write lock: SQLite locks are per process, so only a process shows them. */
function writeLockFromAnotherProcess(path: string): string {
  const script = `const Database = require('better-sqlite3');
    const db = new Database(process.argv[1], { timeout: 0 });
    try { db.exec('BEGIN IMMEDIATE'); db.exec('ROLLBACK'); console.log('granted'); } catch (error) { console.log(error.code); }`;
  return execFileSync(process.execPath, ['-e', script, path], { cwd: process.cwd(), encoding: 'utf8' }).trim();
}

const openDescriptors = () => readdirSync('/proc/self/fd').length;

describe('startWriteback', () => {
  const tempDir = useTempDir();

  it("keeps SQLite's lock on the file until it is ended after the transaction, then closes its descriptor", async () => {
    const path = join(tempDir(), 'locked.db');
    const db = new Database(path);
    db.exec('CREATE TABLE t (x)');
    const before = openDescriptors();
    db.exec('BEGIN IMMEDIATE');
    db.prepare('INSERT INTO t VALUES (?)').run('row');
    const end = startWriteback(path);
    // Long enough for the flush itself to be over: the descriptor stays open all the same.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(writeLockFromAnotherProcess(path)).toBe('SQLITE_BUSY');
    db.exec('COMMIT');
    await end();
    expect(openDescriptors()).toBe(before);
    expect(writeLockFromAnotherProcess(path)).toBe('granted');
    db.close();
  });

  it('does nothing, and fails nothing, for a file it cannot open', async () => {
    const end = startWriteback(join(tempDir(), 'missing.db'));
    await expect(end()).resolves.toBeUndefined();
  });
});
