/**
 * Every tenant fact a consultant can record: its key (as `mdm-migrate tenant --set KEY=VALUE`
 * takes it), where it is stored, what kind of value it holds and what it means. Playbook
 * questions name these keys; the readiness rules read the columns (rules/context.ts).
 *
 * Pure data with no imports, so that the playbook registry can validate question keys without
 * depending on the wizard's database code.
 */
export type TenantFactType = 'text' | 'yesno' | 'date' | 'choice';

export interface TenantFactDefinition {
  readonly key: string;
  readonly label: string;
  /** One sentence: what the fact is and where to read it (console path or cmdlet). */
  readonly meaning: string;
  readonly table: 'tenant' | 'engagement';
  readonly column: string;
  readonly type: TenantFactType;
  /** The allowed values of a `choice`, with what each means. */
  readonly choices?: readonly { readonly value: string; readonly label: string }[];
  /** Rules whose evaluation reads this fact. */
  readonly rules: readonly string[];
}

export const TENANT_FACTS: readonly TenantFactDefinition[] = [
  {
    key: 'planned-switch-date',
    label: 'Planned switch date',
    meaning: 'The day the tenant MDM authority is to be changed (YYYY-MM-DD); APNs and token deadlines are measured against it.',
    table: 'engagement',
    column: 'planned_switch_date',
    type: 'date',
    rules: ['TEN_APNS_EXPIRES_SOON', 'TEN_DEP_TOKEN_EXPIRY', 'TEN_VPP_TOKEN'],
  },
  {
    key: 'tenant-name',
    label: 'Tenant name',
    meaning: 'The organisation name of the Intune tenant (Graph organization.displayName).',
    table: 'tenant',
    column: 'tenant_name',
    type: 'text',
    rules: [],
  },
  {
    key: 'mdm-authority',
    label: 'MDM authority',
    meaning: 'Intune admin centre > Tenant administration (Graph organization.mobileDeviceManagementAuthority): sccm while hybrid, intune after the switch.',
    table: 'tenant',
    column: 'mdm_authority',
    type: 'choice',
    choices: [
      { value: 'sccm', label: 'Configuration Manager (hybrid)' },
      { value: 'intune', label: 'Microsoft Intune (standalone)' },
      { value: 'office365', label: 'Office 365 MDM' },
      { value: 'unknown', label: 'Not set' },
    ],
    rules: ['TEN_AUTHORITY_CHECK'],
  },
  {
    key: 'cm-version',
    label: 'ConfigMgr version',
    meaning: 'The Configuration Manager site version, e.g. 1810 or 5.00.8740.1000 (console > About); 1610 or later is required.',
    table: 'tenant',
    column: 'cm_version',
    type: 'text',
    rules: ['TEN_CM_VERSION'],
  },
  {
    key: 'cm-site-code',
    label: 'ConfigMgr top-level site code',
    meaning: 'The three-character code of the top-level site the Data Importer and the switch use.',
    table: 'tenant',
    column: 'cm_site_code',
    type: 'text',
    rules: [],
  },
  {
    key: 'subscription-collection-id',
    label: 'Subscription collection ID',
    meaning: 'The user collection the Intune subscription points at (Administration > Cloud Services > Microsoft Intune Subscriptions), e.g. SMS00002.',
    table: 'tenant',
    column: 'subscription_collection_id',
    type: 'text',
    rules: ['COL_SUBSCRIPTION_IS_ALL_USERS', 'USR_NO_INTUNE_LICENSE', 'USR_EXCLUDE_INEFFECTIVE'],
  },
  {
    key: 'subscription-collection-name',
    label: 'Subscription collection name',
    meaning: 'The name of that collection, e.g. All Users.',
    table: 'tenant',
    column: 'subscription_collection_name',
    type: 'text',
    rules: [],
  },
  {
    key: 'switching-admin-upn',
    label: 'Switching administrator',
    meaning: 'The UPN of the administrator who changes the MDM authority; needs an Intune licence and must sign in to Intune.',
    table: 'tenant',
    column: 'switching_admin_upn',
    type: 'text',
    rules: ['USR_ADMIN_UNLICENSED'],
  },
  {
    key: 'exchange-connector',
    label: 'ConfigMgr Exchange connector present',
    meaning: 'Whether a ConfigMgr Exchange Server connector exists (Administration > Hierarchy Configuration > Exchange Server Connectors).',
    table: 'tenant',
    column: 'exchange_connector_present',
    type: 'yesno',
    rules: ['TEN_EXCHANGE_CONNECTOR'],
  },
  {
    key: 'scep-pfx',
    label: 'SCEP/PFX certificate profiles in use',
    meaning: 'Whether SCEP or PFX certificate profiles are deployed through the ConfigMgr NDES/certificate registration point.',
    table: 'tenant',
    column: 'ndes_in_use',
    type: 'yesno',
    rules: ['TEN_NDES'],
  },
  {
    key: 'code-signing',
    label: 'Code-signing certificates uploaded',
    meaning: 'Whether Windows code-signing certificates are uploaded to the subscription (Windows tab).',
    table: 'tenant',
    column: 'code_signing_uploaded',
    type: 'yesno',
    rules: ['TEN_CODE_SIGNING'],
  },
  {
    key: 'android-for-work',
    label: 'Android for Work enabled',
    meaning: 'Whether Android for Work is enabled in the hybrid subscription (Android tab).',
    table: 'tenant',
    column: 'android_for_work_enabled',
    type: 'yesno',
    rules: ['DEV_ANDROID_FOR_WORK'],
  },
  {
    key: 'cm-pc-conditional-access',
    label: 'Conditional access for ConfigMgr PCs',
    meaning: 'Whether "conditional access for PCs managed by Configuration Manager" is in use (it breaks when the subscription is removed).',
    table: 'tenant',
    column: 'cm_pc_conditional_access',
    type: 'yesno',
    rules: ['DEV_CM_CLIENT_CA'],
  },
  {
    key: 'cm-rbac-roles',
    label: 'ConfigMgr admin roles for MDM',
    meaning: 'Whether ConfigMgr role-based administration scopes MDM administrators (they must be recreated as Intune roles).',
    table: 'tenant',
    column: 'cm_rbac_roles_for_mdm',
    type: 'yesno',
    rules: ['TEN_RBAC'],
  },
  {
    key: 'switch-procedure',
    label: 'Procedure agreed with Microsoft Support',
    meaning: 'How the authority will be changed: after 1 September 2019 a hybrid tenant needs a Microsoft support request.',
    table: 'tenant',
    column: 'switch_procedure',
    type: 'choice',
    choices: [
      { value: 'support-change', label: 'Support changes the authority to Intune (the documented change; APNs migrates)' },
      { value: 'support-reset', label: 'Support resets the authority (the APNs certificate must be uploaded again)' },
      { value: 'self-service', label: 'Self-service change in the ConfigMgr console (2017–2019 procedure)' },
    ],
    rules: ['TEN_APNS_GAP'],
  },
];

export const TENANT_FACT_KEYS: ReadonlySet<string> = new Set(TENANT_FACTS.map((fact) => fact.key));
