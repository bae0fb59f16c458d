import { UserFacingError } from '../errors.js';
import { SERVICE_PLANS } from '../licensing.js';
import type { SqliteDatabase } from '../snapshot/openSnapshot.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import type { AssessOptions, AssessmentContext, DataPresence, TenantFacts } from './types.js';

export const DEFAULT_STALE_DAYS = 7;
export const DEFAULT_DEVICE_LIMIT = 5;
export const DAY_MS = 86_400_000;
/** Intune removes a device this many days after its MDM certificate expired without a check-in [S7]. */
export const ABANDONED_AFTER_DAYS = 180;
/** Hybrid MDM retired on this day [S10]. */
export const HYBRID_RETIRED = new Date('2019-09-01T00:00:00Z');

/** Builds the context every rule evaluates against: a handful of small queries, no table scans. */
export function buildContext(snapshot: Snapshot, options: AssessOptions = {}): AssessmentContext {
  const db = snapshot.db;
  registerSqlFunctions(db);
  const staleDays = options.staleDays ?? DEFAULT_STALE_DAYS;
  const deviceLimit = options.deviceLimit ?? DEFAULT_DEVICE_LIMIT;
  if (!Number.isInteger(staleDays) || staleDays < 1) throw new UserFacingError('invalid_input', 'The stale-device threshold must be a whole number of days, at least 1.');
  if (!Number.isInteger(deviceLimit) || deviceLimit < 1) throw new UserFacingError('invalid_input', 'The device limit must be a whole number, at least 1.');

  const now = options.now ?? new Date();
  const engagement = db.prepare('SELECT data_as_of AS dataAsOf, planned_switch_date AS plannedSwitch FROM engagement WHERE id = 1').get() as
    | { dataAsOf: string | null; plannedSwitch: string | null }
    | undefined;
  const asOfParsed = parseDate(engagement?.dataAsOf ?? null);
  const asOf = asOfParsed ?? now;
  const plannedSwitch = parseDate(engagement?.plannedSwitch ?? null);
  // Without a planned date the switch could be any day now: measure against the data date (conservative).
  const switchAt = plannedSwitch ?? asOf;

  const tenant = (db
    .prepare(
      `SELECT tenant_name AS tenantName, mdm_authority AS mdmAuthority, cm_version AS cmVersion,
              subscription_collection_id AS subscriptionCollectionId, subscription_collection_name AS subscriptionCollectionName,
              exchange_connector_present AS exchangeConnectorPresent, ndes_in_use AS ndesInUse,
              code_signing_uploaded AS codeSigningUploaded, android_for_work_enabled AS androidForWorkEnabled,
              cm_pc_conditional_access AS cmPcConditionalAccess, cm_rbac_roles_for_mdm AS cmRbacRolesForMdm,
              switching_admin_upn AS switchingAdminUpn, switch_procedure AS switchProcedure
       FROM tenant WHERE id = 1`,
    )
    .get() ?? {}) as TenantFacts;

  const exists = (sql: string, ...args: unknown[]) => (db.prepare(`SELECT EXISTS (${sql}) AS e`).get(...args) as { e: number }).e === 1;
  const has: DataPresence = {
    devices: exists('SELECT 1 FROM devices'),
    users: exists('SELECT 1 FROM users'),
    // Indexed checks only: a presence test that could scan a whole table is a rule's `requires` instead.
    entraUsers: exists(`SELECT 1 FROM user_sources WHERE source IN ('entra', 'graph', 'm365')`) || exists(`SELECT 1 FROM users WHERE in_entra = 1`),
    licenceData: exists('SELECT 1 FROM user_service_plans') || exists(`SELECT 1 FROM user_sources WHERE source = 'graph'`),
    disabledPlanData: exists('SELECT 1 FROM user_licence_disabled_plans') || exists(`SELECT 1 FROM user_sources WHERE source = 'graph'`),
    collections: exists('SELECT 1 FROM collections'),
    collectionRules: exists('SELECT 1 FROM collection_rules'),
    subscriptionMembers: tenant.subscriptionCollectionId !== null && tenant.subscriptionCollectionId !== undefined
      && exists('SELECT 1 FROM collection_members WHERE collection_id = ?', tenant.subscriptionCollectionId),
    entraGroups: exists('SELECT 1 FROM entra_groups'),
    apnsCertificates: exists('SELECT 1 FROM apns_certificates'),
    depTokens: exists('SELECT 1 FROM dep_tokens'),
    vppTokens: exists('SELECT 1 FROM vpp_tokens'),
  };

  const iso = (date: Date) => date.toISOString();
  const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
  return {
    db,
    now,
    asOf,
    asOfKnown: asOfParsed !== null,
    plannedSwitch,
    staleDays,
    deviceLimit,
    tenant: normaliseTenant(tenant),
    has,
    // Dates are compared as ISO-8601 UTC text, the form the importers and the generator store;
    // a plain text comparison lets `devices_last_check_in` serve the stale-device range.
    params: {
      asOf: iso(asOf),
      now: iso(now),
      staleCutoff: iso(plusDays(asOf, -staleDays)),
      abandonedCutoff: iso(plusDays(asOf, -ABANDONED_AFTER_DAYS)),
      switchAt: iso(switchAt),
      switchPlus30: iso(plusDays(switchAt, 30)),
      // HIGH "within 60 days": the later of 60 days after the data date and 60 days after the switch.
      apnsHighCutoff: iso(new Date(Math.max(plusDays(asOf, 60).getTime(), plusDays(switchAt, 60).getTime()))),
      // The project window for DEP and VPP tokens runs to 60 days after the switch.
      projectWindowEnd: iso(plusDays(switchAt, 60)),
      intuneA: SERVICE_PLANS.INTUNE_A.id,
      intuneO365: SERVICE_PLANS.INTUNE_O365.id,
      subscriptionId: tenant.subscriptionCollectionId ?? null,
      deviceLimit,
      adminUpn: tenant.switchingAdminUpn ?? null,
      predeclaredImported: exists(`SELECT 1 FROM import_batches WHERE kind LIKE '%predeclared%'`) ? 1 : 0,
    },
  };
}

function normaliseTenant(row: Partial<TenantFacts>): TenantFacts {
  return {
    tenantName: row.tenantName ?? null,
    mdmAuthority: row.mdmAuthority ?? null,
    cmVersion: row.cmVersion ?? null,
    subscriptionCollectionId: row.subscriptionCollectionId ?? null,
    subscriptionCollectionName: row.subscriptionCollectionName ?? null,
    exchangeConnectorPresent: row.exchangeConnectorPresent ?? null,
    ndesInUse: row.ndesInUse ?? null,
    codeSigningUploaded: row.codeSigningUploaded ?? null,
    androidForWorkEnabled: row.androidForWorkEnabled ?? null,
    cmPcConditionalAccess: row.cmPcConditionalAccess ?? null,
    cmRbacRolesForMdm: row.cmRbacRolesForMdm ?? null,
    switchingAdminUpn: row.switchingAdminUpn ?? null,
    switchProcedure: row.switchProcedure ?? null,
  };
}

function parseDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const registered = new WeakSet<SqliteDatabase>();

/**
 * Two parsers the SQL needs and SQLite cannot express well: the AD group a collection rule
 * targets, and whether a ConfigMgr version is 1610 or later. Registered as deterministic SQL
 * functions so rule predicates stay plain SQL and run inside the aggregate scans.
 */
function registerSqlFunctions(db: SqliteDatabase): void {
  if (registered.has(db)) return;
  registered.add(db);
  db.function('mdm_ad_group_name', { deterministic: true }, (ruleType, resourceClass, ruleName, query) =>
    adGroupName(ruleType as string | null, resourceClass as string | null, ruleName as string | null, query as string | null),
  );
  db.function('mdm_cm_version_ok', { deterministic: true }, (version) => cmVersionSupported(version as string | null));
}

/**
 * The single AD group a membership rule targets, without the domain, or null when the rule
 * does more than test one group. A direct rule on an `SMS_R_UserGroup` resource names the
 * group; a query rule qualifies only when its WHERE clause is one `UserGroupName = "DOMAIN\\Group"` test.
 */
export function adGroupName(ruleType: string | null, resourceClass: string | null, ruleName: string | null, query: string | null): string | null {
  const stripDomain = (name: string) => name.split(/\\+/).pop()!.trim() || null;
  if (ruleType === 'direct') {
    return resourceClass?.toLowerCase() === 'sms_r_usergroup' && ruleName ? stripDomain(ruleName) : null;
  }
  if (ruleType !== 'query' || !query) return null;
  const match = /\bwhere\s+(?:\w+\.)?UserGroupName\s*=\s*(["'])(.+?)\1\s*$/i.exec(query.trim());
  if (!match) return null;
  // Anything else in the statement (joins, further conditions) makes it more than one group test.
  const withoutStrings = query.replace(/(["']).*?\1/g, '""');
  if (/\b(and|or|not|join|in|like)\b/i.test(withoutStrings.slice(withoutStrings.toLowerCase().indexOf(' from ')))) return null;
  return stripDomain(match[2]!);
}

/**
 * 1 when the version is ConfigMgr 1610 or later, 0 when older, null when unreadable. Accepts
 * the version name (`1610`, `1810`, `2103`) or the build (`5.00.8458.1000`; 1610 is build 8458).
 */
export function cmVersionSupported(version: string | null): number | null {
  if (!version) return null;
  const trimmed = version.trim();
  // Current-branch names are YYMM; "2012 R2 SP1" and "2007 R3" are the old, pre-1511 products.
  if (/^\d{4}$/.test(trimmed)) return Number(trimmed) >= 1610 ? 1 : 0;
  const build = /^5\.0+\.(\d{4,5})/.exec(trimmed);
  if (build) return Number(build[1]) >= 8458 ? 1 : 0;
  if (/^(2007|2012)\s/.test(trimmed)) return 0;
  return null;
}
