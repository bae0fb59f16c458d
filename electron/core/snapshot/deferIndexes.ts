import type { SqliteDatabase } from './openSnapshot.js';

/**
 * Drops the tables' secondary indexes (except those named in `keep`, which the load itself
 * queries) and returns the function that rebuilds them. An index built once from sorted keys
 * is written page by page in order, where a dozen b-trees updated row by row each take a
 * random page for every row. Call it inside the load's
 * transaction: the drop, the load and the rebuild then commit or roll back together, so a
 * failed load never leaves a snapshot without its indexes. Importers, whose load is async
 * (streamed files), call this directly; synchronous loads use withIndexesDeferred.
 */
export function deferIndexes(db: SqliteDatabase, tables: readonly string[], keep: readonly string[] = []): () => void {
  if (!db.inTransaction) throw new Error('deferIndexes must run inside a transaction');
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema
       WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))
         AND name NOT IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(tables), JSON.stringify(keep)) as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
  return () => {
    for (const index of indexes) db.exec(index.sql);
  };
}

/** Runs a synchronous bulk load with the tables' secondary indexes deferred (see deferIndexes). */
export function withIndexesDeferred<T>(db: SqliteDatabase, tables: readonly string[], load: () => T): T {
  const restore = deferIndexes(db, tables);
  const result = load();
  restore();
  return result;
}
