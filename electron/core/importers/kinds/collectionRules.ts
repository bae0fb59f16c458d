import type { SqliteDatabase } from '../../snapshot/openSnapshot.js';
import type { CsvRowKind } from './importKind.js';
import { integerOf } from './labelMaps.js';
import { collectionGuard } from './configMgrCollections.js';

const RULE_TYPES = ['direct', 'query', 'include', 'exclude', 'device_category'] as const;
type RuleType = (typeof RULE_TYPES)[number];

interface RuleFacts {
  collectionId: string;
  ruleType: RuleType;
  ruleName?: string | null;
  resourceClass?: string | null;
  resourceId?: number | null;
  queryId?: number | null;
  queryExpression?: string | null;
  referencedCollectionId?: string | null;
  deviceCategoryId?: string | null;
}

function ruleInserter(db: SqliteDatabase) {
  const insert = db.prepare(
    `INSERT INTO collection_rules (collection_id, rule_type, rule_name, resource_class, resource_id, query_id, query_expression, referenced_collection_id, device_category_id)
     VALUES (@collectionId, @ruleType, @ruleName, @resourceClass, @resourceId, @queryId, @queryExpression, @referencedCollectionId, @deviceCategoryId)`,
  );
  return (facts: RuleFacts) =>
    insert.run({
      ruleName: null,
      resourceClass: null,
      resourceId: null,
      queryId: null,
      queryExpression: null,
      referencedCollectionId: null,
      deviceCategoryId: null,
      ...facts,
    });
}

function deleteRulesOfTypes(db: SqliteDatabase, types: readonly RuleType[]): void {
  db.prepare('DELETE FROM collection_rules WHERE rule_type IN (SELECT value FROM json_each(?))').run(JSON.stringify(types));
}

const DIRECT_COLUMNS = {
  collectionId: { headers: ['CollectionID'], required: true },
  resourceId: { headers: ['ResourceID'], required: true },
  ruleName: { headers: ['RuleName'], required: true },
  resourceClass: { headers: ['ResourceClassName', 'ResourceType'] },
  ruleType: { headers: ['RuleType'] },
} as const;

/** `v_CollectionRuleDirect` (brief §4c). */
export const directRuleCsv: CsvRowKind<keyof typeof DIRECT_COLUMNS> = {
  id: 'cm-rules-direct',
  label: 'Configuration Manager direct membership rules (v_CollectionRuleDirect)',
  source: 'configmgr',
  order: 40,
  format: 'csv',
  columns: DIRECT_COLUMNS,
  signature: ['collectionId', 'resourceId', 'ruleName'],
  // The project's collection-rules template has these columns too, and RuleType.
  excludes: ['ruleType'],
  clear: ({ db }) => deleteRulesOfTypes(db, ['direct']),
  writer(context) {
    const known = collectionGuard(context);
    const insert = ruleInserter(context.db);
    return {
      write(row, issues) {
        const resourceId = integerOf(row.get('resourceId'));
        if (resourceId === null) {
          issues.reject(row.header('resourceId'), `ResourceID "${row.get('resourceId')}" is not a number`);
          return false;
        }
        const collectionId = row.get('collectionId')!;
        if (!known(collectionId, issues, row.header('collectionId'))) return false;
        insert({ collectionId, ruleType: 'direct', ruleName: row.get('ruleName'), resourceId, resourceClass: row.get('resourceClass') });
        return true;
      },
    };
  },
};

const QUERY_COLUMNS = {
  collectionId: { headers: ['CollectionID'], required: true },
  queryExpression: { headers: ['QueryExpression', 'SQL', 'WQL'], required: true },
  ruleName: { headers: ['RuleName'] },
  queryId: { headers: ['QueryID', 'QueryKey'] },
  limitTo: { headers: ['LimitToCollectionID'] },
  ruleType: { headers: ['RuleType'] },
} as const;

/** `v_CollectionRuleQuery` (brief §4c). */
export const queryRuleCsv: CsvRowKind<keyof typeof QUERY_COLUMNS> = {
  id: 'cm-rules-query',
  label: 'Configuration Manager query membership rules (v_CollectionRuleQuery)',
  source: 'configmgr',
  order: 40,
  format: 'csv',
  columns: QUERY_COLUMNS,
  signature: ['collectionId', 'queryExpression'],
  excludes: ['ruleType'],
  clear: ({ db }) => deleteRulesOfTypes(db, ['query']),
  writer(context) {
    const known = collectionGuard(context);
    const insert = ruleInserter(context.db);
    return {
      write(row, issues) {
        const collectionId = row.get('collectionId')!;
        if (!known(collectionId, issues, row.header('collectionId'))) return false;
        insert({
          collectionId,
          ruleType: 'query',
          ruleName: row.get('ruleName'),
          queryId: integerOf(row.get('queryId')),
          queryExpression: row.get('queryExpression'),
        });
        return true;
      },
    };
  },
};

const DEPENDENCY_COLUMNS = {
  sourceCollectionId: { headers: ['SourceCollectionID'], required: true },
  dependentCollectionId: { headers: ['DependentCollectionID'], required: true },
  relationshipType: { headers: ['RelationshipType'], required: true },
} as const;

/**
 * `SMS_CollectionDependencies` / `vSMS_CollectionDependencies`: the dependent collection limits
 * to (1), includes (2) or excludes (3) the source collection (brief §4c).
 */
export const collectionDependencyCsv: CsvRowKind<keyof typeof DEPENDENCY_COLUMNS> = {
  id: 'cm-collection-dependencies',
  label: 'Configuration Manager collection dependencies (SMS_CollectionDependencies)',
  source: 'configmgr',
  order: 40,
  format: 'csv',
  columns: DEPENDENCY_COLUMNS,
  signature: ['sourceCollectionId', 'dependentCollectionId', 'relationshipType'],
  clear: ({ db }) => deleteRulesOfTypes(db, ['include', 'exclude']),
  writer(context) {
    const known = collectionGuard(context);
    const insert = ruleInserter(context.db);
    const setLimit = context.db.prepare('UPDATE collections SET limit_to_collection_id = ? WHERE collection_id = ?');
    return {
      write(row, issues) {
        const dependent = row.get('dependentCollectionId')!;
        const source = row.get('sourceCollectionId')!;
        const relationship = row.get('relationshipType');
        if (relationship !== '1' && relationship !== '2' && relationship !== '3') {
          issues.reject(row.header('relationshipType'), `RelationshipType "${relationship}" is not 1 (limiting), 2 (include) or 3 (exclude)`);
          return false;
        }
        if (!known(dependent, issues, row.header('dependentCollectionId'))) return false;
        if (relationship === '1') setLimit.run(source, dependent);
        else insert({ collectionId: dependent, ruleType: relationship === '2' ? 'include' : 'exclude', referencedCollectionId: source });
        return true;
      },
    };
  },
};

const TEMPLATE_COLUMNS = {
  collectionId: { headers: ['CollectionID'], required: true },
  collectionName: { headers: ['CollectionName'] },
  collectionType: { headers: ['CollectionType'] },
  limitTo: { headers: ['LimitToCollectionID'] },
  ruleType: { headers: ['RuleType'], required: true },
  ruleName: { headers: ['RuleName'] },
  resourceClass: { headers: ['ResourceClass'] },
  resourceId: { headers: ['ResourceID'] },
  queryId: { headers: ['QueryID'] },
  queryExpression: { headers: ['QueryExpression'] },
  referencedCollectionId: { headers: ['ReferencedCollectionID'] },
  deviceCategoryId: { headers: ['DeviceCategoryID'] },
} as const;

/**
 * The project's collection-rules template (docs/import-formats.md): for rules no console
 * exports cleanly, above all the hybrid Device Category Rule. A template lists every rule of
 * the collections it names, so importing it replaces those collections' rules; collections not
 * yet in the snapshot are created from CollectionName and CollectionType.
 */
export const collectionRulesTemplate: CsvRowKind<keyof typeof TEMPLATE_COLUMNS> = {
  id: 'template-collection-rules',
  label: 'Collection rules template',
  source: 'template',
  order: 45,
  format: 'csv',
  columns: TEMPLATE_COLUMNS,
  signature: ['collectionId', 'ruleType'],
  clear: () => {},
  writer(context) {
    const replaced = context.perImport('template-collection-rules.replaced', () => new Set<string>());
    const insert = ruleInserter(context.db);
    const deleteRules = context.db.prepare('DELETE FROM collection_rules WHERE collection_id = ?');
    const ensureCollection = context.db.prepare(
      `INSERT INTO collections (collection_id, name, collection_type, limit_to_collection_id) VALUES (?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    );
    return {
      write(row, issues) {
        const collectionId = row.get('collectionId')!;
        const ruleType = row.get('ruleType')!.toLowerCase().replace(/[\s-]+/g, '_') as RuleType;
        if (!RULE_TYPES.includes(ruleType)) {
          issues.reject(row.header('ruleType'), `RuleType "${row.get('ruleType')}" is not one of ${RULE_TYPES.join(', ')}`);
          return false;
        }
        const type = integerOf(row.get('collectionType')) ?? 0;
        if (type < 0 || type > 2) {
          issues.reject(row.header('collectionType'), `CollectionType "${row.get('collectionType')}" is not 0, 1 or 2`);
          return false;
        }
        ensureCollection.run(collectionId, row.get('collectionName') ?? collectionId, type, row.get('limitTo'));
        if (!replaced.has(collectionId)) {
          replaced.add(collectionId);
          deleteRules.run(collectionId);
        }
        insert({
          collectionId,
          ruleType,
          ruleName: row.get('ruleName'),
          resourceClass: row.get('resourceClass'),
          resourceId: integerOf(row.get('resourceId')),
          queryId: integerOf(row.get('queryId')),
          queryExpression: row.get('queryExpression'),
          referencedCollectionId: row.get('referencedCollectionId'),
          deviceCategoryId: row.get('deviceCategoryId'),
        });
        return true;
      },
    };
  },
};
