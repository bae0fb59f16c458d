import type { Snapshot } from '../snapshot/openSnapshot.js';
import { buildContext } from './context.js';
import { idFromKey, requirementMet } from './findingItems.js';
import { ITEM_KINDS } from './itemKinds.js';
import { RULES } from './registry.js';
import { ruleConfirmations } from './confirmations.js';
import {
  SEVERITIES,
  type Assessment,
  type AssessOptions,
  type Evaluated,
  type FindingSummary,
  type ItemKindName,
  type RuleConfirmation,
  type RuleDefinition,
  type Severity,
} from './types.js';

interface Pending {
  readonly rule: RuleDefinition;
  readonly evaluation: Evaluated;
  count: number;
  decided: number;
  /** Set when the rule's `requires` matched no row. */
  missing?: string;
}

/**
 * Evaluates every rule on the snapshot. Counts come from one aggregate scan per item kind
 * (`count(*) FILTER (WHERE <rule predicate>)` for all rules of that kind), so a 250,000-device
 * snapshot is read once for all device rules instead of once per rule; rules whose predicate an
 * index serves (`indexed`) are counted by their own index-only query instead. Decided-item counts
 * touch only rules that have decisions, through primary-key look-ups.
 */
export function assessSnapshot(snapshot: Snapshot, options: AssessOptions = {}): Assessment {
  const started = performance.now();
  const db = snapshot.db;
  // One read transaction: every count sees the same snapshot state.
  return db.transaction(() => {
    const ctx = buildContext(snapshot, options);
    const summaries = new Map<string, FindingSummary>();
    const pending: Pending[] = [];
    const confirmations = ruleConfirmations(db);
    // A rule the data cannot decide is evaluated by a consultant's confirmation, or stays "not evaluated".
    const undecidable = (rule: RuleDefinition, needs: string) => {
      const confirmation = confirmations.get(rule.id);
      if (confirmation) return confirmedSummary(rule, confirmation);
      const check = options.confirmableBy?.get(rule.id);
      return summary(rule, null, 0, 0, check ? `${needs}; or a consultant's confirmation: the migration wizard's check ${check} (mdm-migrate wizard --db FILE --check ${check})` : needs);
    };

    for (const rule of RULES) {
      const evaluation = rule.evaluate(ctx);
      if (evaluation.evaluated) pending.push({ rule, evaluation, count: 0, decided: 0 });
      else summaries.set(rule.id, undecidable(rule, evaluation.needs));
    }

    const byKind = new Map<ItemKindName, Pending[]>();
    for (const entry of pending) {
      if (entry.evaluation.indexed) {
        const kind = ITEM_KINDS[entry.evaluation.kind];
        entry.count = (db.prepare(`SELECT count(*) AS n FROM ${kind.from} WHERE ${entry.evaluation.where}`).get(ctx.params) as { n: number }).n;
        if (!requirementMet(ctx, entry.evaluation)) entry.missing = entry.evaluation.requires!.needs;
      } else {
        byKind.set(entry.evaluation.kind, [...(byKind.get(entry.evaluation.kind) ?? []), entry]);
      }
    }
    for (const [kindName, entries] of byKind) {
      const kind = ITEM_KINDS[kindName];
      // One FILTER column per distinct predicate (a `requires` often repeats a rule's predicate).
      const columns: string[] = [];
      const column = (predicate: string) => {
        const at = columns.indexOf(predicate);
        return `c${at >= 0 ? at : columns.push(predicate) - 1}`;
      };
      const wanted = entries.map((entry) => ({ count: column(entry.evaluation.where), requires: entry.evaluation.requires ? column(entry.evaluation.requires.where) : null }));
      const row = db
        .prepare(`SELECT ${columns.map((predicate, index) => `count(*) FILTER (WHERE ${predicate}) AS c${index}`).join(', ')} FROM ${kind.from}`)
        .get(ctx.params) as Record<string, number>;
      entries.forEach((entry, index) => {
        const { count, requires } = wanted[index]!;
        entry.count = row[count] ?? 0;
        if (requires && !row[requires]) entry.missing = entry.evaluation.requires!.needs;
      });
    }

    const decisionsByRule = new Map(
      (db.prepare('SELECT rule_id AS rule, count(*) AS n FROM finding_decisions GROUP BY rule_id').all() as { rule: string; n: number }[]).map((r) => [r.rule, r.n]),
    );
    for (const entry of pending) {
      if (!decisionsByRule.has(entry.rule.id) || entry.count === 0 || entry.missing) continue;
      const kind = ITEM_KINDS[entry.evaluation.kind];
      // A decision counts only while its item is still in the finding.
      entry.decided = (
        db
          .prepare(
            `SELECT count(*) AS n FROM ${kind.from}
             WHERE ${kind.idColumn} IN (SELECT ${idFromKey(kind, 'item_key')} FROM finding_decisions
                                       WHERE rule_id = :ruleId AND substr(item_key, 1, ${kind.keyPrefix.length}) = '${kind.keyPrefix}')
               AND (${entry.evaluation.where})`,
          )
          .get({ ...ctx.params, ruleId: entry.rule.id }) as { n: number }
      ).n;
    }
    for (const entry of pending) {
      summaries.set(
        entry.rule.id,
        entry.missing ? undecidable(entry.rule, entry.missing) : summary(entry.rule, entry.evaluation, entry.count, entry.decided, null),
      );
    }

    const findings = RULES.map((rule) => summaries.get(rule.id)!).sort(compareFindings);
    const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
    for (const finding of findings) if (finding.evaluated && finding.openCount > 0) bySeverity[finding.severity]++;
    return {
      assessedAt: ctx.now.toISOString(),
      asOf: ctx.asOf.toISOString(),
      plannedSwitchDate: ctx.plannedSwitch?.toISOString().slice(0, 10) ?? null,
      staleDays: ctx.staleDays,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      findings,
      bySeverity,
      notEvaluated: findings.filter((finding) => !finding.evaluated).length,
    };
  }).deferred();
}

function summary(rule: RuleDefinition, evaluation: Evaluated | null, count: number, decided: number, needs: string | null): FindingSummary {
  const why = evaluation?.note ? `${rule.why} ${evaluation.note}` : rule.why;
  return {
    rule: rule.id,
    family: rule.family,
    severity: evaluation?.severity ?? rule.severity,
    title: rule.title,
    why,
    remediation: rule.remediation,
    sources: rule.sources,
    conflict: rule.conflict ?? null,
    evaluated: evaluation !== null,
    needs,
    itemType: evaluation?.kind ?? null,
    count,
    decidedCount: decided,
    openCount: count - decided,
    confirmation: null,
  };
}

/** Evaluated by a manual check: no items, and the reason says who confirmed it and when. */
function confirmedSummary(rule: RuleDefinition, confirmation: RuleConfirmation): FindingSummary {
  const note = confirmation.note ? `: ${confirmation.note}` : '';
  const confirmed = `Confirmed by ${confirmation.confirmedBy} on ${confirmation.confirmedAt.slice(0, 10)} (wizard check ${confirmation.checkId})${note}.`;
  return { ...summary(rule, null, 0, 0, null), evaluated: true, why: `${rule.why} ${confirmed}`, confirmation };
}

const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((severity, index) => [severity, index])) as Record<Severity, number>;

/** Blockers first; within a severity, findings with open items, then fully decided or empty ones, then not-evaluated ones. */
function compareFindings(a: FindingSummary, b: FindingSummary): number {
  const group = (f: FindingSummary) => (!f.evaluated ? 3 : f.openCount > 0 ? 0 : f.count > 0 ? 1 : 2);
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || group(a) - group(b);
}

/**
 * The finding's "why" as one self-contained paragraph, for outputs that have no separate
 * fields (the CLI's JSON, reports): "Not evaluated: needs …", the reason, the §7 conflict and
 * the source tags.
 */
export function explainFinding(finding: FindingSummary): string {
  return [finding.needs ? `Not evaluated: needs ${finding.needs}.` : null, finding.why, finding.conflict, `Sources: ${finding.sources.join(', ')}.`]
    .filter((part): part is string => part !== null)
    .join(' ');
}
