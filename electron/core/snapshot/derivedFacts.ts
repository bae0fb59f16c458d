import { SERVICE_PLANS } from '../licensing.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

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
 * - `devices.owner_user_id` and `devices.owner_conflict`: who uses the device (see OWNER).
 *
 * Every import calls refreshDerivedFacts in its transaction, after its rows are in; only rows
 * whose fact changes are written. The demo generator, which knows each fact as it writes a
 * row, writes them with the row (derivedFacts.test.ts checks it against these definitions).
 */
// Each fact is the condition under which a row holds it, written as `x IN (subquery)` on the
// rowid or the unique ResourceID: SQLite builds each subquery's set once per statement, and
// can find the rows that gain a fact from that set instead of testing every row (an import
// runs the refresh while it holds the secondary indexes back; these two it never drops).
// A NULL (a NULL ResourceID) means the row does not hold the fact.
const FACTS: readonly { table: string; column: string; holds: string }[] = [
  {
    table: 'users',
    column: 'intune_a_enabled',
    holds: `id IN (SELECT user_id FROM user_service_plans WHERE service_plan_id = '${SERVICE_PLANS.INTUNE_A.id}' AND capability_status = 'Enabled')`,
  },
  {
    table: 'devices',
    column: 'has_primary_affinity',
    holds: `id IN (SELECT device_id FROM user_device_affinity WHERE is_primary = 1 AND relation_active = 1 AND device_id IS NOT NULL)
            OR cm_resource_id IN (SELECT device_resource_id FROM user_device_affinity WHERE is_primary = 1 AND relation_active = 1)`,
  },
  {
    table: 'devices',
    column: 'in_category_collection',
    holds: `cm_resource_id IN (SELECT m.resource_id FROM collection_members m JOIN collection_rules r ON r.collection_id = m.collection_id
                               WHERE r.rule_type = 'device_category')`,
  },
];

/**
 * The partial indexes of the rows that hold a fact (schema v7), which the first pass below
 * reads. A bulk import keeps them while it defers the other indexes: its new rows hold no fact,
 * so they cost it nothing, and rebuilding them would read every row again.
 */
export const DERIVED_FACT_INDEXES = [
  'devices_has_primary_affinity',
  'devices_in_category_collection',
  'users_intune_a_enabled',
  'devices_owner_user',
  'devices_owner_conflict',
];

/**
 * Who uses a device, from any source (brief §4e identity joins): the Intune or Graph primary user
 * (`primary_user_id`, linked by UPN), else the one user an active primary ConfigMgr user-device
 * affinity names (linked by `DOMAIN\user`, v_R_User or UPN; see ImportStores.relink). In hybrid
 * MDM the affinity is where the primary user lives, so a ConfigMgr-only snapshot still knows
 * whose device it is. Sources that name different people are a conflict, never resolved
 * silently: the owner stays the Intune user when there is one, none when only the affinity
 * names several, and `owner_conflict` marks the device.
 */
const PRIMARY_AFFINITY_OF_DEVICE = `a.is_primary = 1 AND a.relation_active = 1 AND (a.device_id = devices.id OR a.device_resource_id = devices.cm_resource_id)`;
const OWNER = {
  user: `coalesce(devices.primary_user_id, (SELECT CASE WHEN count(DISTINCT a.user_id) = 1 THEN min(a.user_id) END FROM user_device_affinity a
                                            WHERE a.user_id IS NOT NULL AND ${PRIMARY_AFFINITY_OF_DEVICE}))`,
  // The people the sources name: a user row where the source's name links to one, else the Intune
  // UPN of a user the snapshot lacks (an affinity name that links to no user says nothing here).
  conflict: `(SELECT count(*) FROM (SELECT coalesce('user:' || devices.primary_user_id, 'upn:' || lower(devices.primary_user_upn))
                                    WHERE devices.primary_user_id IS NOT NULL OR trim(devices.primary_user_upn) <> ''
                                    UNION SELECT 'user:' || a.user_id FROM user_device_affinity a WHERE a.user_id IS NOT NULL AND ${PRIMARY_AFFINITY_OF_DEVICE})) > 1`,
  /** Devices that could have an owner or a conflict: found from the inputs, not by testing every device. */
  candidates: `(primary_user_id IS NOT NULL
                OR id IN (SELECT device_id FROM user_device_affinity WHERE is_primary = 1 AND relation_active = 1 AND user_id IS NOT NULL)
                OR cm_resource_id IN (SELECT device_resource_id FROM user_device_affinity WHERE is_primary = 1 AND relation_active = 1 AND user_id IS NOT NULL))`,
};

/**
 * Two passes per fact, each writing only rows that change: the rows that lost it (the fact is
 * tested only where the column says 1), then the rows that gained it (found from the fact's
 * inputs). A snapshot whose facts hold for few rows, such as one with only an Intune export,
 * costs one cheap pass over each table instead of testing the fact on every row.
 */
export function refreshDerivedFacts(db: SqliteDatabase): void {
  for (const { table, column, holds } of FACTS) {
    db.prepare(`UPDATE ${table} SET ${column} = 0 WHERE ${column} = 1 AND NOT coalesce(${holds}, 0)`).run();
    db.prepare(`UPDATE ${table} SET ${column} = 1 WHERE ${column} = 0 AND (${holds})`).run();
  }
  // The owner the same way: devices that hold one, then those with a conflict, are checked again
  // through their indexes (`> 0` lets the owner's partial index serve as a range); then the
  // candidates that hold neither. Both sources name users by a link to a user row or a UPN, so
  // without users (a first device export) no device can gain either, and the pass over every
  // device is skipped.
  const setOwner = `UPDATE devices SET owner_user_id = ${OWNER.user}, owner_conflict = ${OWNER.conflict}`;
  const changed = `(owner_user_id IS NOT ${OWNER.user} OR owner_conflict IS NOT ${OWNER.conflict})`;
  db.prepare(`${setOwner} WHERE owner_user_id > 0 AND ${changed}`).run();
  db.prepare(`${setOwner} WHERE owner_conflict = 1 AND ${changed}`).run();
  if (db.prepare('SELECT EXISTS (SELECT 1 FROM users)').pluck().get() === 1) {
    db.prepare(`${setOwner} WHERE owner_user_id IS NULL AND owner_conflict = 0 AND ${OWNER.candidates}
                             AND (${OWNER.user} IS NOT NULL OR ${OWNER.conflict})`).run();
  }
}
