import { afterEach, describe, expect, it } from 'vitest';
import { USERLESS_ENROLLMENT_TYPES } from '../../../electron/core/deviceEnums.js';
import { RULES } from '../../../electron/core/rules/index.js';
import { daysFromAsOf, Fixture } from './fixtureBuilder.js';

/**
 * One positive and one negative fixture per rule of brief §2 that schema v1 can evaluate.
 * Each fixture starts from the healthy baseline (one licensed user, one recent Windows device),
 * which on its own triggers no user or device rule.
 */
interface RuleCase {
  readonly rule: string;
  readonly name?: string;
  /** Adds the situation the rule must flag; returns nothing. */
  readonly positive: (f: Fixture) => void;
  /** A near miss the rule must not flag (still evaluated). */
  readonly negative: (f: Fixture) => void;
  readonly positiveCount?: number;
  readonly severity?: string;
  readonly detail?: RegExp;
}

const SUBSCRIPTION = 'CON00010';
const singleGroupQuery = (group: string) => `select SMS_R_USER.ResourceID from SMS_R_User where SMS_R_User.UserGroupName = "CONTOSO\\\\${group}"`;
const ownedDevice = (f: Fixture, userId: number, extra = {}) => f.device({ platform: 'android', primaryUserId: userId, ...extra });

const CASES: readonly RuleCase[] = [
  {
    rule: 'USR_NO_INTUNE_LICENSE',
    name: 'unlicensed device owner',
    positive: (f) => void ownedDevice(f, f.user({ licence: 'none' })),
    negative: (f) => void f.user({ licence: 'none' }), // no device, subscription members unknown: out of scope
    detail: /No licence/,
  },
  {
    rule: 'USR_NO_INTUNE_LICENSE',
    name: 'suspended INTUNE_A plan',
    positive: (f) => void ownedDevice(f, f.user({ licence: 'intuneSuspended' })),
    negative: (f) => void ownedDevice(f, f.user({ licence: 'intune' })),
    detail: /INTUNE_A is Suspended/,
  },
  {
    rule: 'USR_NO_INTUNE_LICENSE',
    name: 'subscription-collection member without devices',
    positive: (f) => {
      f.tenant({ subscription_collection_id: SUBSCRIPTION });
      f.collection(SUBSCRIPTION, 'Hybrid MDM users', 1);
      const id = f.user({ licence: 'none', cmResourceId: 5001 });
      f.member(SUBSCRIPTION, 5001, 'user');
      expect(id).toBeGreaterThan(0);
    },
    negative: (f) => {
      f.tenant({ subscription_collection_id: SUBSCRIPTION });
      f.collection(SUBSCRIPTION, 'Hybrid MDM users', 1);
      f.user({ licence: 'intune', cmResourceId: 5001 });
      f.member(SUBSCRIPTION, 5001, 'user');
    },
  },
  {
    rule: 'USR_INTUNE_PLAN_DISABLED',
    name: 'suite licence with INTUNE_A disabled',
    positive: (f) => void f.user({ licence: 'suiteIntuneDisabled' }),
    negative: (f) => f.licence(f.user({ licence: 'suiteIntuneDisabled' }), 'intune'), // another SKU gives INTUNE_A
    detail: /INTUNE_A disabled in SPE_E3/,
  },
  {
    rule: 'USR_ADMIN_UNLICENSED',
    positive: (f) => {
      f.tenant({ switching_admin_upn: 'admin@contoso.com' });
      f.user({ upn: 'admin@contoso.com', licence: 'none' });
    },
    negative: (f) => {
      f.tenant({ switching_admin_upn: 'admin@contoso.com' });
      f.user({ upn: 'admin@contoso.com', licence: 'intune' });
    },
  },
  {
    rule: 'USR_NOT_IN_AAD',
    positive: (f) => void f.user({ inEntra: false, upn: 'gone@corp.contoso.com' }),
    negative: (f) => void f.user({ inEntra: true }),
  },
  {
    rule: 'USR_EXCLUDE_INEFFECTIVE',
    positive: (f) => {
      f.tenant({ subscription_collection_id: SUBSCRIPTION });
      f.collection('CON00011', 'Wave 1', 1);
      f.collection(SUBSCRIPTION, 'Hybrid MDM users', 1, [
        { type: 'include', referencedCollectionId: 'SMS00002' },
        { type: 'exclude', referencedCollectionId: 'CON00011' },
      ]);
      f.user({ cmResourceId: 7001 });
      f.member('CON00011', 7001, 'user');
      f.member(SUBSCRIPTION, 7001, 'user'); // still in: a group include beat the exclusion
    },
    negative: (f) => {
      f.tenant({ subscription_collection_id: SUBSCRIPTION });
      f.collection('CON00011', 'Wave 1', 1);
      f.collection(SUBSCRIPTION, 'Hybrid MDM users', 1, [
        { type: 'include', referencedCollectionId: 'SMS00002' },
        { type: 'exclude', referencedCollectionId: 'CON00011' },
      ]);
      f.user({ cmResourceId: 7001 });
      f.user({ cmResourceId: 7002 });
      f.member('CON00011', 7001, 'user');
      f.member(SUBSCRIPTION, 7002, 'user');
    },
  },
  {
    rule: 'USR_DEM_ACCOUNT',
    name: 'a DEM account',
    positive: (f) => void f.user({ isDem: true, upn: 'dem.enroll1@contoso.com' }),
    negative: (f) => void f.user({ isDem: false }),
  },
  {
    rule: 'USR_BLOCKED_BUT_LICENSED',
    positive: (f) => void f.user({ blockedInCm: 1, licence: 'intune' }),
    negative: (f) => {
      f.user({ blockedInCm: 1, licence: 'none' });
      f.user({ blockedInCm: 0, licence: 'intune' });
    },
  },
  {
    rule: 'USR_DEVICE_LIMIT',
    positive: (f) => {
      const id = f.user();
      for (let i = 0; i < 6; i++) ownedDevice(f, id);
    },
    negative: (f) => {
      const id = f.user();
      for (let i = 0; i < 5; i++) ownedDevice(f, id);
      ownedDevice(f, id, { managementAgent: 'eas' }); // ActiveSync-only records do not count
    },
    detail: /6 MDM devices \(limit 5\)/,
  },
  {
    rule: 'USR_O365_MDM_ONLY',
    positive: (f) => void f.user({ licence: 'o365Only' }),
    negative: (f) => f.licence(f.user({ licence: 'o365Only' }), 'intune'),
  },
  {
    rule: 'DEV_USERLESS',
    name: 'device with no primary user in any source',
    positive: (f) => void f.device({ platform: 'android', enrollmentType: 'userEnrollment', primaryUserId: null, primaryUserUpn: null }),
    negative: (f) => {
      // No user on the Intune/Graph side, but ConfigMgr has an active primary-user affinity row.
      const device = f.device({ platform: 'android', enrollmentType: 'userEnrollment', primaryUserId: null, primaryUserUpn: null });
      f.affinity(device, f.user());
      // And one with only a UPN (Intune export, user not in the users export).
      f.device({ platform: 'android', enrollmentType: 'userEnrollment', primaryUserId: null, primaryUserUpn: 'someone@contoso.com' });
    },
    detail: /No primary user in any source/,
  },
  {
    rule: 'DEV_DEM_ENROLLED',
    positive: (f) => void f.device({ platform: 'android', enrollmentType: 'userEnrollment', enrolledByUserId: f.user({ isDem: true, upn: 'dem@contoso.com' }) }),
    negative: (f) => void f.device({ platform: 'android', enrollmentType: 'userEnrollment', enrolledByUserId: f.user({ isDem: false }) }),
    detail: /Enrolled by DEM dem@contoso.com/,
  },
  {
    rule: 'DEV_DEM_ENROLLED',
    name: 'deviceEnrollmentManager enrollment type',
    positive: (f) => void f.device({ platform: 'windows', enrollmentType: 'deviceEnrollmentManager' }),
    negative: (f) => void f.device({ platform: 'windows', enrollmentType: 'windowsBulkUserless' }),
  },
  {
    rule: 'DEV_DEVICE_CATEGORY',
    positive: (f) => void f.device({ category: 'Sales', primaryUserId: f.user() }),
    negative: (f) => {
      f.collection('CON00020', 'Some devices', 2, [{ type: 'direct', resourceClass: 'SMS_R_System', resourceId: 16777216 }]);
      f.member('CON00020', 990001, 'device');
      f.device({ category: null, cmResourceId: 990001, primaryUserId: f.user() });
    },
    detail: /Category Sales/,
  },
  {
    rule: 'DEV_DEVICE_CATEGORY',
    name: '"Unknown" is a category only where the tenant really has one of that name',
    positive: (f) => {
      f.db.prepare(`INSERT INTO device_categories (id, display_name) VALUES ('cat-9', 'Unknown')`).run();
      f.device({ category: 'Unknown', primaryUserId: f.user() });
    },
    negative: (f) => {
      f.db.prepare(`INSERT INTO device_categories (id, display_name) VALUES ('cat-1', 'Sales')`).run();
      f.device({ category: 'Unknown', primaryUserId: f.user() });
      f.device({ category: ' unassigned ', primaryUserId: f.user() });
      f.device({ category: '', primaryUserId: f.user() });
    },
  },
  {
    rule: 'DEV_DEVICE_CATEGORY',
    name: 'member of a Device Category Rule collection',
    positive: (f) => {
      f.collection('CON00021', 'Sales devices', 2, [{ type: 'device_category', name: 'Sales', deviceCategoryId: 'cat-1' }]);
      f.member('CON00021', 990002, 'device');
      f.device({ category: null, cmResourceId: 990002, primaryUserId: f.user() });
    },
    negative: (f) => {
      f.collection('CON00021', 'Sales devices', 2, [{ type: 'device_category', name: 'Sales', deviceCategoryId: 'cat-1' }]);
      f.device({ category: null, cmResourceId: 990002, primaryUserId: f.user() });
    },
  },
  {
    rule: 'DEV_OFFLINE_STALE',
    positive: (f) => void f.device({ lastCheckIn: daysFromAsOf(-10), primaryUserId: f.user() }),
    negative: (f) => void f.device({ lastCheckIn: daysFromAsOf(-3), primaryUserId: f.user() }),
    detail: /Last check-in 2026-10-23 \(10 days before the data date\)/,
  },
  {
    rule: 'DEV_ABANDONED',
    positive: (f) => void f.device({ lastCheckIn: daysFromAsOf(-200), certExpiresAt: daysFromAsOf(-5), primaryUserId: f.user() }),
    negative: (f) => {
      f.device({ lastCheckIn: daysFromAsOf(-200), certExpiresAt: daysFromAsOf(10), primaryUserId: f.user() }); // certificate still valid
      f.device({ lastCheckIn: daysFromAsOf(-100), certExpiresAt: daysFromAsOf(-5), primaryUserId: f.user() }); // not silent long enough
    },
  },
  {
    rule: 'DEV_IOS_APNS_DEPENDENT',
    positive: (f) => {
      f.apns({ expiresAt: daysFromAsOf(400) });
      f.device({ platform: 'ios', primaryUserId: f.user() });
    },
    negative: (f) => {
      f.apns({ expiresAt: daysFromAsOf(400) });
      f.device({ platform: 'android', primaryUserId: f.user() });
    },
    severity: 'info',
  },
  {
    rule: 'DEV_IOS_APNS_DEPENDENT',
    name: 'raised to HIGH when the APNs certificate expires soon',
    positive: (f) => {
      f.apns({ expiresAt: daysFromAsOf(50) });
      f.device({ platform: 'macos', primaryUserId: f.user() });
    },
    negative: (f) => {
      f.apns({ expiresAt: daysFromAsOf(50) });
      f.device({ platform: 'windows', primaryUserId: f.user() });
    },
    severity: 'high',
  },
  {
    rule: 'DEV_DEP_RECORD',
    positive: (f) => void f.device({ platform: 'ipados', enrollmentType: 'appleBulkWithUser', primaryUserId: f.user() }),
    negative: (f) => void f.device({ platform: 'android', enrollmentType: 'userEnrollment', primaryUserId: f.user() }),
  },
  {
    rule: 'DEV_EAS_ONLY',
    positive: (f) => void f.device({ managementAgent: 'eas', primaryUserId: f.user() }),
    negative: (f) => void f.device({ managementAgent: 'easMdm', primaryUserId: f.user() }),
  },
  {
    rule: 'DEV_PREDECLARED_CORP',
    positive: (f) => void f.device({ isPredeclared: true, primaryUserId: f.user() }),
    negative: (f) => {
      f.db
        .prepare(`INSERT INTO import_batches (file_name, kind, source, sha256, started_at) VALUES ('corp.csv', 'predeclared', 'configmgr', 'x', ?)`)
        .run(daysFromAsOf(0));
      f.device({ isPredeclared: false, primaryUserId: f.user() });
    },
  },
  {
    rule: 'DEV_ANDROID_FOR_WORK',
    positive: (f) => void f.tenant({ android_for_work_enabled: 1 }),
    negative: (f) => void f.tenant({ android_for_work_enabled: 0 }),
  },
  {
    rule: 'DEV_CM_CLIENT_CA',
    positive: (f) => void f.tenant({ cm_pc_conditional_access: 1 }),
    negative: (f) => void f.tenant({ cm_pc_conditional_access: 0 }),
  },
  {
    rule: 'COL_SINGLE_AD_GROUP_OK',
    positive: (f) => {
      f.entraGroup('Sales Team');
      f.collection('CON00030', 'Sales Team', 1, [{ type: 'query', query: singleGroupQuery('Sales Team') }]);
    },
    negative: (f) => {
      f.entraGroup('Another group');
      f.collection('CON00030', 'Sales Team', 1, [{ type: 'query', query: singleGroupQuery('Sales Team') }]);
    },
    detail: /Targets AD group Sales Team/,
  },
  {
    rule: 'COL_AD_GROUP_NOT_IN_AAD',
    positive: (f) => {
      f.entraGroup('Another group');
      f.collection('CON00031', 'Finance', 1, [{ type: 'direct', resourceClass: 'SMS_R_UserGroup', name: 'CONTOSO\\Finance', resourceId: 1 }]);
    },
    negative: (f) => {
      f.entraGroup('Finance');
      f.collection('CON00031', 'Finance', 1, [{ type: 'direct', resourceClass: 'SMS_R_UserGroup', name: 'CONTOSO\\Finance', resourceId: 1 }]);
    },
    detail: /AD group Finance not found/,
  },
  {
    rule: 'COL_DIRECT_MEMBERSHIP',
    name: 'a collection with a direct rule',
    positive: (f) => void f.collection('CON00040', 'VIP users', 1, [{ type: 'direct', resourceClass: 'SMS_R_User', resourceId: 2063597569, name: 'CONTOSO\\vip' }]),
    negative: (f) => void f.collection('CON00040', 'VIP users', 1, [{ type: 'query', query: 'select * from SMS_R_User where SMS_R_User.Name like "a%"' }]),
  },
  {
    rule: 'COL_QUERY_RULE',
    name: 'a collection with a query rule',
    positive: (f) =>
      void f.collection('CON00041', 'Corporate iOS', 2, [
        { type: 'query', name: 'iOS company-owned', query: 'select SMS_R_System.ResourceId from SMS_R_System where SMS_R_System.DeviceOwner = 1 and SMS_R_System.OperatingSystemNameandVersion like "iOS%"' },
      ]),
    negative: (f) => {
      f.entraGroup('Sales Team');
      f.collection('CON00041', 'Sales Team', 1, [{ type: 'query', query: singleGroupQuery('Sales Team') }]);
    },
  },
  {
    rule: 'COL_INCLUDE_EXCLUDE',
    name: 'a collection with an include rule',
    positive: (f) => void f.collection('CON00042', 'Pilot', 1, [{ type: 'include', referencedCollectionId: 'CON00040' }]),
    negative: (f) => void f.collection('CON00042', 'Pilot', 1, [{ type: 'direct', resourceClass: 'SMS_R_User', resourceId: 1 }]),
  },
  {
    rule: 'COL_INCLUDE_EXCLUDE',
    name: 'a collection with an exclude rule',
    positive: (f) => void f.collection('CON00043', 'Everyone but pilot', 1, [{ type: 'exclude', referencedCollectionId: 'CON00042' }]),
    negative: (f) => void f.collection('CON00043', 'All Users', 1, [{ type: 'include', referencedCollectionId: 'SMS00002' }], { builtIn: true }),
  },
  {
    rule: 'COL_INCLUDE_EXCLUDE',
    name: 'the subscription collection built as recommended (include All Users, exclude the waves)',
    positive: (f) =>
      void f.tenant({ subscription_collection_id: SUBSCRIPTION }).collection(SUBSCRIPTION, 'Hybrid MDM users', 1, [
        { type: 'include', referencedCollectionId: 'SMS00002' },
        { type: 'include', referencedCollectionId: 'CON00050' },
      ]),
    negative: (f) =>
      void f.tenant({ subscription_collection_id: SUBSCRIPTION }).collection(SUBSCRIPTION, 'Hybrid MDM users', 1, [
        { type: 'include', referencedCollectionId: 'SMS00002' },
        { type: 'exclude', referencedCollectionId: 'CON00051' },
        { type: 'exclude', referencedCollectionId: 'CON00052' },
      ]),
  },
  {
    rule: 'COL_DEVICE_CATEGORY_RULE',
    name: 'a collection with a Device Category Rule',
    positive: (f) => void f.collection('CON00044', 'Sales devices', 2, [{ type: 'device_category', name: 'Sales', deviceCategoryId: 'cat-1' }]),
    negative: (f) => void f.collection('CON00044', 'Sales devices', 2, [{ type: 'direct', resourceClass: 'SMS_R_System', resourceId: 1 }]),
  },
  {
    rule: 'COL_SUBSCRIPTION_IS_ALL_USERS',
    positive: (f) => void f.tenant({ subscription_collection_id: 'SMS00002' }),
    negative: (f) => void f.tenant({ subscription_collection_id: SUBSCRIPTION }),
  },
  {
    rule: 'TEN_CM_VERSION',
    positive: (f) => void f.tenant({ cm_version: '1602' }),
    negative: (f) => void f.tenant({ cm_version: '1810' }),
  },
  {
    rule: 'TEN_CM_VERSION',
    name: 'build numbers',
    positive: (f) => void f.tenant({ cm_version: '5.00.8412.1000' }),
    negative: (f) => void f.tenant({ cm_version: '5.00.8740.1000' }),
  },
  {
    rule: 'TEN_SERVICE_RETIRED',
    positive: (f) => void f.tenant({ mdm_authority: 'sccm' }),
    negative: (f) => void f.tenant({ mdm_authority: 'intune' }),
  },
  {
    rule: 'TEN_APNS_EXPIRES_SOON',
    name: 'APNs certificate expiring before the planned switch + 30 days',
    positive: (f) => f.apns({ expiresAt: '2027-01-10T00:00:00.000Z' }), // switch 2026-12-17 + 30 = 2027-01-16
    negative: (f) => f.apns({ expiresAt: '2027-06-01T00:00:00.000Z' }),
    severity: 'blocker',
  },
  {
    rule: 'TEN_APNS_EXPIRES_SOON',
    name: 'APNs certificate expiring within 60 days of the switch',
    positive: (f) => f.apns({ expiresAt: '2027-02-01T00:00:00.000Z' }),
    negative: (f) => f.apns({ expiresAt: '2027-02-20T00:00:00.000Z' }),
    severity: 'high',
  },
  {
    rule: 'TEN_APNS_APPLEID_UNKNOWN',
    positive: (f) => f.apns({ expiresAt: daysFromAsOf(300), appleId: null }),
    negative: (f) => f.apns({ expiresAt: daysFromAsOf(300), appleId: 'mdm@contoso.com' }),
  },
  {
    rule: 'TEN_DEP_TOKEN_EXPIRY',
    positive: (f) => f.depToken('2027-01-20T00:00:00.000Z'),
    negative: (f) => f.depToken('2027-09-01T00:00:00.000Z'),
  },
  {
    rule: 'TEN_VPP_TOKEN',
    positive: (f) => f.vppToken({ expiresAt: daysFromAsOf(60), state: 'assignedToExternalMDM' }),
    // Every VPP token needs its ConfigMgr clean-up, so a "clean" tenant is one without tokens, which is not evaluated.
    negative: () => undefined,
    detail: /Assigned to another MDM/,
  },
  {
    rule: 'TEN_EXCHANGE_CONNECTOR',
    positive: (f) => void f.tenant({ exchange_connector_present: 1 }),
    negative: (f) => void f.tenant({ exchange_connector_present: 0 }),
  },
  { rule: 'TEN_NDES', positive: (f) => void f.tenant({ ndes_in_use: 1 }), negative: (f) => void f.tenant({ ndes_in_use: 0 }) },
  { rule: 'TEN_RBAC', positive: (f) => void f.tenant({ cm_rbac_roles_for_mdm: 1 }), negative: (f) => void f.tenant({ cm_rbac_roles_for_mdm: 0 }) },
  { rule: 'TEN_CODE_SIGNING', positive: (f) => void f.tenant({ code_signing_uploaded: 1 }), negative: (f) => void f.tenant({ code_signing_uploaded: 0 }) },
  { rule: 'TEN_APNS_GAP', positive: (f) => void f.tenant({ switch_procedure: 'support-reset' }), negative: (f) => void f.tenant({ switch_procedure: 'support-change' }) },
  {
    rule: 'TEN_AUTHORITY_CHECK',
    positive: (f) => void f.tenant({ mdm_authority: 'sccm' }),
    negative: () => undefined, // unknown authority: not evaluated (checked below)
    detail: /Authority sccm/,
  },
];

/** Rules whose negative fixture is "input missing", because every present input is listed. */
const NEGATIVE_IS_NOT_EVALUATED = new Set(['TEN_VPP_TOKEN', 'TEN_AUTHORITY_CHECK']);

/** Rules schema v1 cannot feed: they must say what they need, never pass. */
const NOT_EVALUATED = [
  'USR_CA_TARGETED_IN_CM',
  'USR_EMAIL_PROFILE_REPROMPT',
  'USR_COEXIST_SWITCH',
  'DEV_WEBCLIP',
  'DEV_KIOSK_OR_PFX_SETTINGS',
  'COL_MAPPING_MULTI',
  'OBJ_NOT_IMPORTABLE',
  'OBJ_REQUIRES_CERT',
  'OBJ_DEPLOYMENT_ORPHAN',
  'OBJ_DUPLICATE_RISK',
  'OBJ_SCEP_URL',
  'OBJ_NAME_MISMATCH',
  'OBJ_TC_UNASSIGNED',
  'OBJ_APP_DEVICE_COLLECTION',
  'TEN_DEP_TOKEN_NOT_MIGRATED',
];

let fixture: Fixture | undefined;
afterEach(() => {
  fixture?.close();
  fixture = undefined;
});
const fresh = () => (fixture = Fixture.baseline());

describe('rule fixtures', () => {
  for (const testCase of CASES) {
    const label = `${testCase.rule}${testCase.name ? ` (${testCase.name})` : ''}`;

    it(`${label}: positive fixture is flagged`, () => {
      const f = fresh();
      testCase.positive(f);
      const finding = f.finding(testCase.rule);
      expect(finding.evaluated, finding.needs ?? '').toBe(true);
      expect(finding.count).toBe(testCase.positiveCount ?? 1);
      if (testCase.severity) expect(finding.severity).toBe(testCase.severity);
      const items = f.items(testCase.rule);
      expect(items).toHaveLength(finding.count);
      if (testCase.detail) expect(items.map((item) => item.detail).join('\n')).toMatch(testCase.detail);
    });

    it(`${label}: negative fixture is not flagged`, () => {
      const f = fresh();
      testCase.negative(f);
      const finding = f.finding(testCase.rule);
      if (NEGATIVE_IS_NOT_EVALUATED.has(testCase.rule)) {
        expect(finding.evaluated).toBe(false);
        expect(finding.needs).toBeTruthy();
      } else {
        expect(finding.evaluated, finding.needs ?? '').toBe(true);
        expect(finding.count).toBe(0);
      }
    });
  }

  for (const type of USERLESS_ENROLLMENT_TYPES) {
    it(`DEV_USERLESS flags enrollment type ${type} even with a primary user`, () => {
      const f = fresh();
      f.device({ platform: type.startsWith('windows') ? 'windows' : type.startsWith('android') ? 'android' : 'ios', enrollmentType: type, primaryUserId: f.user() });
      const items = f.items('DEV_USERLESS');
      expect(items).toHaveLength(1);
      expect(items[0]!.detail).toBe(`Userless enrollment type ${type}`);
    });
  }

  for (const type of ['userEnrollment', 'appleBulkWithUser', 'windowsAzureADJoin', 'windowsAutoEnrollment']) {
    it(`DEV_USERLESS does not flag user-affinity type ${type} that has a user`, () => {
      const f = fresh();
      f.device({ platform: 'windows', enrollmentType: type, primaryUserId: f.user() });
      expect(f.finding('DEV_USERLESS').count).toBe(0);
    });
  }

  it('DEV_OFFLINE_STALE honours a configurable threshold', () => {
    const f = fresh();
    f.device({ lastCheckIn: daysFromAsOf(-10), primaryUserId: f.user() });
    expect(f.finding('DEV_OFFLINE_STALE', { staleDays: 7 }).count).toBe(1);
    expect(f.finding('DEV_OFFLINE_STALE', { staleDays: 14 }).count).toBe(0);
  });

  it('DEV_DEVICE_CATEGORY verifies rather than blocks, and cites the mirror-direction conflict', () => {
    const f = fresh();
    const finding = f.finding('DEV_DEVICE_CATEGORY');
    expect(finding.severity).toBe('medium');
    expect(finding.conflict).toMatch(/standalone → hybrid/);
  });

  it('DEV_USERLESS and DEV_DEM_ENROLLED state the §7 conflicts and remediate with the cmdlet, then Support', () => {
    const f = fresh();
    const userless = f.finding('DEV_USERLESS');
    expect(userless.conflict).toMatch(/§7\.2/);
    expect(userless.remediation.join(' ')).toMatch(/Switch-MdmDeviceAuthority -DeviceIds/);
    expect(userless.remediation.join(' ')).toMatch(/Support case/);
    expect(f.finding('DEV_DEM_ENROLLED').conflict).toMatch(/§7\.1/);
    expect(f.finding('TEN_SERVICE_RETIRED').conflict).toMatch(/13 August 2018/);
  });

  it('TEN_APNS_EXPIRES_SOON treats a missing planned switch as "now" and a missing expiry as a blocker', () => {
    const f = fresh();
    f.db.prepare('UPDATE engagement SET planned_switch_date = NULL').run();
    f.apns({ expiresAt: null });
    const finding = f.finding('TEN_APNS_EXPIRES_SOON');
    expect(finding.severity).toBe('blocker');
    expect(finding.why).toMatch(/No planned switch date/);
  });

  it('dates the importers kept as written (locale slash dates) are flagged, not passed', () => {
    const f = fresh();
    f.device({ lastCheckIn: '5/1/2026', primaryUserId: f.user() });
    f.apns({ expiresAt: '9/30/2027' });
    f.depToken('7/1/2027');
    expect(f.items('DEV_OFFLINE_STALE').map((item) => item.detail)).toEqual(['Check-in date not readable: 5/1/2026']);
    expect(f.finding('TEN_APNS_EXPIRES_SOON').severity).toBe('blocker');
    expect(f.items('TEN_DEP_TOKEN_EXPIRY')[0]!.detail).toBe('Expiry date not readable: 7/1/2027');
  });

  it('TEN_CM_VERSION flags a version it cannot read (conservative)', () => {
    const f = fresh();
    f.tenant({ cm_version: 'Current Branch' });
    expect(f.items('TEN_CM_VERSION')[0]!.detail).toMatch(/could not be read/);
  });

  it('TEN_SERVICE_RETIRED does not fire before the retirement date', () => {
    const f = fresh();
    f.tenant({ mdm_authority: 'sccm' });
    expect(f.finding('TEN_SERVICE_RETIRED', { now: new Date('2019-06-01T00:00:00Z') }).count).toBe(0);
  });

  it('rules whose tenant fact is unknown are not evaluated, never passed', () => {
    const f = fresh();
    for (const rule of ['TEN_EXCHANGE_CONNECTOR', 'TEN_NDES', 'TEN_RBAC', 'TEN_CODE_SIGNING', 'DEV_ANDROID_FOR_WORK', 'DEV_CM_CLIENT_CA', 'TEN_CM_VERSION',
      'COL_SUBSCRIPTION_IS_ALL_USERS', 'USR_ADMIN_UNLICENSED', 'TEN_AUTHORITY_CHECK', 'TEN_APNS_EXPIRES_SOON', 'TEN_DEP_TOKEN_EXPIRY', 'COL_DIRECT_MEMBERSHIP', 'TEN_APNS_GAP']) {
      const finding = f.finding(rule);
      expect(finding.evaluated, rule).toBe(false);
      expect(finding.needs, rule).toBeTruthy();
      expect(finding.count, rule).toBe(0);
    }
  });

  it('an empty snapshot evaluates no data-dependent rule', () => {
    fixture = Fixture.empty();
    const assessment = fixture.assess();
    const evaluated = assessment.findings.filter((finding) => finding.evaluated).map((finding) => finding.rule);
    expect(evaluated.sort()).toEqual(['TEN_FULL_RESET_WARNING', 'TEN_SERVICE_RETIRED']);
  });

  for (const rule of NOT_EVALUATED) {
    it(`${rule} reports "not evaluated: needs …"`, () => {
      const finding = fresh().finding(rule);
      expect(finding.evaluated).toBe(false);
      expect(finding.needs).toMatch(/\w{5,}/);
    });
  }

  it('every rule of the registry is covered by a fixture or listed as not evaluable', () => {
    const covered = new Set([...CASES.map((testCase) => testCase.rule), ...NOT_EVALUATED, 'TEN_FULL_RESET_WARNING']);
    expect(RULES.map((rule) => rule.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('every rule carries the brief fields', () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^(USR|DEV|COL|OBJ|TEN)_[A-Z0-9_]+$/);
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(rule.why.length, rule.id).toBeGreaterThan(20);
      expect(rule.remediation.length, rule.id).toBeGreaterThan(0);
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
    }
  });
});
