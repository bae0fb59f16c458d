import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICE_PLANS, SKUS } from '../../../electron/core/licensing.js';
import { assessSnapshot, iterateFindingItems, type AssessOptions, type FindingItem, type FindingSummary } from '../../../electron/core/rules/index.js';
import { refreshDerivedFacts } from '../../../electron/core/snapshot/derivedFacts.js';
import { openSnapshot, type Snapshot } from '../../../electron/core/snapshot/openSnapshot.js';

export const AS_OF = '2026-11-02T09:00:00.000Z';
export const PLANNED_SWITCH = '2026-12-17';
const DAY = 86_400_000;
export const daysFromAsOf = (days: number) => new Date(Date.parse(AS_OF) + days * DAY).toISOString();

export type LicenceProfile = 'intune' | 'suiteIntuneDisabled' | 'intuneSuspended' | 'o365Only' | 'none';

export interface UserSpec {
  upn?: string;
  displayName?: string;
  inEntra?: boolean;
  isDem?: boolean;
  blockedInCm?: 0 | 1 | null;
  cmResourceId?: number | null;
  cmUniqueUserName?: string | null;
  licence?: LicenceProfile;
}

export interface DeviceSpec {
  name?: string;
  platform?: string;
  enrollmentType?: string;
  managementAgent?: string;
  primaryUserId?: number | null;
  primaryUserUpn?: string | null;
  enrolledByUserId?: number | null;
  category?: string | null;
  lastCheckIn?: string | null;
  certExpiresAt?: string | null;
  isPredeclared?: boolean;
  cmResourceId?: number | null;
}

export interface RuleSpec {
  type: 'direct' | 'query' | 'include' | 'exclude' | 'device_category';
  name?: string;
  resourceClass?: string;
  resourceId?: number;
  query?: string;
  referencedCollectionId?: string;
  deviceCategoryId?: string;
}

let sequence = 0;

/**
 * One small snapshot on a real temp file, filled through a few insert helpers. Every rule test
 * builds its positive and negative fixture with these, so no test carries its own SQL. Like
 * the importers, each helper that writes a derived fact's input brings the facts up to date.
 */
export class Fixture {
  private constructor(
    readonly snapshot: Snapshot,
    private readonly dir: string,
  ) {}

  /** An empty snapshot with the engagement dates set and every tenant fact unknown (NULL). */
  static empty(): Fixture {
    const dir = mkdtempSync(join(tmpdir(), 'mdm-rules-'));
    const snapshot = openSnapshot(join(dir, 'fixture.mdmsnap'), { create: true });
    snapshot.db.prepare('UPDATE engagement SET data_as_of = ?, planned_switch_date = ? WHERE id = 1').run(AS_OF, PLANNED_SWITCH);
    return new Fixture(snapshot, dir);
  }

  /**
   * A healthy baseline: one licensed Entra user (Graph source) with one recent Windows device,
   * so that rules needing user, licence, device and check-in data are evaluated and find nothing.
   */
  static baseline(): Fixture {
    const fixture = Fixture.empty();
    const userId = fixture.user({ upn: 'healthy@contoso.com' });
    fixture.device({ name: 'HEALTHY-PC', platform: 'windows', enrollmentType: 'windowsAzureADJoin', primaryUserId: userId });
    return fixture;
  }

  get db() {
    return this.snapshot.db;
  }

  get path(): string {
    return this.snapshot.path;
  }

  tenant(fields: Record<string, string | number | null>): this {
    const columns = Object.keys(fields);
    this.db.prepare(`UPDATE tenant SET ${columns.map((column) => `${column} = @${column}`).join(', ')} WHERE id = 1`).run(fields);
    return this;
  }

  user(spec: UserSpec = {}): number {
    const n = ++sequence;
    const upn = spec.upn ?? `user${n}@contoso.com`;
    const inEntra = spec.inEntra ?? true;
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO users (upn, entra_object_id, display_name, cm_unique_user_name, cm_resource_id, in_entra, is_dem, blocked_in_cm)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          upn,
          inEntra ? `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` : null,
          spec.displayName ?? `User ${n}`,
          spec.cmUniqueUserName === undefined ? `CONTOSO\\user${n}` : spec.cmUniqueUserName,
          spec.cmResourceId === undefined ? 2063597568 + n : spec.cmResourceId,
          inEntra ? 1 : 0,
          spec.isDem ? 1 : 0,
          spec.blockedInCm ?? null,
        ).lastInsertRowid,
    );
    this.db.prepare(`INSERT INTO user_sources (user_id, source) VALUES (?, 'configmgr')`).run(id);
    if (inEntra) this.db.prepare(`INSERT INTO user_sources (user_id, source) VALUES (?, 'graph')`).run(id);
    this.licence(id, spec.licence ?? (inEntra ? 'intune' : 'none'));
    return id;
  }

  /** Licence situations as Graph reports them: assignedLicenses (+ disabledPlans) and assignedPlans. */
  licence(userId: number, profile: LicenceProfile): void {
    const addLicence = (sku: { id: string; partNumber: string }) =>
      Number(this.db.prepare('INSERT INTO user_licences (user_id, sku_id, sku_part_number) VALUES (?, ?, ?)').run(userId, sku.id, sku.partNumber).lastInsertRowid);
    const addPlan = (plan: { id: string; service: string }, name: string, status: string) =>
      this.db
        .prepare('INSERT INTO user_service_plans (user_id, service_plan_id, service_plan_name, service, capability_status) VALUES (?, ?, ?, ?, ?)')
        .run(userId, plan.id, name, plan.service, status);
    switch (profile) {
      case 'intune':
        addLicence(SKUS.EMS);
        addPlan(SERVICE_PLANS.INTUNE_A, 'INTUNE_A', 'Enabled');
        break;
      case 'suiteIntuneDisabled': {
        const licenceId = addLicence(SKUS.SPE_E3);
        this.db.prepare('INSERT INTO user_licence_disabled_plans (licence_id, service_plan_id) VALUES (?, ?)').run(licenceId, SERVICE_PLANS.INTUNE_A.id);
        addPlan(SERVICE_PLANS.EXCHANGE_S_ENTERPRISE, 'EXCHANGE_S_ENTERPRISE', 'Enabled');
        break;
      }
      case 'intuneSuspended':
        addLicence(SKUS.EMS);
        addPlan(SERVICE_PLANS.INTUNE_A, 'INTUNE_A', 'Suspended');
        break;
      case 'o365Only':
        addLicence(SKUS.ENTERPRISEPACK);
        addPlan(SERVICE_PLANS.INTUNE_O365, 'INTUNE_O365', 'Enabled');
        break;
      case 'none':
        break;
    }
    refreshDerivedFacts(this.db);
  }

  device(spec: DeviceSpec = {}): number {
    const n = ++sequence;
    const primaryUserId = spec.primaryUserId ?? null;
    const upn =
      spec.primaryUserUpn !== undefined
        ? spec.primaryUserUpn
        : primaryUserId !== null
          ? (this.db.prepare('SELECT upn FROM users WHERE id = ?').get(primaryUserId) as { upn: string }).upn
          : null;
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO devices (intune_device_id, cm_resource_id, serial_number, name, platform, enrollment_type, management_agent,
             category, primary_user_id, primary_user_upn, enrolled_by_user_id, last_check_in, mdm_cert_expires_at, is_predeclared)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          `11111111-0000-4000-8000-${String(n).padStart(12, '0')}`,
          spec.cmResourceId === undefined ? 16777216 + n : spec.cmResourceId,
          `SER${String(n).padStart(9, '0')}`,
          spec.name ?? `DEVICE-${n}`,
          spec.platform ?? 'ios',
          spec.enrollmentType ?? 'userEnrollment',
          spec.managementAgent ?? 'mdm',
          spec.category ?? null,
          primaryUserId,
          upn,
          spec.enrolledByUserId ?? null,
          spec.lastCheckIn === undefined ? daysFromAsOf(-1) : spec.lastCheckIn,
          spec.certExpiresAt === undefined ? daysFromAsOf(365) : spec.certExpiresAt,
          spec.isPredeclared ? 1 : 0,
        ).lastInsertRowid,
    );
    refreshDerivedFacts(this.db);
    return id;
  }

  /** A ConfigMgr user-device affinity row (primary, active unless told otherwise). */
  affinity(deviceId: number, userId: number | null, options: { isPrimary?: boolean; active?: boolean } = {}): void {
    const device = this.db.prepare('SELECT cm_resource_id AS r FROM devices WHERE id = ?').get(deviceId) as { r: number };
    this.db
      .prepare(
        `INSERT INTO user_device_affinity (device_resource_id, device_id, unique_user_name, user_id, is_primary, relation_active, types, sources)
         VALUES (?, ?, 'CONTOSO\\someone', ?, ?, ?, '1', '5')`,
      )
      .run(device.r, deviceId, userId, options.isPrimary === false ? 0 : 1, options.active === false ? 0 : 1);
    refreshDerivedFacts(this.db);
  }

  collection(id: string, name: string, type: 0 | 1 | 2, rules: RuleSpec[] = [], options: { builtIn?: boolean } = {}): string {
    this.db
      .prepare('INSERT INTO collections (collection_id, name, collection_type, is_built_in) VALUES (?, ?, ?, ?)')
      .run(id, name, type, options.builtIn ? 1 : 0);
    const insert = this.db.prepare(
      `INSERT INTO collection_rules (collection_id, rule_type, rule_name, resource_class, resource_id, query_expression, referenced_collection_id, device_category_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const rule of rules) {
      insert.run(id, rule.type, rule.name ?? null, rule.resourceClass ?? null, rule.resourceId ?? null, rule.query ?? null, rule.referencedCollectionId ?? null, rule.deviceCategoryId ?? null);
    }
    refreshDerivedFacts(this.db);
    return id;
  }

  member(collectionId: string, resourceId: number, kind: 'device' | 'user'): void {
    this.db.prepare('INSERT INTO collection_members (collection_id, resource_id, resource_kind) VALUES (?, ?, ?)').run(collectionId, resourceId, kind);
    refreshDerivedFacts(this.db);
  }

  entraGroup(name: string): void {
    this.db.prepare('INSERT INTO entra_groups (id, display_name) VALUES (?, ?)').run(`group-${++sequence}`, name);
  }

  apns(spec: { expiresAt: string | null; appleId?: string | null }): void {
    this.db
      .prepare(`INSERT INTO apns_certificates (id, apple_id, topic, expires_at, source) VALUES (?, ?, ?, ?, 'test')`)
      .run(`apns-${++sequence}`, spec.appleId === undefined ? 'mdm@contoso.com' : spec.appleId, 'com.apple.mgmt.External.x', spec.expiresAt);
  }

  depToken(expiresAt: string | null): void {
    this.db.prepare(`INSERT INTO dep_tokens (id, token_name, token_type, expires_at, source) VALUES (?, 'DEP', 'dep', ?, 'test')`).run(`dep-${++sequence}`, expiresAt);
  }

  vppToken(spec: { expiresAt: string | null; state?: string }): void {
    this.db
      .prepare(`INSERT INTO vpp_tokens (id, organization_name, account_type, state, expires_at, source) VALUES (?, 'Contoso', 'business', ?, ?, 'test')`)
      .run(`vpp-${++sequence}`, spec.state ?? 'valid', spec.expiresAt);
  }

  assess(options: AssessOptions = {}) {
    return assessSnapshot(this.snapshot, options);
  }

  finding(rule: string, options: AssessOptions = {}): FindingSummary {
    const found = this.assess(options).findings.find((finding) => finding.rule === rule);
    if (!found) throw new Error(`no finding ${rule}`);
    return found;
  }

  items(rule: string, options: AssessOptions = {}): FindingItem[] {
    return [...iterateFindingItems(this.snapshot, rule, options)];
  }

  close(): void {
    this.snapshot.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
