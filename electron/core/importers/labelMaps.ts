import type { Platform } from '../../contract/labels.js';

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
 * `2024-05-01 10:22:33.0000000` (or with a `T`, and 0 to 7 fraction digits), or null for
 * any other form. Checked character by character, without a regular expression or a Date:
 * an export has two dates on each of its rows.
 */
export function plainUtcDate(value: string): string | null {
  const length = value.length;
  if (length < 19 || length === 20 || length > 27) return null;
  for (let i = 0; i < length; i++) {
    const c = value.charCodeAt(i);
    const fits =
      i === 4 || i === 7 ? c === 0x2d : i === 10 ? c === 0x20 || c === 0x54 : i === 13 || i === 16 ? c === 0x3a : i === 19 ? c === 0x2e : c >= 0x30 && c <= 0x39;
    if (!fits) return null;
  }
  return `${value.slice(0, 10)}T${value.slice(11, 19)}.${value.slice(20, 23).padEnd(3, '0')}Z`;
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
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (iso) {
    const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = iso;
    const parsed = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone ? zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z'}`);
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
