import { CONFLICTS } from './conflicts.js';
import { needs, notEvaluatedRule, SQL, tenantFact } from './ruleHelpers.js';
import type { AssessmentContext, RuleDefinition, RuleEvaluation } from './types.js';

/**
 * Users the hybrid subscription manages: members of the subscription collection, or primary
 * users of an MDM device (brief §2.1 "in the subscription collection (or owns MDM devices)"),
 * whichever source names them (`owner_user_id`, derivedFacts.ts).
 */
function inScope(ctx: AssessmentContext): string {
  const owns = `EXISTS (SELECT 1 FROM devices od WHERE od.owner_user_id = u.id AND ${SQL.mdmDevice('od')})`;
  return ctx.has.subscriptionMembers
    ? // A primary-key probe per user; an IN (subquery) would first copy all 150,000 members into a temporary index.
      `(EXISTS (SELECT 1 FROM collection_members m WHERE m.collection_id = :subscriptionId AND m.resource_id = u.cm_resource_id AND m.resource_kind <> 'device') OR ${owns})`
    : owns;
}

const scopeNote = (ctx: AssessmentContext) =>
  ctx.has.subscriptionMembers
    ? undefined
    : 'The subscription collection\'s members are not in the snapshot, so only users who own an MDM device were checked; users in the collection without devices may be missing.';

const needsUsers = 'a user export (Entra/Graph users or ConfigMgr users)';
/** The few users with INTUNE_A disabled somewhere, found through the plan index rather than probed per user. */
const DISABLED_INTUNE_A = `u.id IN (SELECT l.user_id FROM user_licence_disabled_plans dp JOIN user_licences l ON l.id = dp.licence_id
                                    WHERE dp.service_plan_id = :intuneA)`;
const ENABLED_O365 = `u.id IN (SELECT sp.user_id FROM user_service_plans sp WHERE sp.service_plan_id = :intuneO365 AND sp.capability_status = 'Enabled')`;

export const USER_RULES: readonly RuleDefinition[] = [
  {
    id: 'USR_NO_INTUNE_LICENSE',
    family: 'user',
    severity: 'blocker',
    title: 'Users without an enabled Intune (INTUNE_A) plan',
    why:
      'Hybrid MDM rights come from the subscription collection: a licence is reserved per enrolled device but not attached to the user in Azure AD. ' +
      'Once the user leaves the collection, or at the tenant switch, their devices are unmanaged unless the user holds INTUNE_A with capabilityStatus Enabled. ' +
      'Includes users whose INTUNE_A plan is suspended, disabled in their suite (see USR_INTUNE_PLAN_DISABLED) or who hold only Office 365 MDM (INTUNE_O365).',
    remediation: [
      'Assign an Intune-entitling licence (Intune, EMS or Microsoft 365 E3/E5), by group-based licensing or directly: Microsoft 365 admin centre > Users > Active users > Licenses and apps, or Entra admin centre > Groups > Licenses.',
      'For a suspended plan, renew or fix the subscription in the Microsoft 365 admin centre > Billing > Your products.',
      'Re-export users (Graph assignedPlans) and re-assess before moving the user out of the subscription collection or switching the tenant.',
    ],
    sources: ['S3', 'S4', 'S5', 'S6'],
    evaluate: (ctx): RuleEvaluation =>
      !ctx.has.users
        ? needs(needsUsers)
        : !ctx.has.licenceData
          ? needs('service-plan data per user (Graph users with assignedPlans); the Microsoft 365 "Licenses" column cannot show plan status')
          : {
              evaluated: true,
              kind: 'user',
              // The licence test first: it rules out most users before the scope test runs.
              where: `(NOT ${SQL.enabledIntuneA} AND ${inScope(ctx)})`,
              detail: `CASE
                 WHEN u.in_entra = 0 THEN 'Not found in Azure AD, so no licence can be read'
                 WHEN EXISTS (SELECT 1 FROM user_service_plans sp WHERE sp.user_id = u.id AND sp.service_plan_id = :intuneA)
                   THEN 'INTUNE_A is ' || (SELECT capability_status FROM user_service_plans sp WHERE sp.user_id = u.id AND sp.service_plan_id = :intuneA)
                 WHEN ${DISABLED_INTUNE_A} THEN 'INTUNE_A disabled in the assigned suite'
                 WHEN EXISTS (SELECT 1 FROM user_service_plans sp WHERE sp.user_id = u.id AND sp.service_plan_id = :intuneO365 AND sp.capability_status = 'Enabled')
                   THEN 'Only Office 365 MDM (INTUNE_O365)'
                 WHEN EXISTS (SELECT 1 FROM user_licences l WHERE l.user_id = u.id) THEN 'Licensed, but no licence carries INTUNE_A'
                 ELSE 'No licence' END`,
              note: scopeNote(ctx),
            },
  },
  {
    id: 'USR_INTUNE_PLAN_DISABLED',
    family: 'user',
    severity: 'blocker',
    title: 'Suite licence with the Intune plan (INTUNE_A) switched off',
    why:
      'The user holds a suite (EMS or Microsoft 365) but the INTUNE_A service plan is disabled in it, and no other licence gives an enabled INTUNE_A: ' +
      'a disabled plan means no Intune rights.',
    remediation: [
      'Re-enable the Intune plan: Microsoft 365 admin centre > Users > Active users > (user) > Licenses and apps > expand the suite > tick Microsoft Intune; for group-based licensing edit the group\'s licence options in Entra admin centre > Groups > Licenses.',
      'Or assign another SKU that carries INTUNE_A.',
    ],
    sources: ['S15 licenses-assign', 'S17'],
    evaluate: (ctx) =>
      !ctx.has.users
        ? needs(needsUsers)
        : !ctx.has.disabledPlanData
          ? needs('assignedLicenses with disabledPlans (Graph users export); the Microsoft 365 "Licenses" column lists SKUs without disabled plans')
          : {
              evaluated: true,
              kind: 'user',
              where: `(${DISABLED_INTUNE_A} AND NOT ${SQL.enabledIntuneA})`,
              indexed: true,
              // CROSS JOIN pins the join order (licences of this user first); left to itself the planner
              // drove the look-up from the plan index and re-read every disabled plan for every user.
              detail: `'INTUNE_A disabled in ' || coalesce((SELECT group_concat(coalesce(l.sku_part_number, l.sku_id), ', ') FROM user_licences l
                         CROSS JOIN user_licence_disabled_plans dp WHERE dp.licence_id = l.id AND l.user_id = u.id AND dp.service_plan_id = :intuneA), 'a suite')`,
            },
  },
  {
    id: 'USR_ADMIN_UNLICENSED',
    family: 'user',
    severity: 'blocker',
    title: 'The admin who switches the MDM authority has no Intune licence',
    why: 'The account that changes the MDM authority must hold an Intune licence and be able to sign in to Intune; otherwise the switch cannot be done.',
    remediation: [
      'Assign an Intune licence to the switching admin account.',
      'Sign in with it and confirm the MDM authority reads "Set to Configuration Manager" [S5, S6]: in 2019 Azure portal > Intune > Device enrollment > Overview (retired in August 2020); today Intune admin centre > Tenant administration.',
    ],
    sources: ['S5', 'S6', 'S7a', 'S19 memdocs #3326'],
    evaluate: (ctx) =>
      !ctx.tenant.switchingAdminUpn
        ? needs(tenantFact('the switching admin\'s UPN', 'switching-admin-upn'))
        : !ctx.has.licenceData
          ? needs('service-plan data per user (Graph users with assignedPlans)')
          : {
              evaluated: true,
              kind: 'tenant',
              where: `NOT EXISTS (SELECT 1 FROM users u WHERE u.upn = :adminUpn AND ${SQL.enabledIntuneA})`,
              detail: `CASE WHEN EXISTS (SELECT 1 FROM users WHERE upn = :adminUpn)
                            THEN 'Switching admin ' || :adminUpn || ' has no enabled INTUNE_A plan'
                            ELSE 'Switching admin ' || :adminUpn || ' is not in the users export, so the licence cannot be confirmed' END`,
            },
  },
  {
    id: 'USR_NOT_IN_AAD',
    family: 'user',
    severity: 'blocker',
    title: 'ConfigMgr users with no matching Azure AD user',
    why: 'A ConfigMgr user whose UPN matches no Azure AD userPrincipalName cannot be licensed or targeted by Azure AD groups, so their devices cannot be moved.',
    remediation: [
      'Fix directory synchronisation (Azure AD Connect scope) or the UPN suffix so the user exists in Azure AD with the UPN ConfigMgr knows (v_R_User.User_Principal_Name0).',
      'Re-export users and re-snapshot, then license the user (USR_NO_INTUNE_LICENSE).',
    ],
    sources: ['S3'],
    evaluate: (ctx) =>
      !ctx.has.users
        ? needs(needsUsers)
        : !ctx.has.entraUsers
          ? needs('an Entra/Graph or Microsoft 365 users export to match ConfigMgr users against')
          : {
              evaluated: true,
              kind: 'user',
              where: `(u.in_entra = 0 AND (u.cm_unique_user_name IS NOT NULL OR u.cm_resource_id IS NOT NULL
                       OR EXISTS (SELECT 1 FROM user_sources us WHERE us.user_id = u.id AND us.source = 'configmgr')))`,
              detail: `'ConfigMgr user ' || coalesce(u.cm_unique_user_name, u.upn, '') || ' (UPN ' || coalesce(u.upn, 'unknown') || ') not found in Azure AD'`,
            },
  },
  {
    id: 'USR_EXCLUDE_INEFFECTIVE',
    family: 'user',
    severity: 'high',
    title: 'Users excluded from the subscription collection but still in it',
    why:
      'Group inclusion beats exclusion: a user in an excluded wave collection who is also pulled in by an include rule, group or query stays in the ' +
      'subscription collection and stays hybrid.',
    remediation: [
      'Rebuild the subscription collection so users are not included through a group or query that also covers the wave, or exclude that group instead [S4].',
      'Re-check the subscription collection membership (Assets and Compliance > User Collections > (collection) > Show Members) before the wave.',
    ],
    sources: ['S4', 'S19 #481'],
    evaluate: (ctx) =>
      !ctx.tenant.subscriptionCollectionId
        ? needs(tenantFact('the subscription collection ID', 'subscription-collection-id'))
        : !ctx.has.subscriptionMembers || !ctx.has.collectionRules
          ? needs('the subscription collection\'s members and membership rules (ConfigMgr collections export)')
          : {
              evaluated: true,
              kind: 'user',
              where: `u.cm_resource_id IN (
                 SELECT em.resource_id FROM collection_rules r
                 JOIN collection_members em ON em.collection_id = r.referenced_collection_id
                 WHERE r.collection_id = :subscriptionId AND r.rule_type = 'exclude'
                   AND em.resource_id IN (SELECT resource_id FROM collection_members WHERE collection_id = :subscriptionId))`,
              detail: `'In an excluded collection but still a member of ' || :subscriptionId`,
              indexed: true,
            },
  },
  {
    id: 'USR_DEM_ACCOUNT',
    family: 'user',
    severity: 'high',
    title: 'Device enrollment manager (DEM) accounts',
    why:
      'A DEM moved out of the subscription collection early becomes a standard user (15 devices at most) and must be re-added as DEM after the switch. ' +
      'Whether its devices migrate at the switch is disputed.',
    remediation: [
      'Keep DEM accounts in the subscription collection until the tenant switch; do not put them in a wave [S4].',
      'After the switch confirm DEM status in Intune admin centre > Devices > Enroll devices > Device enrollment managers, and re-add any that became standard users.',
      'Check DEV_DEM_ENROLLED for the devices these accounts enrolled (limits: 1,000 devices per DEM, 150 DEMs per tenant).',
    ],
    sources: ['S4', 'S19 PR #1275', 'S19 #1513'],
    conflict: CONFLICTS.demDevices,
    evaluate: (ctx) =>
      !ctx.has.users
        ? needs(needsUsers)
        : {
            evaluated: true,
            kind: 'user',
            where: 'u.is_dem = 1',
            detail: `'DEM; enrolled ' || (SELECT count(*) FROM devices d WHERE d.enrolled_by_user_id = u.id) || ' devices in the snapshot'`,
          },
  },
  {
    id: 'USR_BLOCKED_BUT_LICENSED',
    family: 'user',
    severity: 'medium',
    title: 'Users blocked in ConfigMgr but licensed for Intune',
    why: 'A user blocked in ConfigMgr can still enroll into Intune standalone once out of the subscription collection; only the licence stops it.',
    remediation: ['If the user must not enroll, remove their Intune licence (or the INTUNE_A plan) before moving them [S4, S19 #738].'],
    sources: ['S4', 'S19 #738'],
    evaluate: (ctx) =>
      !ctx.has.users
        ? needs(needsUsers)
        : !ctx.has.licenceData
          ? needs('service-plan data per user (Graph users with assignedPlans)')
          : {
              evaluated: true,
              kind: 'user',
              where: `(u.blocked_in_cm = 1 AND ${SQL.enabledIntuneA})`,
              detail: `'Blocked in ConfigMgr, INTUNE_A enabled'`,
              requires: { where: 'u.blocked_in_cm IS NOT NULL', needs: 'the ConfigMgr "blocked" state of users (Get-CMUser / IsBlocked)' },
            },
  },
  {
    id: 'USR_DEVICE_LIMIT',
    family: 'user',
    severity: 'medium',
    title: 'Users with more MDM devices than the enrollment limit',
    why:
      'The hybrid default enrollment limit is 5 devices (at most 15), and a user licence covers 15 devices. Users above the limit cannot enroll new devices and ' +
      'may not be licensed compliantly.',
    remediation: [
      'Raise the limit in Intune admin centre > Devices > Enroll devices > Enrollment device limit restrictions (at most 15), or',
      'convert shared devices to DEM or userless enrollment, or add device licences [S13, S15].',
    ],
    sources: ['S13 enroll-company-owned-devices', 'S15'],
    evaluate: (ctx) =>
      !ctx.has.devices || !ctx.has.users
        ? needs('device and user exports with primary users')
        : {
            evaluated: true,
            kind: 'user',
            // Candidates from the primary-user index alone (no table reads), then the exact MDM-only count for those few.
            where: `(u.id IN (SELECT od.owner_user_id FROM devices od WHERE od.owner_user_id IS NOT NULL
                              GROUP BY od.owner_user_id HAVING count(*) > :deviceLimit)
                     AND (SELECT count(*) FROM devices od WHERE od.owner_user_id = u.id AND ${SQL.mdmDevice('od')}) > :deviceLimit)`,
            indexed: true,
            detail: `(SELECT count(*) FROM devices od WHERE od.owner_user_id = u.id AND ${SQL.mdmDevice('od')}) || ' MDM devices (limit ${ctx.deviceLimit})'`,
            note: `Limit used: ${ctx.deviceLimit} devices (ActiveSync-only records and ConfigMgr PC clients are not counted).`,
          },
  },
  {
    id: 'USR_O365_MDM_ONLY',
    family: 'user',
    severity: 'info',
    title: 'Users licensed only for Office 365 MDM (Basic Mobility)',
    why:
      'The user holds INTUNE_O365 but no enabled INTUNE_A. Under coexistence Basic Mobility and Security manages them, not Intune; licensing them for Intune moves ' +
      'their devices at the next check-in and removes the Basic Mobility settings.',
    remediation: [
      'A tenant leaving hybrid already has the authority Intune: coexistence means activating Office 365 MDM alongside it (in 2019 protection.office.com > Data Loss Prevention > ' +
        'Device Security Policies; today Microsoft 365 Defender > Basic Mobility and Security). "Add MDM Authority" is the other direction, a tenant on Office 365 MDM adding Intune (brief §0.2b).',
      'Then leave these users on Basic Mobility (remove any Intune or EMS licence they should not use), or license them for Intune: their devices move at the next check-in.',
      'Before licensing, create Intune policies that replace their Basic Mobility device security policies [S7a].',
    ],
    sources: ['S7a', 'S7b'],
    evaluate: (ctx) =>
      !ctx.has.users
        ? needs(needsUsers)
        : !ctx.has.licenceData
          ? needs('service-plan data per user (Graph users with assignedPlans)')
          : {
              evaluated: true,
              kind: 'user',
              where: `(${ENABLED_O365} AND NOT ${SQL.enabledIntuneA})`,
              indexed: true,
              detail: `'INTUNE_O365 enabled, no INTUNE_A'`,
            },
  },
  notEvaluatedRule(
    {
      id: 'USR_CA_TARGETED_IN_CM',
      family: 'user',
      severity: 'medium',
      title: 'Migrated users still targeted by ConfigMgr conditional access',
      why: 'Migrated users left in ConfigMgr conditional-access targeting get conflicting access rules.',
      remediation: ['After each wave remove the migrated users from ConfigMgr conditional-access targeting [S3].'],
      sources: ['S3'],
    },
    'ConfigMgr conditional-access targeting (collections targeted by CA policies), which the app does not import: check it per wave and confirm in the migration wizard',
  ),
  notEvaluatedRule(
    {
      id: 'USR_EMAIL_PROFILE_REPROMPT',
      family: 'user',
      severity: 'low',
      title: 'Users with a managed email profile',
      why: 'A new email profile asks for the password again, re-downloads mail and drops the user\'s own tweaks.',
      remediation: ['Warn the users of the wave and schedule it [S3].'],
      sources: ['S3'],
    },
    'email profile assignments (ConfigMgr email profiles and their target collections)',
  ),
  notEvaluatedRule(
    {
      id: 'USR_COEXIST_SWITCH',
      family: 'user',
      severity: 'medium',
      title: 'Basic Mobility users about to receive an Intune licence',
      why: 'Their devices move at the next check-in, Basic Mobility settings are removed, email may need re-authentication, and devices are unprotected without an Intune policy.',
      remediation: ['Create replacement Intune policies first; license the users only after coexistence is enabled [S7a].'],
      sources: ['S7a'],
    },
    'the licensing plan (which Basic Mobility users will be licensed for Intune); see USR_O365_MDM_ONLY for who they are',
  ),
];
