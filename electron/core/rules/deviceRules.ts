import { USERLESS_ENROLLMENT_TYPES } from '../deviceEnums.js';
import { ABANDONED_AFTER_DAYS } from './context.js';
import { CONFLICTS } from './conflicts.js';
import { apnsState } from './tenantRules.js';
import { anyOf, needs, notEvaluatedRule, SQL, tenantFact, tenantFlagRule } from './ruleHelpers.js';
import type { RuleDefinition } from './types.js';

const USERLESS_TYPE = anyOf('d.enrollment_type', USERLESS_ENROLLMENT_TYPES);
const NEEDS_DEVICES = 'a device export (Intune, Graph or ConfigMgr)';

const NO_PRIMARY_USER = SQL.noPrimaryUser('d');
/** Device rules count only devices in the MDM scope (brief §0.2b); DEV_EAS_ONLY lists the ActiveSync-only rest. */
const IN_SCOPE = SQL.mdmDevice('d');
const SCOPE_NOTE = 'ActiveSync-only records (see DEV_EAS_ONLY) and Configuration Manager PC clients are not MDM devices and are not counted.';

const SWITCH_CMDLET =
  'During mixed authority (before the tenant switch), move the devices with `Switch-MdmDeviceAuthority -DeviceIds <Guid[]> [-Credential <PSCredential>] [-LogFilePath <path>] [-WhatIf]`, ' +
  'using the device GUIDs the ConfigMgr console shows; run it as an Azure AD Global Administrator or a user with the Intune administrator role. ' +
  'Check each output row (DeviceId, Success, FailureReason, NewAuthority, CompletionTime).';

export const DEVICE_RULES: readonly RuleDefinition[] = [
  {
    id: 'DEV_USERLESS',
    family: 'device',
    severity: 'blocker',
    title: 'Devices without a user (userless enrollment or no primary user in any source)',
    why:
      'In mixed authority a device moves to Intune with its user; a device with no user (DEP/Configurator "No user affinity", DEM, bulk or kiosk enrollment, ' +
      'or a user-type enrollment whose user is gone) moves with nobody and may not move at the switch. BLOCKER for the tenant switch, HIGH per device. ' +
      'Each one also needs an Intune device licence.',
    remediation: [
      'Export this list (serial number, ConfigMgr resource ID) and find each device in the ConfigMgr console (Assets and Compliance > Devices) to read its device GUID.',
      SWITCH_CMDLET,
      'Verify each moved device in the Intune admin centre (Devices > All devices) before the next wave.',
      'Assign a device licence to each userless device (a user licence does not cover it) [S15].',
      'Only then change the tenant MDM authority; any device still on ConfigMgr after the switch needs a Microsoft Support case (list it in the case).',
    ],
    sources: ['S4', 'S5', 'S6', 'S7', 'S13', 'S15', 'S19 #1016', 'S19 #1356'],
    conflict: CONFLICTS.userlessAtSwitch,
    evaluate: (ctx) =>
      !ctx.has.devices
        ? needs(NEEDS_DEVICES)
        : {
            evaluated: true,
            kind: 'device',
            where: `((${USERLESS_TYPE} OR ${NO_PRIMARY_USER}) AND ${IN_SCOPE})`,
            note: SCOPE_NOTE,
            detail: `CASE WHEN ${USERLESS_TYPE} THEN 'Userless enrollment type ' || d.enrollment_type
                          ELSE 'No primary user in any source (enrollment type ' || coalesce(d.enrollment_type, 'unknown') || ')' END`,
          },
  },
  {
    id: 'DEV_DEM_ENROLLED',
    family: 'device',
    severity: 'high',
    title: 'Devices enrolled by a device enrollment manager (DEM)',
    why:
      'DEM-enrolled devices are shared and have no user affinity, so they do not follow a user in mixed authority. Apps deployed to device collections of ' +
      'these devices need Intune device-group equivalents before the switch.',
    remediation: [
      'Keep the DEM accounts in the subscription collection until the tenant switch (do not put them in a wave) [S4].',
      'Or pilot-move a few devices during mixed authority: ' + SWITCH_CMDLET,
      'Before the switch, create Azure AD device groups and Intune app assignments for apps deployed to device collections of these devices [S19 #1594].',
      'After the switch, check every device in Intune (Devices > All devices); open a Microsoft Support case for any that stayed on ConfigMgr.',
    ],
    sources: ['S4', 'S13', 'S19 #1513', 'S19 #1594', 'S19 PR #1275'],
    conflict: CONFLICTS.demDevices,
    evaluate: (ctx) =>
      !ctx.has.devices
        ? needs(NEEDS_DEVICES)
        : {
            evaluated: true,
            kind: 'device',
            // A rowid probe only for the few devices with an enrolling user; no scan of users.
            where: `((d.enrollment_type = 'deviceEnrollmentManager'
                      OR (d.enrolled_by_user_id IS NOT NULL AND EXISTS (SELECT 1 FROM users eu WHERE eu.id = d.enrolled_by_user_id AND eu.is_dem = 1)))
                     AND ${IN_SCOPE})`,
            detail: `CASE WHEN d.enrolled_by_user_id IS NOT NULL
                          THEN 'Enrolled by DEM ' || coalesce((SELECT coalesce(upn, cm_unique_user_name) FROM users WHERE id = d.enrolled_by_user_id), 'unknown')
                          ELSE 'Enrollment type deviceEnrollmentManager' END`,
          },
  },
  {
    id: 'DEV_DEVICE_CATEGORY',
    family: 'device',
    severity: 'medium',
    title: 'Devices with a device category (verify after the switch)',
    why:
      'ConfigMgr category collections cannot be imported into Intune, and category-based targeting must be rebuilt as dynamic device groups. ' +
      'Categories themselves are tenant-level and should migrate at the switch, so this is a verify-afterwards item, not a blocker.',
    remediation: [
      'Keep managing categories in ConfigMgr during mixed authority; do not hand-create same-named categories in Intune before the switch (inference).',
      'Keep this list as the record of each device\'s category.',
      'After the switch compare Intune admin centre > Devices > All devices > Device category with this list; re-set missing ones on the device (Properties > Device category), or let iOS and Android users pick it in the Company Portal app (the Company Portal website only shows a notice) [S15].',
      'Rebuild category targeting as dynamic device groups, e.g. `device.deviceCategory -eq "Sales"`; update group rules for renamed categories (a deleted category shows devices as "Unassigned").',
    ],
    sources: ['S4', 'S7b', 'S8', 'S9', 'S14', 'S15'],
    conflict: CONFLICTS.categorySentence,
    evaluate: (ctx) =>
      !ctx.has.devices
        ? needs(NEEDS_DEVICES)
        : {
            evaluated: true,
            kind: 'device',
            // A real category (not Graph's "Unknown" or the portal's "Unassigned"), or membership of a
            // collection with a Device Category rule (in_category_collection, derivedFacts.ts).
            where: `((${SQL.realCategory('d')} OR d.in_category_collection = 1) AND ${IN_SCOPE})`,
            detail: `CASE WHEN ${SQL.realCategory('d')} AND coalesce(d.category, '') <> '' THEN 'Category ' || d.category
                          WHEN ${SQL.realCategory('d')} THEN 'Category id ' || d.category_id
                          ELSE 'Member of a collection with a Device Category Rule' END`,
            note: 'A device whose category reads "Unknown" (Graph) or "Unassigned" (admin centre) has none, unless the tenant has a category of that name. ' + SCOPE_NOTE,
          },
  },
  {
    id: 'DEV_OFFLINE_STALE',
    family: 'device',
    severity: 'medium',
    title: 'Devices that have not checked in recently',
    why:
      'An offline device moves to the new authority when it next checks in. Seven days is how long its email, VPN, certificate, Wi-Fi and configuration profiles ' +
      'stay on it while it is offline; after that it loses them until it checks in. Devices with no check-in date in any source are listed too.',
    remediation: [
      'Contact the user (or the device owner for userless devices) and ask them to bring the device online before their wave and before the switch.',
      'Have them open the Company Portal and run a compliance check (Check status / Check access) to force a check-in.',
      'After the switch, allow up to 8 hours for online devices and up to 7 days of grace for offline ones before treating them as failed [S5, S6, S7].',
    ],
    sources: ['S5', 'S6', 'S7'],
    evaluate: (ctx) =>
      !ctx.has.devices
        ? needs(NEEDS_DEVICES)
        : {
              evaluated: true,
              kind: 'device',
              where: `((d.last_check_in < :staleCutoff OR d.last_check_in IS NULL OR ${SQL.unreadableDate('d.last_check_in')}) AND ${IN_SCOPE})`,
              indexed: true,
              requires: { where: 'd.last_check_in IS NOT NULL', needs: 'last check-in dates (Intune "Last check-in" or ConfigMgr LastActiveTime/LastPolicyRequest)' },
              detail: `CASE WHEN d.last_check_in IS NULL THEN 'No check-in date in any source'
                            WHEN ${SQL.unreadableDate('d.last_check_in')} THEN 'Check-in date not readable: ' || d.last_check_in
                            ELSE 'Last check-in ' || substr(d.last_check_in, 1, 10) || ' (' || CAST(julianday(:asOf) - julianday(d.last_check_in) AS INTEGER) || ' days before the data date)' END`,
              note: `Threshold: no check-in for more than ${ctx.staleDays} days before ${ctx.params.asOf!.toString().slice(0, 10)}. ${SCOPE_NOTE}`,
            },
  },
  {
    id: 'DEV_ABANDONED',
    family: 'device',
    severity: 'low',
    title: `Abandoned devices (silent over ${ABANDONED_AFTER_DAYS} days, MDM certificate expired)`,
    why:
      `Intune removes a device ${ABANDONED_AFTER_DAYS} days after its MDM certificate expired without a check-in. These devices have been silent for more than ` +
      `${ABANDONED_AFTER_DAYS} days and their certificate has expired: they will not migrate and will disappear, which distorts migration KPIs.`,
    remediation: [
      'Confirm with the owner or asset register that the device is gone.',
      'Retire or wipe it in the ConfigMgr console before the migration, or exclude it from the migration KPI.',
    ],
    sources: ['S7', 'S17'],
    evaluate: (ctx) =>
      !ctx.has.devices
        ? needs(NEEDS_DEVICES)
        : {
              evaluated: true,
              kind: 'device',
              where: `(d.last_check_in < :abandonedCutoff AND d.mdm_cert_expires_at < :asOf AND ${IN_SCOPE})`,
              indexed: true,
              requires: {
                where: 'd.mdm_cert_expires_at IS NOT NULL',
                needs: 'MDM certificate expiry dates (Graph managementCertificateExpirationDate or the Intune export column) and last check-in dates',
              },
              detail: `'Last check-in ' || substr(d.last_check_in, 1, 10) || '; MDM certificate expired ' || substr(d.mdm_cert_expires_at, 1, 10)`,
            },
  },
  {
    id: 'DEV_IOS_APNS_DEPENDENT',
    family: 'device',
    severity: 'info',
    title: 'Apple devices that depend on the tenant APNs certificate',
    why:
      'Every iOS, iPadOS and macOS device depends on the one tenant APNs certificate. Renewing the same certificate with the same Apple ID keeps them working, also within ' +
      'the 30-day grace period after expiry; a new certificate, or one from another Apple ID, forces every Apple device to re-enroll. INFO while the certificate is healthy; ' +
      'HIGH when a TEN_APNS_* finding fires or the certificate is unknown.',
    remediation: [
      'Resolve TEN_APNS_EXPIRES_SOON and TEN_APNS_APPLEID_UNKNOWN first; renew (never re-create) the certificate with the creating Apple ID.',
      'After the switch check Intune admin centre > Devices > Enroll devices > Apple enrollment > Apple MDM Push Certificate (Apple ID and expiry).',
    ],
    sources: ['S8', 'S9', 'S15'],
    evaluate: (ctx) => {
      if (!ctx.has.devices) return needs(NEEDS_DEVICES);
      const apns = apnsState(ctx);
      const raised = !apns.known || apns.expiringSoon > 0 || apns.appleIdUnknown > 0;
      return {
        evaluated: true,
        kind: 'device',
        where: `(${SQL.appleDevice} AND ${IN_SCOPE})`,
        indexed: true,
        detail: `'Platform ' || d.platform`,
        severity: raised ? 'high' : 'info',
        note: raised
          ? apns.known
            ? 'Raised to HIGH: a TEN_APNS_* finding fires for this snapshot.'
            : 'Raised to HIGH: the snapshot holds no APNs certificate, so its expiry and Apple ID are unknown.'
          : undefined,
      };
    },
  },
  {
    id: 'DEV_DEP_RECORD',
    family: 'device',
    severity: 'low',
    title: 'Apple DEP device records that cannot be deleted in the console after the switch',
    why:
      'ConfigMgr keeps DEP (ADE) and Configurator device records (MDMCorpOwnedDevices, DeviceType 8); after the switch the console can no longer delete them. ' +
      'Listed: Apple devices enrolled through DEP/Configurator (appleBulkWithUser, appleBulkWithoutUser) and predeclared Apple devices.',
    remediation: [
      'Decide before the switch whether the DEP records should be deleted; if so delete them in the ConfigMgr console before the switch.',
      'After the switch the only way is SQL on the site database: `Delete from MDMCorpOwnedDevices where DeviceType=8 and DiscoverySources=4` (back up first).',
    ],
    sources: ['S5'],
    evaluate: (ctx) =>
      !ctx.has.devices
        ? needs(NEEDS_DEVICES)
        : {
            evaluated: true,
            kind: 'device',
            // The enrollment test first: it is the more selective one on a typical tenant.
            where: `((${anyOf('d.enrollment_type', ['appleBulkWithUser', 'appleBulkWithoutUser'])} OR d.is_predeclared = 1) AND ${SQL.appleDevice} AND ${IN_SCOPE})`,
            detail: `CASE WHEN d.is_predeclared = 1 THEN 'Predeclared Apple device' ELSE 'Enrollment type ' || d.enrollment_type END`,
          },
  },
  {
    id: 'DEV_EAS_ONLY',
    family: 'device',
    severity: 'info',
    title: 'Exchange ActiveSync-only devices (not MDM-managed)',
    why:
      'These devices are known only through the Exchange connector (management agent eas). They are not MDM devices and do not migrate; the Intune on-premises ' +
      'Exchange connector will discover them again, including long-inactive ones.',
    remediation: [
      'Before installing the Intune Exchange connector, run the Data Importer cleanup scripts: GetInactiveDevices.ps1 (reads the ConfigMgr database, parameter SqlServerDatabase) ' +
        'and RemoveEasIdentities.ps1 (needs rights for Remove-ActiveSyncDevice; parameters EasIdentitiesFile, ConfirmRemoval) [S12].',
      'Check the Exchange ActiveSync DefaultAccessLevel so remaining devices are not blocked or quarantined (TEN_EXCHANGE_CONNECTOR).',
    ],
    sources: ['S3', 'S12'],
    evaluate: (ctx) =>
      !ctx.has.devices
        ? needs(NEEDS_DEVICES)
        : { evaluated: true, kind: 'device', where: `d.management_agent = 'eas'`, indexed: true, detail: `'Managed by ' || coalesce(d.management_agent_raw, d.management_agent)` },
  },
  {
    id: 'DEV_PREDECLARED_CORP',
    family: 'device',
    severity: 'info',
    title: 'Predeclared corporate devices (corporate identifiers)',
    why: 'Corporate identifiers (IMEI or serial) are tenant-level and migrate at the switch; ownership should read Corporate afterwards.',
    remediation: [
      'Keep editing corporate identifiers in ConfigMgr during mixed authority.',
      'After the switch, check Intune admin centre > Devices > All devices > Ownership = Corporate for each listed device.',
    ],
    sources: ['S4', 'S13'],
    evaluate: (ctx) =>
      !ctx.has.devices
        ? needs(NEEDS_DEVICES)
        : {
            evaluated: true,
            kind: 'device',
            where: `d.is_predeclared = 1`,
            detail: `'Predeclared, ownership ' || coalesce(d.ownership_raw, d.ownership, 'unknown')`,
            // is_predeclared defaults to 0, so without an imported predeclared-devices file "none" and "unknown" look alike.
            requires: {
              where: '(d.is_predeclared = 1 OR :predeclaredImported = 1)',
              needs: 'the predeclared devices CSV (corporate identifiers: IMEI or serial, platform, details); no device is marked predeclared and no such file was imported',
            },
          },
  },
  tenantFlagRule(
    {
      id: 'DEV_ANDROID_FOR_WORK',
      family: 'device',
      severity: 'low',
      title: 'Android for Work enabled in hybrid',
      why: 'After the switch the Android for Work enrollment restriction may show Blocked, stopping new Android work-profile enrollments.',
      remediation: ['After the switch open Intune admin centre > Devices > Enroll devices > Enrollment restrictions and set Android work profile back to Allow [S6].'],
      sources: ['S6'],
    },
    'android_for_work_enabled',
    tenantFact('the tenant setting "Android for Work enabled"', 'android-for-work'),
    'Android for Work is enabled in hybrid',
    (ctx) => ctx.tenant.androidForWorkEnabled,
  ),
  tenantFlagRule(
    {
      id: 'DEV_CM_CLIENT_CA',
      family: 'device',
      severity: 'high',
      title: 'Conditional access for PCs managed by ConfigMgr in use',
      why: 'On-premises conditional access and "conditional access for PCs managed by ConfigMgr" stop working when the Intune subscription is removed.',
      remediation: [
        'Set up Azure AD conditional access first.',
        'Create Intune compliance policies for the PCs.',
        'Finish the migration, then enable co-management and move the compliance workload to Intune [S10, S11].',
      ],
      sources: ['S10', 'S11', 'S19 #924'],
    },
    'cm_pc_conditional_access',
    tenantFact('whether "conditional access for PCs managed by ConfigMgr" is in use', 'cm-pc-conditional-access'),
    'Conditional access for PCs managed by ConfigMgr is in use',
    (ctx) => ctx.tenant.cmPcConditionalAccess,
  ),
  notEvaluatedRule(
    {
      id: 'DEV_WEBCLIP',
      family: 'device',
      severity: 'medium',
      title: 'User-assigned web apps (web clips)',
      why: 'Web clips assigned to users become unmanageable after migration.',
      remediation: ['Unassign web clips before moving users; reassign them in Intune afterwards [S2].'],
      sources: ['S2'],
    },
    'ConfigMgr application deployments (web apps and their user-collection assignments), which the app does not import: review them and confirm in the migration wizard',
  ),
  notEvaluatedRule(
    {
      id: 'DEV_KIOSK_OR_PFX_SETTINGS',
      family: 'device',
      severity: 'medium',
      title: 'Devices targeted by kiosk or PFX settings',
      why: 'Kiosk-mode and PFX settings cannot be imported by the Data Importer.',
      remediation: ['Rebuild them in Intune as device restriction or dedicated-device profiles and PFX certificate profiles [S2].'],
      sources: ['S2'],
    },
    'the Data Importer "Export details" and configuration-item targeting, which the app does not import: review them and confirm in the migration wizard',
  ),
];
