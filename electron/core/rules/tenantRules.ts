import { HYBRID_RETIRED } from './context.js';
import { CONFLICTS } from './conflicts.js';
import { needs, notEvaluatedRule, SQL, tenantFact, tenantFlagRule } from './ruleHelpers.js';
import type { AssessmentContext, RuleDefinition } from './types.js';

const APNS_BLOCKER = `(a.expires_at IS NULL OR a.expires_at < :switchPlus30 OR ${SQL.unreadableDate('a.expires_at')})`;
const APNS_SOON = `(a.expires_at IS NULL OR a.expires_at < :apnsHighCutoff OR ${SQL.unreadableDate('a.expires_at')})`;
const APPLE_ID_UNKNOWN = `coalesce(trim(a.apple_id), '') = ''`;

export interface ApnsState {
  readonly known: boolean;
  readonly expiringSoon: number;
  readonly blockers: number;
  readonly appleIdUnknown: number;
}

/** The APNs facts TEN_APNS_* and DEV_IOS_APNS_DEPENDENT share (the table holds one row, or a few). */
export function apnsState(ctx: AssessmentContext): ApnsState {
  const row = ctx.db
    .prepare(
      `SELECT count(*) AS n, count(*) FILTER (WHERE ${APNS_SOON}) AS soon, count(*) FILTER (WHERE ${APNS_BLOCKER}) AS blockers,
              count(*) FILTER (WHERE ${APPLE_ID_UNKNOWN}) AS unknownId
       FROM apns_certificates a`,
    )
    .get(ctx.params) as { n: number; soon: number; blockers: number; unknownId: number };
  return { known: row.n > 0, expiringSoon: row.soon, blockers: row.blockers, appleIdUnknown: row.unknownId };
}

const switchNote = (ctx: AssessmentContext) =>
  ctx.plannedSwitch
    ? `Planned switch: ${ctx.plannedSwitch.toISOString().slice(0, 10)}.`
    : `No planned switch date is recorded, so the data date (${ctx.asOf.toISOString().slice(0, 10)}) stands in for it (the switch could be any day).`;

const needsApns = 'the APNs certificate (expiry and Apple ID: subscription iOS tab, or Graph applePushNotificationCertificate)';

export const TENANT_RULES: readonly RuleDefinition[] = [
  {
    id: 'TEN_CM_VERSION',
    family: 'tenant',
    severity: 'blocker',
    title: 'Configuration Manager older than 1610',
    why: 'Mixed authority and the self-service authority change need ConfigMgr 1610 or later. A version the app cannot read is listed too.',
    remediation: ['Upgrade the ConfigMgr site (Administration > Updates and Servicing) to 1610 or later before starting mixed authority [S5, S6].'],
    sources: ['S5', 'S6'],
    evaluate: (ctx) =>
      !ctx.tenant.cmVersion
        ? needs(tenantFact('the ConfigMgr version', 'cm-version'))
        : {
            evaluated: true,
            kind: 'tenant',
            where: `coalesce(mdm_cm_version_ok(t.cm_version), 0) = 0`,
            detail: `CASE WHEN mdm_cm_version_ok(t.cm_version) IS NULL THEN 'ConfigMgr version "' || t.cm_version || '" could not be read; confirm it is 1610 or later'
                          ELSE 'ConfigMgr ' || t.cm_version || ' is older than 1610' END`,
          },
  },
  {
    id: 'TEN_SERVICE_RETIRED',
    family: 'tenant',
    severity: 'blocker',
    title: 'Hybrid MDM was retired on 1 September 2019: the switch needs Microsoft Support',
    why:
      'Hybrid MDM was deprecated in August 2018 and retired on 1 September 2019; hybrid devices get no policy, apps or security updates since. ' +
      'A self-service authority change after that date may fail with "Unable to get MDM Authority" (#1956). Severity per brief: BLOCKER (info).',
    remediation: [
      'Open a Microsoft support request for the MDM authority change before planning the switch date (Microsoft 365 admin centre > Support > New service request) [S19 #1956].',
      'Plan the switch window with Support; keep the self-service steps (brief Phase 5) as the checklist.',
    ],
    sources: ['S10', 'S19 #1956'],
    conflict: CONFLICTS.deprecationDate,
    evaluate: () => ({
      evaluated: true,
      kind: 'tenant',
      where: `:now >= '${HYBRID_RETIRED.toISOString()}' AND coalesce(t.mdm_authority, '') <> 'intune'`,
      detail: `'Today is after the retirement date; MDM authority ' || coalesce(t.mdm_authority, 'unknown')`,
    }),
  },
  {
    id: 'TEN_APNS_EXPIRES_SOON',
    family: 'tenant',
    severity: 'blocker',
    title: 'APNs certificate expires before or soon after the switch',
    why:
      'An expired APNs certificate makes every Apple device unreachable; after expiry there is a 30-day grace period in which it can still be renewed. Renewing the same certificate ' +
      'with the same Apple ID keeps every device working; a new certificate (not the expiry as such) forces every Apple device to re-enroll. BLOCKER when it expires before the ' +
      'planned switch + 30 days; HIGH when it expires within 60 days (of the data date or of the switch, whichever is later). A certificate with no known expiry is treated as a blocker.',
    remediation: [
      'Renew before the switch. Hybrid: ConfigMgr console > Administration > Cloud Services > Microsoft Intune Subscriptions > Create APNs certificate request.',
      'In the Apple Push Certificates Portal sign in with the creating Apple ID and choose Renew (not Create) on the same certificate.',
      'Upload the .pem on the subscription\'s iOS tab (Microsoft Intune Subscription properties).',
      'After the switch renew in Intune admin centre > Devices > Enroll devices > Apple enrollment > Apple MDM Push Certificate: download the CSR, renew, upload.',
    ],
    sources: ['S13', 'S15'],
    conflict: CONFLICTS.earlyProcedure,
    evaluate: (ctx) => {
      if (!ctx.has.apnsCertificates) return needs(needsApns);
      const state = apnsState(ctx);
      return {
        evaluated: true,
        kind: 'apnsCertificate',
        where: APNS_SOON,
        detail: `CASE WHEN a.expires_at IS NULL THEN 'Expiry unknown'
                      WHEN ${SQL.unreadableDate('a.expires_at')} THEN 'Expiry date not readable: ' || a.expires_at
                      WHEN ${APNS_BLOCKER} THEN 'Expires ' || substr(a.expires_at, 1, 10) || ', before the switch + 30 days (' || substr(:switchPlus30, 1, 10) || ')'
                      ELSE 'Expires ' || substr(a.expires_at, 1, 10) || ', within 60 days' END`,
        severity: state.blockers > 0 ? 'blocker' : 'high',
        note: switchNote(ctx),
      };
    },
  },
  {
    id: 'TEN_APNS_APPLEID_UNKNOWN',
    family: 'tenant',
    severity: 'high',
    title: 'The Apple ID that created the APNs certificate is unknown',
    why: 'The certificate must be renewed with the Apple ID that created it; a new certificate from another Apple ID forces every Apple device to re-enroll.',
    remediation: [
      'Find the Apple ID: sign in to the Apple Push Certificates Portal with likely IDs and match the certificate UID/Topic GUID.',
      'Or read the Topic on a device: Settings > General > Device Management > Management Profile > More Details (2nd line, "Topic").',
      'Record the Apple ID (import the Apple tokens template or Graph applePushNotificationCertificate with it) and store its credentials with the project documentation.',
    ],
    sources: ['S8', 'S9', 'S15'],
    evaluate: (ctx) =>
      !ctx.has.apnsCertificates
        ? needs(needsApns)
        : { evaluated: true, kind: 'apnsCertificate', where: APPLE_ID_UNKNOWN, detail: `'No Apple ID recorded for topic ' || coalesce(a.topic, a.id)` },
  },
  {
    id: 'TEN_DEP_TOKEN_EXPIRY',
    family: 'tenant',
    severity: 'high',
    title: 'DEP (ADE) tokens that expire within the project window',
    why:
      'DEP tokens are renewed yearly with the creating Apple ID (mandatory in hybrid). A token that lapses around the switch stops new corporate enrollments; ' +
      'tokens must be valid well past the switch + 24 h, when the token appears in Intune. Window: until 60 days after the planned switch.',
    remediation: [
      'Renew before the switch, every step with the creating Apple ID: (1) ConfigMgr console > Administration > Cloud Services > Microsoft Intune Subscriptions > Create DEP Token Request, which saves a .pem; ' +
        '(2) upload the .pem in Apple\'s portal (Apple Business Manager > Settings > your MDM server; in 2019 the Apple Deployment Programs portal); (3) download the server token (.p7m); ' +
        '(4) import it on the subscription\'s iOS tab (Enable DEP).',
      'After the switch check the token appears in Intune within 24 h (Devices > Enroll devices > Apple enrollment > Enrollment program tokens); if not, contact Microsoft Support (TEN_DEP_TOKEN_NOT_MIGRATED).',
    ],
    sources: ['S13', 'S15', 'S19 memdocs #3127'],
    evaluate: (ctx) =>
      !ctx.has.depTokens
        ? needs('the DEP/ADE token list with expiry dates (Graph depOnboardingSettings or the ConfigMgr DEP token)')
        : {
            evaluated: true,
            kind: 'depToken',
            where: `(p.expires_at IS NULL OR p.expires_at < :projectWindowEnd OR ${SQL.unreadableDate('p.expires_at')})`,
            detail: `CASE WHEN p.expires_at IS NULL THEN 'Expiry unknown' WHEN ${SQL.unreadableDate('p.expires_at')} THEN 'Expiry date not readable: ' || p.expires_at ELSE 'Expires ' || substr(p.expires_at, 1, 10) || ' (window ends ' || substr(:projectWindowEnd, 1, 10) || ')' END`,
            note: switchNote(ctx),
          },
  },
  {
    id: 'TEN_VPP_TOKEN',
    family: 'tenant',
    severity: 'medium',
    title: 'Apple VPP tokens to carry over and clean up',
    why:
      'VPP tokens are valid for one year and migrate at the switch; their ConfigMgr management object and licensed-app metadata stay behind. A token loaded into another ' +
      'MDM (state assignedToExternalMDM) breaks app licensing. Every token is listed; the detail says whether it expires within the project window or is in a bad state.',
    remediation: [
      'Renew any token that expires within the window (Apple Business Manager > Settings > Apps and Books > download token) and upload it in ConfigMgr before the switch.',
      'Never load the token into another MDM or tenant.',
      'After the switch delete the token in ConfigMgr (Delete an Apple VPP token); if the management object cannot be deleted, ignore it once the token is gone, else retry [S6].',
    ],
    sources: ['S6', 'S13', 'S15', 'S17'],
    evaluate: (ctx) =>
      !ctx.has.vppTokens
        ? needs('the VPP token list (Graph vppTokens or the ConfigMgr VPP tokens)')
        : {
            evaluated: true,
            kind: 'vppToken',
            where: '1 = 1',
            detail: `CASE WHEN v.state = 'assignedToExternalMDM' THEN 'Assigned to another MDM'
                          WHEN v.state IN ('expired', 'invalid') THEN 'Token ' || v.state
                          WHEN v.expires_at IS NULL THEN 'Expiry unknown'
                          WHEN ${SQL.unreadableDate('v.expires_at')} THEN 'Expiry date not readable: ' || v.expires_at
                          WHEN v.expires_at < :projectWindowEnd THEN 'Expires ' || substr(v.expires_at, 1, 10) || ', within the project window'
                          ELSE 'Valid until ' || substr(v.expires_at, 1, 10) || '; delete in ConfigMgr after the switch' END`,
          },
  },
  tenantFlagRule(
    {
      id: 'TEN_EXCHANGE_CONNECTOR',
      family: 'tenant',
      severity: 'high',
      title: 'ConfigMgr Exchange connector present',
      why:
        'In the 2019 procedure the Intune on-premises Exchange connector replaced it. ActiveSync DefaultAccessLevel Block/Quarantine can cut mail, and the last connector configured ' +
        'overwrites the ActiveSync organisation settings, shifting conditional access. Today that connector is gone: it took no new installs from July 2020 and its support ended on ' +
        '15 January 2024; its replacement is Exchange hybrid modern authentication with conditional access (brief §0.2b).',
      remediation: [
        'Today: plan Exchange hybrid modern authentication with Azure AD conditional access for mail access instead of the on-premises connector, before users move.',
        'The 2019 procedure, for a tenant that still runs it: optionally run the Data Importer cleanup scripts GetInactiveDevices.ps1 and RemoveEasIdentities.ps1 first [S12].',
        'If the ConfigMgr connector allows unmanaged devices (Allow access), install the Intune Exchange connector before users move (Intune admin centre > Tenant administration > Exchange access > Exchange on-premises connector).',
        'Keep both connectors configured identically; one Intune connector per Exchange organisation; watch DefaultAccessLevel (Get-ActiveSyncOrganizationSettings).',
        'Per wave, remove migrated users from ConfigMgr conditional-access targeting.',
      ],
      sources: ['S3', 'S12', 'S15'],
    },
    'exchange_connector_present',
    tenantFact('whether a ConfigMgr Exchange connector exists', 'exchange-connector'),
    'A ConfigMgr Exchange Server connector is configured',
    (ctx) => ctx.tenant.exchangeConnectorPresent,
  ),
  tenantFlagRule(
    {
      id: 'TEN_NDES',
      family: 'tenant',
      severity: 'high',
      title: 'SCEP or PFX certificates in use (NDES, certificate connector)',
      why:
        'The ConfigMgr certificate registration point does not serve Intune standalone. SCEP profiles need the Intune certificate connector on a new server and a new URL [S3]; ' +
        'PFX profiles need the same connector with its PFX role (today\'s name: "Certificate Connector for Microsoft Intune"; S3 covers SCEP only, brief §0.2b).',
      remediation: [
        'SCEP: install the Certificate Connector for Microsoft Intune (in 2019: Microsoft Intune Certificate Connector) on a different server from the ConfigMgr NDES connector [S3], then edit every imported SCEP profile to the new server URL (OBJ_SCEP_URL).',
        'PFX: enable the connector\'s PFX role (PKCS certificates) and recreate PFX profiles in Intune; the Data Importer cannot import PFX settings [S2].',
      ],
      sources: ['S2', 'S3'],
    },
    'ndes_in_use',
    tenantFact('whether SCEP/PFX certificate profiles are in use', 'scep-pfx'),
    'SCEP/PFX certificate profiles are in use',
    (ctx) => ctx.tenant.ndesInUse,
  ),
  tenantFlagRule(
    {
      id: 'TEN_RBAC',
      family: 'tenant',
      severity: 'medium',
      title: 'ConfigMgr admin roles used for MDM',
      why: 'ConfigMgr security roles and scopes do not migrate; Intune RBAC is scoped differently.',
      remediation: ['Recreate the roles in Intune admin centre > Tenant administration > Roles, with scope tags and assignments to Azure AD groups [S3].'],
      sources: ['S3'],
    },
    'cm_rbac_roles_for_mdm',
    tenantFact('whether ConfigMgr admin roles are used for MDM', 'cm-rbac-roles'),
    'ConfigMgr admin roles are used for MDM administration',
    (ctx) => ctx.tenant.cmRbacRolesForMdm,
  ),
  tenantFlagRule(
    {
      id: 'TEN_CODE_SIGNING',
      family: 'tenant',
      severity: 'medium',
      title: 'Windows code-signing certificates uploaded',
      why: 'Each device moved to Intune requests the code-signing CA again.',
      remediation: ['Move Windows devices in small waves and watch the CA load [S4].'],
      sources: ['S4'],
    },
    'code_signing_uploaded',
    tenantFact('whether code-signing certificates are uploaded', 'code-signing'),
    'Code-signing certificates are uploaded to the subscription',
    (ctx) => ctx.tenant.codeSigningUploaded,
  ),
  {
    id: 'TEN_FULL_RESET_WARNING',
    family: 'tenant',
    severity: 'info',
    title: 'Never request an MDM authority reset or a full tenant reset',
    why: 'A full tenant reset deletes policies, apps and enrollments. The authority can never return to Unknown.',
    remediation: ['Do not ask Microsoft Support for an "MDM authority reset" or "full tenant reset"; ask for the authority change to Intune [S4, S7].'],
    sources: ['S4'],
    evaluate: () => ({ evaluated: true, kind: 'tenant', where: '1 = 1', detail: `'Awareness: applies to every tenant'` }),
  },
  {
    id: 'TEN_AUTHORITY_CHECK',
    family: 'tenant',
    severity: 'info',
    title: 'Current MDM authority',
    why: 'Graph organization.mobileDeviceManagementAuthority reads sccm before the switch and intune after; it never returns to unknown.',
    remediation: [
      'Before the switch confirm it reads sccm: in 2019 Azure portal > Intune > Device enrollment > Overview shows "Set to Configuration Manager" (that blade was retired in August 2020); today Intune admin centre > Tenant administration shows the MDM authority.',
      'After the switch confirm it reads intune (the same page, or GET /organization?$select=mobileDeviceManagementAuthority).',
    ],
    sources: ['S7', 'S17'],
    evaluate: (ctx) =>
      !ctx.tenant.mdmAuthority
        ? needs(tenantFact('the MDM authority (Graph organization.mobileDeviceManagementAuthority, or import the organization export)', 'mdm-authority'))
        : {
            evaluated: true,
            kind: 'tenant',
            where: '1 = 1',
            detail: `CASE t.mdm_authority WHEN 'sccm' THEN 'Authority sccm: hybrid, as expected before the switch'
                                          WHEN 'intune' THEN 'Authority intune: already standalone'
                                          WHEN 'office365' THEN 'Authority office365: Basic Mobility only; not a hybrid tenant'
                                          ELSE 'Authority ' || t.mdm_authority || ': not set' END`,
          },
  },
  {
    id: 'TEN_APNS_GAP',
    family: 'tenant',
    severity: 'high',
    title: 'Procedure needs a manual APNs upload',
    why: 'In the early procedure, the reverse direction, or after a Support reset, iOS enrollments and check-ins fail until the renewed certificate is uploaded.',
    remediation: ['Upload the renewed certificate immediately after the change [S7b, S8, S9].'],
    sources: ['S7b', 'S8', 'S9'],
    conflict: CONFLICTS.earlyProcedure,
    // The procedure agreed with Support is a tenant fact (wizard phase 5); only a reset loses the certificate.
    evaluate: (ctx) =>
      !ctx.tenant.switchProcedure
        ? needs(tenantFact('the procedure agreed with Microsoft Support for the switch', 'switch-procedure'))
        : { evaluated: true, kind: 'tenant', where: `t.switch_procedure = 'support-reset'`, detail: `'Support resets the authority: upload the renewed APNs certificate right after the change'` },
  },
  notEvaluatedRule(
    {
      id: 'TEN_DEP_TOKEN_NOT_MIGRATED',
      family: 'tenant',
      severity: 'high',
      title: 'No DEP token in Intune 24 h after the switch',
      why: 'The DEP token should appear in Intune within 24 hours of the switch.',
      remediation: ['Contact Microsoft Support [S4].'],
      sources: ['S4'],
    },
    'a post-switch Intune export of enrollment program tokens',
  ),
];
