import type { DecisionKind, FindingItem } from '../rules/index.js';
import { iterateFindingItems } from '../rules/findingItems.js';
import { parseItemKey } from '../rules/itemKinds.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import { iterateRows } from '../snapshot/sqliteDatabase.js';
import { Redactor } from './redaction.js';

// The rows of a report's long lists, as they stream from SQL: finding items, devices, users,
// decisions. Kept apart from the report model (reportModel.ts), which needs the wizard, the
// playbooks and reconciliation, so the lists worker loads none of them.

/** What the lists are selected and redacted with (the model's outline carries it). */
export interface ListOptions {
  readonly reportDate: string;
  readonly staleDays: number;
  /** The pseudonyms' key (redactionKeyOf) when the report is redacted; otherwise null. */
  readonly redactionKey: string | null;
}

export interface ReportDecision {
  readonly rule: string;
  readonly itemKey: string;
  /** The item's name (device name, UPN, collection …), when the item is still in the snapshot. */
  readonly itemName: string | null;
  readonly decision: DecisionKind;
  readonly note: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

export interface DeviceRow {
  readonly id: number;
  readonly name: string | null;
  readonly serialNumber: string | null;
  readonly imei: string | null;
  readonly intuneDeviceId: string | null;
  readonly platform: string;
  readonly osVersion: string | null;
  readonly ownership: string | null;
  readonly enrollmentType: string | null;
  readonly category: string | null;
  readonly userPrincipalName: string | null;
  readonly lastCheckIn: string | null;
}

export interface UserRow {
  readonly id: number;
  readonly userPrincipalName: string | null;
  readonly displayName: string | null;
  readonly onPremisesAccount: string | null;
  readonly inEntra: boolean;
  readonly intuneLicensed: boolean;
  readonly devices: number;
  readonly wave: string | null;
}

/**
 * The long lists of a report as iterators that step SQLite as they are read (redacted on the
 * way when the report is). Each iterator holds the connection while it runs, so writers read one
 * list at a time.
 */
export interface ListSource {
  items(rule: string): Iterable<FindingItem>;
  decisions(): Iterable<ReportDecision>;
}

/**
 * The lists of a report, read through `snapshot`: what a second connection to the same
 * snapshot (the lists worker thread, reportLists.ts) needs to stream them, without assessing
 * again.
 */
export function listSource(snapshot: Snapshot, options: ListOptions): ListSource {
  const redactor = listRedactor(options);
  const assessOptions = { staleDays: options.staleDays, now: new Date(options.reportDate) };
  const redactItem = (item: FindingItem): FindingItem => (redactor ? redactFindingItem(redactor, item) : item);
  return {
    items: (rule) => mapIterable(iterateFindingItems(snapshot, rule, assessOptions), redactItem),
    decisions: () => iterateDecisions(snapshot, -1, redactor),
  };
}

/** The report's redactor; null when it is not redacted. */
export function listRedactor(options: Pick<ListOptions, 'redactionKey'>): Redactor | null {
  return options.redactionKey === null ? null : new Redactor(options.redactionKey);
}

function* mapIterable<T, U>(source: Iterable<T>, map: (value: T) => U): Generator<U> {
  for (const value of source) yield map(value);
}

/** Pseudonymises the identifying fields of a finding item; its key and ids stay, so decisions still match. */
export function redactFindingItem(redactor: Redactor, item: FindingItem): FindingItem {
  const decision = item.decision ? { ...item.decision, note: redactor.text(item.decision.note) ?? '', decidedBy: redactor.text(item.decision.decidedBy) ?? '' } : null;
  const detail = redactor.text(item.detail);
  switch (item.type) {
    case 'device':
      return {
        ...item,
        name: redactor.value('device', item.name),
        serialNumber: redactor.value('serial', item.serialNumber),
        userPrincipalName: redactor.value('user', item.userPrincipalName),
        detail,
        decision,
      };
    case 'user':
      return {
        ...item,
        name: redactor.value('person', item.name),
        userPrincipalName: redactor.value('user', item.userPrincipalName),
        onPremisesAccount: redactor.value('account', item.onPremisesAccount),
        detail,
        decision,
      };
    case 'apnsCertificate':
    case 'depToken':
    case 'vppToken':
      return { ...item, appleId: redactor.value('user', item.appleId), detail, decision };
    default:
      return { ...item, detail, decision };
  }
}

/** The SQL that names an item of each kind, for the decisions list (a decision outlives its item). */
const ITEM_NAME: Readonly<Record<string, { sql: string; redact: 'device' | 'user' | null }>> = {
  device: { sql: 'SELECT name FROM devices WHERE id = ?', redact: 'device' },
  user: { sql: 'SELECT coalesce(upn, display_name, cm_unique_user_name) AS name FROM users WHERE id = ?', redact: 'user' },
  collection: { sql: 'SELECT name FROM collections WHERE collection_id = ?', redact: null },
};

/** Decisions, newest first; `limit` -1 for all. Item names are looked up row by row, by primary key. */
export function* iterateDecisions(snapshot: Snapshot, limit: number, redactor: Redactor | null): Generator<ReportDecision> {
  const db = snapshot.db;
  // Read the decisions in pages, so the name look-ups never run while a statement is iterating.
  const page = db.prepare(
    `SELECT rule_id AS rule, item_key AS itemKey, decision, note, decided_by AS decidedBy, decided_at AS decidedAt
     FROM finding_decisions ORDER BY decided_at DESC, rule_id, item_key LIMIT ? OFFSET ?`,
  );
  const names = new Map(Object.entries(ITEM_NAME).map(([kind, entry]) => [kind, { statement: db.prepare(entry.sql), redact: entry.redact }]));
  const size = 500;
  let emitted = 0;
  for (let offset = 0; ; offset += size) {
    const rows = page.all(limit < 0 ? size : Math.min(size, limit - emitted), offset) as Omit<ReportDecision, 'itemName'>[];
    for (const row of rows) {
      const parsed = parseItemKey(row.itemKey);
      const lookup = parsed ? names.get(parsed.kind.name) : undefined;
      const name = lookup ? ((lookup.statement.get(parsed!.id) as { name: string | null } | undefined)?.name ?? null) : null;
      yield {
        ...row,
        itemName: redactor && lookup?.redact ? redactor.value(lookup.redact === 'user' && !name?.includes('@') ? 'person' : lookup.redact, name) : name,
        note: redactor ? (redactor.text(row.note) ?? '') : row.note,
        decidedBy: redactor ? (redactor.text(row.decidedBy) ?? '') : row.decidedBy,
      };
      emitted++;
    }
    if (rows.length < size || (limit >= 0 && emitted >= limit)) return;
  }
}

/** Every device (the workbook's Devices sheet), by id; redacted on the way when `redactor` is given. */
export function* iterateDevices(snapshot: Snapshot, redactor: Redactor | null): Generator<DeviceRow> {
  const statement = snapshot.db.prepare(
    `SELECT id, name, serial_number AS serialNumber, imei, intune_device_id AS intuneDeviceId, platform, os_version AS osVersion,
            ownership, enrollment_type AS enrollmentType, category, primary_user_upn AS userPrincipalName, last_check_in AS lastCheckIn
     FROM devices ORDER BY id`,
  );
  for (const row of iterateRows<DeviceRow>(statement)) {
    yield redactor
      ? {
          ...row,
          name: redactor.value('device', row.name),
          serialNumber: redactor.value('serial', row.serialNumber),
          imei: redactor.value('imei', row.imei),
          userPrincipalName: redactor.value('user', row.userPrincipalName),
        }
      : row;
  }
}

/** Every user (the workbook's Users sheet), by id, with its device count and wave. */
export function* iterateUsers(snapshot: Snapshot, redactor: Redactor | null): Generator<UserRow> {
  // The device count reads the partial owner index; the wave is one primary-key look-up.
  const statement = snapshot.db.prepare(
    `SELECT u.id, u.upn AS userPrincipalName, u.display_name AS displayName, u.cm_unique_user_name AS onPremisesAccount,
            u.in_entra AS inEntra, u.intune_a_enabled AS intuneLicensed,
            (SELECT count(*) FROM devices d WHERE d.owner_user_id = u.id) AS devices,
            (SELECT w.name FROM wave_users wu JOIN waves w ON w.id = wu.wave_id WHERE wu.user_id = u.id) AS wave
     FROM users u ORDER BY u.id`,
  );
  for (const row of iterateRows<Omit<UserRow, 'inEntra' | 'intuneLicensed'> & { inEntra: number; intuneLicensed: number }>(statement)) {
    yield {
      ...row,
      inEntra: row.inEntra === 1,
      intuneLicensed: row.intuneLicensed === 1,
      ...(redactor
        ? {
            userPrincipalName: redactor.value('user', row.userPrincipalName),
            displayName: redactor.value('person', row.displayName),
            onPremisesAccount: redactor.value('account', row.onPremisesAccount),
          }
        : {}),
    };
  }
}
