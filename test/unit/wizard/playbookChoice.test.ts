import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { activePlaybook, choosePlaybook, getWizard, playbookChanges, tickCheck } from '../../../electron/core/wizard/index.js';
import { useTempDir } from '../../support/tempDir.js';

const NOW = new Date('2026-12-07T09:00:00Z');

/** Back to what a v10 app wrote: the playbook lived in wizard_state, written at the wizard's first action. */
const AS_V10 = `DROP TABLE reconciliation_devices; DROP TABLE reconciliation_batches; ALTER TABLE engagement DROP COLUMN redaction_secret;
  ALTER TABLE engagement DROP COLUMN playbook_id; ALTER TABLE engagement DROP COLUMN playbook_version;
  ALTER TABLE wizard_state ADD COLUMN playbook_id TEXT; ALTER TABLE wizard_state ADD COLUMN playbook_version INTEGER;
  PRAGMA user_version = 10;`;

function recorded(path: string): unknown {
  const snapshot = openSnapshot(path, { mustExist: true });
  try {
    return snapshot.db.prepare('SELECT playbook_id AS id, playbook_version AS version FROM engagement WHERE id = 1').get();
  } finally {
    snapshot.close();
  }
}

describe('choosing the playbook of an engagement', () => {
  const dir = useTempDir();

  it('a new engagement records the playbook and its version, audited; the wizard and activePlaybook follow it', () => {
    const path = join(dir(), 'new.mdmsnap');
    const snapshot = openSnapshot(path, { create: true });
    choosePlaybook(snapshot, { playbookId: 'set-authority', by: 'Ann', now: NOW });
    expect(activePlaybook(snapshot).id).toBe('set-authority');
    const wizard = getWizard(snapshot, { now: NOW });
    expect(wizard.playbook).toMatchObject({ id: 'set-authority', version: 1 });
    expect(wizard).toMatchObject({ startedWithVersion: 1, changes: [], currentStepId: 'sa-read-authority' });
    expect(snapshot.db.prepare(`SELECT actor, subject, detail FROM audit_log WHERE action = 'wizard.playbook'`).all()).toEqual([
      { actor: 'Ann', subject: 'set-authority', detail: '{"version":1}' },
    ]);
    snapshot.close();
    expect(recorded(path)).toEqual({ id: 'set-authority', version: 1 });
  });

  it('refuses another playbook once one is recorded; the same one again changes nothing', () => {
    const snapshot = openSnapshot(join(dir(), 'chosen.mdmsnap'), { create: true });
    choosePlaybook(snapshot, { playbookId: 'office365-coexistence', by: 'Ann' });
    expect(() => choosePlaybook(snapshot, { playbookId: 'hybrid-to-standalone', by: 'Ann' })).toThrow(/already runs the playbook "office365-coexistence"/);
    choosePlaybook(snapshot, { playbookId: 'office365-coexistence', by: 'Ann' });
    expect(snapshot.db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'wizard.playbook'`).pluck().get()).toBe(1);
    expect(() => choosePlaybook(snapshot, { playbookId: 'nope', by: 'Ann' })).toThrow(/Unknown playbook "nope"/);
    snapshot.close();
  });

  it('without a choice, reading writes nothing and the first action records the default playbook', () => {
    const path = join(dir(), 'unchosen.mdmsnap');
    const snapshot = openSnapshot(path, { create: true });
    expect(activePlaybook(snapshot).id).toBe('hybrid-to-standalone');
    getWizard(snapshot, { now: NOW });
    expect(snapshot.db.prepare('SELECT playbook_id FROM engagement').pluck().get()).toBeNull();
    tickCheck(snapshot, { checkId: 'm-wave-plan', by: 'Ann', now: NOW });
    snapshot.close();
    expect(recorded(path)).toEqual({ id: 'hybrid-to-standalone', version: 1 });
  });

  it('a snapshot from before migration 11 runs hybrid-to-standalone version 1, and keeps its progress', () => {
    const path = join(dir(), 'v10.mdmsnap');
    const snapshot = openSnapshot(path, { create: true });
    tickCheck(snapshot, { checkId: 'm-wave-plan', by: 'Ann', now: NOW });
    snapshot.db.exec(`${AS_V10} UPDATE wizard_state SET playbook_id = 'hybrid-to-standalone', playbook_version = 1;`);
    snapshot.close();
    expect(recorded(path)).toEqual({ id: 'hybrid-to-standalone', version: 1 });

    const untouched = join(dir(), 'v10-untouched.mdmsnap');
    const fresh = openSnapshot(untouched, { create: true });
    fresh.db.exec(AS_V10);
    fresh.close();
    expect(recorded(untouched)).toEqual({ id: 'hybrid-to-standalone', version: 1 });

    const reopened = openSnapshot(path, { mustExist: true });
    expect(getWizard(reopened, { now: NOW }).phases[0]!.steps.find((step) => step.id === 'p0-plan')!.state).toBe('done');
    expect(playbookChanges(reopened)).toEqual({ playbookId: 'hybrid-to-standalone', startedWithVersion: 1, currentVersion: 1, changes: [], removedStepTicks: [] });
    reopened.close();
  });
});
