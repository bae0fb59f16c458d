import type { CheckDefinition } from '../playbooks/types.js';

/** done: green. open: something to do. unknown: an automatic check whose rule is not evaluated yet. */
export type CheckState = 'done' | 'open' | 'unknown';

/** One rule as an automatic check sees it: over the whole snapshot, or over one wave. */
export interface RuleStatus {
  readonly rule: string;
  readonly title: string;
  readonly evaluated: boolean;
  /** Items neither accepted as a risk nor resolved outside the tool. */
  readonly openCount: number;
  readonly needs: string | null;
}

export interface CheckTick {
  readonly by: string;
  readonly at: string;
  readonly note: string;
}

/** A check with its state, as the wizard screens and `wizard --json` show it. */
export interface CheckView {
  readonly id: string;
  readonly kind: CheckDefinition['kind'];
  readonly label: string;
  readonly required: boolean;
  readonly state: CheckState;
  /** One line: the open items, the answer, who ticked it, or what the rule still needs. */
  readonly detail: string;
  /** Automatic: the rules it reads. Manual: the rule it confirms, if any. */
  readonly rules: readonly string[];
  /** Questions: the tenant fact's key and value. */
  readonly fact: string | null;
  readonly value: string | null;
  /** Manual checks: who ticked it, when, and the note. */
  readonly tick: CheckTick | null;
}

/** An automatic check is done when every rule is evaluated and has no open item. */
export function automaticCheck(check: CheckDefinition & { kind: 'automatic' }, statuses: readonly RuleStatus[]): CheckView {
  const open = statuses.filter((status) => status.evaluated && status.openCount > 0);
  const unknown = statuses.filter((status) => !status.evaluated);
  const state: CheckState = open.length > 0 ? 'open' : unknown.length > 0 ? 'unknown' : 'done';
  const detail =
    state === 'done'
      ? 'No open items.'
      : [
          ...open.map((status) => `${status.rule}: ${status.openCount} open item${status.openCount === 1 ? '' : 's'}`),
          ...unknown.map((status) => `${status.rule}: not evaluated, needs ${status.needs}`),
        ].join('; ');
  return { ...base(check, state, detail), rules: check.rules };
}

export function manualCheck(check: CheckDefinition & { kind: 'manual' }, tick: CheckTick | null): CheckView {
  return {
    ...base(check, tick ? 'done' : 'open', tick ? `Ticked by ${tick.by} on ${tick.at.slice(0, 10)}${tick.note ? `: ${tick.note}` : ''}` : 'Not ticked yet.'),
    rules: check.confirmsRule ? [check.confirmsRule] : [],
    tick,
  };
}

export function questionCheck(check: CheckDefinition & { kind: 'question' }, value: string | null): CheckView {
  return { ...base(check, value === null ? 'open' : 'done', value === null ? 'Not answered yet.' : `Answered: ${value}`), fact: check.fact, value };
}

function base(check: CheckDefinition, state: CheckState, detail: string): CheckView {
  return { id: check.id, kind: check.kind, label: check.label, required: check.required ?? true, state, detail, rules: [], fact: null, value: null, tick: null };
}
