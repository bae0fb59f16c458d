import { createHash } from 'node:crypto';
import { Utf8Chunks } from '../chunkedWriter.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';

/** Bytes fed to the hash per update: large enough that the per-call cost vanishes, small enough to stay flat in memory. */
const CHUNK = 1 << 20;

/**
 * The snapshot's content hash, printed on every report so a reader can tell which data it
 * came from. It hashes what the snapshot holds, not the file's bytes: the same rows give the
 * same hash whatever the page layout, free-list or journal mode (a VACUUM or a copy changes
 * the bytes, not the content).
 *
 * Definition (sha256 over UTF-8 text): `schema <user_version>\n`, then for every table in name
 * order (SQLite's own `sqlite_*` tables excluded) `table <name> <column,column,…>\n` and one
 * line per row, in primary-key order (rowid for rowid tables), holding the row's values as SQL
 * literals (SQLite's `quote()`: NULL, numbers, 'text' with quotes doubled, X'blob') joined by
 * commas. SQLite builds each line, so a row crosses into JavaScript as one string, not one
 * value per column; `concat_ws` joins a row's values in one step, where a chain of `||` would
 * copy the growing line once per column.
 */
export function snapshotContentHash(snapshot: Snapshot): string {
  const db = snapshot.db;
  const hash = createHash('sha256');
  const text = new Utf8Chunks(CHUNK);
  const push = (line: string) => {
    const full = text.add(line);
    if (full) hash.update(full);
  };
  push(`schema ${db.pragma('user_version', { simple: true }) as number}\n`);
  const tables = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`).all() as { name: string; sql: string }[];
  for (const table of tables) {
    const columns = db.prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(table.name) as { name: string; pk: number }[];
    const keys = columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk);
    const withoutRowid = /\)\s*WITHOUT\s+ROWID\s*$/i.test(table.sql);
    const order = keys.length > 0 && (withoutRowid || keys.length > 1) ? keys.map((key) => quote(key.name)).join(', ') : keys.length === 1 ? quote(keys[0]!.name) : 'rowid';
    push(`table ${table.name} ${columns.map((column) => column.name).join(',')}\n`);
    // Names come from the schema itself, never from input.
    const rows = db.prepare(`SELECT concat_ws(',', ${columns.map((column) => `quote(${quote(column.name)})`).join(', ')}) || char(10) FROM ${quote(table.name)} ORDER BY ${order}`).pluck(true);
    for (const line of rows.iterate() as IterableIterator<string>) push(line);
  }
  const rest = text.take();
  if (rest) hash.update(rest);
  return hash.digest('hex');
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
