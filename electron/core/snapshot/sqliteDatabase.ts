import type Database from 'better-sqlite3';

/**
 * A snapshot's open connection. Its own module, so that what openSnapshot runs on a freshly
 * migrated file (the derived facts) can name the type without importing openSnapshot back.
 */
export type SqliteDatabase = Database.Database;
