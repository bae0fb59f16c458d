import type { Platform } from '../../../contract/labels.js';

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
 * ISO 8601 as exports write it: a date, optionally a time (its seconds, and their fraction,
 * optional), optionally a zone. Every part but the fraction has a fixed width, so each stands at
 * a fixed place: only the fraction and the zone are captured, as each capture is a string made
 * for every date read.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const COLON = 0x3a;
const SPACE = 0x20;
const LETTER_T = 0x54;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * The one reader of export dates: they go into the snapshot as ISO 8601 UTC when the export's
 * form is unambiguous, ISO itself and day-first dotted dates (`01.05.2024`). A date without a
 * zone is UTC, as Intune and SQL Server write it (`2024-05-01 10:22:33.0000000`), and is
 * written out as it is, without a Date: an Intune export has three dates on each of its rows.
 * Of a fraction of a second (up to seven digits from Graph and SQL Server), the first three
 * digits are kept and the rest dropped, never rounded. Slash dates (`5/1/2024`) depend on the
 * exporting admin's locale and are kept as written, as is anything else.
 */
export function isoDateOf(value: string | null): string | null {
  if (!value) return null;
  const iso = ISO_DATE.exec(value);
  if (iso) {
    const [, fraction = '', zone] = iso;
    // The date's separator and a digit start a time (a zone after the date starts with none).
    const separator = value.charCodeAt(10);
    const hasTime = (separator === SPACE || separator === LETTER_T) && isDigit(value.charCodeAt(11));
    const seconds = hasTime && value.charCodeAt(16) === COLON ? value.slice(17, 19) : '00';
    const local = `${value.slice(0, 10)}T${hasTime ? value.slice(11, 16) : '00:00'}:${seconds}.${(fraction + '000').slice(0, 3)}`;
    if (!zone) return `${local}Z`;
    const parsed = new Date(local + zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
  }
  const dotted = DOTTED_DATE.exec(value);
  if (dotted) {
    const [, d, mo, y, h = '0', mi = '00', s = '00'] = dotted;
    const parsed = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
    return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
  }
  return value;
}
