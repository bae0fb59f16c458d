import type { CheckDefinition, Playbook } from './types.js';

/** What a playbook may refer to: the rule registry's ids and the tenant fact keys. */
export interface PlaybookReferences {
  readonly ruleIds: ReadonlySet<string>;
  readonly factKeys: ReadonlySet<string>;
}

/**
 * Every problem in a playbook, as sentences; empty when it is sound. A playbook is data written
 * by hand, so a typo in a rule id or a duplicated check id would otherwise show up only as a
 * check that never turns green.
 */
export function playbookProblems(playbook: Playbook, references: PlaybookReferences): string[] {
  const problems: string[] = [];
  const seen = (kind: string, ids: readonly string[]) => {
    const once = new Set<string>();
    for (const id of ids) {
      if (once.has(id)) problems.push(`duplicate ${kind} id "${id}"`);
      once.add(id);
    }
  };
  const steps = playbook.phases.flatMap((phase) => phase.steps);
  const checks: CheckDefinition[] = [...steps.flatMap((step) => step.checks), ...playbook.waves.checks];
  seen('phase', playbook.phases.map((phase) => phase.id));
  seen('step', steps.map((step) => step.id));
  seen('check', checks.map((check) => check.id));
  seen('event', playbook.events.map((event) => event.id));
  seen('deadline', playbook.deadlines.map((deadline) => deadline.id));
  if (!Number.isInteger(playbook.version) || playbook.version < 1) problems.push(`version must be a whole number from 1, got ${playbook.version}`);

  const rule = (id: string, where: string) => {
    if (!references.ruleIds.has(id)) problems.push(`${where} refers to unknown rule "${id}"`);
  };
  for (const check of checks) {
    if (check.kind === 'automatic') {
      if (check.rules.length === 0) problems.push(`check "${check.id}" names no rule`);
      for (const id of check.rules) rule(id, `check "${check.id}"`);
    } else if (check.kind === 'manual') {
      if (check.confirmsRule) rule(check.confirmsRule, `check "${check.id}"`);
    } else if (!references.factKeys.has(check.fact)) {
      problems.push(`check "${check.id}" asks for unknown tenant fact "${check.fact}"`);
    }
  }
  for (const id of playbook.waves.nonMovingRules) rule(id, 'the wave checklist');

  const events = new Map(playbook.events.map((event) => [event.id, event]));
  for (const deadline of playbook.deadlines) {
    if (!events.has(deadline.event)) problems.push(`deadline "${deadline.id}" refers to event "${deadline.event}", which the playbook does not record`);
  }
  if (events.get(playbook.switchEvent)?.from !== 'recorded') problems.push(`the switch event "${playbook.switchEvent}" is not a recorded event of the playbook`);
  for (const event of playbook.events.filter((candidate) => candidate.from === 'recorded')) {
    const recorders = steps.filter((step) => step.records === event.id);
    if (recorders.length !== 1) problems.push(`event "${event.id}" must be recorded by exactly one step, found ${recorders.length}`);
  }
  for (const step of steps) {
    if (step.records && events.get(step.records)?.from !== 'recorded') problems.push(`step "${step.id}" records "${step.records}", which is not a recorded event of the playbook`);
    if (step.checks.length === 0 && !step.records) problems.push(`step "${step.id}" has no check and records nothing, so it can never be done`);
  }
  problems.push(...changelogProblems(playbook, new Set(steps.map((step) => step.id))));
  return problems;
}

/** The changelog has one entry per version after the first, in order, naming steps that exist now. */
function changelogProblems(playbook: Playbook, stepIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const versions = playbook.changes.map((change) => change.version);
  const expected = Array.from({ length: Math.max(playbook.version - 1, 0) }, (_, index) => index + 2);
  if (versions.join() !== expected.join()) problems.push(`the changelog must have one entry for each version 2…${playbook.version} in order, has [${versions.join(', ')}]`);
  // A step added or renamed in one version may be removed in a later one.
  const removedLater = (version: number, id: string) => playbook.changes.some((change) => change.version > version && change.stepsRemoved?.some((removed) => removed.id === id));
  for (const change of playbook.changes) {
    for (const id of [...(change.stepsAdded ?? []), ...(change.stepsRenamed ?? []).map((renamed) => renamed.id)]) {
      if (!stepIds.has(id) && !removedLater(change.version, id)) problems.push(`version ${change.version} of the changelog names step "${id}", which the playbook does not have`);
    }
  }
  return problems;
}
