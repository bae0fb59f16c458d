import type { Platform } from '../../../contract/labels.js';
import { COMPLIANCE_LABELS, ISO_DATE_CELL, MANAGEMENT_AGENT_LABELS, OWNERSHIP_LABELS, labelKey, platformOf } from './labelMaps.js';
import type { RowIssues, RowMapper } from './rowTypes.js';
import { deviceFactValues, type DeviceFacts } from '../../snapshot/deviceColumns.js';
import type { CellCopy } from '../csv/columns.js';

/** Facts of which some are cells the mapper passes through as they are (see CellCopy). */
type PassedThrough<Facts> = { readonly [Fact in keyof Facts]?: Facts[Fact] | CellCopy | null };

const COLUMNS = {
  deviceId: { headers: ['Device ID'], required: true },
  deviceName: { headers: ['Device name'] },
  enrolledAt: { headers: ['Enrollment date'] },
  lastCheckIn: { headers: ['Last check-in'] },
  entraDeviceId: { headers: ['Microsoft Entra Device ID', 'Azure AD Device ID'] },
  osVersion: { headers: ['OS version'] },
  serialNumber: { headers: ['Serial number'] },
  managementName: { headers: ['Management name'] },
  category: { headers: ['Category'] },
  upn: { headers: ['Primary user UPN'] },
  compliance: { headers: ['Compliance'] },
  managedBy: { headers: ['Managed by'] },
  ownership: { headers: ['Ownership'] },
  os: { headers: ['OS'] },
  manufacturer: { headers: ['Manufacturer'] },
  model: { headers: ['Model'] },
  imei: { headers: ['IMEI'] },
  meid: { headers: ['MEID'] },
  enrollmentType: { headers: ['EnrollmentType'] },
  certExpiresAt: { headers: ['Management certificate expiration date', 'CertExpirationDate'] },
} as const;
export type IntuneDeviceField = keyof typeof COLUMNS;

/**
 * Maps a localised label through a table. An unknown label is kept raw and reported once per
 * file and column, not on every row: a 250,000-row export in a new language would otherwise
 * bury the real rejections.
 */
function labelMapper(table: ReadonlyMap<string, string>, field: string) {
  // An export repeats a handful of labels on every row: remember each one's outcome.
  const seen = new Map<string, string | null>();
  return (raw: string | null, issues: RowIssues, header: string): string | null => {
    if (raw === null) return null;
    let mapped = seen.get(raw);
    if (mapped === undefined) {
      mapped = table.get(labelKey(raw)) ?? null;
      seen.set(raw, mapped);
      if (mapped === null) issues.warn(header, `${field} "${raw}" is not a known label; kept as written (first seen on this line)`);
    }
    return mapped;
  };
}

/** platformOf, remembered per OS label for the same reason. */
function platformMapper() {
  const seen = new Map<string | null, Platform>();
  return (os: string | null): Platform => {
    let platform = seen.get(os);
    if (platform === undefined) seen.set(os, (platform = platformOf(os)));
    return platform;
  };
}

/**
 * An Intune admin-centre device export row (brief §4a) as DeviceFacts, in DEVICE_FACT_ORDER:
 * labels mapped to the Graph enums with the raw label kept, dates as ISO UTC. Nothing here
 * needs the snapshot, so a big export is mapped on the tokenizer's worker thread.
 */
export const intuneDeviceRows: RowMapper<IntuneDeviceField> = {
  id: 'intune-devices',
  columns: COLUMNS,
  create() {
    const ownership = labelMapper(OWNERSHIP_LABELS, 'Ownership');
    const managedBy = labelMapper(MANAGEMENT_AGENT_LABELS, 'Managed by');
    const compliance = labelMapper(COMPLIANCE_LABELS, 'Compliance');
    const platform = platformMapper();
    return (row, issues) => {
      // Values stored as written are copied as bytes (row.copy), dates rewritten from their
      // bytes (row.convert); only the labels mapped here are read as text.
      const os = row.get('os');
      const facts: PassedThrough<DeviceFacts> = {
        intuneDeviceId: row.copy('deviceId'),
        entraDeviceId: row.copy('entraDeviceId'),
        serialNumber: row.copy('serialNumber'),
        imei: row.copy('imei'),
        meid: row.copy('meid'),
        name: row.copy('deviceName'),
        managementName: row.copy('managementName'),
        platform: platform(os),
        os: row.copy('os'),
        osVersion: row.copy('osVersion'),
        model: row.copy('model'),
        manufacturer: row.copy('manufacturer'),
        ownership: ownership(row.get('ownership'), issues, row.header('ownership')) as DeviceFacts['ownership'],
        ownershipRaw: row.copy('ownership'),
        enrollmentType: row.copy('enrollmentType'),
        enrollmentTypeRaw: row.copy('enrollmentType'),
        managementAgent: managedBy(row.get('managedBy'), issues, row.header('managedBy')),
        managementAgentRaw: row.copy('managedBy'),
        category: row.copy('category'),
        primaryUserUpn: row.copy('upn'),
        lastCheckIn: row.convert('lastCheckIn', ISO_DATE_CELL),
        enrolledAt: row.convert('enrolledAt', ISO_DATE_CELL),
        mdmCertExpiresAt: row.convert('certExpiresAt', ISO_DATE_CELL),
        compliance: compliance(row.get('compliance'), issues, row.header('compliance')),
        complianceRaw: row.copy('compliance'),
      };
      return deviceFactValues(facts);
    };
  },
};
