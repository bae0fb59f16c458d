import { SERVICE_PLANS } from '../licensing.js';
import type { SqliteDatabase } from './openSnapshot.js';

/**
 * Per-row facts the readiness rules test on every user and device, kept on the row instead of
 * looked up at each assessment. On a 250,000-device snapshot these look-ups (a service-plan
 * probe per user, two affinity probes per device without a user, a category-collection probe
 * per device) were about a third of the assessment's time; an assessment runs far more often
 * than an import.
 *
 * - `users.intune_a_enabled`: the user holds INTUNE_A with capabilityStatus Enabled (brief §2.1).
 * - `devices.has_primary_affinity`: an active primary user-device affinity names the device,
 *   by device or by ConfigMgr ResourceID.
 * - `devices.in_category_collection`: the device's ResourceID is a member of a collection that
 *   has a Device Category rule.
 *
 * Every import calls refreshDerivedFacts in its transaction, after its rows are in; only rows
 * whose fact changes are written. The demo generator, which knows each fact as it writes a
 * row, writes them with the row (derivedFacts.test.ts checks it against these definitions).
 */
// Written as `x IN (subquery)`: SQLite builds each subquery's set once per statement, so a
// refresh costs one pass over the table whether or not the inputs' indexes exist (an import
// runs it while it holds some indexes back). coalesce() turns the NULL of a NULL ResourceID
// into "no".
const FACTS: readonly { table: string; column: string; fact: string }[] = [
  {
    table: 'users',
    column: 'intune_a_enabled',
    fact: `id IN (SELECT user_id FROM user_service_plans WHERE service_plan_id = '${SERVICE_PLANS.INTUNE_A.id}' AND capability_status = 'Enabled')`,
  },
  {
    table: 'devices',
    column: 'has_primary_affinity',
    fact: `(id IN (SELECT device_id FROM user_device_affinity WHERE is_primary = 1 AND relation_active = 1 AND device_id IS NOT NULL)
            OR coalesce(cm_resource_id IN (SELECT device_resource_id FROM user_device_affinity WHERE is_primary = 1 AND relation_active = 1), 0))`,
  },
  {
    table: 'devices',
    column: 'in_category_collection',
    fact: `coalesce(cm_resource_id IN (SELECT m.resource_id FROM collection_members m JOIN collection_rules r ON r.collection_id = m.collection_id
                                      WHERE r.rule_type = 'device_category'), 0)`,
  },
];

/** Facts are 0 or 1, so a row whose fact differs flips: the fact is evaluated once per row. */
export function refreshDerivedFacts(db: SqliteDatabase): void {
  for (const { table, column, fact } of FACTS) db.prepare(`UPDATE ${table} SET ${column} = 1 - ${column} WHERE ${column} <> (${fact})`).run();
}
