import { UserFacingError } from '../errors.js';
import type { AutomaticCheck, ManualCheck } from '../playbooks/types.js';
import { ruleConfirmations } from '../rules/confirmations.js';
import { buildContext } from '../rules/context.js';
import { requirementMet } from '../rules/findingItems.js';
import { keyExpression, ITEM_KINDS } from '../rules/itemKinds.js';
import { getRule } from '../rules/registry.js';
import { SQL } from '../rules/ruleHelpers.js';
import type { AssessmentContext, Evaluated } from '../rules/types.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import { actor, type Actor } from './actor.js';
import { automaticCheck, manualCheck, type CheckTick, type CheckView } from './checkState.js';
import { activePlaybook } from './wizard.js';

/**
 * The one derived primary-user fact a device moves with (over the alias `d`): its owner from any
 * source, the Intune/Graph primary user or the ConfigMgr primary affinity (derivedFacts.ts).
 */
export const DEVICE_OWNER = 'd.owner_user_id';

export type WaveState = 'planned' | 'moved' | 'verified';

export interface Wave {
  readonly id: number;
  readonly name: string;
  readonly position: number;
  readonly isPilot: boolean;
  readonly state: WaveState;
  readonly movedAt: string | null;
  readonly verifiedAt: string | null;
  readonly userCount: number;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** Which users a wave query selects. Every filter is optional; all given ones apply. */
export interface UserFilter {
  /** Members of this ConfigMgr user collection (CollectionID). */
  readonly collectionId?: string;
  /** Users who own at least one device of this platform (ios, android, windows …). */
  readonly platform?: string;
  /** licensed: holds INTUNE_A enabled; unlicensed: does not. */
  readonly licence?: 'licensed' | 'unlicensed';
  /** Users with an open item of this rule: the user themself, or a device they own. */
  readonly rule?: string;
  /** Case-insensitive substring of UPN or display name. */
  readonly search?: string;
  /** A wave's users, or 'none' for users in no wave yet. */
  readonly wave?: number | 'none';
}

export interface PageRequest {
  readonly offset?: number;
  /** 1–1000; default 100. */
  readonly limit?: number;
}

export interface WaveUserRow {
  readonly id: number;
  readonly userPrincipalName: string | null;
  readonly displayName: string | null;
  readonly licensed: boolean;
  readonly waveId: number | null;
  readonly deviceCount: number;
}

export interface WaveDeviceRow {
  readonly id: number;
  readonly name: string | null;
  readonly serialNumber: string | null;
  readonly platform: string;
  readonly userPrincipalName: string | null;
  readonly enrollmentType: string | null;
  readonly lastCheckIn: string | null;
  /** Non-moving devices: the rule that keeps the device from moving with a user. */
  readonly reason: string | null;
}

export interface Page<Row> {
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly Row[];
}

export interface WaveDevicePage extends Page<WaveDeviceRow> {
  /** For each reason on this page: the rule's title and remediation (once per page, not per row). */
  readonly remediations: Readonly<Record<string, { readonly title: string; readonly remediation: readonly string[] }>>;
}

const MAX_PAGE = 1000;

function page(request: PageRequest): { offset: number; limit: number } {
  const offset = request.offset ?? 0;
  const limit = request.limit ?? 100;
  if (!Number.isInteger(offset) || offset < 0) throw new UserFacingError('invalid_input', 'offset must be a whole number, 0 or more.');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new UserFacingError('invalid_input', `limit must be 1–${MAX_PAGE}.`);
  return { offset, limit };
}

/** The rule's predicate on this snapshot, or what it still needs. */
function evaluate(ctx: AssessmentContext, ruleId: string): Evaluated | { readonly needs: string } {
  const evaluation = getRule(ruleId).evaluate(ctx);
  if (!evaluation.evaluated) return { needs: evaluation.needs };
  return requirementMet(ctx, evaluation) ? evaluation : { needs: evaluation.requires!.needs };
}

function evaluated(ctx: AssessmentContext, ruleId: string): Evaluated | null {
  const evaluation = evaluate(ctx, ruleId);
  return 'where' in evaluation ? evaluation : null;
}

/** SQL: the item (over alias u or d) has no decision under the rule. */
function openItem(kindName: 'user' | 'device', ruleParam: string): string {
  return `NOT EXISTS (SELECT 1 FROM finding_decisions fd WHERE fd.rule_id = :${ruleParam} AND fd.item_key = ${keyExpression(ITEM_KINDS[kindName])})`;
}

/**
 * The WHERE clause over `users u` for a filter, and its parameters (prefixed `w_` so they never
 * meet the rules' own). Rule predicates are code constants; only values are bound.
 */
function userWhere(ctx: AssessmentContext, filter: UserFilter): { where: string; params: Record<string, string | number | null> } {
  const clauses: string[] = [];
  const params: Record<string, string | number | null> = { ...ctx.params };
  if (filter.collectionId !== undefined) {
    clauses.push(`u.cm_resource_id IN (SELECT resource_id FROM collection_members WHERE collection_id = :w_collection)`);
    params.w_collection = filter.collectionId;
  }
  if (filter.platform !== undefined) {
    clauses.push(`EXISTS (SELECT 1 FROM devices d WHERE ${DEVICE_OWNER} = u.id AND d.platform = :w_platform)`);
    params.w_platform = filter.platform;
  }
  if (filter.licence !== undefined) clauses.push(`u.intune_a_enabled = ${filter.licence === 'licensed' ? 1 : 0}`);
  if (filter.search) {
    clauses.push(`(u.upn LIKE :w_search ESCAPE '\\' OR u.display_name LIKE :w_search ESCAPE '\\')`);
    params.w_search = `%${filter.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  }
  if (filter.wave === 'none') clauses.push('NOT EXISTS (SELECT 1 FROM wave_users x WHERE x.user_id = u.id)');
  else if (filter.wave !== undefined) {
    clauses.push('u.id IN (SELECT user_id FROM wave_users WHERE wave_id = :w_wave)');
    params.w_wave = filter.wave;
  }
  if (filter.rule !== undefined) {
    const evaluation = evaluated(ctx, filter.rule);
    params.w_rule = filter.rule;
    if (!evaluation || (evaluation.kind !== 'user' && evaluation.kind !== 'device')) clauses.push('0');
    else if (evaluation.kind === 'user') clauses.push(`((${evaluation.where}) AND ${openItem('user', 'w_rule')})`);
    else clauses.push(`EXISTS (SELECT 1 FROM devices d WHERE ${DEVICE_OWNER} = u.id AND (${evaluation.where}) AND ${openItem('device', 'w_rule')})`);
  }
  return { where: clauses.length > 0 ? clauses.join(' AND ') : '1', params };
}

/** A page of users matching the filter, by UPN (the unique index's order). */
export function pageUsers(snapshot: Snapshot, filter: UserFilter & PageRequest = {}): Page<WaveUserRow> {
  const { offset, limit } = page(filter);
  const { where, params } = userWhere(buildContext(snapshot), filter);
  const db = snapshot.db;
  const total = (db.prepare(`SELECT count(*) AS n FROM users u WHERE ${where}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT u.id AS id, u.upn AS userPrincipalName, u.display_name AS displayName, u.intune_a_enabled AS licensed,
              (SELECT wave_id FROM wave_users x WHERE x.user_id = u.id) AS waveId,
              (SELECT count(*) FROM devices d WHERE ${DEVICE_OWNER} = u.id) AS deviceCount
       FROM users u WHERE ${where} ORDER BY u.upn, u.id LIMIT :w_limit OFFSET :w_offset`,
    )
    .all({ ...params, w_limit: limit, w_offset: offset }) as (Omit<WaveUserRow, 'licensed'> & { licensed: number })[];
  return { total, offset, rows: rows.map((row) => ({ ...row, licensed: row.licensed === 1 })) };
}

const WAVE_COLUMNS = `w.id AS id, w.name AS name, w.position AS position, w.is_pilot AS isPilot, w.state AS state, w.moved_at AS movedAt,
  w.verified_at AS verifiedAt, w.created_by AS createdBy, w.created_at AS createdAt,
  (SELECT count(*) FROM wave_users x WHERE x.wave_id = w.id) AS userCount`;

function toWave(row: Omit<Wave, 'isPilot'> & { isPilot: number }): Wave {
  return { ...row, isPilot: row.isPilot === 1 };
}

export function listWaves(snapshot: Snapshot): Wave[] {
  return (snapshot.db.prepare(`SELECT ${WAVE_COLUMNS} FROM waves w ORDER BY w.position, w.id`).all() as (Omit<Wave, 'isPilot'> & { isPilot: number })[]).map(toWave);
}

export function getWave(snapshot: Snapshot, waveId: number): Wave {
  const row = snapshot.db.prepare(`SELECT ${WAVE_COLUMNS} FROM waves w WHERE w.id = ?`).get(waveId) as (Omit<Wave, 'isPilot'> & { isPilot: number }) | undefined;
  if (!row) throw new UserFacingError('invalid_input', `No wave ${waveId}.`);
  return toWave(row);
}

/** A new wave after the existing ones. Only one wave can be the pilot. */
export function createWave(snapshot: Snapshot, request: Actor & { name: string; pilot?: boolean }): Wave {
  const name = request.name.trim();
  if (!name) throw new UserFacingError('invalid_input', 'A wave needs a name.');
  const { by, at } = actor(request);
  const db = snapshot.db;
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM waves WHERE name = ?').get(name)) throw new UserFacingError('invalid_input', `A wave named "${name}" exists already.`);
    if (request.pilot && db.prepare('SELECT 1 FROM waves WHERE is_pilot = 1').get()) throw new UserFacingError('invalid_input', 'There is a pilot wave already.');
    const { id } = db
      .prepare(`INSERT INTO waves (name, position, is_pilot, created_by, created_at) VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM waves), ?, ?, ?) RETURNING id`)
      .get(name, request.pilot ? 1 : 0, by, at) as { id: number };
    snapshot.audit(by, 'wave.create', `wave:${id}`, { name, pilot: request.pilot === true });
    return getWave(snapshot, id);
  })();
}

export function deleteWave(snapshot: Snapshot, request: Actor & { waveId: number }): void {
  const { by } = actor(request);
  snapshot.db.transaction(() => {
    const wave = getWave(snapshot, request.waveId);
    snapshot.db.prepare('DELETE FROM waves WHERE id = ?').run(wave.id);
    snapshot.audit(by, 'wave.delete', `wave:${wave.id}`, { name: wave.name, users: wave.userCount, state: wave.state });
  })();
}

/**
 * Adds users to a wave, by id or by filter, in one INSERT … SELECT (no user list passes through
 * JavaScript). Users already in a wave are skipped: a user moves once.
 */
export function addUsersToWave(snapshot: Snapshot, request: Actor & { waveId: number; userIds?: readonly number[]; filter?: UserFilter }): { added: number; skipped: number } {
  const { by } = actor(request);
  if (!request.userIds === !request.filter) throw new UserFacingError('invalid_input', 'Give either user ids or a filter.');
  const db = snapshot.db;
  return db.transaction(() => {
    const wave = getWave(snapshot, request.waveId);
    if (wave.state !== 'planned') throw new UserFacingError('invalid_input', `Wave "${wave.name}" has moved; its users can no longer change.`);
    const { where, params } = request.filter
      ? userWhere(buildContext(snapshot), request.filter)
      : { where: 'u.id IN (SELECT value FROM json_each(:w_ids))', params: { w_ids: JSON.stringify(request.userIds) } };
    const matching = (db.prepare(`SELECT count(*) AS n FROM users u WHERE ${where}`).get(params) as { n: number }).n;
    const added = db
      .prepare(`INSERT INTO wave_users (wave_id, user_id) SELECT :w_target, u.id FROM users u WHERE ${where} AND NOT EXISTS (SELECT 1 FROM wave_users x WHERE x.user_id = u.id)`)
      .run({ ...params, w_target: wave.id }).changes;
    snapshot.audit(by, 'wave.addUsers', `wave:${wave.id}`, { added, skipped: matching - added, userIds: request.userIds ?? null, filter: request.filter ?? null });
    return { added, skipped: matching - added };
  })();
}

export function removeUsersFromWave(snapshot: Snapshot, request: Actor & { waveId: number; userIds: readonly number[] }): number {
  const { by } = actor(request);
  return snapshot.db.transaction(() => {
    const wave = getWave(snapshot, request.waveId);
    if (wave.state !== 'planned') throw new UserFacingError('invalid_input', `Wave "${wave.name}" has moved; its users can no longer change.`);
    const removed = snapshot.db
      .prepare('DELETE FROM wave_users WHERE wave_id = ? AND user_id IN (SELECT value FROM json_each(?))')
      .run(wave.id, JSON.stringify(request.userIds)).changes;
    snapshot.audit(by, 'wave.removeUsers', `wave:${wave.id}`, { removed, userIds: request.userIds });
    return removed;
  })();
}

const NEXT_STATE: Record<WaveState, WaveState | null> = { planned: 'moved', moved: 'verified', verified: null };

/**
 * planned → moved (at a time, now by default) → verified; or back to planned to correct a
 * mistake. Every change is audited with the previous state.
 */
export function setWaveState(snapshot: Snapshot, request: Actor & { waveId: number; state: WaveState; at?: Date }): Wave {
  const { by, at: now } = actor(request);
  const at = request.at?.toISOString() ?? now;
  return snapshot.db.transaction(() => {
    const wave = getWave(snapshot, request.waveId);
    if (request.state !== 'planned' && NEXT_STATE[wave.state] !== request.state) {
      throw new UserFacingError('invalid_input', `Wave "${wave.name}" is ${wave.state}; it can become ${NEXT_STATE[wave.state] ?? 'nothing further'} next.`);
    }
    if (request.state === 'moved' && wave.userCount === 0) throw new UserFacingError('invalid_input', `Wave "${wave.name}" has no users to move.`);
    const movedAt = request.state === 'planned' ? null : request.state === 'moved' ? at : wave.movedAt;
    const verifiedAt = request.state === 'verified' ? at : null;
    snapshot.db.prepare('UPDATE waves SET state = ?, moved_at = ?, verified_at = ? WHERE id = ?').run(request.state, movedAt, verifiedAt, wave.id);
    snapshot.audit(by, 'wave.state', `wave:${wave.id}`, { state: request.state, at, previous: { state: wave.state, movedAt: wave.movedAt, verifiedAt: wave.verifiedAt } });
    return getWave(snapshot, wave.id);
  })();
}

/**
 * Devices of a wave: those that move with its users (owned by one, and not kept back by a
 * non-moving rule), or those that will not (owned or enrolled by one of its users and matching
 * a non-moving rule: userless, DEM-enrolled), each with the rule that keeps it and its
 * remediation. With `waveId: null` and `moving: false`: every device that moves with no user.
 */
export function pageWaveDevices(snapshot: Snapshot, request: PageRequest & { waveId: number | null; moving: boolean }): WaveDevicePage {
  const { offset, limit } = page(request);
  const ctx = buildContext(snapshot);
  const playbook = activePlaybook(snapshot);
  const kept = playbook.waves.nonMovingRules
    .map((rule) => ({ rule, evaluation: evaluated(ctx, rule) }))
    .filter((entry): entry is { rule: string; evaluation: Evaluated } => entry.evaluation?.kind === 'device');
  const keptAny = kept.length > 0 ? kept.map((entry) => `(${entry.evaluation.where})`).join(' OR ') : '0';
  const reason = kept.length > 0 ? `CASE ${kept.map((entry) => `WHEN ${entry.evaluation.where} THEN '${entry.rule}'`).join(' ')} END` : 'NULL';
  const inWave = (column: string) => `${column} IN (SELECT user_id FROM wave_users WHERE wave_id = :w_wave)`;
  if (request.moving && request.waveId === null) throw new UserFacingError('invalid_input', 'Moving devices belong to a wave: give its id.');
  const where = request.moving
    ? `${inWave(DEVICE_OWNER)} AND ${SQL.mdmDevice('d')} AND NOT (${keptAny})`
    : `(${keptAny})${request.waveId === null ? '' : ` AND (${inWave(DEVICE_OWNER)} OR ${inWave('d.enrolled_by_user_id')})`}`;
  const params = { ...ctx.params, w_wave: request.waveId };
  const db = snapshot.db;
  const total = (db.prepare(`SELECT count(*) AS n FROM devices d WHERE ${where}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT d.id AS id, d.name AS name, d.serial_number AS serialNumber, d.platform AS platform, d.primary_user_upn AS userPrincipalName,
              d.enrollment_type AS enrollmentType, d.last_check_in AS lastCheckIn, ${request.moving ? 'NULL' : reason} AS reason
       FROM devices d WHERE ${where} ORDER BY d.name COLLATE NOCASE, d.id LIMIT :w_limit OFFSET :w_offset`,
    )
    .all({ ...params, w_limit: limit, w_offset: offset }) as WaveDeviceRow[];
  const remediations = Object.fromEntries(
    [...new Set(rows.map((row) => row.reason).filter((rule): rule is string => rule !== null))].map((rule) => {
      const definition = getRule(rule);
      return [rule, { title: definition.title, remediation: definition.remediation }];
    }),
  );
  return { total, offset, rows, remediations };
}

/**
 * A wave's checklist: automatic checks count only the open items that touch its users (user
 * rules) or the devices they own (device rules); tenant-wide rules count as they are.
 */
export function waveChecklist(snapshot: Snapshot, waveId: number): CheckView[] {
  const wave = getWave(snapshot, waveId);
  const ctx = buildContext(snapshot);
  const confirmations = ruleConfirmations(snapshot.db);
  const ticks = new Map(
    (snapshot.db.prepare('SELECT check_id AS id, checked_by AS by, checked_at AS at, note FROM wave_checks WHERE wave_id = ?').all(wave.id) as (CheckTick & { id: string })[]).map(
      ({ id, ...tick }) => [id, tick],
    ),
  );
  return activePlaybook(snapshot).waves.checks.map((check: AutomaticCheck | ManualCheck) => {
    if (check.kind === 'manual') return manualCheck(check, ticks.get(check.id) ?? null);
    return automaticCheck(
      check,
      check.rules.map((rule) => {
        const definition = getRule(rule);
        const evaluation = evaluate(ctx, rule);
        // A rule the data cannot decide counts as the assessment counts it: evaluated once a consultant's tick confirms it.
        if (!('where' in evaluation)) {
          return confirmations.has(rule)
            ? { rule, title: definition.title, evaluated: true, openCount: 0, needs: null }
            : { rule, title: definition.title, evaluated: false, openCount: 0, needs: evaluation.needs };
        }
        const scoped =
          evaluation.kind === 'user'
            ? `FROM users u WHERE (${evaluation.where}) AND u.id IN (SELECT user_id FROM wave_users WHERE wave_id = :w_wave) AND ${openItem('user', 'w_rule')}`
            : evaluation.kind === 'device'
              ? `FROM devices d WHERE (${evaluation.where}) AND ${DEVICE_OWNER} IN (SELECT user_id FROM wave_users WHERE wave_id = :w_wave) AND ${openItem('device', 'w_rule')}`
              : `FROM ${ITEM_KINDS[evaluation.kind].from} WHERE (${evaluation.where}) AND NOT EXISTS (SELECT 1 FROM finding_decisions fd WHERE fd.rule_id = :w_rule AND fd.item_key = ${keyExpression(ITEM_KINDS[evaluation.kind])})`;
        const openCount = (snapshot.db.prepare(`SELECT count(*) AS n ${scoped}`).get({ ...ctx.params, w_wave: wave.id, w_rule: rule }) as { n: number }).n;
        return { rule, title: definition.title, evaluated: true, openCount, needs: null };
      }),
    );
  });
}

function waveCheck(snapshot: Snapshot, checkId: string): ManualCheck {
  const check = activePlaybook(snapshot).waves.checks.find((candidate) => candidate.id === checkId);
  if (!check) throw new UserFacingError('invalid_input', `No wave check "${checkId}".`);
  if (check.kind !== 'manual') throw new UserFacingError('invalid_input', `${checkId} is automatic: it follows the findings.`);
  return check;
}

export function tickWaveCheck(snapshot: Snapshot, request: Actor & { waveId: number; checkId: string; note?: string }): CheckTick {
  const check = waveCheck(snapshot, request.checkId);
  const { by, at } = actor(request);
  const note = request.note?.trim() ?? '';
  snapshot.db.transaction(() => {
    const wave = getWave(snapshot, request.waveId);
    snapshot.db
      .prepare(
        `INSERT INTO wave_checks (wave_id, check_id, checked_by, checked_at, note) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (wave_id, check_id) DO UPDATE SET checked_by = excluded.checked_by, checked_at = excluded.checked_at, note = excluded.note`,
      )
      .run(wave.id, check.id, by, at, note);
    snapshot.audit(by, 'wave.check', `wave:${wave.id}`, { check: check.id, note });
  })();
  return { by, at, note };
}

export function untickWaveCheck(snapshot: Snapshot, request: Actor & { waveId: number; checkId: string }): boolean {
  const check = waveCheck(snapshot, request.checkId);
  const { by } = actor(request);
  return snapshot.db.transaction(() => {
    const wave = getWave(snapshot, request.waveId);
    const removed = snapshot.db.prepare('DELETE FROM wave_checks WHERE wave_id = ? AND check_id = ?').run(wave.id, check.id).changes > 0;
    if (removed) snapshot.audit(by, 'wave.uncheck', `wave:${wave.id}`, { check: check.id });
    return removed;
  })();
}
