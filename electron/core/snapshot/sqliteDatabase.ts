import type Database from 'better-sqlite3';

/**
 * A snapshot's open connection. Its own module, so that what openSnapshot runs on a freshly
 * migrated file (the derived facts) can name the type without importing openSnapshot back.
 */
export type SqliteDatabase = Database.Database;

/**
 * A statement's rows as plain objects, built here from better-sqlite3's raw arrays. Its own
 * row objects name every column of every row through V8's C++ API (internalizing the name each
 * time), which for lists of hundreds of thousands of rows costs more than reading them; the
 * objects built here share one shape.
 */
export function* iterateRows<Row>(statement: Database.Statement, params: unknown = {}): Generator<Row> {
  const names = statement.columns().map((column) => column.name);
  for (const values of statement.raw(true).iterate(params) as IterableIterator<unknown[]>) {
    const row: Record<string, unknown> = {};
    for (let index = 0; index < names.length; index++) row[names[index]!] = values[index];
    yield row as Row;
  }
}
