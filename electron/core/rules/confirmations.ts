import type { SqliteDatabase } from '../snapshot/openSnapshot.js';
import type { RuleConfirmation } from './types.js';

/**
 * The wizard's ticked manual checks that confirm a rule (wizard_checks.rule_id), newest per
 * rule. Read by the assessment for rules whose inputs the snapshot cannot hold; the table is
 * small (one row per ticked check) and the partial index on rule_id serves the query.
 */
export function ruleConfirmations(db: SqliteDatabase): Map<string, RuleConfirmation> {
  const rows = db
    .prepare(
      `SELECT rule_id AS rule, check_id AS checkId, checked_by AS confirmedBy, checked_at AS confirmedAt, note
       FROM wizard_checks WHERE rule_id IS NOT NULL ORDER BY checked_at`,
    )
    .all() as (RuleConfirmation & { rule: string })[];
  return new Map(rows.map(({ rule, ...confirmation }) => [rule, confirmation]));
}
