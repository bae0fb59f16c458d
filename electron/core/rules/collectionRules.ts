import { needs, notEvaluatedRule, tenantFact } from './ruleHelpers.js';
import type { AssessmentContext, RuleDefinition, RuleEvaluation } from './types.js';

/** Rule counts and the single targeted AD group per collection (null unless it has exactly one rule testing one group). */
const RULE_COUNT = `(SELECT count(*) FROM collection_rules r WHERE r.collection_id = c.collection_id)`;
const SINGLE_GROUP = `(CASE WHEN ${RULE_COUNT} = 1 THEN (SELECT mdm_ad_group_name(r.rule_type, r.resource_class, r.rule_name, r.query_expression)
                                                        FROM collection_rules r WHERE r.collection_id = c.collection_id) END)`;
const GROUP_IN_ENTRA = `EXISTS (SELECT 1 FROM entra_groups g WHERE g.display_name = ${SINGLE_GROUP})`;
const HAS_RULE = (types: string) => `EXISTS (SELECT 1 FROM collection_rules r WHERE r.collection_id = c.collection_id AND r.rule_type IN (${types}))`;
const RULE_NAMES = (types: string) =>
  `(SELECT group_concat(r.rule_type || ': ' || coalesce(r.rule_name, r.referenced_collection_id, r.device_category_id, ''), '; ')
    FROM collection_rules r WHERE r.collection_id = c.collection_id AND r.rule_type IN (${types}))`;
/** Built-in collections (All Systems, All Users …) are not migration targets. */
const NOT_BUILT_IN = 'c.is_built_in = 0';
/** The subscription collection as S4 builds it: only an include of All Users and excludes (the waves). */
const RECOMMENDED_SUBSCRIPTION_COLLECTION = `(c.collection_id IS :subscriptionId AND NOT EXISTS (
  SELECT 1 FROM collection_rules r WHERE r.collection_id = c.collection_id
    AND NOT (r.rule_type = 'exclude' OR (r.rule_type = 'include' AND upper(r.referenced_collection_id) = 'SMS00002'))))`;

function collectionRule(ctx: AssessmentContext, where: string, detail: string, alsoNeedsGroups = false): RuleEvaluation {
  if (!ctx.has.collections || !ctx.has.collectionRules) return needs('ConfigMgr collections with their membership rules (Get-CMCollection CollectionRules)');
  if (alsoNeedsGroups && !ctx.has.entraGroups) return needs('the Entra (Azure AD) group names, to match collections against');
  return { evaluated: true, kind: 'collection', where: `(${NOT_BUILT_IN} AND ${where})`, detail };
}

const MAP_STEP =
  'Add a row to the Data Importer collection mapping file (headerless CSV `<collection name>,<Azure AD group name>`, one row per group) and start the importer with ' +
  '`IntuneDataImporter.exe -CollectionMappingFile <full path>.csv` [S2].';

export const COLLECTION_RULES: readonly RuleDefinition[] = [
  {
    id: 'COL_SINGLE_AD_GROUP_OK',
    family: 'collection',
    severity: 'info',
    title: 'Collections the Data Importer maps automatically (one AD group, same-named Azure AD group exists)',
    why: 'A collection with one membership rule that targets one AD group, where a same-named Azure AD group exists, is mapped to that group by the Data Importer.',
    remediation: ['Nothing to do; check the deployment shows Importable = Yes with the target group in Notes after discovery [S2].'],
    sources: ['S2'],
    evaluate: (ctx) => collectionRule(ctx, `${SINGLE_GROUP} IS NOT NULL AND ${GROUP_IN_ENTRA}`, `'Targets AD group ' || ${SINGLE_GROUP}`, true),
  },
  {
    id: 'COL_AD_GROUP_NOT_IN_AAD',
    family: 'collection',
    severity: 'high',
    title: 'Collections targeting one AD group that has no same-named Azure AD group',
    why: 'The Data Importer maps a single-group collection only when a same-named Azure AD group exists; otherwise its deployments are not imported as assignments.',
    remediation: ['Sync the AD group to Azure AD (Azure AD Connect group scope), or', MAP_STEP],
    sources: ['S2'],
    evaluate: (ctx) =>
      collectionRule(ctx, `${SINGLE_GROUP} IS NOT NULL AND NOT ${GROUP_IN_ENTRA}`, `'AD group ' || ${SINGLE_GROUP} || ' not found in Azure AD'`, true),
  },
  {
    id: 'COL_DIRECT_MEMBERSHIP',
    family: 'collection',
    severity: 'high',
    title: 'Collections with direct membership rules',
    why: 'Direct-membership collections are not migrated by the Data Importer; their deployments need a static Azure AD group.',
    remediation: [
      'Create a static Azure AD group with the same members (Entra admin centre > Groups > New group, membership type Assigned).',
      MAP_STEP,
      'Or assign the imported objects to the group by hand in Intune [S3].',
    ],
    sources: ['S2', 'S3'],
    evaluate: (ctx) =>
      collectionRule(
        ctx,
        `${HAS_RULE("'direct'")} AND ${SINGLE_GROUP} IS NULL`,
        `(SELECT count(*) FROM collection_rules r WHERE r.collection_id = c.collection_id AND r.rule_type = 'direct') || ' direct rule(s)'`,
      ),
  },
  {
    id: 'COL_QUERY_RULE',
    family: 'collection',
    severity: 'high',
    title: 'Collections with query rules beyond a single group test',
    why: 'Complex query collections are not migrated by the Data Importer; they become Azure AD groups, often dynamic ones.',
    remediation: [
      'Rewrite the WQL as an Azure AD group (dynamic membership rule where possible, e.g. `device.deviceOSType -eq "iPhone"`).',
      MAP_STEP,
      'Or assign the imported objects to the new group by hand in Intune [S3].',
    ],
    sources: ['S2', 'S3'],
    evaluate: (ctx) => collectionRule(ctx, `${HAS_RULE("'query'")} AND ${SINGLE_GROUP} IS NULL`, RULE_NAMES("'query'")),
  },
  {
    id: 'COL_INCLUDE_EXCLUDE',
    family: 'collection',
    severity: 'high',
    title: 'Collections with include or exclude rules',
    why:
      'Include and exclude collection rules (SMS_CollectionDependencies RelationshipType 2 and 3) have no Azure AD equivalent: a collection that MDM deployments target must be ' +
      'flattened into a group design. The subscription collection built as the sources recommend (include All Users, exclude the wave collections) is not such a collection and is not listed.',
    remediation: [
      'For each listed collection that an MDM deployment targets, flatten the include/exclude chain into an Azure AD group design (nested or dynamic groups; exclusions as assignment exclusions).',
      MAP_STEP,
      'A listed collection that no MDM deployment targets needs nothing: mark it "resolved outside the tool" with that note (the snapshot holds no deployments to tell).',
    ],
    sources: ['S2', 'S4', 'S18'],
    evaluate: (ctx) =>
      collectionRule(ctx, `${HAS_RULE("'include', 'exclude'")} AND NOT ${RECOMMENDED_SUBSCRIPTION_COLLECTION}`, RULE_NAMES("'include', 'exclude'")),
  },
  {
    id: 'COL_DEVICE_CATEGORY_RULE',
    family: 'collection',
    severity: 'high',
    title: 'Collections with a Device Category Rule',
    why: 'Category collections cannot be imported; targeting by category must be rebuilt as a dynamic Azure AD device group.',
    remediation: [
      'Create a dynamic device group per category with the rule `device.deviceCategory -eq "<category name>"` (Entra admin centre > Groups > New group > Dynamic Device).',
      MAP_STEP,
    ],
    sources: ['S2', 'S14', 'S15'],
    evaluate: (ctx) => collectionRule(ctx, HAS_RULE("'device_category'"), RULE_NAMES("'device_category'")),
  },
  {
    id: 'COL_SUBSCRIPTION_IS_ALL_USERS',
    family: 'collection',
    severity: 'blocker',
    title: 'The Intune subscription points at All Users (SMS00002), which takes no exclude rules',
    why:
      'Mixed authority moves users by excluding them from the subscription collection; All Users is built in and cannot take exclude rules, so no user can be moved. ' +
      'It blocks mixed authority only: a direct tenant switch without migrating users first [S6] does not need exclude rules.',
    remediation: [
      'Create a user collection (e.g. "Hybrid MDM users") with an Include Collections rule for All Users (Assets and Compliance > User Collections > Create User Collection).',
      'Check its members match All Users.',
      'Re-point the subscription: Administration > Cloud Services > Microsoft Intune Subscriptions > (subscription) > Properties > General > collection [S4].',
    ],
    sources: ['S4'],
    evaluate: (ctx) =>
      !ctx.tenant.subscriptionCollectionId
        ? needs(tenantFact('the subscription collection ID (Administration > Cloud Services > Microsoft Intune Subscriptions)', 'subscription-collection-id'))
        : {
            evaluated: true,
            // The tenant row, not the collection row: the built-in may be missing from the collections export.
            kind: 'tenant',
            where: `upper(t.subscription_collection_id) = 'SMS00002'`,
            detail: `'Subscription collection ' || t.subscription_collection_id || ' (' || coalesce(t.subscription_collection_name, 'All Users') || ')'`,
          },
  },
  notEvaluatedRule(
    {
      id: 'COL_MAPPING_MULTI',
      family: 'collection',
      severity: 'info',
      title: 'Collections mapped to several Azure AD groups',
      why: 'One collection can map to several Azure AD groups.',
      remediation: ['Write one mapping CSV row per group (`collection2,azureADGroup2` / `collection2,azureADgroup3`) [S2].'],
      sources: ['S2'],
    },
    'the collection mapping plan (the headerless mapping CSV), which the app does not import: review it and confirm in the migration wizard',
  ),
];
