import type { Platform } from '../../contract/labels.js';

/** A devices column that holds a source's fact, typed by the fact's value. */
interface FactColumn<Value> {
  readonly column: string;
  /** Never set: carries the value's type for DeviceFacts. */
  readonly value?: Value;
}

function fact<Value>(column: string): FactColumn<Value> {
  return { column };
}

/**
 * The devices table's columns, declared once: every writer of devices (the import's device
 * store, row by row and in bulk, the Intune row mapper, the demo tenant) and the bundle check
 * take their column lists and orders from here, so a new column is added in one place.
 *
 * A released migration never changes, so the migrations keep their own text; a new migration
 * that touches devices names its columns (`INSERT INTO … (columns) SELECT columns`), never
 * `SELECT *`, so that it does not depend on this order either.
 *
 * The facts, in the order the import's INSERTs bind them: what a source says about a device.
 */
export const DEVICE_FACT_COLUMNS = {
  intuneDeviceId: fact<string>('intune_device_id'),
  cmResourceId: fact<number>('cm_resource_id'),
  entraDeviceId: fact<string>('entra_device_id'),
  serialNumber: fact<string>('serial_number'),
  imei: fact<string>('imei'),
  meid: fact<string>('meid'),
  name: fact<string>('name'),
  managementName: fact<string>('management_name'),
  platform: fact<Platform>('platform'),
  os: fact<string>('os'),
  osVersion: fact<string>('os_version'),
  model: fact<string>('model'),
  manufacturer: fact<string>('manufacturer'),
  ownership: fact<'unknown' | 'company' | 'personal'>('ownership'),
  ownershipRaw: fact<string>('ownership_raw'),
  enrollmentType: fact<string>('enrollment_type'),
  enrollmentTypeRaw: fact<string>('enrollment_type_raw'),
  managementAgent: fact<string>('management_agent'),
  managementAgentRaw: fact<string>('management_agent_raw'),
  category: fact<string>('category'),
  primaryUserUpn: fact<string>('primary_user_upn'),
  lastCheckIn: fact<string>('last_check_in'),
  enrolledAt: fact<string>('enrolled_at'),
  mdmCertExpiresAt: fact<string>('mdm_cert_expires_at'),
  compliance: fact<string>('compliance'),
  complianceRaw: fact<string>('compliance_raw'),
  cmEnrollmentStatus: fact<number>('cm_enrollment_status'),
  cmClientType: fact<number>('cm_client_type'),
} as const;

export type DeviceFact = keyof typeof DEVICE_FACT_COLUMNS;

/** What one source says about one device. Absent facts leave what another source said. */
export type DeviceFacts = {
  [Fact in DeviceFact]?: NonNullable<(typeof DEVICE_FACT_COLUMNS)[Fact]['value']> | null;
};

/** The facts in declaration order: the order the INSERTs bind them and a device RowMapper maps them. */
export const DEVICE_FACT_ORDER = Object.keys(DEVICE_FACT_COLUMNS) as DeviceFact[];

/** A record of facts (or of what stands for them) as values in DEVICE_FACT_ORDER, absent ones as null. */
export function deviceFactValues<Facts extends { readonly [Fact in DeviceFact]?: unknown }>(facts: Facts): (NonNullable<Facts[DeviceFact]> | null)[] {
  return DEVICE_FACT_ORDER.map((fact) => (facts[fact] ?? null) as NonNullable<Facts[DeviceFact]> | null);
}

/** The facts' column names, in DEVICE_FACT_ORDER. */
export const DEVICE_FACT_COLUMN_NAMES: readonly string[] = DEVICE_FACT_ORDER.map((name) => DEVICE_FACT_COLUMNS[name].column);

/**
 * The columns no source states: the links to users and categories an import resolves after its
 * rows (relink), the derived facts (derivedFacts.ts), and the predeclared flag.
 */
export const DEVICE_LINKED_COLUMNS = [
  'category_id',
  'primary_user_id',
  'enrolled_by_user_id',
  'is_predeclared',
  'has_primary_affinity',
  'in_category_collection',
  'owner_user_id',
  'owner_conflict',
] as const;

export type DeviceLinkedColumn = (typeof DEVICE_LINKED_COLUMNS)[number];
