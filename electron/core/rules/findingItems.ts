import { UserFacingError } from '../errors.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import { iterateRows } from '../snapshot/sqliteDatabase.js';
import { buildContext } from './context.js';
import { ITEM_KINDS, keyExpression, parseItemKey, type ItemKind } from './itemKinds.js';
import { getRule, RULES } from './registry.js';
import type { AssessOptions, AssessmentContext, DecisionKind, Evaluated, FindingItem, ItemDecision, RuleDefinition, Severity } from './types.js';

export type DecisionFilter = 'all' | 'open' | 'decided';

export interface FindingItemsRequest {
  readonly rule: string;
  readonly offset?: number;
  /** 1–1000; default 100. */
  readonly limit?: number;
  /** Case-insensitive substring over the kind's text columns (name, serial, UPN …). */
  readonly search?: string;
  /** A sort key of the item kind (device: name, serialNumber, platform, userPrincipalName, lastCheckIn, cmResourceId; user: name, userPrincipalName, onPremisesAccount; collection: name, id, memberCount; tokens: expiresAt, name). */
  readonly sortBy?: string;
  readonly sortDirection?: 'asc' | 'desc';
  readonly decision?: DecisionFilter;
}

export interface FindingItemsPage {
  readonly rule: string;
  readonly evaluated: boolean;
  /** Items matching the search and decision filter. */
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly FindingItem[];
}

/** A finding as seen from one item (device or user detail pages). */
export interface ItemFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly title: string;
  readonly detail: string | null;
  readonly decision: ItemDecision | null;
}

const MAX_PAGE = 1000;

/** SQL that turns a decision's item_key back into the kind's id, so decision look-ups use the primary key. */
export function idFromKey(kind: ItemKind, column: string): string {
  const rest = `substr(${column}, ${kind.keyPrefix.length + 1})`;
  return kind.integerId ? `CAST(${rest} AS INTEGER)` : rest;
}

interface ItemsQueryOptions {
  readonly search?: string;
  readonly decision?: DecisionFilter;
  /** Restrict to one item (per-item look-ups). */
  readonly itemId?: string | number;
}

/**
 * The one query builder behind counting, paging, streaming and per-item look-ups: the kind's
 * columns and the rule's detail, LEFT JOINed to the item's decision, filtered by the rule's
 * predicate plus optional search, decision filter and item id.
 */
function itemsQuery(ruleId: string, kind: ItemKind, evaluation: Evaluated, options: ItemsQueryOptions) {
  const trimmed = options.search?.trim();
  const pattern = trimmed ? `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const conditions = [`(${evaluation.where})`];
  if (pattern) conditions.push(`(${kind.search.map((column) => `${column} LIKE :pattern ESCAPE '\\'`).join(' OR ')})`);
  if (options.decision === 'open') conditions.push('fd.decision IS NULL');
  if (options.decision === 'decided') conditions.push('fd.decision IS NOT NULL');
  if (options.itemId !== undefined) conditions.push(`${kind.idColumn} = :itemId`);
  const join = `LEFT JOIN finding_decisions fd ON fd.rule_id = :ruleId AND fd.item_key = ${keyExpression(kind)}`;
  const from = `FROM ${kind.from} ${join} WHERE ${conditions.join(' AND ')}`;
  const select = `SELECT ${kind.select}, (${evaluation.detail}) AS detail,
      fd.decision AS decisionKind, fd.note AS decisionNote, fd.decided_by AS decidedBy, fd.decided_at AS decidedAt ${from}`;
  // The decision join changes no count unless the list is filtered by decision; leave it out then.
  const filtered = options.decision === 'open' || options.decision === 'decided';
  const matching = `FROM ${kind.from} ${filtered ? join : ''} WHERE ${conditions.join(' AND ')}`;
  /**
   * A page in two steps: first only the ids and sort keys of the matching rows are sorted and
   * cut to the page, then the columns, the detail expression and the decision are computed for
   * those rows alone. Sorting whole rows made a page at offset 100,000 of 122,000 Apple devices
   * cost 750 ms; the detail expressions alone ran for every skipped row.
   */
  const page = (sort: string, direction: 'ASC' | 'DESC') => `
    SELECT ${kind.select}, (${evaluation.detail}) AS detail,
           fd.decision AS decisionKind, fd.note AS decisionNote, fd.decided_by AS decidedBy, fd.decided_at AS decidedAt
    FROM (SELECT ${kind.idColumn} AS pid, ${sort} AS sk ${matching}
          ORDER BY sk ${direction} NULLS LAST, pid LIMIT :limit OFFSET :offset) page
    JOIN ${kind.from} ON ${kind.idColumn} = page.pid
    ${join}
    ORDER BY page.sk ${direction} NULLS LAST, page.pid`;
  return { select, page, count: `SELECT count(*) AS n ${matching}`, params: { ruleId, pattern, itemId: options.itemId ?? null } };
}

function toItem(kind: ItemKind, row: Record<string, unknown>): FindingItem {
  const decision: ItemDecision | null =
    row.decisionKind === null || row.decisionKind === undefined
      ? null
      : { decision: row.decisionKind as DecisionKind, note: String(row.decisionNote ?? ''), decidedBy: String(row.decidedBy ?? ''), decidedAt: String(row.decidedAt) };
  return kind.toItem(row, row.detail === null || row.detail === undefined ? null : String(row.detail), decision);
}

function evaluatedOrNull(rule: RuleDefinition, ctx: AssessmentContext): Evaluated | null {
  const evaluation = rule.evaluate(ctx);
  return evaluation.evaluated ? evaluation : null;
}

/** The `requires` check outside an assessment: one EXISTS, which stops at the first matching row. */
export function requirementMet(ctx: AssessmentContext, evaluation: Evaluated): boolean {
  if (!evaluation.requires) return true;
  const kind = ITEM_KINDS[evaluation.kind];
  return (ctx.db.prepare(`SELECT EXISTS (SELECT 1 FROM ${kind.from} WHERE ${evaluation.requires.where}) AS e`).get(ctx.params) as { e: number }).e === 1;
}

/** One page of a finding's items, searched, sorted and filtered in SQL. */
export function pageFindingItems(snapshot: Snapshot, request: FindingItemsRequest, options: AssessOptions = {}): FindingItemsPage {
  const rule = getRule(request.rule);
  const offset = Math.max(0, Math.floor(request.offset ?? 0));
  const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(request.limit ?? 100)));
  const ctx = buildContext(snapshot, options);
  const evaluation = evaluatedOrNull(rule, ctx);
  if (!evaluation || !requirementMet(ctx, evaluation)) return { rule: rule.id, evaluated: false, total: 0, offset, rows: [] };
  const kind = ITEM_KINDS[evaluation.kind];
  const sortKey = request.sortBy ?? Object.keys(kind.sort)[0]!;
  const sort = kind.sort[sortKey];
  if (!sort) throw new UserFacingError('invalid_input', `Items of ${rule.id} cannot be sorted by "${sortKey}"; use one of ${Object.keys(kind.sort).join(', ')}.`);
  const direction = request.sortDirection === 'desc' ? 'DESC' : 'ASC';
  const query = itemsQuery(rule.id, kind, evaluation, { search: request.search, decision: request.decision });
  const params = { ...ctx.params, ...query.params };
  const total = (snapshot.db.prepare(query.count).get(params) as { n: number }).n;
  const rows = snapshot.db.prepare(query.page(sort, direction)).all({ ...params, limit, offset }) as Record<string, unknown>[];
  return { rule: rule.id, evaluated: true, total, offset, rows: rows.map((row) => toItem(kind, row)) };
}

/**
 * Every item of a finding, one row at a time, in the kind's default order. better-sqlite3
 * steps the statement as the caller iterates, so memory stays flat however many items there are
 * (the CLI streams 250,000 devices this way). Do not use the connection for other statements
 * until the iteration ends.
 */
export function* iterateFindingItems(snapshot: Snapshot, ruleId: string, options: AssessOptions = {}, ctx?: AssessmentContext): Generator<FindingItem> {
  const rule = getRule(ruleId);
  const context = ctx ?? buildContext(snapshot, options);
  const evaluation = evaluatedOrNull(rule, context);
  if (!evaluation || !requirementMet(context, evaluation)) return;
  const kind = ITEM_KINDS[evaluation.kind];
  const query = itemsQuery(rule.id, kind, evaluation, {});
  const statement = snapshot.db.prepare(`${query.select} ORDER BY ${kind.idColumn}`);
  for (const row of iterateRows<Record<string, unknown>>(statement, { ...context.params, ...query.params })) yield toItem(kind, row);
}

/** The findings that list one item (e.g. `device:42`), with its detail and decision: for device and user detail pages. */
export function findingsForItem(snapshot: Snapshot, itemKey: string, options: AssessOptions = {}): ItemFinding[] {
  const parsed = parseItemKey(itemKey);
  if (!parsed) throw new UserFacingError('invalid_input', `"${itemKey}" is not an item key (expected e.g. device:42 or user:7).`);
  const ctx = buildContext(snapshot, options);
  const found: ItemFinding[] = [];
  for (const rule of RULES) {
    const evaluation = evaluatedOrNull(rule, ctx);
    if (!evaluation || ITEM_KINDS[evaluation.kind] !== parsed.kind) continue;
    const query = itemsQuery(rule.id, parsed.kind, evaluation, { itemId: parsed.id });
    const row = snapshot.db.prepare(query.select).get({ ...ctx.params, ...query.params }) as Record<string, unknown> | undefined;
    // Checked only for matching items, so a detail page pays no scan for rules that do not list the item.
    if (!row || !requirementMet(ctx, evaluation)) continue;
    const item = toItem(parsed.kind, row);
    found.push({ rule: rule.id, severity: evaluation.severity ?? rule.severity, title: rule.title, detail: item.detail, decision: item.decision });
  }
  return found;
}

export function findingsForDevice(snapshot: Snapshot, deviceId: number, options: AssessOptions = {}): ItemFinding[] {
  return findingsForItem(snapshot, `device:${deviceId}`, options);
}

export function findingsForUser(snapshot: Snapshot, userId: number, options: AssessOptions = {}): ItemFinding[] {
  return findingsForItem(snapshot, `user:${userId}`, options);
}
