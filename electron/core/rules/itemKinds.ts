import type { FindingItem, ItemDecision, ItemKindName } from './types.js';

/**
 * One SQL source per kind of affected item. A rule names its kind and gives a WHERE predicate
 * over the kind's alias; counting, paging, streaming, per-item look-ups and decision joins are
 * then the same code for every rule (findingItems.ts).
 */
export interface ItemKind {
  readonly name: ItemKindName;
  /** FROM clause with the alias the predicates use. */
  readonly from: string;
  /** The column the item key is built from; a primary key, so decision look-ups are index look-ups. */
  readonly idColumn: string;
  /** Item keys are `${keyPrefix}${id}`. */
  readonly keyPrefix: string;
  readonly integerId: boolean;
  /** Selected columns (aliased) that `toItem` maps. */
  readonly select: string;
  /** Text columns a search matches (LIKE, case-insensitive for ASCII). */
  readonly search: readonly string[];
  /** Whitelisted sort keys → SQL over the base columns (not select aliases); the caller never supplies SQL. The first is the default. */
  readonly sort: Readonly<Record<string, string>>;
  toItem(row: Record<string, unknown>, detail: string | null, decision: ItemDecision | null): FindingItem;
}

const str = (value: unknown) => (value === null || value === undefined ? null : String(value));
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

const device: ItemKind = {
  name: 'device',
  from: 'devices d',
  idColumn: 'd.id',
  keyPrefix: 'device:',
  integerId: true,
  select: `d.id AS id, d.name AS name, d.serial_number AS serialNumber, d.intune_device_id AS intuneDeviceId,
           d.cm_resource_id AS cmResourceId, d.platform AS platform, d.primary_user_upn AS userPrincipalName,
           d.last_check_in AS lastCheckIn`,
  search: ['d.name', 'd.serial_number', 'd.intune_device_id', 'd.primary_user_upn', 'd.imei'],
  sort: {
    name: 'd.name COLLATE NOCASE',
    serialNumber: 'd.serial_number',
    platform: 'd.platform',
    userPrincipalName: 'd.primary_user_upn',
    lastCheckIn: 'd.last_check_in',
    cmResourceId: 'd.cm_resource_id',
  },
  toItem: (row, detail, decision) => ({
    type: 'device',
    key: `device:${row.id}`,
    id: Number(row.id),
    name: str(row.name),
    serialNumber: str(row.serialNumber),
    intuneDeviceId: str(row.intuneDeviceId),
    cmResourceId: num(row.cmResourceId),
    platform: String(row.platform),
    userPrincipalName: str(row.userPrincipalName),
    lastCheckIn: str(row.lastCheckIn),
    detail,
    decision,
  }),
};

const user: ItemKind = {
  name: 'user',
  from: 'users u',
  idColumn: 'u.id',
  keyPrefix: 'user:',
  integerId: true,
  select: `u.id AS id, coalesce(u.display_name, u.upn, u.cm_unique_user_name) AS name, u.upn AS userPrincipalName,
           u.cm_unique_user_name AS onPremisesAccount, u.cm_resource_id AS cmResourceId`,
  search: ['u.upn', 'u.display_name', 'u.cm_unique_user_name'],
  sort: { name: 'coalesce(u.display_name, u.upn, u.cm_unique_user_name) COLLATE NOCASE', userPrincipalName: 'u.upn', onPremisesAccount: 'u.cm_unique_user_name' },
  toItem: (row, detail, decision) => ({
    type: 'user',
    key: `user:${row.id}`,
    id: Number(row.id),
    name: str(row.name),
    userPrincipalName: str(row.userPrincipalName),
    onPremisesAccount: str(row.onPremisesAccount),
    cmResourceId: num(row.cmResourceId),
    detail,
    decision,
  }),
};

const collection: ItemKind = {
  name: 'collection',
  from: 'collections c',
  idColumn: 'c.collection_id',
  keyPrefix: 'collection:',
  integerId: false,
  select: `c.collection_id AS id, c.name AS name, c.collection_type AS collectionType, c.member_count AS memberCount`,
  search: ['c.collection_id', 'c.name'],
  sort: { name: 'c.name COLLATE NOCASE', id: 'c.collection_id', memberCount: 'c.member_count' },
  toItem: (row, detail, decision) => ({
    type: 'collection',
    key: `collection:${row.id}`,
    id: String(row.id),
    name: String(row.name),
    collectionType: row.collectionType === 1 ? 'user' : row.collectionType === 2 ? 'device' : 'other',
    memberCount: num(row.memberCount),
    detail,
    decision,
  }),
};

const tenant: ItemKind = {
  name: 'tenant',
  from: 'tenant t',
  idColumn: 't.id',
  keyPrefix: 'tenant:',
  integerId: true,
  select: `t.id AS id, t.tenant_name AS name`,
  search: ['t.tenant_name'],
  sort: { name: 't.tenant_name' },
  toItem: (row, detail, decision) => ({ type: 'tenant', key: `tenant:${row.id}`, id: 'tenant', name: str(row.name), detail, decision }),
};

/** The three Apple token tables share one shape; only table, alias and display name differ. */
function appleToken(name: 'apnsCertificate' | 'depToken' | 'vppToken', table: string, alias: string, prefix: string, display: string): ItemKind {
  return {
    name,
    from: `${table} ${alias}`,
    idColumn: `${alias}.id`,
    keyPrefix: prefix,
    integerId: false,
    select: `${alias}.id AS id, ${display} AS name, ${alias}.apple_id AS appleId, ${alias}.expires_at AS expiresAt`,
    search: [`${alias}.id`, display, `${alias}.apple_id`],
    sort: { expiresAt: `${alias}.expires_at`, name: display },
    toItem: (row, detail, decision) => ({
      type: name,
      key: `${prefix}${row.id}`,
      id: String(row.id),
      name: str(row.name),
      appleId: str(row.appleId),
      expiresAt: str(row.expiresAt),
      detail,
      decision,
    }),
  };
}

export const ITEM_KINDS: Readonly<Record<ItemKindName, ItemKind>> = {
  device,
  user,
  collection,
  tenant,
  apnsCertificate: appleToken('apnsCertificate', 'apns_certificates', 'a', 'apns:', 'coalesce(a.topic, a.id)'),
  depToken: appleToken('depToken', 'dep_tokens', 'p', 'dep:', 'coalesce(p.token_name, p.id)'),
  vppToken: appleToken('vppToken', 'vpp_tokens', 'v', 'vpp:', 'coalesce(v.organization_name, v.id)'),
};

/** SQL text expression for an item's key, e.g. `'device:' || d.id`. */
export function keyExpression(kind: ItemKind): string {
  return `'${kind.keyPrefix}' || ${kind.idColumn}`;
}

/** Parses an item key into its kind and id; null when the key is malformed. */
export function parseItemKey(key: string): { kind: ItemKind; id: string | number } | null {
  for (const kind of Object.values(ITEM_KINDS)) {
    if (!key.startsWith(kind.keyPrefix)) continue;
    const raw = key.slice(kind.keyPrefix.length);
    if (!raw) return null;
    if (kind.integerId) return /^\d+$/.test(raw) ? { kind, id: Number(raw) } : null;
    return { kind, id: raw };
  }
  return null;
}
