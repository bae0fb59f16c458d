/** Display names the app and its reports use for stored enum values. */
export const PLATFORMS = ['ios', 'ipados', 'macos', 'android', 'windows', 'windowsMobile', 'other', 'unknown'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = {
  ios: 'iOS',
  ipados: 'iPadOS',
  macos: 'macOS',
  android: 'Android',
  windows: 'Windows',
  windowsMobile: 'Windows Mobile',
  other: 'Other',
  unknown: 'Unknown',
};

export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  intune: 'Intune admin centre export',
  graph: 'Microsoft Graph',
  configmgr: 'Configuration Manager',
  entra: 'Entra users export',
  m365: 'Microsoft 365 active users',
  template: 'Project template',
  demo: 'Demo generator',
};

// Words for the Graph enum members the snapshot stores (brief §4b), so that a consultant reads
// "Apple bulk enrollment (with user)" rather than `appleBulkWithUser`. A member missing here
// (Graph adds some) shows as stored; enumLabel says so.

export const ENROLLMENT_TYPE_LABELS: Readonly<Record<string, string>> = {
  unknown: 'Unknown',
  userEnrollment: 'User enrollment',
  deviceEnrollmentManager: 'Device enrollment manager (DEM)',
  appleBulkWithUser: 'Apple bulk enrollment (with user)',
  appleBulkWithoutUser: 'Apple bulk enrollment (without user)',
  windowsAzureADJoin: 'Windows Azure AD join',
  windowsBulkUserless: 'Windows bulk enrollment (without user)',
  windowsAutoEnrollment: 'Windows automatic enrollment',
  windowsBulkAzureDomainJoin: 'Windows bulk Azure AD join',
  windowsCoManagement: 'Windows co-management',
  windowsAzureADJoinUsingDeviceAuth: 'Windows Azure AD join (device authentication)',
  appleUserEnrollment: 'Apple User Enrollment',
  appleUserEnrollmentWithServiceAccount: 'Apple User Enrollment (with service account)',
  azureAdJoinUsingAzureVmExtension: 'Azure AD join (Azure VM extension)',
  androidEnterpriseDedicatedDevice: 'Android Enterprise dedicated device',
  androidEnterpriseFullyManaged: 'Android Enterprise fully managed',
  androidEnterpriseCorporateWorkProfile: 'Android Enterprise corporate-owned work profile',
  androidAOSPUserOwnedDeviceEnrollment: 'Android (AOSP) user-associated device',
  androidAOSPUserlessDeviceEnrollment: 'Android (AOSP) userless device',
  appleAccountDrivenUserEnrollment: 'Apple account-driven User Enrollment',
  unknownFutureValue: 'Unknown (newer value)',
};

export const MANAGEMENT_AGENT_LABELS: Readonly<Record<string, string>> = {
  eas: 'Exchange ActiveSync',
  mdm: 'MDM',
  easMdm: 'Exchange ActiveSync and MDM',
  intuneClient: 'Intune PC client',
  easIntuneClient: 'Exchange ActiveSync and Intune PC client',
  configurationManagerClient: 'Configuration Manager client',
  configurationManagerClientMdm: 'Configuration Manager client and MDM (co-managed)',
  configurationManagerClientMdmEas: 'Configuration Manager client, MDM and Exchange ActiveSync',
  unknown: 'Unknown',
  jamf: 'Jamf',
  googleCloudDevicePolicyController: 'Google Cloud Device Policy Controller',
  microsoft365ManagedMdm: 'Microsoft 365 managed MDM',
  msSense: 'Microsoft Defender for Endpoint',
  intuneAosp: 'Intune (Android Open Source Project)',
  google: 'Google',
  windowsManagementCloudApi: 'Windows management cloud API',
};

export const COMPLIANCE_STATE_LABELS: Readonly<Record<string, string>> = {
  unknown: 'Unknown',
  compliant: 'Compliant',
  noncompliant: 'Not compliant',
  conflict: 'Conflict',
  error: 'Error',
  inGracePeriod: 'In grace period',
  configManager: 'Evaluated by Configuration Manager',
};

export const OWNER_TYPE_LABELS: Readonly<Record<string, string>> = {
  unknown: 'Unknown',
  company: 'Corporate',
  personal: 'Personal',
};

/** The words for a stored enum member, or the member itself when there are none. */
export function enumLabel(labels: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(labels, value) ? labels[value]! : value;
}
