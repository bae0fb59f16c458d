import type { CsvRowKind, WriteContext } from './importKind.js';
import type { RowIssues } from './rowTypes.js';
import { flagOf, integerOf } from './labelMaps.js';

/** The collection IDs an import has seen, so a re-import can drop collections no longer listed. */
function seenCollections(context: WriteContext): Set<string> {
  return context.perImport('cm-collections.seen', () => new Set<string>());
}

/** Members and rules need their collection: SQLite enforces the foreign key. */
export function collectionGuard(context: WriteContext) {
  const exists = context.db.prepare('SELECT 1 FROM collections WHERE collection_id = ?').pluck();
  return (collectionId: string, issues: RowIssues, column: string): boolean => {
    if (exists.get(collectionId)) return true;
    issues.reject(column, `collection ${collectionId} is not in the snapshot: import the collections export (Get-CMCollection or v_Collections) first, or in the same import`);
    return false;
  };
}

const COLLECTION_COLUMNS = {
  collectionId: { headers: ['CollectionID', 'SiteID'], required: true },
  name: { headers: ['Name', 'CollectionName'], required: true },
  collectionType: { headers: ['CollectionType'] },
  limitTo: { headers: ['LimitToCollectionID'] },
  memberCount: { headers: ['MemberCount'] },
  isBuiltIn: { headers: ['IsBuiltIn'] },
  resourceId: { headers: ['ResourceID'] },
  queryExpression: { headers: ['QueryExpression'] },
  ruleType: { headers: ['RuleType'] },
} as const;

/** SMS_Collection.CollectionType: 0 other, 1 user, 2 device; Get-CMCollection may write the names. */
const COLLECTION_TYPES = new Map([
  ['0', 0],
  ['1', 1],
  ['2', 2],
  ['other', 0],
  ['user', 1],
  ['device', 2],
]);

/** `Get-CMCollection | Export-Csv` and `v_Collection`/`v_Collections` (brief §4c). */
export const configMgrCollectionCsv: CsvRowKind<keyof typeof COLLECTION_COLUMNS> = {
  id: 'cm-collections',
  label: 'Configuration Manager collections (Get-CMCollection or v_Collections)',
  source: 'configmgr',
  order: 30,
  format: 'csv',
  columns: COLLECTION_COLUMNS,
  signature: ['collectionId', 'name', 'limitTo'],
  excludes: ['resourceId', 'queryExpression', 'ruleType'],
  // Collections are upserted rather than deleted first: deleting would cascade to members and
  // rules imported from other files. finish() drops the collections the new export omits.
  clear: () => {},
  finish(context) {
    context.db
      .prepare('DELETE FROM collections WHERE collection_id NOT IN (SELECT value FROM json_each(?))')
      .run(JSON.stringify([...seenCollections(context)]));
  },
  writer(context) {
    const seen = seenCollections(context);
    const upsert = context.db.prepare(
      `INSERT INTO collections (collection_id, name, collection_type, limit_to_collection_id, member_count, is_built_in)
       VALUES (@id, @name, @type, @limitTo, @memberCount, @builtIn)
       ON CONFLICT (collection_id) DO UPDATE SET name = excluded.name, collection_type = excluded.collection_type,
         limit_to_collection_id = excluded.limit_to_collection_id, member_count = excluded.member_count, is_built_in = excluded.is_built_in`,
    );
    return {
      write(row, issues) {
        const id = row.get('collectionId')!;
        const rawType = row.get('collectionType');
        const type = rawType === null ? 0 : COLLECTION_TYPES.get(rawType.toLowerCase());
        if (type === undefined) {
          issues.reject(row.header('collectionType'), `CollectionType "${rawType}" is not 0, 1 or 2`);
          return false;
        }
        if (seen.has(id)) {
          issues.reject(row.header('collectionId'), `collection ${id} appears twice; only the first row is kept`);
          return false;
        }
        seen.add(id);
        upsert.run({
          id,
          name: row.get('name'),
          type,
          limitTo: row.get('limitTo'),
          memberCount: integerOf(row.get('memberCount')),
          // Built-in collections have SMS-prefixed ids (SMS00001 All Systems) when the column is absent.
          builtIn: flagOf(row.get('isBuiltIn')) ?? (id.toUpperCase().startsWith('SMS') ? 1 : 0),
        });
        return true;
      },
    };
  },
};

const MEMBER_COLUMNS = {
  collectionId: { headers: ['CollectionID'], required: true },
  resourceId: { headers: ['ResourceID'], required: true },
  name: { headers: ['Name'] },
  isDirect: { headers: ['IsDirect'] },
  resourceType: { headers: ['ResourceType'] },
  ruleName: { headers: ['RuleName'] },
} as const;

/** SMS_R_System is resource type 5, SMS_R_User 4. */
const RESOURCE_KINDS = new Map([
  ['5', 'device'],
  ['4', 'user'],
] as const);

/** `v_FullCollectionMembership` / SMS_FullCollectionMembership (brief §4c). */
export const configMgrMembershipCsv: CsvRowKind<keyof typeof MEMBER_COLUMNS> = {
  id: 'cm-collection-members',
  label: 'Configuration Manager collection membership (v_FullCollectionMembership)',
  source: 'configmgr',
  order: 40,
  format: 'csv',
  columns: MEMBER_COLUMNS,
  signature: ['collectionId', 'resourceId'],
  excludes: ['ruleName'],
  clear: ({ db }) => db.prepare('DELETE FROM collection_members').run(),
  writer(context) {
    const collectionKnown = collectionGuard(context);
    const insert = context.db.prepare(
      `INSERT INTO collection_members (collection_id, resource_id, resource_kind, name, is_direct) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    );
    return {
      write(row, issues) {
        const collectionId = row.get('collectionId')!;
        const resourceId = integerOf(row.get('resourceId'));
        if (resourceId === null) {
          issues.reject(row.header('resourceId'), `ResourceID "${row.get('resourceId')}" is not a number`);
          return false;
        }
        if (!collectionKnown(collectionId, issues, row.header('collectionId'))) return false;
        const kind = RESOURCE_KINDS.get(row.get('resourceType') as '4' | '5') ?? 'unknown';
        insert.run(collectionId, resourceId, kind, row.get('name'), flagOf(row.get('isDirect')));
        return true;
      },
    };
  },
};
