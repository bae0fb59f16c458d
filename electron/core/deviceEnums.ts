/**
 * Graph enum members the snapshot stores (brief §4b), and the enrollment types the brief
 * lists as userless (§2.2, "Userless enrollment types").
 */
export const ENROLLMENT_TYPES = [
  'unknown',
  'userEnrollment',
  'deviceEnrollmentManager',
  'appleBulkWithUser',
  'appleBulkWithoutUser',
  'windowsAzureADJoin',
  'windowsBulkUserless',
  'windowsAutoEnrollment',
  'windowsBulkAzureDomainJoin',
  'windowsCoManagement',
  'windowsAzureADJoinUsingDeviceAuth',
  'appleUserEnrollment',
  'appleUserEnrollmentWithServiceAccount',
  'azureAdJoinUsingAzureVmExtension',
  'androidEnterpriseDedicatedDevice',
  'androidEnterpriseFullyManaged',
  'androidEnterpriseCorporateWorkProfile',
  'androidAOSPUserOwnedDeviceEnrollment',
  'androidAOSPUserlessDeviceEnrollment',
  'appleAccountDrivenUserEnrollment',
  'unknownFutureValue',
] as const;
export type EnrollmentType = (typeof ENROLLMENT_TYPES)[number];

export const USERLESS_ENROLLMENT_TYPES: readonly EnrollmentType[] = [
  'appleBulkWithoutUser',
  'deviceEnrollmentManager',
  'windowsBulkUserless',
  'windowsBulkAzureDomainJoin',
  'androidEnterpriseDedicatedDevice',
  'androidAOSPUserlessDeviceEnrollment',
];

export const DEVICE_SOURCES = ['intune', 'graph', 'configmgr', 'template', 'demo'] as const;
export type DeviceSource = (typeof DEVICE_SOURCES)[number];
