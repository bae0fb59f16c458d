import { UserFacingError } from '../errors.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import { buildContext } from './context.js';
import { parseItemKey } from './itemKinds.js';
import { getRule } from './registry.js';
import { DECISION_KINDS, type DecisionKind, type ItemDecision } from './types.js';

export interface DecisionRequest {
  readonly rule: string;
  /** The item's key as findings report it, e.g. `device:42`. */
  readonly itemKey: string;
  readonly decision: DecisionKind;
  readonly note: string;
  readonly decidedBy: string;
  readonly now?: Date;
}

export interface RecordedDecision extends ItemDecision {
  readonly rule: string;
  readonly itemKey: string;
}

/**
 * Records a consultant's decision on one item of a finding ("accepted risk" or "resolved
 * outside the tool"). The decision and its audit entry are written in one transaction; the
 * decision is keyed by rule and item, not by assessment, so it survives re-assessment.
 */
export function recordDecision(snapshot: Snapshot, request: DecisionRequest): RecordedDecision {
  const rule = getRule(request.rule);
  if (!DECISION_KINDS.includes(request.decision)) {
    throw new UserFacingError('invalid_input', `Decision must be one of ${DECISION_KINDS.join(', ')}, got "${request.decision}".`);
  }
  const note = request.note.trim();
  const decidedBy = request.decidedBy.trim();
  if (!note) throw new UserFacingError('invalid_input', 'A decision needs a note saying why.');
  if (!decidedBy) throw new UserFacingError('invalid_input', 'A decision needs the name of who made it.');
  const parsed = parseItemKey(request.itemKey);
  if (!parsed) throw new UserFacingError('invalid_input', `"${request.itemKey}" is not an item key (expected e.g. device:42).`);
  const evaluation = rule.evaluate(buildContext(snapshot));
  if (!evaluation.evaluated) throw new UserFacingError('invalid_input', `${rule.id} is not evaluated on this snapshot, so its items cannot be decided.`);
  if (`${parsed.kind.name}` !== evaluation.kind) throw new UserFacingError('invalid_input', `${rule.id} lists ${evaluation.kind} items, not "${request.itemKey}".`);
  const exists = snapshot.db.prepare(`SELECT 1 FROM ${parsed.kind.from} WHERE ${parsed.kind.idColumn} = ?`).get(parsed.id);
  if (!exists) throw new UserFacingError('invalid_input', `${request.itemKey} is not in this snapshot.`);

  const decidedAt = (request.now ?? new Date()).toISOString();
  const db = snapshot.db;
  db.transaction(() => {
    const previous = db.prepare('SELECT decision, note FROM finding_decisions WHERE rule_id = ? AND item_key = ?').get(rule.id, request.itemKey) ?? null;
    db.prepare(
      `INSERT INTO finding_decisions (rule_id, item_key, decision, note, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (rule_id, item_key) DO UPDATE SET decision = excluded.decision, note = excluded.note,
         decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
    ).run(rule.id, request.itemKey, request.decision, note, decidedBy, decidedAt);
    snapshot.audit(decidedBy, 'finding.decide', `${rule.id} ${request.itemKey}`, { decision: request.decision, note, previous });
  })();
  return { rule: rule.id, itemKey: request.itemKey, decision: request.decision, note, decidedBy, decidedAt };
}

/** Withdraws a decision; the withdrawal is audited too. Returns false when there was none. */
export function clearDecision(snapshot: Snapshot, request: { rule: string; itemKey: string; decidedBy: string; note?: string }): boolean {
  const rule = getRule(request.rule);
  const db = snapshot.db;
  return db.transaction(() => {
    const previous = db.prepare('SELECT decision, note FROM finding_decisions WHERE rule_id = ? AND item_key = ?').get(rule.id, request.itemKey);
    if (!previous) return false;
    db.prepare('DELETE FROM finding_decisions WHERE rule_id = ? AND item_key = ?').run(rule.id, request.itemKey);
    snapshot.audit(request.decidedBy.trim() || 'unknown', 'finding.undecide', `${rule.id} ${request.itemKey}`, { note: request.note ?? '', previous });
    return true;
  })();
}

/** All decisions, or one rule's, newest first (for reports). */
export function listDecisions(snapshot: Snapshot, rule?: string): RecordedDecision[] {
  return snapshot.db
    .prepare(
      `SELECT rule_id AS rule, item_key AS itemKey, decision, note, decided_by AS decidedBy, decided_at AS decidedAt
       FROM finding_decisions WHERE (:rule IS NULL OR rule_id = :rule) ORDER BY decided_at DESC, rule_id, item_key`,
    )
    .all({ rule: rule ?? null }) as RecordedDecision[];
}
