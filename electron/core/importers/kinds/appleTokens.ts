import type { SqliteDatabase } from '../../snapshot/openSnapshot.js';
import type { CsvRowKind, JsonKind } from './importKind.js';
import type { RowIssues } from './rowTypes.js';
import { has, integer, text } from './jsonValues.js';
import { integerOf, isoDateOf } from './labelMaps.js';

export interface AppleTokenFacts {
  id: string;
  name?: string | null;
  appleId?: string | null;
  expiresAt?: string | null;
  lastModifiedAt?: string | null;
  lastSyncAt?: string | null;
  topic?: string | null;
  tokenType?: string | null;
  syncedDeviceCount?: number | null;
  accountType?: string | null;
  state?: string | null;
}

type TokenTable = 'apns_certificates' | 'dep_tokens' | 'vpp_tokens';

/** Columns each table's CHECK constraint limits, with the values it allows. */
const ALLOWED: Record<TokenTable, Partial<Record<keyof AppleTokenFacts, readonly string[]>>> = {
  apns_certificates: {},
  dep_tokens: { tokenType: ['none', 'dep', 'appleSchoolManager'] },
  vpp_tokens: { accountType: ['business', 'education'], state: ['unknown', 'valid', 'expired', 'invalid', 'assignedToExternalMDM'] },
};

const INSERTS: Record<TokenTable, string> = {
  apns_certificates: `INSERT OR REPLACE INTO apns_certificates (id, apple_id, topic, expires_at, last_modified_at, source)
    VALUES (@id, @appleId, @topic, @expiresAt, @lastModifiedAt, @source)`,
  dep_tokens: `INSERT OR REPLACE INTO dep_tokens (id, token_name, apple_id, token_type, expires_at, last_sync_at, synced_device_count, source)
    VALUES (@id, @name, @appleId, @tokenType, @expiresAt, @lastSyncAt, @syncedDeviceCount, @source)`,
  vpp_tokens: `INSERT OR REPLACE INTO vpp_tokens (id, organization_name, apple_id, account_type, state, expires_at, last_sync_at, source)
    VALUES (@id, @name, @appleId, @accountType, @state, @expiresAt, @lastSyncAt, @source)`,
};

/** Writes one token fact; a value outside the table's enum rejects the row instead of failing the import. */
export function tokenWriter(db: SqliteDatabase, table: TokenTable, source: string) {
  const insert = db.prepare(INSERTS[table]);
  return (facts: AppleTokenFacts, issues: RowIssues, columnOf: (fact: keyof AppleTokenFacts) => string): boolean => {
    for (const [fact, allowed] of Object.entries(ALLOWED[table]) as [keyof AppleTokenFacts, readonly string[]][]) {
      const value = facts[fact];
      if (value !== null && value !== undefined && !allowed.includes(String(value))) {
        issues.reject(columnOf(fact), `"${value}" is not one of ${allowed.join(', ')}`);
        return false;
      }
    }
    insert.run({
      name: null,
      appleId: null,
      expiresAt: null,
      lastModifiedAt: null,
      lastSyncAt: null,
      topic: null,
      tokenType: null,
      syncedDeviceCount: null,
      accountType: null,
      state: null,
      ...facts,
      source,
    });
    return true;
  };
}

function clearTokens(db: SqliteDatabase, table: TokenTable, source: string): void {
  db.prepare(`DELETE FROM ${table} WHERE source = ?`).run(source);
}

/** A Graph token resource: one table, one mapping from the JSON object. */
function graphTokenKind(spec: {
  id: string;
  label: string;
  table: TokenTable;
  context: RegExp;
  odataType: string;
  matches: JsonKind['matches'];
  facts: (item: Parameters<JsonKind['matches']>[0]) => Omit<AppleTokenFacts, 'id'>;
}): JsonKind {
  return {
    id: spec.id,
    label: spec.label,
    source: 'graph',
    order: 60,
    format: 'json',
    context: spec.context,
    odataType: spec.odataType,
    matches: spec.matches,
    clear: ({ db, source }) => clearTokens(db, spec.table, source),
    writer({ db, source }) {
      const write = tokenWriter(db, spec.table, source);
      return {
        write(item, issues) {
          const id = text(item, 'id');
          if (!id) {
            issues.reject('id', 'the object has no id');
            return false;
          }
          const mapping: Record<string, string> = { tokenType: 'tokenType', accountType: 'vppTokenAccountType', state: 'state' };
          return write({ id, ...spec.facts(item) }, issues, (fact) => mapping[fact] ?? fact);
        },
      };
    },
  };
}

export const graphApnsCertificate = graphTokenKind({
  id: 'graph-apns',
  label: 'Graph applePushNotificationCertificate (JSON)',
  table: 'apns_certificates',
  context: /#deviceManagement\/applePushNotificationCertificate\b/i,
  odataType: '#microsoft.graph.applePushNotificationCertificate',
  matches: (item) => has(item, 'topicIdentifier') || (has(item, 'appleIdentifier', 'expirationDateTime') && !has(item, 'tokenType')),
  facts: (item) => ({
    appleId: text(item, 'appleIdentifier'),
    topic: text(item, 'topicIdentifier'),
    expiresAt: isoDateOf(text(item, 'expirationDateTime')),
    lastModifiedAt: isoDateOf(text(item, 'lastModifiedDateTime')),
  }),
});

export const graphDepOnboardingSettings = graphTokenKind({
  id: 'graph-dep',
  label: 'Graph depOnboardingSettings (JSON)',
  table: 'dep_tokens',
  context: /#deviceManagement\/depOnboardingSettings\b/i,
  odataType: '#microsoft.graph.depOnboardingSetting',
  matches: (item) => has(item, 'tokenExpirationDateTime') || has(item, 'tokenType'),
  facts: (item) => ({
    name: text(item, 'tokenName'),
    appleId: text(item, 'appleIdentifier'),
    tokenType: text(item, 'tokenType'),
    expiresAt: isoDateOf(text(item, 'tokenExpirationDateTime')),
    lastSyncAt: isoDateOf(text(item, 'lastSuccessfulSyncDateTime')),
    syncedDeviceCount: integer(item, 'syncedDeviceCount'),
  }),
});

export const graphVppTokens = graphTokenKind({
  id: 'graph-vpp',
  label: 'Graph vppTokens (JSON)',
  table: 'vpp_tokens',
  context: /#deviceAppManagement\/vppTokens\b/i,
  odataType: '#microsoft.graph.vppToken',
  matches: (item) => has(item, 'vppTokenAccountType') || has(item, 'organizationName', 'appleId'),
  facts: (item) => ({
    name: text(item, 'organizationName'),
    appleId: text(item, 'appleId'),
    accountType: text(item, 'vppTokenAccountType'),
    state: text(item, 'state'),
    expiresAt: isoDateOf(text(item, 'expirationDateTime')),
    lastSyncAt: isoDateOf(text(item, 'lastSyncDateTime')),
  }),
});

const TEMPLATE_COLUMNS = {
  tokenKind: { headers: ['TokenKind'], required: true },
  id: { headers: ['ID'], required: true },
  name: { headers: ['Name'] },
  appleId: { headers: ['AppleID'] },
  expiresAt: { headers: ['ExpiresAt'], required: true },
  lastSyncAt: { headers: ['LastSyncAt'] },
  topic: { headers: ['Topic'] },
  tokenType: { headers: ['TokenType'] },
  accountType: { headers: ['AccountType'] },
  state: { headers: ['State'] },
  syncedDeviceCount: { headers: ['SyncedDeviceCount'] },
} as const;

const TABLE_OF_KIND: Record<string, TokenTable> = { apns: 'apns_certificates', dep: 'dep_tokens', vpp: 'vpp_tokens' };

/** The project's Apple token template (docs/import-formats.md): facts typed from the Intune console. */
export const appleTokensTemplate: CsvRowKind<keyof typeof TEMPLATE_COLUMNS> = {
  id: 'template-apple-tokens',
  label: 'Apple tokens template (APNs, DEP, VPP)',
  source: 'template',
  order: 60,
  format: 'csv',
  columns: TEMPLATE_COLUMNS,
  signature: ['tokenKind', 'id', 'expiresAt'],
  clear: ({ db, source }) => Object.values(TABLE_OF_KIND).forEach((table) => clearTokens(db, table, source)),
  writer({ db, source }) {
    const writers = Object.fromEntries(Object.entries(TABLE_OF_KIND).map(([kind, table]) => [kind, tokenWriter(db, table, source)]));
    return {
      write(row, issues) {
        const kind = row.get('tokenKind')!.toLowerCase();
        const write = writers[kind];
        if (!write) {
          issues.reject(row.header('tokenKind'), `TokenKind "${row.get('tokenKind')}" is not apns, dep or vpp`);
          return false;
        }
        const expiresAt = isoDateOf(row.get('expiresAt'));
        if (!expiresAt || !/^\d{4}-\d{2}-\d{2}T/.test(expiresAt)) {
          issues.reject(row.header('expiresAt'), `ExpiresAt "${row.get('expiresAt')}" is not a date in the form YYYY-MM-DD`);
          return false;
        }
        return write(
          {
            id: row.get('id')!,
            name: row.get('name'),
            appleId: row.get('appleId'),
            expiresAt,
            lastSyncAt: isoDateOf(row.get('lastSyncAt')),
            topic: row.get('topic'),
            tokenType: row.get('tokenType'),
            accountType: row.get('accountType'),
            state: row.get('state'),
            syncedDeviceCount: integerOf(row.get('syncedDeviceCount')),
          },
          issues,
          (fact) => row.header(fact as keyof typeof TEMPLATE_COLUMNS),
        );
      },
    };
  },
};
