import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Intune admin centre export header (Microsoft Entra variant; brief §4a). */
export const INTUNE_HEADERS = [
  'Device ID', 'Device name', 'Enrollment date', 'Last check-in', 'Microsoft Entra Device ID', 'OS version',
  'Microsoft Entra registered', 'EAS activation ID', 'Serial number', 'Manufacturer', 'Model', 'EAS activated',
  'IMEI', 'Last EAS sync time', 'EAS reason', 'EAS status', 'Compliance grace period expiration', 'Security patch level',
  'Wi-Fi MAC', 'MEID', 'Subscriber carrier', 'Total storage', 'Free storage', 'Management name', 'Category', 'UserId',
  'Primary user UPN', 'Primary user email address', 'Primary user display name', 'WiFiIPv4Address', 'WiFiSubnetID',
  'Compliance', 'Managed by', 'Ownership', 'Device state', 'Intune registered', 'Supervised', 'Encrypted', 'OS',
  'SkuFamily', 'JoinType', 'Phone number', 'Jailbroken', 'ICCID', 'EthernetMAC', 'CellularTechnology', 'ProcessorArchitecture', 'EID',
];

const OS = ['iOS', 'Android', 'Windows', 'macOS', 'iPadOS'];
const OWNERSHIP = ['Corporate', 'Personal'];
const MANAGED_BY = ['Intune', 'Co-managed', 'MDM/ConfigMgr Agent'];
const COMPLIANCE = ['Compliant', 'Not compliant', 'In grace period'];

/**
 * A GUID that looks random but depends only on `i` and `salt`. Real Intune and Entra device IDs
 * are random GUIDs, and an index on them behaves nothing like one on sequential IDs: each new
 * key lands on a random page. (Each 32-bit word is a bijection of `i`, murmur3's finalizer
 * over an odd multiple, so different `i` give different GUIDs.)
 */
function guidOf(i: number, salt: number): string {
  let hex = '';
  for (let word = 0; word < 4; word++) {
    let h = Math.imul(i, 0x9e3779b1) ^ Math.imul(salt * 4 + word + 1, 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    hex += ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** One realistic Intune export row; deterministic in `i`. */
export function intuneRow(i: number): string[] {
  const record: Record<string, string> = {
    'Device ID': guidOf(i, 0),
    'Device name': `DEVICE-${i}`,
    'Enrollment date': '2024-03-01 08:15:00.0000000',
    'Last check-in': '2026-11-01 10:22:33.0000000',
    'Microsoft Entra Device ID': guidOf(i, 1),
    'OS version': '17.5.1',
    'Serial number': `SN${String(i).padStart(10, '0')}`,
    Manufacturer: 'Apple',
    Model: 'iPhone 14',
    IMEI: String(350000000000000 + i),
    'Management name': `user${i}_iPhone_${i}`,
    Category: i % 3 === 0 ? 'Sales' : '',
    UserId: `u-${i}`,
    'Primary user UPN': i % 10 === 0 ? '' : `user${i % 5000}@contoso.com`,
    'Primary user display name': `User, "Number" ${i % 5000}`,
    Compliance: COMPLIANCE[i % COMPLIANCE.length]!,
    'Managed by': MANAGED_BY[i % MANAGED_BY.length]!,
    Ownership: OWNERSHIP[i % OWNERSHIP.length]!,
    'Device state': 'Managed',
    OS: OS[i % OS.length]!,
    Supervised: 'True',
    Encrypted: 'True',
  };
  return INTUNE_HEADERS.map((header) => record[header] ?? '');
}

export function csvText(rows: readonly (readonly string[])[], delimiter = ',', newline = '\r\n'): string {
  const cell = (value: string) => (/[",;\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(cell).join(delimiter)).join(newline) + newline;
}

/** Streams an N-row Intune export to disk without building it in memory. */
export async function writeIntuneCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('\uFEFF' + csvText([INTUNE_HEADERS]));
  let batch: string[][] = [];
  for (let i = 1; i <= rows; i++) {
    batch.push(intuneRow(i));
    if (batch.length === 1000 || i === rows) {
      await write(csvText(batch));
      batch = [];
    }
  }
  out.end();
  await once(out, 'close');
}

export function encode(text: string, encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be'): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from('\uFEFF' + text, 'utf8');
  const le = Buffer.from('\uFEFF' + text, 'utf16le');
  return encoding === 'utf-16le' ? le : Buffer.from(le).swap16();
}
