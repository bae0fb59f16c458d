import { changesSince } from '../playbooks/changesSince.js';
import type { PlaybookChange } from '../playbooks/types.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import type { CheckTick } from './checkState.js';
import { activePlaybook, wizardStateRow } from './wizard.js';

export interface PlaybookChanges {
  readonly playbookId: string;
  readonly startedWithVersion: number;
  readonly currentVersion: number;
  /** The changelog entries after the version the snapshot started with, oldest first. */
  readonly changes: readonly PlaybookChange[];
  /**
   * Steps removed since, with the manual checks ticked against them. Nothing the consultant
   * recorded is dropped when a playbook changes: these ticks stay in the snapshot as they were.
   */
  readonly removedStepTicks: readonly { readonly stepId: string; readonly title: string; readonly ticks: readonly (CheckTick & { readonly checkId: string })[] }[];
}

/** What changed in the engagement's playbook since the version the snapshot was started with. */
export function playbookChanges(snapshot: Snapshot): PlaybookChanges {
  const state = wizardStateRow(snapshot);
  const playbook = activePlaybook(snapshot);
  const changes = changesSince(playbook, state.playbookVersion);
  const current = new Set(playbook.phases.flatMap((phase) => phase.steps.map((step) => step.id)));
  const removed = new Map(changes.flatMap((change) => change.stepsRemoved ?? []).filter((step) => !current.has(step.id)).map((step) => [step.id, step.title]));
  const ticks = snapshot.db.prepare('SELECT check_id AS checkId, step_id AS stepId, checked_by AS by, checked_at AS at, note FROM wizard_checks ORDER BY checked_at').all() as (CheckTick & {
    checkId: string;
    stepId: string;
  })[];
  return {
    playbookId: playbook.id,
    startedWithVersion: state.playbookVersion,
    currentVersion: playbook.version,
    changes,
    removedStepTicks: [...removed].map(([stepId, title]) => ({
      stepId,
      title,
      ticks: ticks.filter((tick) => tick.stepId === stepId).map(({ stepId: _step, ...tick }) => tick),
    })),
  };
}
