import type { CsvRowKind } from './importKind.js';
import { flagOf } from './labelMaps.js';
import type { LicenceFacts } from '../stores/userStore.js';

const ENTRA_COLUMNS = {
  upn: { headers: ['userPrincipalName'], required: true },
  objectId: { headers: ['objectId', 'id'] },
  displayName: { headers: ['displayName'] },
  mail: { headers: ['mail'] },
  userType: { headers: ['userType'] },
  accountEnabled: { headers: ['accountEnabled'] },
  usageLocation: { headers: ['usageLocation'] },
  licenses: { headers: ['Licenses'] },
} as const;

/** Entra admin centre > Users > Download users, the older and the 2021 header sets (brief §4d). */
export const entraUserCsv: CsvRowKind<keyof typeof ENTRA_COLUMNS> = {
  id: 'entra-users',
  label: 'Entra "Download users" export',
  source: 'entra',
  order: 10,
  format: 'csv',
  columns: ENTRA_COLUMNS,
  signature: ['upn', 'objectId', 'userType'],
  excludes: ['licenses'],
  clear: ({ stores, source }) => stores.users.clearSource(source),
  writer({ stores, source, batchId }) {
    return {
      write(row, issues) {
        return (
          stores.users.upsert(
            {
              upn: row.get('upn'),
              entraObjectId: row.get('objectId'),
              displayName: row.get('displayName'),
              mail: row.get('mail'),
              userType: row.get('userType'),
              accountEnabled: flagOf(row.get('accountEnabled')),
              usageLocation: row.get('usageLocation'),
              inEntra: 1,
            },
            source,
            batchId,
            issues,
          ) !== null
        );
      },
    };
  },
};

const M365_COLUMNS = {
  upn: { headers: ['User principal name'], required: true },
  licenses: { headers: ['Licenses'], required: true },
  objectId: { headers: ['Object Id'] },
  displayName: { headers: ['Display name'] },
  blockCredential: { headers: ['Block credential'] },
  usageLocation: { headers: ['Usage location'] },
} as const;

/**
 * The Licenses cell: `tenant:SKU` part numbers joined by `+` (MSOnline era), or product
 * names joined by `+` without spaces. Product names contain " + " with spaces ("Enterprise
 * Mobility + Security E3"), so only a `+` without a space on either side separates.
 */
export function parseLicenceList(cell: string | null): LicenceFacts[] {
  if (!cell) return [];
  return cell
    .split(/(?<! )\+(?! )|;/)
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => ({ skuId: null, skuPartNumber: item.replace(/^[^:\s]+:(?=\S)/, ''), disabledPlans: [] }));
}

/** Microsoft 365 admin centre > Active users > Export users (brief §4d): the only CSV with licences. */
export const m365UserCsv: CsvRowKind<keyof typeof M365_COLUMNS> = {
  id: 'm365-users',
  label: 'Microsoft 365 "Active users" export',
  source: 'm365',
  order: 10,
  format: 'csv',
  columns: M365_COLUMNS,
  signature: ['upn', 'licenses'],
  clear: ({ stores, source }) => stores.users.clearSource(source),
  writer({ db, stores, source, batchId }) {
    // Graph's assignedLicenses also carry disabled plans; the Licenses column must not replace them.
    const hasGraphLicences = db.prepare(`SELECT 1 FROM user_sources WHERE user_id = ? AND source = 'graph'`).pluck();
    return {
      write(row, issues) {
        const blocked = flagOf(row.get('blockCredential'));
        const id = stores.users.upsert(
          {
            upn: row.get('upn'),
            entraObjectId: row.get('objectId'),
            displayName: row.get('displayName'),
            usageLocation: row.get('usageLocation'),
            accountEnabled: blocked === null ? null : blocked === 1 ? 0 : 1,
            inEntra: 1,
          },
          source,
          batchId,
          issues,
        );
        if (id === null) return false;
        if (!hasGraphLicences.get(id)) stores.users.setLicences(id, parseLicenceList(row.get('licenses')));
        return true;
      },
    };
  },
};
