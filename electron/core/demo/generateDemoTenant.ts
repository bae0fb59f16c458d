import { USERLESS_ENROLLMENT_TYPES, type EnrollmentType } from '../deviceEnums.js';
import { UserFacingError } from '../errors.js';
import { SERVICE_PLANS, SKUS } from '../licensing.js';
import { BatchedInsert } from '../snapshot/batchedInsert.js';
import { withIndexesDeferred } from '../snapshot/deferIndexes.js';
import { DEVICE_FACT_COLUMNS, DEVICE_FACT_ORDER, DEVICE_LINKED_COLUMNS, type DeviceFact, type DeviceLinkedColumn } from '../snapshot/deviceColumns.js';
import type { Snapshot, SqliteDatabase } from '../snapshot/openSnapshot.js';
import { IsoTimestampFormatter } from './isoTimestamp.js';
import { SeededRandom, weightedTable, type WeightedTable } from './seededRandom.js';
import {
  DEMO_CATEGORIES,
  DEMO_DOMAIN,
  DEMO_NETBIOS_DOMAIN,
  DEMO_SITE_CODE,
  FIRST_NAMES,
  HARDWARE,
  LAST_NAMES,
  USAGE_LOCATIONS,
} from './demoVocabulary.js';

export interface DemoTenantOptions {
  readonly devices: number;
  readonly seed: number;
  /** The "data as of" instant. Fixed by default so that every run plants the same tenant. */
  readonly asOf?: Date;
}

/**
 * What the generator planted, counted as it went. Tests compare the readiness engine's
 * findings with these numbers, so every count is of a disjoint, named situation. The device
 * situations count MDM devices only: ActiveSync-only records are counted apart.
 */
export interface DemoManifest {
  seed: number;
  asOf: string;
  plannedSwitchDate: string;
  users: number;
  devices: number;
  devicesByPlatform: Record<string, number>;
  devicesByEnrollmentType: Record<string, number>;
  /** Devices with no primary user in any source (userless enrollment types, DEM, and user-type enrollments left without a user). */
  userlessDevices: number;
  /** Of those, enrolled with a user-affinity type but with the user missing everywhere. */
  userlessWithUserEnrollmentType: number;
  demEnrolledDevices: number;
  devicesWithCategory: number;
  /** Last check-in more than 7 days before `asOf` (abandoned devices included). */
  staleDevices: number;
  /** Last check-in more than 180 days ago and the MDM certificate expired. */
  abandonedDevices: number;
  easOnlyDevices: number;
  /** ActiveSync-only records with no user: out of the MDM scope, so not userless devices. */
  easOnlyWithoutUser: number;
  appleDevices: number;
  demAccounts: number;
  /** Users by licence situation; the groups are disjoint and add up to `users`. */
  usersByLicence: Record<UserLicenceProfile, number>;
  /** Users owning more than 5 MDM devices (the hybrid default enrollment limit). */
  usersOverDeviceLimit: number;
  collectionsByRuleType: Record<string, number>;
  subscriptionCollectionId: string;
  apnsExpiresAt: string;
  depTokensExpiringBeforeSwitchPlus60Days: number;
  vppTokens: number;
}

export type UserLicenceProfile =
  | 'intune'
  | 'suiteWithIntuneDisabled'
  | 'intuneSuspended'
  | 'o365MdmOnly'
  | 'unlicensed'
  | 'notInEntra'
  | 'demAccount';

// Mid-2019: hybrid MDM was retired on 2019-09-01, so a realistic hybrid tenant's data is from before then.
const DEFAULT_AS_OF = new Date('2019-06-14T09:00:00.000Z');
const DAY_MS = 86_400_000;
const FIRST_ENROLLMENT = Date.parse('2016-01-04T00:00:00Z');
/** ConfigMgr ResourceIDs: users and devices are numbered from these. */
const FIRST_USER_RESOURCE_ID = 2063597568;
const FIRST_DEVICE_RESOURCE_ID = 16777216;
export const MAX_DEMO_DEVICES = 1_000_000;
const BULK_TABLES = [
  'users',
  'user_sources',
  'user_licences',
  'user_licence_disabled_plans',
  'user_service_plans',
  'devices',
  'device_sources',
  'user_device_affinity',
  'collection_members',
];

type PlatformKey = keyof typeof HARDWARE;
const COMPLIANCE_OTHER = ['noncompliant', 'inGracePeriod', 'unknown'] as const;
const USERLESS_TYPES: ReadonlySet<EnrollmentType> = new Set(USERLESS_ENROLLMENT_TYPES);

const PLATFORM_WEIGHTS = weightedTable<PlatformKey>({ ios: 36, ipados: 8, android: 29, windows: 22, macos: 5 });

const ENROLLMENT_WEIGHTS: Record<PlatformKey, WeightedTable<EnrollmentType>> = {
  ios: weightedTable<EnrollmentType>({ userEnrollment: 58, appleBulkWithUser: 26, appleBulkWithoutUser: 9, deviceEnrollmentManager: 7 }),
  ipados: weightedTable<EnrollmentType>({ userEnrollment: 40, appleBulkWithUser: 25, appleBulkWithoutUser: 25, deviceEnrollmentManager: 10 }),
  macos: weightedTable<EnrollmentType>({ userEnrollment: 70, appleBulkWithUser: 20, appleBulkWithoutUser: 10 }),
  android: weightedTable<EnrollmentType>({ userEnrollment: 84, deviceEnrollmentManager: 16 }),
  windows: weightedTable<EnrollmentType>({
    windowsAzureADJoin: 40,
    windowsAutoEnrollment: 34,
    userEnrollment: 12,
    windowsBulkUserless: 6,
    windowsBulkAzureDomainJoin: 4,
    deviceEnrollmentManager: 4,
  }),
};

const LICENCE_WEIGHTS = weightedTable<Exclude<UserLicenceProfile, 'demAccount'>>({
  intune: 78,
  suiteWithIntuneDisabled: 4,
  intuneSuspended: 2,
  o365MdmOnly: 6,
  unlicensed: 8,
  notInEntra: 2,
});

/**
 * What each licence situation writes: a licence (SKU), a plan switched off inside it, and the
 * assigned service plans with their capabilityStatus. Indexed by a small code so that one code
 * per user is all the set-based inserts need (see writeLicences).
 */
interface LicenceKind {
  readonly sku: { readonly id: string; readonly partNumber: string } | null;
  readonly disabledPlan?: keyof typeof SERVICE_PLANS;
  readonly plans: readonly (readonly [plan: keyof typeof SERVICE_PLANS, capabilityStatus: string])[];
}
const LICENCE_KINDS: readonly LicenceKind[] = [
  /* 0 */ { sku: null, plans: [] },
  /* 1 */ { sku: SKUS.EMS, plans: [['INTUNE_A', 'Enabled']] },
  /* 2 */ { sku: SKUS.SPE_E3, plans: [['INTUNE_A', 'Enabled'], ['EXCHANGE_S_ENTERPRISE', 'Enabled']] },
  /* 3 */ { sku: SKUS.SPE_E3, disabledPlan: 'INTUNE_A', plans: [['EXCHANGE_S_ENTERPRISE', 'Enabled']] },
  /* 4 */ { sku: SKUS.EMS, plans: [['INTUNE_A', 'Suspended']] },
  /* 5 */ { sku: SKUS.ENTERPRISEPACK, plans: [['INTUNE_O365', 'Enabled']] },
];

/** The LICENCE_KINDS code for a profile; `ems` is the EMS-or-Microsoft-365-E3 draw of licensed users. */
function licenceKindOf(profile: UserLicenceProfile, ems: boolean): number {
  switch (profile) {
    case 'intune':
    case 'demAccount':
      return ems ? 1 : 2;
    case 'suiteWithIntuneDisabled':
      return 3;
    case 'intuneSuspended':
      return 4;
    case 'o365MdmOnly':
      return 5;
    case 'unlicensed':
    case 'notInEntra':
      return 0;
  }
}

interface DemoUser {
  id: number;
  upn: string;
  /** The UPN before the @, for devices' management names. */
  upnLocal: string;
  cmResourceId: number;
  uniqueUserName: string;
  firstName: string;
  deviceCount: number;
}

/** Fills an empty snapshot with a realistic hybrid tenant. One transaction. */
export function generateDemoTenant(snapshot: Snapshot, options: DemoTenantOptions): DemoManifest {
  if (!Number.isInteger(options.devices) || options.devices < 1 || options.devices > MAX_DEMO_DEVICES) {
    throw new UserFacingError('invalid_input', `--devices must be a whole number from 1 to ${MAX_DEMO_DEVICES}.`);
  }
  const db = snapshot.db;
  const existing = db.prepare('SELECT (SELECT count(*) FROM devices) + (SELECT count(*) FROM users) AS n').get() as { n: number };
  if (existing.n > 0) throw new UserFacingError('invalid_input', `${snapshot.fileName} already holds data; the demo tenant goes into a new snapshot.`);

  const generate = db.transaction(() =>
    withIndexesDeferred(db, BULK_TABLES, () => new DemoTenantWriter(snapshot, options).write()),
  );
  return withForeignKeysOff(db, generate);
}

/**
 * Runs the load with foreign-key checks off, restoring them afterwards (the pragma is a no-op
 * inside a transaction, so it is set around it). Every reference the generator writes points
 * at a row it wrote moments before, in the same transaction; checking each costs a b-tree
 * lookup per reference (measured: half of SQLite's own cost of inserting a device). The unit
 * tests (generateDemoTenantBulkLoad.test.ts) run foreign_key_check on the result.
 */
function withForeignKeysOff<T>(db: SqliteDatabase, load: () => T): T {
  if (db.inTransaction) return load();
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    return load();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys}`);
  }
}

/** What the demo binds per device, in its INSERT's order (see DEMO_DEVICE_COLUMNS). */
const DEMO_DEVICE_VALUES = [
  'id', 'intune_device_id', 'entra_device_id', 'serial_number', 'imei', 'name', 'management_name', 'platform', 'os', 'os_version',
  'model', 'manufacturer', 'company_owned', 'enrollment_type', 'management_agent', 'category', 'category_id', 'primary_user_id',
  'primary_user_upn', 'enrolled_by_user_id', 'last_check_in', 'enrolled_at', 'mdm_cert_expires_at', 'compliance',
] as const;

/**
 * Each device fact (DEVICE_FACT_COLUMNS) and the linked columns the demo fills, as SQL over
 * DEMO_DEVICE_VALUES. The raw labels, the ConfigMgr resource id and enrollment status follow
 * from other values and are filled in by SQL: fewer values to bind from JavaScript per device.
 */
const DEMO_DEVICE_FACTS: Readonly<Record<DeviceFact, string>> = {
  intuneDeviceId: 'intune_device_id',
  cmResourceId: `${FIRST_DEVICE_RESOURCE_ID - 1} + id`,
  entraDeviceId: 'entra_device_id',
  serialNumber: 'serial_number',
  imei: 'imei',
  meid: 'NULL',
  name: 'name',
  managementName: 'management_name',
  platform: 'platform',
  os: 'os',
  osVersion: 'os_version',
  model: 'model',
  manufacturer: 'manufacturer',
  ownership: `CASE company_owned WHEN 1 THEN 'company' ELSE 'personal' END`,
  ownershipRaw: `CASE company_owned WHEN 1 THEN 'Corporate' ELSE 'Personal' END`,
  enrollmentType: 'enrollment_type',
  enrollmentTypeRaw: 'enrollment_type',
  managementAgent: 'management_agent',
  managementAgentRaw: `CASE management_agent WHEN 'eas' THEN 'Exchange ActiveSync' WHEN 'easMdm' THEN 'EAS/MDM' ELSE 'Intune' END`,
  category: 'category',
  primaryUserUpn: 'primary_user_upn',
  lastCheckIn: 'last_check_in',
  enrolledAt: 'enrolled_at',
  mdmCertExpiresAt: 'mdm_cert_expires_at',
  compliance: 'compliance',
  complianceRaw: 'compliance',
  cmEnrollmentStatus: 'CASE WHEN primary_user_id IS NULL THEN 1 ELSE 2 END',
  cmClientType: '3',
};

const DEMO_DEVICE_LINKS: Readonly<Partial<Record<DeviceLinkedColumn, string>>> = {
  category_id: 'category_id',
  primary_user_id: 'primary_user_id',
  enrolled_by_user_id: 'enrolled_by_user_id',
  // The derived facts (see derivedFacts.ts), written with the row rather than by a second pass:
  // every device with a primary user gets an active primary affinity row (writeDevices),
  // every category a Device Category Rule collection of its devices (writeCollections), and the
  // affinity names the same user as Intune, so the owner is the primary user without conflict.
  has_primary_affinity: 'primary_user_id IS NOT NULL',
  in_category_collection: 'category_id IS NOT NULL',
  owner_user_id: 'primary_user_id',
};

/** The devices columns the demo writes, each with its SQL. */
const DEMO_DEVICE_COLUMNS: readonly [string, string][] = [
  ...DEVICE_FACT_ORDER.map((fact): [string, string] => [DEVICE_FACT_COLUMNS[fact].column, DEMO_DEVICE_FACTS[fact]]),
  ...DEVICE_LINKED_COLUMNS.flatMap((column): [string, string][] => (DEMO_DEVICE_LINKS[column] ? [[column, DEMO_DEVICE_LINKS[column]]] : [])),
];

class DemoTenantWriter {
  private readonly random: SeededRandom;
  private readonly asOf: Date;
  private readonly manifest: DemoManifest;
  private readonly users: DemoUser[] = [];
  private readonly demUsers: DemoUser[] = [];

  constructor(
    private readonly snapshot: Snapshot,
    private readonly options: DemoTenantOptions,
  ) {
    this.random = new SeededRandom(options.seed);
    this.asOf = options.asOf ?? DEFAULT_AS_OF;
    this.manifest = {
      seed: options.seed,
      asOf: this.asOf.toISOString(),
      plannedSwitchDate: this.daysFromAsOf(45).slice(0, 10),
      users: 0,
      devices: 0,
      devicesByPlatform: {},
      devicesByEnrollmentType: {},
      userlessDevices: 0,
      userlessWithUserEnrollmentType: 0,
      demEnrolledDevices: 0,
      devicesWithCategory: 0,
      staleDevices: 0,
      abandonedDevices: 0,
      easOnlyDevices: 0,
      easOnlyWithoutUser: 0,
      appleDevices: 0,
      demAccounts: 0,
      usersByLicence: {
        intune: 0,
        suiteWithIntuneDisabled: 0,
        intuneSuspended: 0,
        o365MdmOnly: 0,
        unlicensed: 0,
        notInEntra: 0,
        demAccount: 0,
      },
      usersOverDeviceLimit: 0,
      collectionsByRuleType: {},
      subscriptionCollectionId: 'SMS00002',
      apnsExpiresAt: this.daysFromAsOf(52),
      depTokensExpiringBeforeSwitchPlus60Days: 0,
      vppTokens: 0,
    };
  }

  write(): DemoManifest {
    this.writeTenantAndEngagement();
    this.writeCategories();
    this.writeUsers();
    this.writeDevices();
    this.writeCollections();
    this.writeAppleTokens();
    this.manifest.usersOverDeviceLimit = this.users.filter((user) => user.deviceCount > 5).length;
    this.snapshot.db
      .prepare('UPDATE engagement SET demo_manifest = ? WHERE id = 1')
      .run(JSON.stringify(this.manifest));
    this.snapshot.audit('demo generator', 'demo.generate', null, { devices: this.options.devices, seed: this.options.seed });
    return this.manifest;
  }

  private daysFromAsOf(days: number): string {
    return new Date(this.asOf.getTime() + days * DAY_MS).toISOString();
  }

  private writeTenantAndEngagement(): void {
    const db = this.snapshot.db;
    db.prepare(
      `UPDATE engagement SET customer = 'Contoso Ltd (demo tenant)', consultant = 'Demo consultant',
         data_as_of = ?, planned_switch_date = ?, is_demo = 1, demo_seed = ? WHERE id = 1`,
    ).run(this.manifest.asOf, this.manifest.plannedSwitchDate, this.options.seed);
    db.prepare(
      `UPDATE tenant SET tenant_name = 'Contoso Ltd', mdm_authority = 'sccm', cm_version = '1810',
         cm_site_code = ?, subscription_collection_id = 'SMS00002', subscription_collection_name = 'All Users',
         exchange_connector_present = 1, ndes_in_use = 1, code_signing_uploaded = 0, android_for_work_enabled = 1,
         cm_pc_conditional_access = 0, cm_rbac_roles_for_mdm = 1, switching_admin_upn = ? WHERE id = 1`,
    ).run(DEMO_SITE_CODE, `mdm.admin@${DEMO_DOMAIN}`);
  }

  private writeCategories(): void {
    const insert = this.snapshot.db.prepare('INSERT INTO device_categories (id, display_name, description) VALUES (?, ?, ?)');
    for (const category of DEMO_CATEGORIES) insert.run(category.id, category.name, category.description);
  }

  /** Users first, so devices can be handed out to them. Roughly 1.6 devices per user. */
  private writeUsers(): void {
    const db = this.snapshot.db;
    const random = this.random;
    const userCount = Math.max(12, Math.round(this.options.devices / 1.6));
    const demCount = Math.max(2, Math.round(userCount / 2500));
    // Ids are given explicitly (1, 2, 3, … in generation order) so that the set-based licence
    // inserts below can find a user from its position. The snapshot was checked to be empty.
    // Columns that follow from others (mail, domain, ConfigMgr names and ids) are filled in by
    // SQL: each value bound from JavaScript costs more than SQLite computing it.
    const insertUser = new BatchedInsert(
      db,
      (values) => `WITH new_user (id, upn, entra_object_id, display_name, sam, account_enabled, usage_location, in_entra, is_dem,
         intune_a_enabled) AS (${values})
       INSERT INTO users (id, upn, entra_object_id, display_name, mail, on_prem_domain, on_prem_sam, cm_unique_user_name,
         cm_resource_id, account_enabled, usage_location, user_type, in_entra, is_dem, intune_a_enabled)
       SELECT id, upn, entra_object_id, display_name, CASE in_entra WHEN 1 THEN upn END, '${DEMO_NETBIOS_DOMAIN}', sam,
         '${DEMO_NETBIOS_DOMAIN}\\' || sam, ${FIRST_USER_RESOURCE_ID - 1} + id, account_enabled, usage_location, 'Member', in_entra, is_dem,
         intune_a_enabled
       FROM new_user`,
      '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // The licence situation of user N is licenceKinds[N - 1] (an index into LICENCE_KINDS);
    // the licence and plan rows are then written by three INSERT … SELECT statements.
    const licenceKinds = new Uint8Array(userCount);
    // Next free numeric suffix per base account name, so name clashes cost one lookup.
    const samSuffixes = new Map<string, number>();

    for (let index = 0; index < userCount; index++) {
      const id = index + 1;
      const isDem = index < demCount;
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      const baseSam = isDem ? `dem.enroll${index + 1}` : `${first[0]}${last}`.toLowerCase();
      const suffix = samSuffixes.get(baseSam) ?? 1;
      samSuffixes.set(baseSam, suffix + 1);
      const sam = suffix === 1 ? baseSam : `${baseSam}${suffix}`;
      // "a.smith": the first initial, a dot, the rest of the account name.
      const upnLocal = isDem ? sam : `${sam[0]}.${sam.slice(1)}`;
      const upn = `${upnLocal}@${DEMO_DOMAIN}`;
      const displayName = isDem ? `Device Enrollment Manager ${index + 1}` : `${first} ${last}`;
      const profile: UserLicenceProfile = isDem ? 'demAccount' : random.weighted(LICENCE_WEIGHTS);
      const inEntra = profile !== 'notInEntra';
      const cmResourceId = FIRST_USER_RESOURCE_ID + index;
      const uniqueUserName = `${DEMO_NETBIOS_DOMAIN}\\${sam}`;
      // Drawn in this order, user by user, so that the random sequence stays what it always was.
      const entraObjectId = inEntra ? random.guid() : null;
      const accountEnabled = random.chance(0.97) ? 1 : 0;
      const usageLocation = random.pick(USAGE_LOCATIONS);
      const licenceKind = licenceKindOf(profile, profile === 'intune' || profile === 'demAccount' ? random.chance(0.6) : false);
      licenceKinds[index] = licenceKind;
      insertUser.add(
        id,
        // A user missing from Entra keeps the UPN ConfigMgr knows, which matches nothing in Azure AD.
        inEntra ? upn : `${sam}@corp.${DEMO_DOMAIN}`,
        entraObjectId,
        displayName,
        sam,
        accountEnabled,
        usageLocation,
        inEntra ? 1 : 0,
        isDem ? 1 : 0,
        // The derived fact (see derivedFacts.ts), written with the row: writeLicences adds the plans.
        LICENCE_KINDS[licenceKind]!.plans.some(([name, status]) => name === 'INTUNE_A' && status === 'Enabled') ? 1 : 0,
      );
      this.manifest.usersByLicence[profile]++;

      const user: DemoUser = { id, upn, upnLocal, cmResourceId, uniqueUserName, firstName: first, deviceCount: 0 };
      (isDem ? this.demUsers : this.users).push(user);
    }
    insertUser.flush();
        this.writeLicences(licenceKinds);
    // Set-based inserts: one statement instead of a JS-to-SQLite call per row.
    db.exec(`INSERT INTO user_sources (user_id, source) SELECT id, 'configmgr' FROM users`);
    db.exec(`INSERT INTO user_sources (user_id, source) SELECT id, 'graph' FROM users WHERE in_entra = 1`);
    this.manifest.users = userCount;
    this.manifest.demAccounts = demCount;
  }

  /**
   * Licences, disabled plans and assigned plans for every user, from each user's licence kind.
   * Three INSERT … SELECT statements replace about three row-by-row inserts per user. The kinds
   * travel as one JSON array (json_each's `key` is the array index, so user id = key + 1), the
   * kinds' rows as a second one.
   */
  private writeLicences(licenceKinds: Uint8Array): void {
    const db = this.snapshot.db;
    const perUser = JSON.stringify(Array.from(licenceKinds));
    const kindLicences = JSON.stringify(LICENCE_KINDS.map((kind) => (kind.sku ? [kind.sku.id, kind.sku.partNumber] : null)));
    const kindPlans = JSON.stringify(
      LICENCE_KINDS.flatMap((kind, code) => kind.plans.map(([name, status]) => [code, SERVICE_PLANS[name].id, name, SERVICE_PLANS[name].service, status])),
    );
    // The kinds become a small materialized table that SQLite indexes on the fly; joining two
    // json_each() calls directly rescans the short list for each of the 150,000 users.
    // ORDER BY keeps the licence ids in user order, as when they were inserted one by one.
    db.prepare(
      `WITH kind (code, sku_id, sku_part_number) AS MATERIALIZED (
         SELECT key, value ->> 0, value ->> 1 FROM json_each(?) WHERE type = 'array')
       INSERT INTO user_licences (user_id, sku_id, sku_part_number)
       SELECT u.key + 1, kind.sku_id, kind.sku_part_number
       FROM json_each(?) u CROSS JOIN kind ON kind.code = u.value
       ORDER BY u.key`,
    ).run(kindLicences, perUser);
    const disabledKind = LICENCE_KINDS.findIndex((kind) => kind.disabledPlan !== undefined);
    db.prepare(
      `INSERT INTO user_licence_disabled_plans (licence_id, service_plan_id)
       SELECT l.id, ? FROM user_licences l
       WHERE l.user_id IN (SELECT u.key + 1 FROM json_each(?) u WHERE u.value = ?)`,
    ).run(SERVICE_PLANS[LICENCE_KINDS[disabledKind]!.disabledPlan!].id, perUser, disabledKind);
    db.prepare(
      `WITH plan (code, service_plan_id, service_plan_name, service, capability_status) AS MATERIALIZED (
         SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?))
       INSERT INTO user_service_plans (user_id, service_plan_id, service_plan_name, service, capability_status, assigned_at)
       SELECT u.key + 1, plan.service_plan_id, plan.service_plan_name, plan.service, plan.capability_status, '2018-03-01T10:00:00Z'
       FROM json_each(?) u CROSS JOIN plan ON plan.code = u.value
       ORDER BY u.key`,
    ).run(kindPlans, perUser);
  }

  /** Picks an owner so that most users have 1–2 devices and a few have many. */
  private pickOwner(): DemoUser {
    const random = this.random;
    // A small pool of heavy users (test benches, shared desks) goes past the enrollment limit.
    if (random.chance(0.01)) return this.users[random.int(0, Math.max(0, Math.floor(this.users.length / 200)))]!;
    return this.users[random.int(0, this.users.length - 1)]!;
  }

  private writeDevices(): void {
    const db = this.snapshot.db;
    const random = this.random;
    // Ids given explicitly, 1, 2, 3, … in generation order, as the empty table would assign them.
    const insertDevice = new BatchedInsert(
      db,
      (values) => `WITH new_device (${DEMO_DEVICE_VALUES.join(', ')}) AS (${values})
       INSERT INTO devices (id, ${DEMO_DEVICE_COLUMNS.map(([column]) => column).join(', ')})
       SELECT id, ${DEMO_DEVICE_COLUMNS.map(([, value]) => value).join(', ')} FROM new_device`,
      `(${DEMO_DEVICE_VALUES.map(() => '?').join(', ')})`,
    );
    const asOfMs = this.asOf.getTime();
    const manifest = this.manifest;
    const iso = new IsoTimestampFormatter();

    for (let index = 0; index < this.options.devices; index++) {
      const platform = random.weighted(PLATFORM_WEIGHTS);
      const enrollmentType = random.weighted(ENROLLMENT_WEIGHTS[platform]);
      const [manufacturer, model, os, versions] = random.pick(HARDWARE[platform]);
      const osVersion = random.pick(versions);
      const isDem = enrollmentType === 'deviceEnrollmentManager';
      const userlessType = USERLESS_TYPES.has(enrollmentType);
      // ActiveSync-only records are phones the Exchange connector found; some have no user left.
      const easOnly = platform !== 'windows' && platform !== 'macos' && random.chance(0.015);
      const easWithoutUser = easOnly && random.chance(0.4);
      // About 1 in 100 user-affinity enrollments lost its user (left the company, affinity removed).
      const lostUser = !userlessType && !easOnly && random.chance(0.01);
      const owner = userlessType || lostUser || easWithoutUser ? null : this.pickOwner();
      const enroller = isDem ? this.demUsers[index % this.demUsers.length]! : null;
      if (owner) owner.deviceCount++;

      const company = userlessType || enrollmentType === 'appleBulkWithUser' || enrollmentType === 'windowsAzureADJoin' || random.chance(0.45);
      const category = random.chance(platform === 'windows' ? 0.1 : 0.38) ? random.pick(DEMO_CATEGORIES) : null;

      const ageRoll = random.next();
      let silentDays: number;
      if (ageRoll < 0.015) silentDays = random.int(200, 420);
      else if (ageRoll < 0.07) silentDays = random.int(8, 170);
      else silentDays = random.next() * 6.5;
      const lastCheckIn = asOfMs - silentDays * DAY_MS;
      // Enrollments date from 2016 on (hybrid tenants of mid-2019), at least a month before the last check-in.
      const enrolledAt = lastCheckIn - random.int(30, Math.max(30, Math.floor((lastCheckIn - FIRST_ENROLLMENT) / DAY_MS))) * DAY_MS;
      const certExpires = silentDays > 180 ? asOfMs - random.int(1, 20) * DAY_MS : enrolledAt + 365 * DAY_MS * 2;

      // No co-managed Windows devices: co-management cannot be enabled in a hybrid tenant (brief §0.2b).
      const agent = easOnly ? 'eas' : random.chance(0.06) ? 'easMdm' : 'mdm';
      const compliance = silentDays > 30 ? 'noncompliant' : random.chance(0.9) ? 'compliant' : random.pick(COMPLIANCE_OTHER);
      const serial = platform === 'windows' ? random.alphanumeric(10) : random.alphanumeric(12);
      const phone = platform === 'ios' || (platform === 'android' && model !== 'SM-T830');
      const ownerName = owner?.firstName ?? null;
      const name = platform === 'windows'
        ? `${company ? 'CON' : 'DESKTOP'}-${serial.slice(0, 7)}`
        : ownerName ? `${ownerName}'s ${model}` : `${model.replace(/\s.*/, '')}-${serial.slice(-6)}`;
      const enrolledAtIso = iso.format(enrolledAt);

      insertDevice.add(
        index + 1,
        random.guid(),
        enrollmentType.startsWith('windows') ? random.guid() : null,
        serial,
        phone ? `35${random.digits(13)}` : null,
        name,
        `${owner ? owner.upnLocal : 'userless'}_${platform === 'ipados' ? 'iPad' : os}_${enrolledAtIso.slice(0, 10)}`,
        platform,
        os,
        osVersion,
        model,
        manufacturer,
        company ? 1 : 0,
        enrollmentType,
        agent,
        category?.name ?? null,
        category?.id ?? null,
        owner?.id ?? null,
        owner?.upn ?? null,
        enroller?.id ?? null,
        iso.format(lastCheckIn),
        enrolledAtIso,
        iso.format(certExpires),
        compliance,
      );

      manifest.devices++;
      manifest.devicesByPlatform[platform] = (manifest.devicesByPlatform[platform] ?? 0) + 1;
      manifest.devicesByEnrollmentType[enrollmentType] = (manifest.devicesByEnrollmentType[enrollmentType] ?? 0) + 1;
      // The device rules' situations count MDM devices only; ActiveSync-only records are out of that scope.
      if (easOnly) {
        manifest.easOnlyDevices++;
        if (!owner) manifest.easOnlyWithoutUser++;
      } else {
        if (!owner) manifest.userlessDevices++;
        if (lostUser) manifest.userlessWithUserEnrollmentType++;
        if (isDem) manifest.demEnrolledDevices++;
        if (category) manifest.devicesWithCategory++;
        if (silentDays > 7) manifest.staleDevices++;
        if (silentDays > 180) manifest.abandonedDevices++;
        if (platform === 'ios' || platform === 'ipados' || platform === 'macos') manifest.appleDevices++;
      }
    }
    insertDevice.flush();
    // Every hybrid MDM device is in ConfigMgr; a deterministic 96 % also appear in the Intune export.
    db.exec(`INSERT INTO device_sources (device_id, source) SELECT id, 'configmgr' FROM devices`);
    db.exec(`INSERT INTO device_sources (device_id, source) SELECT id, 'intune' FROM devices WHERE (id * 2654435761) % 100 < 96`);
    db.exec(`INSERT INTO user_device_affinity (device_resource_id, device_id, unique_user_name, user_id, is_primary, relation_active, types, sources, created_at)
             SELECT d.cm_resource_id, d.id, u.cm_unique_user_name, u.id, 1, 1, '1', '5', d.enrolled_at
             FROM devices d JOIN users u ON u.id = d.primary_user_id`);
  }

  /** ConfigMgr collections: the built-ins, one of every rule type, and category collections. */
  private writeCollections(): void {
    const db = this.snapshot.db;
    const random = this.random;
    const insertCollection = db.prepare(
      `INSERT INTO collections (collection_id, name, collection_type, limit_to_collection_id, member_count, is_built_in)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insertRule = db.prepare(
      `INSERT INTO collection_rules (collection_id, rule_type, rule_name, resource_class, resource_id, query_id,
         query_expression, referenced_collection_id, device_category_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertEntraGroup = db.prepare('INSERT INTO entra_groups (id, display_name) VALUES (?, ?)');
    const ruleCounts = this.manifest.collectionsByRuleType;
    const countRule = (type: string) => (ruleCounts[type] = (ruleCounts[type] ?? 0) + 1);

    insertCollection.run('SMS00001', 'All Systems', 2, null, null, 1);
    insertCollection.run('SMS00002', 'All Users', 1, null, null, 1);
    insertCollection.run('SMS00004', 'All Users and User Groups', 1, null, null, 1);
    insertCollection.run('SMSDM003', 'All Mobile Devices', 2, 'SMS00001', null, 1);
    db.exec(`INSERT INTO collection_members (collection_id, resource_id, resource_kind, name, is_direct)
             SELECT 'SMS00001', cm_resource_id, 'device', name, 0 FROM devices WHERE cm_resource_id IS NOT NULL`);
    db.exec(`INSERT INTO collection_members (collection_id, resource_id, resource_kind, name, is_direct)
             SELECT 'SMS00002', cm_resource_id, 'user', cm_unique_user_name, 0 FROM users WHERE cm_resource_id IS NOT NULL`);

    let sequence = 0x14;
    const nextId = () => `${DEMO_SITE_CODE}${(sequence++).toString(16).toUpperCase().padStart(5, '0')}`;

    // Direct membership: a hand-picked VIP list.
    const vipId = nextId();
    insertCollection.run(vipId, 'VIP Users', 1, 'SMS00002', null, 0);
    const vipCount = Math.min(20, this.users.length);
    for (let i = 0; i < vipCount; i++) {
      const user = this.users[random.int(0, this.users.length - 1)]!;
      const exists = db.prepare('SELECT 1 FROM collection_rules WHERE collection_id = ? AND resource_id = ?').get(vipId, user.cmResourceId);
      if (exists) continue;
      insertRule.run(vipId, 'direct', user.uniqueUserName, 'SMS_R_User', user.cmResourceId, null, null, null, null);
      db.prepare('INSERT INTO collection_members (collection_id, resource_id, resource_kind, name, is_direct) VALUES (?, ?, ?, ?, 1)')
        .run(vipId, user.cmResourceId, 'user', user.uniqueUserName);
    }
    countRule('direct');

    // Query rules: one single-AD-group test whose group exists in Entra, one whose group does not,
    // and a complex query.
    const salesId = nextId();
    insertCollection.run(salesId, 'Sales Team', 1, 'SMS00002', null, 0);
    insertRule.run(salesId, 'query', 'Sales Team AD group', 'SMS_R_User', null, 1,
      `select SMS_R_USER.ResourceID from SMS_R_User where SMS_R_User.UserGroupName = "${DEMO_NETBIOS_DOMAIN}\\\\Sales Team"`, null, null);
    insertEntraGroup.run('7a1c9e52-3b5d-4f7e-8a90-5c6d7e8f9a01', 'Sales Team');
    const financeId = nextId();
    insertCollection.run(financeId, 'Finance Team', 1, 'SMS00002', null, 0);
    insertRule.run(financeId, 'query', 'Finance AD group', 'SMS_R_User', null, 2,
      `select SMS_R_USER.ResourceID from SMS_R_User where SMS_R_User.UserGroupName = "${DEMO_NETBIOS_DOMAIN}\\\\Finance"`, null, null);
    const iosId = nextId();
    insertCollection.run(iosId, 'Corporate iOS devices', 2, 'SMSDM003', null, 0);
    insertRule.run(iosId, 'query', 'iOS company-owned', 'SMS_R_System', null, 3,
      'select SMS_R_System.ResourceId from SMS_R_System inner join SMS_G_System_DEVICE_OSINFORMATION on SMS_G_System_DEVICE_OSINFORMATION.ResourceID = SMS_R_System.ResourceId where SMS_G_System_DEVICE_OSINFORMATION.Platform like "iOS%" and SMS_R_System.DeviceOwner = 1',
      null, null);
    countRule('query');
    countRule('query');
    countRule('query');

    // Include and exclude: the first migration wave is excluded from a rebuilt subscription collection.
    const pilotId = nextId();
    insertCollection.run(pilotId, 'Migration pilot', 1, 'SMS00002', null, 0);
    insertRule.run(pilotId, 'include', 'Include VIP Users', null, null, null, null, vipId, null);
    countRule('include');
    const hybridId = nextId();
    insertCollection.run(hybridId, 'Hybrid MDM users (excluding pilot)', 1, 'SMS00002', null, 0);
    insertRule.run(hybridId, 'include', 'Include All Users', null, null, null, null, 'SMS00002', null);
    insertRule.run(hybridId, 'exclude', 'Exclude Migration pilot', null, null, null, null, pilotId, null);
    countRule('include');
    countRule('exclude');

    // Device Category Rules: one collection per category.
    const insertCategoryMembers = db.prepare(
      `INSERT INTO collection_members (collection_id, resource_id, resource_kind, name, is_direct)
       SELECT ?, cm_resource_id, 'device', name, 0 FROM devices WHERE category_id = ?`,
    );
    for (const category of DEMO_CATEGORIES) {
      const id = nextId();
      insertCollection.run(id, `${category.name} devices`, 2, 'SMSDM003', null, 0);
      insertRule.run(id, 'device_category', category.name, null, null, null, null, null, category.id);
      insertCategoryMembers.run(id, category.id);
      countRule('device_category');
    }

    db.exec(`UPDATE collections SET member_count = (SELECT count(*) FROM collection_members m WHERE m.collection_id = collections.collection_id)`);
  }

  private writeAppleTokens(): void {
    const db = this.snapshot.db;
    db.prepare(
      `INSERT INTO apns_certificates (id, apple_id, topic, expires_at, last_modified_at, source) VALUES (?, ?, ?, ?, ?, 'demo')`,
    ).run('apns-1', `mdm.admin@${DEMO_DOMAIN}`, `com.apple.mgmt.External.${this.random.guid()}`, this.manifest.apnsExpiresAt, this.daysFromAsOf(-313));
    const insertDep = db.prepare(
      `INSERT INTO dep_tokens (id, token_name, apple_id, token_type, expires_at, last_sync_at, synced_device_count, source)
       VALUES (?, ?, ?, 'dep', ?, ?, ?, 'demo')`,
    );
    const depTokens: [string, string, number, number][] = [
      ['dep-1', 'Contoso DEP (corporate iPhones)', 38, 1200],
      ['dep-2', 'Contoso DEP (retail iPads)', 240, 310],
    ];
    for (const [id, name, expiresInDays, synced] of depTokens) {
      insertDep.run(id, name, `apple.business@${DEMO_DOMAIN}`, this.daysFromAsOf(expiresInDays), this.daysFromAsOf(-1), synced);
      if (expiresInDays < 45 + 60) this.manifest.depTokensExpiringBeforeSwitchPlus60Days++;
    }
    const insertVpp = db.prepare(
      `INSERT INTO vpp_tokens (id, organization_name, apple_id, account_type, state, expires_at, last_sync_at, source)
       VALUES (?, 'Contoso Ltd', ?, 'business', ?, ?, ?, 'demo')`,
    );
    insertVpp.run('vpp-1', `apple.business@${DEMO_DOMAIN}`, 'valid', this.daysFromAsOf(75), this.daysFromAsOf(-1));
    insertVpp.run('vpp-2', `apps@${DEMO_DOMAIN}`, 'valid', this.daysFromAsOf(290), this.daysFromAsOf(-2));
    this.manifest.vppTokens = 2;
  }
}
