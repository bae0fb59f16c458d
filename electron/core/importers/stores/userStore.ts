import type { SqliteDatabase } from '../../snapshot/openSnapshot.js';
import type { RowIssues } from '../kinds/rowTypes.js';

/** What one source says about one user. Absent facts leave what another source said. */
export interface UserFacts {
  upn?: string | null;
  entraObjectId?: string | null;
  displayName?: string | null;
  mail?: string | null;
  onPremDomain?: string | null;
  onPremSam?: string | null;
  cmUniqueUserName?: string | null;
  cmResourceId?: number | null;
  accountEnabled?: 0 | 1 | null;
  usageLocation?: string | null;
  userType?: string | null;
  /** Set by the Entra, Microsoft 365 and Graph exports: the user exists in the directory. */
  inEntra?: 0 | 1 | null;
}

export interface LicenceFacts {
  readonly skuId: string | null;
  readonly skuPartNumber: string | null;
  readonly disabledPlans: readonly string[];
}

export interface ServicePlanFacts {
  readonly servicePlanId: string;
  readonly service: string | null;
  readonly capabilityStatus: string;
  readonly assignedAt: string | null;
}

const COLUMNS: readonly [keyof UserFacts, string][] = [
  ['upn', 'upn'],
  ['entraObjectId', 'entra_object_id'],
  ['displayName', 'display_name'],
  ['mail', 'mail'],
  ['onPremDomain', 'on_prem_domain'],
  ['onPremSam', 'on_prem_sam'],
  ['cmUniqueUserName', 'cm_unique_user_name'],
  ['cmResourceId', 'cm_resource_id'],
  ['accountEnabled', 'account_enabled'],
  ['usageLocation', 'usage_location'],
  ['userType', 'user_type'],
];

export const CAPABILITY_STATUSES = new Set(['Enabled', 'Warning', 'Suspended', 'LockedOut', 'Deleted']);

/**
 * Merges users across sources by UPN (and the Entra object id, ConfigMgr ResourceID and
 * `DOMAIN\user` where a source has no UPN), and resolves ConfigMgr `DOMAIN\user` names.
 */
export class UserStore {
  private readonly insert;
  private readonly update;
  private readonly addSource;
  private readonly lookups;
  private readonly deleteLicences;
  private readonly insertLicence;
  private readonly insertDisabledPlan;
  private readonly deletePlans;
  private readonly insertPlan;
  private domainIndex: Map<string, number[]> | undefined;

  constructor(private readonly db: SqliteDatabase) {
    this.insert = db.prepare(
      `INSERT INTO users (${COLUMNS.map(([, c]) => c).join(', ')}, in_entra) VALUES (${COLUMNS.map(([f]) => `@${f}`).join(', ')}, coalesce(@inEntra, 0))`,
    );
    this.update = db.prepare(
      `UPDATE users SET ${COLUMNS.map(([f, c]) => `${c} = coalesce(@${f}, ${c})`).join(', ')}, in_entra = max(in_entra, coalesce(@inEntra, 0)) WHERE id = @id`,
    );
    this.addSource = db.prepare(
      'INSERT INTO user_sources (user_id, source, batch_id) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET batch_id = excluded.batch_id',
    );
    // In the order a match is trusted: the directory's own id, the UPN, then ConfigMgr's keys.
    this.lookups = [
      ['entraObjectId', db.prepare('SELECT id FROM users WHERE entra_object_id = ?').pluck()],
      ['upn', db.prepare('SELECT id FROM users WHERE upn = ?').pluck()],
      ['cmResourceId', db.prepare('SELECT id FROM users WHERE cm_resource_id = ?').pluck()],
      ['cmUniqueUserName', db.prepare('SELECT id FROM users WHERE cm_unique_user_name = ? AND upn IS NULL').pluck()],
    ] as const;
    this.deleteLicences = db.prepare('DELETE FROM user_licences WHERE user_id = ?');
    this.insertLicence = db.prepare('INSERT OR IGNORE INTO user_licences (user_id, sku_id, sku_part_number) VALUES (?, ?, ?)');
    this.insertDisabledPlan = db.prepare('INSERT OR IGNORE INTO user_licence_disabled_plans (licence_id, service_plan_id) VALUES (?, ?)');
    this.deletePlans = db.prepare('DELETE FROM user_service_plans WHERE user_id = ?');
    // A plan granted by two SKUs appears twice; it is usable if either grant is Enabled.
    this.insertPlan = db.prepare(
      `INSERT INTO user_service_plans (user_id, service_plan_id, service, capability_status, assigned_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET capability_status = excluded.capability_status, assigned_at = excluded.assigned_at
       WHERE excluded.capability_status = 'Enabled'`,
    );
  }

  /** Forgets what a source said: its user_sources rows, and users no other source knows. */
  clearSource(source: string): void {
    this.db.prepare('DELETE FROM user_sources WHERE source = ?').run(source);
    this.db.prepare('DELETE FROM users WHERE NOT EXISTS (SELECT 1 FROM user_sources s WHERE s.user_id = users.id)').run();
    this.domainIndex = undefined;
  }

  upsert(facts: UserFacts, source: string, batchId: number, issues: RowIssues): number | null {
    const params: Record<string, string | number | null> = {};
    for (const [fact] of COLUMNS) params[fact] = (facts[fact] as string | number | null | undefined) ?? null;
    params.inEntra = facts.inEntra ?? null;
    let id: number | undefined;
    for (const [fact, statement] of this.lookups) {
      const value = params[fact];
      if (value === null) continue;
      id = statement.get(value) as number | undefined;
      if (id !== undefined) break;
    }
    try {
      if (id === undefined) id = Number(this.insert.run(params).lastInsertRowid);
      else this.update.run({ ...params, id });
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      // The row's ids point at two different users already in the snapshot.
      issues.reject(null, `user ${facts.upn ?? facts.cmUniqueUserName ?? facts.entraObjectId} conflicts with another user in the snapshot (${(error as Error).message.replace(/^UNIQUE constraint failed: /, 'same ')})`);
      return null;
    }
    this.addSource.run(id, source, batchId);
    this.domainIndex = undefined;
    return id;
  }

  /** Replaces a user's licences (a directory export lists all of them). */
  setLicences(userId: number, licences: readonly LicenceFacts[]): void {
    this.deleteLicences.run(userId);
    for (const licence of licences) {
      const result = this.insertLicence.run(userId, licence.skuId, licence.skuPartNumber);
      if (result.changes === 0) continue;
      for (const plan of licence.disabledPlans) this.insertDisabledPlan.run(result.lastInsertRowid, plan);
    }
  }

  setServicePlans(userId: number, plans: readonly ServicePlanFacts[]): void {
    this.deletePlans.run(userId);
    for (const plan of plans) this.insertPlan.run(userId, plan.servicePlanId, plan.service, plan.capabilityStatus, plan.assignedAt);
  }

  /**
   * Resolves ConfigMgr's `DOMAIN\user` (v_UserMachineRelationship.UniqueUserName): through
   * v_R_User's Unique_User_Name0 when that was imported, else through Graph's
   * onPremisesDomainName + onPremisesSamAccountName. Graph gives the DNS domain
   * (`contoso.local`) while ConfigMgr writes the NetBIOS name (`CONTOSO`); the first DNS label
   * is taken as the NetBIOS name, which holds unless the domain was renamed (inference, §4e).
   * Two different users behind one name is reported as ambiguous, never picked.
   */
  resolveDomainUser(uniqueUserName: string): { userId: number } | { ambiguous: number } | null {
    const index = (this.domainIndex ??= this.buildDomainIndex());
    const ids = index.get(uniqueUserName.toLowerCase());
    if (!ids) return null;
    return ids.length === 1 ? { userId: ids[0]! } : { ambiguous: ids.length };
  }

  private buildDomainIndex(): Map<string, number[]> {
    const index = new Map<string, number[]>();
    const add = (key: string, id: number) => {
      const ids = index.get(key);
      if (!ids) index.set(key, [id]);
      else if (!ids.includes(id)) ids.push(id);
    };
    const rows = this.db.prepare('SELECT id, cm_unique_user_name, on_prem_domain, on_prem_sam FROM users').iterate() as IterableIterator<{
      id: number;
      cm_unique_user_name: string | null;
      on_prem_domain: string | null;
      on_prem_sam: string | null;
    }>;
    for (const row of rows) {
      if (row.cm_unique_user_name) add(row.cm_unique_user_name.toLowerCase(), row.id);
      if (row.on_prem_domain && row.on_prem_sam) add(`${row.on_prem_domain.split('.')[0]}\\${row.on_prem_sam}`.toLowerCase(), row.id);
    }
    return index;
  }
}
