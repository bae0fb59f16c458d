import type { AssessmentContext, RuleDefinition, RuleEvaluation } from './types.js';

/**
 * `col IN ('a', 'b')` for code constants (never user input). On a 250,000-row scan this measured
 * about 10 % faster than the equivalent OR chain (the opposite of the row-by-row insert case in
 * migrations.ts, where the IN list is rebuilt per statement).
 */
export function anyOf(column: string, values: readonly string[]): string {
  return `${column} IN (${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ')})`;
}

/** SQL fragments several rules share, so the definitions cannot drift apart. */
export const SQL = {
  /** The user holds INTUNE_A with capabilityStatus Enabled (brief §2.1); kept on the row by derivedFacts.ts. */
  enabledIntuneA: `u.intune_a_enabled = 1`,
  /**
   * A device in the MDM scope, the only channel that migrates (brief §0.2b): not an ActiveSync-only
   * record (DEV_EAS_ONLY covers those) and not a Configuration Manager PC client (`ClientType` 1, or
   * Graph's configurationManagerClient agent), which `Get-CMDevice` without a collection returns
   * with All Systems. Such records stay visible in the overview and the data browser.
   */
  mdmDevice: (alias: string) =>
    `(coalesce(${alias}.management_agent, '') NOT IN ('eas', 'configurationManagerClient') AND coalesce(${alias}.cm_client_type, 0) <> 1)`,
  /**
   * No primary user anywhere: no owner from any source (owner_user_id, derivedFacts.ts), no
   * Intune UPN of a user outside the snapshot, and no active primary UDA row naming a user the
   * snapshot lacks (has_primary_affinity).
   */
  noPrimaryUser: (alias: string) => `(${alias}.owner_user_id IS NULL AND coalesce(${alias}.primary_user_upn, '') = '' AND ${alias}.has_primary_affinity = 0)`,
  /**
   * A real device category (brief §0.2b): not an empty cell, nor Graph's "Unknown" or the admin
   * centre's "Unassigned" for a device without one, unless the tenant's category list really holds
   * a category of that name; or a category id other than Graph's empty one. The raw value stays
   * in `category` as written.
   */
  realCategory: (alias: string) =>
    `((trim(${alias}.category) <> '' AND (lower(trim(${alias}.category)) NOT IN ('unknown', 'unassigned')
                                          OR ${alias}.category IN (SELECT display_name FROM device_categories)))
      OR coalesce(${alias}.category_id, '00000000-0000-0000-0000-000000000000') <> '00000000-0000-0000-0000-000000000000')`,
  appleDevice: anyOf('d.platform', ['ios', 'ipados', 'macos']),
  /**
   * A date the importers could not turn into ISO 8601 (they keep locale-dependent `5/1/2024` as
   * written). Dates are compared as text, so such a value would sort after every real date and a
   * rule would silently pass it; this catches the ones that sort high (leading digit 3–9 or a
   * letter). Those with a leading 1 or 2 already sort before any cut-off and are flagged anyway.
   * A range test, so the column's index still serves it.
   */
  unreadableDate: (column: string) => `${column} > '2100'`,
} as const;

type RuleText = Omit<RuleDefinition, 'evaluate'>;

/**
 * A rule whose inputs the snapshot cannot hold (importer exports, post-switch data, settings
 * nobody records yet). It is listed with "not evaluated: needs …" so it never passes silently.
 */
export function notEvaluatedRule(text: RuleText, needs: string): RuleDefinition {
  return { ...text, evaluate: () => ({ evaluated: false, needs }) };
}

/**
 * A tenant fact recorded as a yes/no column of `tenant` (NULL = unknown): the one tenant row is
 * the item when the flag is 1, nothing when 0, and the rule is not evaluated while it is NULL.
 */
export function tenantFlagRule(
  text: RuleText,
  column: string,
  what: string,
  detail: string,
  value: (ctx: AssessmentContext) => number | null,
): RuleDefinition {
  return {
    ...text,
    evaluate: (ctx): RuleEvaluation =>
      value(ctx) === null
        ? needs(what)
        : { evaluated: true, kind: 'tenant', where: `t.${column} = 1`, detail: `'${detail.replace(/'/g, "''")}'` },
  };
}

/** Shorthand for "not evaluated" inside a rule's evaluate(). */
export function needs(what: string): RuleEvaluation {
  return { evaluated: false, needs: what };
}

/**
 * A tenant fact a person enters, and where: the app's Tenant page (Migration > Tenant), or the
 * command line with the fact's key (the keys are the wizard's TENANT_FACTS; a test holds them together).
 */
export function tenantFact(what: string, key: string): string {
  return `${what} (enter it on the Tenant page, or run \`mdm-migrate tenant --db FILE --set ${key}=VALUE\`)`;
}
