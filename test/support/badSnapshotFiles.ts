import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoTenant } from '../../electron/core/demo/generateDemoTenant.js';
import { openSnapshot } from '../../electron/core/snapshot/openSnapshot.js';
import { SNAPSHOT_APPLICATION_ID } from '../../electron/core/snapshot/snapshotFileHeader.js';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/snapshot/migrations/index.js';

export interface BadSnapshotCase {
  readonly name: string;
  readonly code: string;
  readonly messagePart: string;
  make(dir: string): string;
}

/** The four kinds of file the app must refuse, each left byte-identical. */
export const BAD_SNAPSHOT_CASES: readonly BadSnapshotCase[] = [
  {
    name: 'a file that is not SQLite',
    code: 'not_sqlite',
    messagePart: 'is not an MDM Migration Assistant snapshot: it is not a SQLite database',
    make(dir) {
      const path = join(dir, 'devices.mdmsnap');
      writeFileSync(path, 'Device name,Serial number\r\nLAPTOP-1,ABC123\r\n');
      return path;
    },
  },
  {
    name: 'a truncated snapshot',
    code: 'truncated',
    messagePart: 'is truncated',
    make(dir) {
      const whole = join(dir, 'whole.mdmsnap');
      const snapshot = openSnapshot(whole, { create: true });
      generateDemoTenant(snapshot, { devices: 300, seed: 7 });
      snapshot.close();
      const bytes = readFileSync(whole);
      const path = join(dir, 'truncated.mdmsnap');
      writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2) + 100));
      return path;
    },
  },
  {
    name: 'a SQLite database that is not a snapshot',
    code: 'not_a_snapshot',
    messagePart: 'is a SQLite database but not an MDM Migration Assistant snapshot',
    make(dir) {
      const path = join(dir, 'other.mdmsnap');
      const db = new Database(path);
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'hello\');');
      db.close();
      return path;
    },
  },
  {
    name: 'a snapshot from a newer schema',
    code: 'newer_schema',
    messagePart: 'was written by a newer version of MDM Migration Assistant',
    make(dir) {
      const path = join(dir, 'future.mdmsnap');
      const db = new Database(path);
      db.pragma(`application_id = ${SNAPSHOT_APPLICATION_ID}`);
      db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      db.exec('CREATE TABLE engagement (id INTEGER PRIMARY KEY)');
      db.close();
      return path;
    },
  },
];
