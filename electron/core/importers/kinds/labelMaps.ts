import type { Platform } from '../../../contract/labels.js';
import type { CellConversion } from '../csv/columns.js';

/**
 * The Intune admin centre writes display labels, localised to the admin's language, where
 * Graph has enum members (brief §4a). These tables map the labels seen in exports to the
 * Graph members; a label that is not listed maps to null and the importer keeps the raw text.
 * Keys are compared after `labelKey`, so "Co-managed", "co managed" and "CO-MANAGED" agree.
 */
export function labelKey(label: string): string {
  return label.toLowerCase().replace(/[\s\-_/().]+/g, '');
}

function table<T extends string>(entries: Record<T, readonly string[]>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [member, labels] of Object.entries(entries) as [T, readonly string[]][]) {
    // The enum member itself is always accepted (Graph JSON, or a label already in English).
    map.set(labelKey(member), member);
    for (const label of labels) map.set(labelKey(label), member);
  }
  return map;
}

export const OWNERSHIP_LABELS = table({
  company: ['Corporate', 'Company', 'Unternehmen', 'Entreprise', 'Empresa', 'Aziendale', 'Bedrijf', 'Firma'],
  personal: ['Personal', 'Persönlich', 'Personnel', 'Personale', 'Persoonlijk', 'Privat'],
  unknown: ['Unbekannt', 'Inconnu', 'Desconocido', 'Sconosciuto', 'Onbekend'],
});

export const MANAGEMENT_AGENT_LABELS = table({
  mdm: ['Intune', 'MDM'],
  eas: ['EAS', 'Exchange ActiveSync'],
  easMdm: ['EAS/MDM', 'MDM/EAS'],
  intuneClient: ['Intune PC client', 'PC client'],
  easIntuneClient: ['EAS/Intune PC client'],
  configurationManagerClient: ['ConfigMgr', 'Configuration Manager', 'ConfigMgr Agent'],
  configurationManagerClientMdm: ['Co-managed', 'MDM/ConfigMgr Agent', 'Co-verwaltet', 'Cogéré', 'Cogestionado'],
  configurationManagerClientMdmEas: ['MDM/ConfigMgr Agent/EAS', 'Co-managed/EAS'],
  jamf: ['Jamf'],
  googleCloudDevicePolicyController: ['Google'],
  microsoft365ManagedMdm: ['Microsoft 365', 'Basic Mobility and Security'],
  unknown: ['Unknown', 'Unbekannt', 'Inconnu'],
});

export const COMPLIANCE_LABELS = table({
  compliant: ['Compliant', 'Kompatibel', 'Konform', 'Conforme'],
  noncompliant: ['Not compliant', 'Noncompliant', 'Nicht kompatibel', 'Nicht konform', 'Non conforme', 'No conforme'],
  inGracePeriod: ['In grace period', 'Toleranzzeitraum', 'Période de grâce'],
  conflict: ['Conflict', 'Konflikt'],
  error: ['Error', 'Fehler', 'Erreur'],
  configManager: ['See ConfigMgr', 'ConfigMgr'],
  unknown: ['Unknown', 'Not evaluated', 'Nicht ausgewertet', 'Non évalué', 'Unbekannt'],
});

/** Operating-system labels to the snapshot's platform. Versions ("Windows 10 Enterprise") match by prefix. */
export function platformOf(os: string | null): Platform {
  if (!os) return 'unknown';
  const key = labelKey(os);
  if (key.startsWith('ipados')) return 'ipados';
  if (key.startsWith('ios') || key.startsWith('iphone')) return 'ios';
  if (key.startsWith('macos') || key.startsWith('macmdm') || key.startsWith('osx') || key.startsWith('macosx')) return 'macos';
  if (key.startsWith('android')) return 'android';
  if (key.startsWith('windowsmobile') || key.startsWith('windowsphone') || key.startsWith('windowsce')) return 'windowsMobile';
  if (key.startsWith('windows') || key.startsWith('microsoftwindows')) return 'windows';
  if (key === 'unknown') return 'unknown';
  return 'other';
}

/** Parses the flags exports write as True/False, Yes/No or 1/0; anything else is null. */
export function flagOf(value: string | null): 0 | 1 | null {
  if (value === null) return null;
  const key = value.trim().toLowerCase();
  if (key === 'true' || key === 'yes' || key === '1' || key === 'ja' || key === 'oui') return 1;
  if (key === 'false' || key === 'no' || key === '0' || key === 'nein' || key === 'non') return 0;
  return null;
}

export function integerOf(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  return /^-?\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : null;
}

/**
 * The common case, written by Intune and SQL Server without a zone (UTC):
 * `2024-05-01 10:22:33.0000000` (or with a `T`, and 0 to 7 fraction digits), rewritten into
 * `into` from 0 as ISO 8601 UTC (`2024-05-01T10:22:33.000Z`, 24 bytes). Returns the length,
 * or -1 for any other form. Byte by byte, without a regular expression, a Date or a string:
 * an Intune export has three dates on each of its rows, and its worker reads them as bytes.
 */
export function plainUtcDateInto(bytes: Uint8Array, start: number, end: number, into: Uint8Array): number {
  const length = end - start;
  if (length < 19 || length === 20 || length > 27) return -1;
  for (let i = 0; i < length; i++) {
    const c = bytes[start + i]!;
    const fits =
      i === 4 || i === 7 ? c === 0x2d : i === 10 ? c === 0x20 || c === 0x54 : i === 13 || i === 16 ? c === 0x3a : i === 19 ? c === 0x2e : c >= 0x30 && c <= 0x39;
    if (!fits) return -1;
  }
  for (let i = 0; i < 19; i++) into[i] = bytes[start + i]!;
  into[10] = 0x54; // T
  into[19] = 0x2e; // .
  // Milliseconds: the first three fraction digits, zeros where there are fewer.
  for (let i = 20; i < 23; i++) into[i] = i < length ? bytes[start + i]! : 0x30;
  into[23] = 0x5a; // Z
  return 24;
}

const PLAIN_DATE_TEXT = Buffer.alloc(27);
const PLAIN_DATE_ISO = Buffer.alloc(24);

/** plainUtcDateInto for text: the ISO date, or null for any other form. */
function plainUtcDate(value: string): string | null {
  // Only ASCII can be in that form, and ASCII's Latin-1 bytes are its UTF-8 bytes.
  if (value.length > PLAIN_DATE_TEXT.length || Buffer.byteLength(value) !== value.length) return null;
  const length = PLAIN_DATE_TEXT.write(value, 'latin1');
  const iso = plainUtcDateInto(PLAIN_DATE_TEXT, 0, length, PLAIN_DATE_ISO);
  return iso < 0 ? null : PLAIN_DATE_ISO.toString('latin1', 0, iso);
}

/**
 * Dates go into the snapshot as ISO 8601 UTC when the export's form is unambiguous: ISO
 * itself, SQL Server's `2024-05-01 10:22:33.000`, and day-first dotted dates (`01.05.2024`).
 * Slash dates (`5/1/2024`) depend on the exporting admin's locale and are kept as written.
 */
export function isoDateOf(value: string | null): string | null {
  if (!value) return null;
  const plain = plainUtcDate(value);
  if (plain) return plain;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (iso) {
    // Graph writes up to seven fraction digits (`…43.797191-08:00`); milliseconds are kept.
    const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone] = iso;
    const millis = fraction.slice(0, 3).padEnd(3, '0');
    const parsed = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${millis}${zone ? zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z'}`);
    return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
  }
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (dotted) {
    const [, d, mo, y, h = '0', mi = '00', s = '00'] = dotted;
    const parsed = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
    return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
  }
  return value;
}

/** isoDateOf as a CellConversion: an export's cells in the plain form are rewritten from their bytes. */
export const ISO_DATE_CELL: CellConversion = { fromBytes: plainUtcDateInto, fromText: isoDateOf };
