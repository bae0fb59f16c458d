import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { APP_VERSION } from '../appVersion.js';
import { UserFacingError } from '../errors.js';
import { refreshDerivedFacts } from './derivedFacts.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index.js';
import { SNAPSHOT_APPLICATION_ID, assertSchemaVersionSupported, inspectSnapshotFile } from './snapshotFileHeader.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

export type { SqliteDatabase } from './sqliteDatabase.js';

export interface OpenSnapshotOptions {
  /** Electron passes its own-ABI better-sqlite3 build here; Node and tests leave it unset. */
  readonly nativeBinding?: string;
  /** Make a new, empty snapshot when the file does not exist yet. */
  readonly create?: boolean;
  /** Refuse to create: the file must already exist. */
  readonly mustExist?: boolean;
  /**
   * A second, read-only connection to a snapshot this process already opened (the report's
   * worker thread). It writes nothing, not even the no-op upserts of an open, which in rollback
   * journal mode would wait for the other connection's reads to end; the schema must be current.
   */
  readonly readOnly?: boolean;
  readonly now?: () => Date;
}

/** An open `.mdmsnap` file. Owns its better-sqlite3 connection. */
export class Snapshot {
  constructor(
    readonly path: string,
    readonly db: SqliteDatabase,
  ) {}

  get fileName(): string {
    return basename(this.path);
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /** Appends to the evidence trail. The table refuses edits and deletions. */
  audit(actor: string, action: string, subject: string | null, detail?: unknown): void {
    this.db
      .prepare('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)')
      .run(new Date().toISOString(), actor, action, subject, detail === undefined ? null : JSON.stringify(detail));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Opens a snapshot, or creates one. An existing file is checked from its header before
 * SQLite opens it, so that files this build must refuse (not SQLite, truncated, someone
 * else's database, newer schema) stay byte-identical.
 */
export function openSnapshot(path: string, options: OpenSnapshotOptions = {}): Snapshot {
  const fileExists = existsSync(path);
  if (!fileExists && (options.mustExist || options.readOnly || !options.create)) {
    throw new UserFacingError('file_not_found', `${path}: no such file.`);
  }
  if (fileExists) inspectSnapshotFile(path);

  let db: SqliteDatabase;
  try {
    db = new Database(path, { nativeBinding: options.nativeBinding, readonly: options.readOnly === true });
  } catch (error) {
    throw new UserFacingError('corrupt', `${basename(path)} could not be opened: ${(error as Error).message}`);
  }
  try {
    if (fileExists) verifyOpenedSnapshot(db, basename(path));
    if (options.readOnly) {
      if ((db.pragma('user_version', { simple: true }) as number) !== LATEST_SCHEMA_VERSION) throw new Error(`${basename(path)} must be migrated before it is read without writing.`);
      return new Snapshot(path, db);
    }
    // 32 KB pages for a new file (SQLite's default is 4 KB; an existing file keeps its own):
    // bulk loads and the index rebuilds after them go through fewer, fuller pages, and the
    // readiness queries do not suffer for it (the comparison of page sizes is in
    // docs/benchmarks.md). The price: every table and index has at least one page, so a new,
    // empty snapshot is larger.
    else db.pragma('page_size = 32768');
    applyJournalSettings(db);
    db.pragma('foreign_keys = ON');
    // Imports and the demo generator write hundreds of thousands of rows into a dozen indexes;
    // the default 2 MB page cache makes each transaction spill to the journal over and over.
    db.pragma('cache_size = -262144');
    if (!fileExists) db.pragma(`application_id = ${SNAPSHOT_APPLICATION_ID}`);
    migrate(db, (options.now ?? (() => new Date()))());
    return new Snapshot(path, db);
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A rollback journal, not the WAL, for two reasons.
 *
 * - The snapshot is a document that consultants copy and hand over while the app may still
 *   have it open. With a rollback journal every committed transaction is in the `.mdmsnap`
 *   itself; with the WAL the newest ones live in a `-wal` file beside it until a checkpoint.
 * - The big writes are bulk loads into a fresh snapshot (the first import of an engagement,
 *   the demo tenant). The WAL writes each of their pages twice, into the WAL and then into
 *   the file at the checkpoint; a rollback journal writes pages beyond the file's old end
 *   straight into the file and journals only the pages that existed before, so a first big
 *   import writes about half as much.
 *
 * synchronous = FULL, because NORMAL is crash-safe only with the WAL. A crash mid-transaction
 * leaves a hot journal that SQLite rolls back on the next open. A snapshot written in WAL mode
 * by an earlier build is converted here (SQLite folds its WAL in first); if another connection
 * holds it open, SQLite keeps the WAL for now, which is slower but equally correct.
 */
function applyJournalSettings(db: SqliteDatabase): void {
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
}

/** The header looked right; now make SQLite read the schema, which exposes corruption. */
function verifyOpenedSnapshot(db: SqliteDatabase, name: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== SNAPSHOT_APPLICATION_ID) {
      throw new UserFacingError('not_a_snapshot', `${name} is a SQLite database but not an MDM Migration Assistant snapshot.`);
    }
    // The WAL may hold a newer user_version than the main file's header showed.
    assertSchemaVersionSupported(name, db.pragma('user_version', { simple: true }) as number);
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError('corrupt', `${name} is damaged and cannot be read (${(error as Error).message}). Restore it from a copy.`);
  }
}

/** References that point nowhere, by table, e.g. `device_sources → devices: 2`. */
function brokenReferences(db: SqliteDatabase): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { table, parent } of db.pragma('foreign_key_check') as { table: string; parent: string }[]) {
    const key = `${table} → ${parent}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Runs a migration that rebuilds a referenced table with foreign key enforcement off (the pragma
 * is a no-op inside a transaction, so it is set around it), and rolls it back if it left more
 * references pointing nowhere than there were. (Only more: a file written with enforcement off,
 * as the demo generator writes, may hold some already, and must still open.)
 */
function migrateRebuildingTable(db: SqliteDatabase, migration: Migration): void {
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      const before = brokenReferences(db);
      db.exec(migration.sql);
      for (const [references, count] of brokenReferences(db)) {
        if (count > (before.get(references) ?? 0)) throw new Error(`migration ${migration.version} would leave ${count} ${references} reference(s) pointing nowhere`);
      }
      db.pragma(`user_version = ${migration.version}`);
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function migrate(db: SqliteDatabase, now: Date): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = MIGRATIONS.filter((migration) => migration.version > current);
  for (const migration of pending) {
    if (migration.rebuildsReferencedTable) {
      migrateRebuildingTable(db, migration);
      continue;
    }
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  if (pending.some((migration) => migration.refreshesDerivedFacts)) db.transaction(() => refreshDerivedFacts(db))();
  db.prepare(
    `INSERT INTO engagement (id, created_at, created_by_app_version, last_written_app_version, redaction_secret)
     VALUES (1, ?, ?, ?, randomblob(32))
     ON CONFLICT (id) DO NOTHING`,
  ).run(now.toISOString(), APP_VERSION, APP_VERSION);
  db.prepare('INSERT INTO tenant (id) VALUES (1) ON CONFLICT (id) DO NOTHING').run();
  if (current < LATEST_SCHEMA_VERSION) {
    db.prepare('UPDATE engagement SET last_written_app_version = ? WHERE id = 1').run(APP_VERSION);
  }
}
