import type { SqliteDatabase } from '../../snapshot/openSnapshot.js';
import type { RemovedRows as ContractRemovedRows } from '../../../contract/imports.js';
import type { ImportKind } from '../kinds/importKind.js';

/** Rows an import would remove that an earlier import brought in: "devices (intune)", "collections"… and how many. */
export type RemovedRows = Readonly<ContractRemovedRows>;

/**
 * Rows a re-import replaces, each with the key that names the same row across imports (a
 * row removed and written again gets a new id). A kind's clear() or finish() removes rows of
 * the tracked sets its id is listed in; `@sources` are the sources of those kinds in the import.
 */
const REPLACED_SETS: readonly { readonly kinds: readonly string[]; readonly keys: string }[] = [
  {
    kinds: ['intune-devices', 'graph-managed-devices', 'cm-devices'],
    keys: `SELECT 'devices (' || s.source || ')', coalesce(CASE s.source WHEN 'configmgr' THEN d.cm_resource_id ELSE d.intune_device_id END, d.serial_number, d.name)
           FROM device_sources s JOIN devices d ON d.id = s.device_id WHERE s.source IN (SELECT value FROM json_each(@sources))`,
  },
  {
    kinds: ['graph-users', 'entra-users', 'm365-users', 'cm-users'],
    keys: `SELECT 'users (' || s.source || ')', coalesce(lower(u.upn), u.entra_object_id, u.cm_resource_id, lower(u.cm_unique_user_name))
           FROM user_sources s JOIN users u ON u.id = s.user_id WHERE s.source IN (SELECT value FROM json_each(@sources))`,
  },
  { kinds: ['cm-collections'], keys: `SELECT 'collections', collection_id FROM collections` },
  { kinds: ['cm-collection-members'], keys: `SELECT 'collection members', collection_id || ':' || resource_id FROM collection_members` },
  { kinds: ['cm-affinity'], keys: `SELECT 'user device affinities', device_resource_id || ':' || lower(unique_user_name) FROM user_device_affinity` },
  {
    kinds: ['cm-rules-direct', 'cm-rules-query', 'cm-collection-dependencies', 'template-collection-rules'],
    keys: `SELECT 'collection rules', collection_id || ':' || rule_type || ':' || coalesce(resource_id, query_expression, referenced_collection_id, device_category_id, rule_name, '') FROM collection_rules`,
  },
  { kinds: ['graph-device-categories'], keys: `SELECT 'device categories', id FROM device_categories` },
  {
    kinds: ['graph-apns', 'graph-dep', 'graph-vpp', 'template-apple-tokens'],
    keys: `SELECT 'Apple tokens', 'apns:' || id FROM apns_certificates UNION ALL SELECT 'Apple tokens', 'dep:' || id FROM dep_tokens
           UNION ALL SELECT 'Apple tokens', 'vpp:' || id FROM vpp_tokens`,
  },
];

/**
 * Notes, inside the import's transaction and before any kind clears, the rows the import's
 * kinds may replace; `removed()`, once every file is written, counts those now gone. The
 * keys go into a TEMP table, which lives outside the snapshot file. Only the sets the
 * import's kinds touch are noted, so importing categories does not read every device. The
 * first import of a source notes nothing; a re-import costs one scan and one EXCEPT per set,
 * small beside the import itself.
 */
export function noteReplaceableRows(db: SqliteDatabase, kinds: readonly ImportKind[]): { removed(): RemovedRows[] } {
  // `key` has no type, so no affinity: a ResourceID stays the integer the later query reads.
  db.exec('CREATE TEMP TABLE IF NOT EXISTS import_previous_rows (set_no INTEGER NOT NULL, what TEXT NOT NULL, key)');
  db.prepare('DELETE FROM temp.import_previous_rows').run();
  const sets = REPLACED_SETS.flatMap((set, index) => {
    const sources = [...new Set(kinds.filter((kind) => set.kinds.includes(kind.id)).map((kind) => kind.source))];
    if (sources.length === 0) return [];
    const params = { set: index, ...(set.keys.includes('@sources') ? { sources: JSON.stringify(sources) } : {}) };
    return [
      {
        params,
        note: db.prepare(`INSERT INTO temp.import_previous_rows (set_no, what, key) SELECT @set, * FROM (${set.keys})`),
        gone: db.prepare(`SELECT what, count(*) AS rows FROM (SELECT what, key FROM temp.import_previous_rows WHERE set_no = @set EXCEPT SELECT * FROM (${set.keys})) GROUP BY what`),
      },
    ];
  });
  for (const { params, note } of sets) note.run(params);
  return {
    removed() {
      const removed = sets.flatMap(({ params, gone }) => gone.all(params) as RemovedRows[]);
      db.prepare('DELETE FROM temp.import_previous_rows').run();
      return removed;
    },
  };
}
