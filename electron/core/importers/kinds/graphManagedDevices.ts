import type { GraphProperties } from './graphProperties.js';
import type { JsonKind } from './importKind.js';
import { DEVICE_TABLES } from '../stores/deviceStore.js';
import { has, integer, text } from './jsonValues.js';
import { MANAGEMENT_AGENT_LABELS, OWNERSHIP_LABELS, COMPLIANCE_LABELS, isoDateOf, labelKey, platformOf } from './labelMaps.js';

const ENROLLMENT_TYPE_BY_NUMBER = [
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
];

/** Graph writes enum members as strings; some PowerShell exports write the beta numbers. */
function enrollmentType(raw: string | null): string | null {
  if (raw === null) return null;
  return /^\d+$/.test(raw) ? (ENROLLMENT_TYPE_BY_NUMBER[Number(raw)] ?? null) : raw;
}

/** What the writer below reads: PowerShell's names for these are matched to them (see graphProperties.ts). */
const MANAGED_DEVICE_PROPERTIES: GraphProperties = {
  id: 'text',
  azureADDeviceId: 'text',
  serialNumber: 'text',
  imei: 'text',
  meid: 'text',
  deviceName: 'text',
  managedDeviceName: 'text',
  operatingSystem: 'text',
  osVersion: 'text',
  model: 'text',
  manufacturer: 'text',
  managedDeviceOwnerType: 'text',
  ownerType: 'text',
  deviceEnrollmentType: 'text',
  managementAgent: 'text',
  deviceCategoryDisplayName: 'text',
  userPrincipalName: 'text',
  lastSyncDateTime: 'date',
  enrolledDateTime: 'date',
  managementCertificateExpirationDate: 'date',
  complianceState: 'text',
  clientType: 'integer',
};

/** `GET /deviceManagement/managedDevices` (v1.0 or beta; brief §4b), also as PowerShell saves it. */
export const graphManagedDevices: JsonKind = {
  id: 'graph-managed-devices',
  label: 'Graph managedDevices (JSON, or saved by PowerShell)',
  source: 'graph',
  order: 21,
  format: 'json',
  context: /#deviceManagement\/managedDevices\b/i,
  odataType: '#microsoft.graph.managedDevice',
  properties: MANAGED_DEVICE_PROPERTIES,
  // Every managedDevice property is a column of Export-Csv, filled or not; a users export has no deviceName.
  csvSignature: ['id', 'deviceName', 'managementAgent'],
  matches: (item) => has(item, 'deviceName') && (has(item, 'managedDeviceOwnerType') || has(item, 'managementAgent') || has(item, 'serialNumber')),
  bulkTables: DEVICE_TABLES,
  clear: ({ stores, source }) => stores.devices.clearSource(source),
  writer({ stores, source, batchId }) {
    const devices = stores.devices.beginSource(source, batchId);
    return {
      end: () => devices.end(),
      write(item, issues) {
        const id = text(item, 'id');
        if (!id) {
          issues.reject('id', 'the device has no id');
          return false;
        }
        const os = text(item, 'operatingSystem');
        const owner = text(item, 'managedDeviceOwnerType') ?? text(item, 'ownerType');
        const agent = text(item, 'managementAgent');
        const compliance = text(item, 'complianceState');
        const rawEnrollment = text(item, 'deviceEnrollmentType');
        return (
          devices.upsert(
            {
              intuneDeviceId: id,
              entraDeviceId: text(item, 'azureADDeviceId'),
              serialNumber: text(item, 'serialNumber'),
              imei: text(item, 'imei'),
              meid: text(item, 'meid'),
              name: text(item, 'deviceName'),
              managementName: text(item, 'managedDeviceName'),
              platform: platformOf(os),
              os,
              osVersion: text(item, 'osVersion'),
              model: text(item, 'model'),
              manufacturer: text(item, 'manufacturer'),
              ownership: owner === null ? null : ((OWNERSHIP_LABELS.get(labelKey(owner)) as 'company' | 'personal' | 'unknown' | undefined) ?? null),
              ownershipRaw: owner,
              enrollmentType: enrollmentType(rawEnrollment),
              enrollmentTypeRaw: rawEnrollment,
              managementAgent: agent === null ? null : (MANAGEMENT_AGENT_LABELS.get(labelKey(agent)) ?? agent),
              managementAgentRaw: agent,
              category: text(item, 'deviceCategoryDisplayName'),
              primaryUserUpn: text(item, 'userPrincipalName'),
              lastCheckIn: isoDateOf(text(item, 'lastSyncDateTime')),
              enrolledAt: isoDateOf(text(item, 'enrolledDateTime')),
              mdmCertExpiresAt: isoDateOf(text(item, 'managementCertificateExpirationDate')),
              compliance: compliance === null ? null : (COMPLIANCE_LABELS.get(labelKey(compliance)) ?? compliance),
              complianceRaw: compliance,
              cmClientType: integer(item, 'clientType'),
            },
            issues,
          )
        );
      },
    };
  },
};
