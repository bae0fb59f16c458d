import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessSnapshot, iterateFindingItems, recordDecision } from '../../../electron/core/rules/index.js';
import { openSnapshot, type Snapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import {
  addUsersToWave,
  answerQuestion,
  assessForWizard,
  createWave,
  getWizard,
  goToStep,
  listOverrides,
  listTenantFacts,
  overrideGate,
  recordSwitch,
  setTenantFact,
  signOffStep,
  tickCheck,
  tickWaveCheck,
  untickCheck,
} from '../../../electron/core/wizard/index.js';
import { useTempDir } from '../../support/tempDir.js';
import { ANSWERS, demoSnapshot, playbookChecks } from './wizardFixture.js';

const NOW = new Date('2026-12-07T09:00:00Z');

function auditActions(snapshot: Snapshot): { actor: string; action: string; subject: string | null; detail: string | null }[] {
  return snapshot.db.prepare('SELECT actor, action, subject, detail FROM audit_log ORDER BY id').all() as never;
}

function answerAll(snapshot: Snapshot): void {
  for (const { check } of playbookChecks(snapshot)) {
    if (check.kind === 'question') answerQuestion(snapshot, { questionId: check.id, value: ANSWERS[check.fact]!, by: 'Ann Consultant', now: NOW });
  }
}

function tickAll(snapshot: Snapshot): void {
  for (const { check } of playbookChecks(snapshot)) if (check.kind === 'manual') tickCheck(snapshot, { checkId: check.id, by: 'Ann Consultant', note: 'done', now: NOW });
}

describe('migration wizard', () => {
  const dir = useTempDir();

  it('closing and reopening the snapshot mid-wizard restores the same state', () => {
    const snapshot = demoSnapshot(dir());
    answerQuestion(snapshot, { questionId: 'q-cm-version', value: '1902', by: 'Ann', now: NOW });
    tickCheck(snapshot, { checkId: 'm-exports-imported', by: 'Ann', note: 'all four exports', now: NOW });
    tickCheck(snapshot, { checkId: 'm-webclips-removed', by: 'Ann', now: NOW });
    const wave = createWave(snapshot, { name: 'Pilot', pilot: true, by: 'Ann', now: NOW });
    addUsersToWave(snapshot, { waveId: wave.id, filter: { licence: 'licensed', platform: 'ios' }, by: 'Ann', now: NOW });
    tickWaveCheck(snapshot, { waveId: wave.id, checkId: 'w-collection-excluded', by: 'Ann', now: NOW });
    overrideGate(snapshot, { justification: 'Customer accepts the open blockers for the pilot tenant', by: 'Ann', now: NOW });
    goToStep(snapshot, 'p2-licences');
    const before = JSON.stringify(getWizard(snapshot, { now: NOW }));
    const path = snapshot.path;
    snapshot.close();

    const reopened = openSnapshot(path, { mustExist: true });
    const after = getWizard(reopened, { now: NOW });
    expect(JSON.stringify(after)).toBe(before);
    expect(after.currentStepId).toBe('p2-licences');
    const step = after.phases.flatMap((phase) => phase.steps).find((candidate) => candidate.id === 'p0-export')!;
    expect(step.checks.find((check) => check.id === 'm-exports-imported')).toMatchObject({ state: 'done', tick: { by: 'Ann', note: 'all four exports', at: NOW.toISOString() } });
    reopened.close();
  });

  it('lands on the step last worked on, and starts on the first step', () => {
    const snapshot = demoSnapshot(dir());
    expect(getWizard(snapshot, { now: NOW }).currentStepId).toBe('p0-confirm-hybrid');
    tickCheck(snapshot, { checkId: 'm-terms-assigned', by: 'Ann', now: NOW });
    expect(getWizard(snapshot, { now: NOW }).currentStepId).toBe('p2-terms');
    untickCheck(snapshot, { checkId: 'm-terms-assigned', by: 'Ann', now: NOW });
    expect(getWizard(snapshot, { now: NOW }).phases[2]!.steps.find((step) => step.id === 'p2-terms')!.checks[0]!.state).toBe('open');
    snapshot.close();
  });

  it('evaluates every rule of the registry once every question is answered and every manual check ticked', () => {
    const snapshot = demoSnapshot(dir());
    const before = assessSnapshot(snapshot, { now: NOW }).findings.filter((finding) => !finding.evaluated);
    expect(before.length).toBeGreaterThan(10);
    // Before it is ticked, the finding names the check that can close it.
    expect(assessForWizard(snapshot, { now: NOW }).findings.find((finding) => finding.rule === 'DEV_WEBCLIP')!.needs).toContain('wizard --db FILE --check m-webclips-removed');
    answerAll(snapshot);
    tickAll(snapshot);
    const after = assessSnapshot(snapshot, { now: NOW });
    expect(after.findings.filter((finding) => !finding.evaluated).map((finding) => `${finding.rule}: ${finding.needs}`)).toEqual([]);
    expect(after.notEvaluated).toBe(0);
    const webclip = after.findings.find((finding) => finding.rule === 'DEV_WEBCLIP')!;
    expect(webclip).toMatchObject({ evaluated: true, count: 0, confirmation: { checkId: 'm-webclips-removed', confirmedBy: 'Ann Consultant', note: 'done' } });
    expect(webclip.why).toContain(`Confirmed by Ann Consultant on ${NOW.toISOString().slice(0, 10)}`);
    // Unticking puts the rule back to "not evaluated": the confirmation was the only evidence.
    untickCheck(snapshot, { checkId: 'm-webclips-removed', by: 'Ann Consultant', now: NOW });
    expect(assessSnapshot(snapshot, { now: NOW }).findings.find((finding) => finding.rule === 'DEV_WEBCLIP')).toMatchObject({ evaluated: false, confirmation: null });
    snapshot.close();
  });

  it('audits every tick, untick, answer and override with who and what', () => {
    const snapshot = demoSnapshot(dir());
    answerQuestion(snapshot, { questionId: 'q-exchange-connector', value: 'no', by: 'Ann', now: NOW });
    tickCheck(snapshot, { checkId: 'm-admin-signin', by: 'Bob', note: 'signed in at 9:00', now: NOW });
    untickCheck(snapshot, { checkId: 'm-admin-signin', by: 'Ann', note: 'wrong account', now: NOW });
    const actions = auditActions(snapshot).filter((entry) => entry.action.startsWith('wizard.'));
    expect(actions.map((entry) => [entry.actor, entry.action, entry.subject])).toEqual([
      ['Ann', 'wizard.answer', 'exchange-connector'],
      ['Bob', 'wizard.check', 'm-admin-signin'],
      ['Ann', 'wizard.uncheck', 'm-admin-signin'],
    ]);
    expect(JSON.parse(actions[0]!.detail!)).toEqual({ value: 'no', previous: 'yes', question: 'q-exchange-connector' });
    snapshot.close();
  });

  it('signs steps off, consultant then customer, audited and shown on the step', () => {
    const snapshot = demoSnapshot(dir());
    signOffStep(snapshot, { stepId: 'p3-verify', by: 'Ann', role: 'consultant', note: 'pilot fine', now: NOW });
    signOffStep(snapshot, { stepId: 'p3-verify', by: 'Carla (Contoso)', role: 'customer', now: new Date(NOW.getTime() + 60_000) });
    const step = getWizard(snapshot, { now: NOW }).phases.flatMap((phase) => phase.steps).find((candidate) => candidate.id === 'p3-verify')!;
    expect(step.signOffs.map((signOff) => [signOff.by, signOff.role, signOff.note])).toEqual([['Ann', 'consultant', 'pilot fine'], ['Carla (Contoso)', 'customer', '']]);
    expect(auditActions(snapshot).filter((entry) => entry.action === 'wizard.signOff').map((entry) => entry.actor)).toEqual(['Ann', 'Carla (Contoso)']);
    expect(() => signOffStep(snapshot, { stepId: 'p9-nope', by: 'Ann' })).toThrow(/No step/);
    snapshot.close();
  });

  it('refuses to tick questions and automatic checks, and unknown ids', () => {
    const snapshot = demoSnapshot(dir());
    expect(() => tickCheck(snapshot, { checkId: 'q-cm-version', by: 'Ann' })).toThrow(/a question/);
    expect(() => tickCheck(snapshot, { checkId: 'a-cm-version', by: 'Ann' })).toThrow(/automatic/);
    expect(() => tickCheck(snapshot, { checkId: 'nope', by: 'Ann' })).toThrow(/No check "nope"/);
    expect(() => tickCheck(snapshot, { checkId: 'm-wave-plan', by: ' ' })).toThrow(/who/);
    expect(() => answerQuestion(snapshot, { questionId: 'q-cm-site-code', value: 'x', by: 'Ann' })).not.toThrow();
    expect(() => answerQuestion(snapshot, { questionId: 'q-exchange-connector', value: 'maybe', by: 'Ann' })).toThrow(/yes or no/);
    snapshot.close();
  });

  describe('gating of "Change the tenant MDM authority"', () => {
    it('is blocked while a blocker is open; an override needs a justification and is audited and kept', () => {
      const snapshot = demoSnapshot(dir());
      const gate = getWizard(snapshot, { now: NOW }).gates[0]!;
      expect(gate).toMatchObject({ stepId: 'p5-change', blocked: true, override: null });
      expect(gate.reasons.blockers.map((blocker) => blocker.rule)).toContain('DEV_USERLESS');
      // Open required checks of earlier phases and of the pre-flight in the same phase (brief §5.1).
      expect(gate.reasons.checks.map((check) => check.checkId)).toEqual(expect.arrayContaining(['m-exports-imported', 'm-change-window']));
      expect(getWizard(snapshot, { now: NOW }).phases.find((phase) => phase.id === '5')!.steps[1]!.state).toBe('blocked');
      expect(() => recordSwitch(snapshot, { by: 'Ann', now: NOW })).toThrow(/blocked by \d+ blocker finding\(s\) and \d+ open required check/);

      expect(() => overrideGate(snapshot, { justification: '  ok  ', by: 'Ann', now: NOW })).toThrow(/justification/);
      expect(() => overrideGate(snapshot, { justification: 'Support case 12345 covers the userless devices', by: '', now: NOW })).toThrow(/who/);
      const override = overrideGate(snapshot, { justification: 'Support case 12345 covers the userless devices', by: 'Ann', now: NOW });
      expect(override.openAtOverride.blockers.length).toBe(gate.reasons.blockers.length);

      const after = getWizard(snapshot, { now: NOW });
      expect(after.gates[0]).toMatchObject({ blocked: false, override: { justification: 'Support case 12345 covers the userless devices', by: 'Ann' } });
      expect(listOverrides(snapshot)).toEqual([override]);
      const audited = auditActions(snapshot).find((entry) => entry.action === 'wizard.override')!;
      expect(audited).toMatchObject({ actor: 'Ann', subject: 'p5-change' });
      expect(JSON.parse(audited.detail!).justification).toBe('Support case 12345 covers the userless devices');

      const recorded = recordSwitch(snapshot, { by: 'Ann', at: new Date('2026-12-08T20:00:00Z'), now: NOW });
      expect(recorded).toMatchObject({ eventId: 'switch', at: '2026-12-08T20:00:00.000Z' });
      expect(auditActions(snapshot).at(-1)).toMatchObject({ action: 'wizard.switch', actor: 'Ann' });
      snapshot.close();
    });

    it('opens without an override once every blocker is decided and every required check of earlier phases is done', () => {
      const snapshot = demoSnapshot(dir());
      answerAll(snapshot);
      tickAll(snapshot);
      // Decide every open item: the automatic checks are green when nothing is left open.
      for (const finding of assessSnapshot(snapshot, { now: NOW }).findings.filter((candidate) => candidate.openCount > 0)) {
        for (const item of [...iterateFindingItems(snapshot, finding.rule)]) {
          if (!item.decision) recordDecision(snapshot, { rule: finding.rule, itemKey: item.key, decision: 'resolved_outside', note: 'handled', decidedBy: 'Ann' });
        }
      }
      const wizard = getWizard(snapshot, { now: NOW });
      expect(wizard.gates[0]).toMatchObject({ blocked: false, override: null, reasons: { blockers: [], checks: [] } });
      expect(wizard.phases.find((phase) => phase.id === '5')!.steps[1]!.state).toBe('in_progress');
      expect(() => overrideGate(snapshot, { justification: 'nothing blocks, but just in case', by: 'Ann', now: NOW })).toThrow(/Nothing blocks/);
      recordSwitch(snapshot, { by: 'Ann', now: NOW });
      expect(wizard.progress.requiredOpen).toBe(0);
      expect(getWizard(snapshot, { now: NOW }).nextStepId).not.toBe('p5-change');
      snapshot.close();
    });
  });

  it('tenant facts carry their provenance: demo, typed by whom and when', () => {
    const snapshot = demoSnapshot(dir());
    const cm = () => listTenantFacts(snapshot).find((fact) => fact.key === 'cm-version')!;
    expect(cm()).toMatchObject({ value: '1810', source: 'demo', setBy: null });
    setTenantFact(snapshot, { key: 'cm-version', value: '1902', by: 'Bob', now: NOW });
    expect(cm()).toMatchObject({ value: '1902', source: 'typed', setBy: 'Bob', setAt: NOW.toISOString() });
    expect(listTenantFacts(snapshot).find((fact) => fact.key === 'switch-procedure')).toMatchObject({ value: null, source: null });
    setTenantFact(snapshot, { key: 'planned-switch-date', value: '2027-02-01', by: 'Bob', now: NOW });
    expect(assessSnapshot(snapshot, { now: NOW }).plannedSwitchDate).toBe('2027-02-01');
    expect(() => setTenantFact(snapshot, { key: 'planned-switch-date', value: '2027-02-30', by: 'Bob' })).toThrow(/YYYY-MM-DD/);
    expect(() => setTenantFact(snapshot, { key: 'switch-procedure', value: 'magic', by: 'Bob' })).toThrow(/support-change/);
    expect(() => setTenantFact(snapshot, { key: 'nope', value: 'x', by: 'Bob' })).toThrow(/Unknown tenant fact/);
    setTenantFact(snapshot, { key: 'cm-version', value: '', by: 'Bob', now: NOW });
    expect(cm().value).toBeNull();
    expect(assessSnapshot(snapshot, { now: NOW }).findings.find((finding) => finding.rule === 'TEN_CM_VERSION')!.needs).toContain('mdm-migrate tenant --db FILE --set cm-version=VALUE');
    expect(auditActions(snapshot).filter((entry) => entry.action === 'tenant.set').map((entry) => entry.subject)).toEqual(['cm-version', 'planned-switch-date', 'cm-version']);
    // An importer (anything but the wizard) that changes a typed fact takes over its provenance.
    snapshot.db.prepare(`UPDATE engagement SET is_demo = 0 WHERE id = 1`).run();
    snapshot.db.prepare(`UPDATE tenant SET mdm_authority = 'intune' WHERE id = 1`).run();
    expect(listTenantFacts(snapshot).find((fact) => fact.key === 'mdm-authority')).toMatchObject({ value: 'intune', source: 'import', setBy: null });
    expect(listTenantFacts(snapshot).find((fact) => fact.key === 'planned-switch-date')).toMatchObject({ source: 'typed', setBy: 'Bob' });
    snapshot.close();
  });

  it('a new snapshot starts the default playbook at its first step', () => {
    const snapshot = openSnapshot(join(dir(), 'empty.mdmsnap'), { create: true });
    const wizard = getWizard(snapshot, { now: NOW });
    expect(wizard.playbook).toMatchObject({ id: 'hybrid-to-standalone', version: wizard.startedWithVersion });
    expect(wizard.currentStepId).toBe('p0-confirm-hybrid');
    expect(wizard.events).toEqual([]);
    snapshot.close();
  });
});
