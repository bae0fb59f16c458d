import type { SnapshotOverview, SnapshotSummary } from '../../contract/api.js';
import { PLATFORM_LABELS, SOURCE_LABELS, type Platform } from '../../contract/labels.js';
import { SQL } from '../rules/ruleHelpers.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';

interface EngagementRow {
  customer: string;
  consultant: string;
  data_as_of: string | null;
  planned_switch_date: string | null;
  created_at: string;
  created_by_app_version: string;
  last_written_app_version: string;
  is_demo: number;
}

export function snapshotSummary(snapshot: Snapshot): SnapshotSummary {
  const engagement = snapshot.db
    .prepare('SELECT customer, consultant, data_as_of, is_demo FROM engagement WHERE id = 1')
    .get() as Pick<EngagementRow, 'customer' | 'consultant' | 'data_as_of' | 'is_demo'>;
  return {
    path: snapshot.path,
    fileName: snapshot.fileName,
    customer: engagement.customer,
    consultant: engagement.consultant,
    dataAsOf: engagement.data_as_of,
    isDemo: engagement.is_demo === 1,
    schemaVersion: snapshot.schemaVersion,
  };
}

/** Everything the overview screen shows, in one read transaction of aggregate queries. */
export function snapshotOverview(snapshot: Snapshot): SnapshotOverview {
  const db = snapshot.db;
  const read = db.transaction((): SnapshotOverview => {
    const engagement = db.prepare('SELECT * FROM engagement WHERE id = 1').get() as EngagementRow;
    const tenant = db
      .prepare(
        `SELECT tenant_name, mdm_authority, cm_site_code, cm_version, subscription_collection_id, subscription_collection_name
         FROM tenant WHERE id = 1`,
      )
      .get() as Record<string, string | null>;
    const users = db
      .prepare('SELECT count(*) AS total, coalesce(sum(in_entra), 0) AS inEntra, coalesce(sum(is_dem), 0) AS demAccounts FROM users')
      .get() as SnapshotOverview['users'];
    const byPlatform = (
      db.prepare('SELECT platform AS key, count(*) AS count FROM devices GROUP BY platform ORDER BY count DESC').all() as {
        key: Platform;
        count: number;
      }[]
    ).map((row) => ({ ...row, label: PLATFORM_LABELS[row.key] ?? row.key }));
    const bySource = (
      db.prepare('SELECT source AS key, count(*) AS count FROM device_sources GROUP BY source ORDER BY count DESC').all() as {
        key: string;
        count: number;
      }[]
    ).map((row) => ({ ...row, label: SOURCE_LABELS[row.key] ?? row.key }));
    const deviceCounts = db
      .prepare(
        `SELECT count(*) AS total,
                count(*) FILTER (WHERE ${SQL.mdmDevice('d')} AND ${SQL.noPrimaryUser('d')}) AS withoutPrimaryUser,
                count(*) FILTER (WHERE ${SQL.mdmDevice('d')} AND ${SQL.realCategory('d')}) AS withCategory,
                count(*) FILTER (WHERE NOT ${SQL.mdmDevice('d')}) AS outsideMdmScope,
                count(*) FILTER (WHERE d.owner_conflict = 1) AS ownerConflicts
         FROM devices d`,
      )
      .get() as SnapshotOverview['devices'];
    const collections = db
      .prepare(
        `SELECT count(*) AS total,
                (SELECT count(DISTINCT collection_id) FROM collection_rules) AS withRules
         FROM collections`,
      )
      .get() as SnapshotOverview['collections'];
    const apns = db.prepare('SELECT expires_at, apple_id FROM apns_certificates ORDER BY expires_at DESC LIMIT 1').get() as
      | { expires_at: string | null; apple_id: string | null }
      | undefined;
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

    return {
      summary: snapshotSummary(snapshot),
      createdAt: engagement.created_at,
      createdByAppVersion: engagement.created_by_app_version,
      lastWrittenAppVersion: engagement.last_written_app_version,
      plannedSwitchDate: engagement.planned_switch_date,
      tenant: {
        name: tenant.tenant_name ?? null,
        mdmAuthority: tenant.mdm_authority ?? null,
        cmSiteCode: tenant.cm_site_code ?? null,
        cmVersion: tenant.cm_version ?? null,
        subscriptionCollectionId: tenant.subscription_collection_id ?? null,
        subscriptionCollectionName: tenant.subscription_collection_name ?? null,
      },
      users,
      devices: { ...deviceCounts, byPlatform, bySource },
      collections,
      categories: count('device_categories'),
      appleTokens: {
        apnsExpiresAt: apns?.expires_at ?? null,
        apnsAppleId: apns?.apple_id ?? null,
        depTokens: count('dep_tokens'),
        vppTokens: count('vpp_tokens'),
      },
      importBatches: count('import_batches'),
    };
  });
  return read();
}
