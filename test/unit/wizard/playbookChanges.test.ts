import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Playbook } from '../../../electron/core/playbooks/index.js';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { choosePlaybook, getWizard, playbookChanges, tickCheck } from '../../../electron/core/wizard/index.js';
import { useTempDir } from '../../support/tempDir.js';

/** set-authority as it would be after a version bump: one step removed, one renamed, one added. Served once `bumped.on`. */
const bumped = vi.hoisted(() => ({ on: false, playbook: null as Playbook | null }));

vi.mock('../../../electron/core/playbooks/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../electron/core/playbooks/index.js')>();
  const current = original.getPlaybook('set-authority');
  const last = current.phases[current.phases.length - 1]!;
  const steps = last.steps
    .filter((step) => step.id !== 'sa-permanent')
    .map((step) => (step.id === 'sa-first-enrollment' ? { ...step, title: 'Enroll and lock a first device' } : step));
  const added = { ...last.steps[0]!, id: 'sa-company-portal', title: 'Publish the Company Portal', checks: [{ kind: 'manual' as const, id: 'm-company-portal', label: 'Company Portal published' }] };
  bumped.playbook = {
    ...current,
    version: 2,
    phases: [...current.phases.slice(0, -1), { ...last, steps: [...steps, added] }],
    changes: [
      {
        version: 2,
        summary: 'The permanence note moved into "Set the MDM authority"; the Company Portal step is new.',
        stepsAdded: ['sa-company-portal'],
        stepsRemoved: [{ id: 'sa-permanent', title: 'The authority is permanent' }],
        stepsRenamed: [{ id: 'sa-first-enrollment', from: 'Enroll a first device' }],
      },
    ],
  };
  return { ...original, getPlaybook: (id: string) => (bumped.on && id === 'set-authority' ? bumped.playbook! : original.getPlaybook(id)) };
});

const NOW = new Date('2026-12-07T09:00:00Z');

describe('a snapshot started with an older version of its playbook', () => {
  const dir = useTempDir();

  it('the bumped test playbook is itself valid', async () => {
    const { PLAYBOOK_REFERENCES, playbookProblems } = await import('../../../electron/core/playbooks/index.js');
    expect(playbookProblems(bumped.playbook!, PLAYBOOK_REFERENCES)).toEqual([]);
    expect(playbookProblems({ ...bumped.playbook!, changes: [] }, PLAYBOOK_REFERENCES)).toEqual(['the changelog must have one entry for each version 2…2 in order, has []']);
  });

  it('keeps its finished steps and ticks as they were and shows what changed since', () => {
    bumped.on = false;
    const snapshot = openSnapshot(join(dir(), 'older.mdmsnap'), { create: true });
    choosePlaybook(snapshot, { playbookId: 'set-authority', by: 'Ann', now: NOW });
    tickCheck(snapshot, { checkId: 'm-customer-told-permanent', by: 'Ann', note: 'in the kick-off', now: NOW });
    tickCheck(snapshot, { checkId: 'm-first-enrollment', by: 'Ann', now: NOW });

    bumped.on = true;
    const wizard = getWizard(snapshot, { now: NOW });
    expect(wizard.playbook.version).toBe(2);
    expect(wizard.startedWithVersion).toBe(1);
    expect(wizard.changes.map((change) => change.version)).toEqual([2]);
    const steps = wizard.phases.flatMap((phase) => phase.steps);
    expect(steps.find((step) => step.id === 'sa-first-enrollment')).toMatchObject({ title: 'Enroll and lock a first device', state: 'done' });
    expect(steps.find((step) => step.id === 'sa-company-portal')!.state).toBe('not_started');

    expect(playbookChanges(snapshot)).toEqual({
      playbookId: 'set-authority',
      startedWithVersion: 1,
      currentVersion: 2,
      changes: bumped.playbook!.changes,
      removedStepTicks: [
        { stepId: 'sa-permanent', title: 'The authority is permanent', ticks: [{ checkId: 'm-customer-told-permanent', by: 'Ann', at: NOW.toISOString(), note: 'in the kick-off' }] },
      ],
    });
    // The recorded version stays: the snapshot says which version it was started with.
    expect(snapshot.db.prepare('SELECT playbook_version FROM engagement').pluck().get()).toBe(1);
    snapshot.close();
    bumped.on = false;
  });
});
