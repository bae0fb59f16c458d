import { describe, expect, it } from 'vitest';
import { COMPLIANCE_STATE_LABELS, ENROLLMENT_TYPE_LABELS, MANAGEMENT_AGENT_LABELS, OWNER_TYPE_LABELS, enumLabel } from '../../../electron/contract/labels.js';

// The enum members of Graph's managedDevice as the brief lists them (§4b), v1.0 and beta.
const BRIEF_ENUMS = {
  ownerType: [OWNER_TYPE_LABELS, ['unknown', 'company', 'personal']],
  deviceEnrollmentType: [
    ENROLLMENT_TYPE_LABELS,
    [
      'unknown', 'userEnrollment', 'deviceEnrollmentManager', 'appleBulkWithUser', 'appleBulkWithoutUser', 'windowsAzureADJoin', 'windowsBulkUserless',
      'windowsAutoEnrollment', 'windowsBulkAzureDomainJoin', 'windowsCoManagement', 'windowsAzureADJoinUsingDeviceAuth', 'appleUserEnrollment',
      'appleUserEnrollmentWithServiceAccount', 'azureAdJoinUsingAzureVmExtension', 'androidEnterpriseDedicatedDevice', 'androidEnterpriseFullyManaged',
      'androidEnterpriseCorporateWorkProfile', 'androidAOSPUserOwnedDeviceEnrollment', 'androidAOSPUserlessDeviceEnrollment', 'appleAccountDrivenUserEnrollment',
      'unknownFutureValue',
    ],
  ],
  managementAgent: [
    MANAGEMENT_AGENT_LABELS,
    [
      'eas', 'mdm', 'easMdm', 'intuneClient', 'easIntuneClient', 'configurationManagerClient', 'configurationManagerClientMdm', 'configurationManagerClientMdmEas',
      'unknown', 'jamf', 'googleCloudDevicePolicyController', 'microsoft365ManagedMdm', 'msSense', 'intuneAosp', 'google', 'windowsManagementCloudApi',
    ],
  ],
  complianceState: [COMPLIANCE_STATE_LABELS, ['unknown', 'compliant', 'noncompliant', 'conflict', 'error', 'inGracePeriod', 'configManager']],
} as const;

describe('enum members read as words', () => {
  it.each(Object.entries(BRIEF_ENUMS))('every %s member of the brief has words, and no others', (_name, [labels, members]) => {
    expect(Object.keys(labels).sort()).toEqual([...members].sort());
    for (const member of members) expect(enumLabel(labels, member)).not.toBe(member);
  });

  it('reads the examples of issue 17', () => {
    expect(enumLabel(ENROLLMENT_TYPE_LABELS, 'appleBulkWithUser')).toBe('Apple bulk enrollment (with user)');
    expect(enumLabel(COMPLIANCE_STATE_LABELS, 'inGracePeriod')).toBe('In grace period');
  });

  it('shows a member it has no words for as stored, e.g. one Graph added later', () => {
    expect(enumLabel(ENROLLMENT_TYPE_LABELS, 'someNewEnrollment')).toBe('someNewEnrollment');
    expect(enumLabel(ENROLLMENT_TYPE_LABELS, 'toString')).toBe('toString');
  });
});
