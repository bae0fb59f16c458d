import { describe, expect, it } from 'vitest';
import { getPlaybook, PLAYBOOK_REFERENCES, PLAYBOOKS, playbookProblems, type AutomaticCheck, type Playbook, type QuestionCheck } from '../../../electron/core/playbooks/index.js';
import { RULES } from '../../../electron/core/rules/index.js';
import { TENANT_FACTS } from '../../../electron/core/wizard/index.js';

const hybrid = getPlaybook('hybrid-to-standalone');

type DeepMutable<T> = { -readonly [K in keyof T]: DeepMutable<T[K]> };

/** A copy of the hybrid playbook with one change, for the negative cases. */
function broken(change: (copy: DeepMutable<Playbook>) => void): Playbook {
  const copy = structuredClone(hybrid) as DeepMutable<Playbook>;
  change(copy);
  return copy;
}

describe('playbooks', () => {
  it('every playbook loads and validates', () => {
    expect(PLAYBOOKS.map((playbook) => playbook.id)).toEqual(['hybrid-to-standalone', 'set-authority', 'office365-coexistence']);
    for (const playbook of PLAYBOOKS) {
      expect(playbookProblems(playbook, PLAYBOOK_REFERENCES), playbook.id).toEqual([]);
      for (const step of playbook.phases.flatMap((phase) => phase.steps)) {
        expect(step.actions.length, step.id).toBeGreaterThan(0);
        expect(step.sources.length, step.id).toBeGreaterThan(0);
      }
    }
  });

  it('set-authority follows the 2019 page: banner, choice, consents, what holds afterwards', () => {
    const playbook = getPlaybook('set-authority');
    const steps = playbook.phases.flatMap((phase) => phase.steps);
    const text = (id: string) => JSON.stringify(steps.find((step) => step.id === id));
    expect(steps.every((step) => step.sources.includes('S7b'))).toBe(true);
    expect(text('sa-read-authority')).toMatch(/orange banner/);
    expect(text('sa-read-authority')).toMatch(/TEN_AUTHORITY_CHECK/);
    expect(text('sa-set')).toMatch(/protection\.office\.com > Data Loss Prevention > Device Security Policies/);
    expect(text('sa-office365-only')).toMatch(/remove any assigned Intune and EMS licences/);
    expect(steps.filter((step) => step.id.startsWith('sa-android') || step.id.startsWith('sa-apns') || step.id.startsWith('sa-apple')).map((step) => step.title)).toEqual([
      'Android work profiles',
      'Upload the Apple MDM push certificate',
      'DEP, School Manager and VPP',
    ]);
    expect(text('sa-permanent')).toMatch(/never be changed back to Unknown/);
    expect(text('sa-apns')).toMatch(/iOS and macOS devices cannot enroll/);
    expect(text('sa-stale-devices')).toMatch(/180 days after it expires/);
    expect(steps.filter((step) => step.records).map((step) => [step.id, step.records])).toEqual([['sa-set', 'authority-set']]);
    expect(steps.some((step) => step.gated)).toBe(false);
  });

  it('office365-coexistence: hybrid first, preparation, activation, waves fed by the coexistence rules, the unprovision caveat', () => {
    const playbook = getPlaybook('office365-coexistence');
    const steps = playbook.phases.flatMap((phase) => phase.steps);
    expect(steps.map((step) => step.id)).toEqual(['co-order', 'co-licence-counts', 'co-existing-holders', 'co-replacement-policies', 'co-activate', 'co-waves', 'co-cannot-unprovision']);
    expect(JSON.stringify(steps[0])).toMatch(/hybrid MDM to Intune standalone playbook to its end first/);
    expect(steps.find((step) => step.records)?.id).toBe('co-activate');
    const waveRules = playbook.waves.checks.flatMap((check) => (check.kind === 'automatic' ? check.rules : []));
    expect(waveRules).toEqual(expect.arrayContaining(['USR_O365_MDM_ONLY', 'USR_COEXIST_SWITCH']));
    expect(JSON.stringify(steps.at(-1))).toMatch(/cannot be unprovisioned/i);
  });

  it('hybrid-to-standalone has phases 0–7 with 4b, in order, and one gated step that records the switch', () => {
    expect(hybrid.version).toBeGreaterThanOrEqual(1);
    expect(hybrid.phases.map((phase) => phase.id)).toEqual(['0', '1', '2', '3', '4', '4b', '5', '6', '7']);
    const gated = hybrid.phases.flatMap((phase) => phase.steps).filter((step) => step.gated);
    expect(gated.map((step) => [step.title, step.records])).toEqual([['Change the tenant MDM authority', 'switch']]);
  });

  it('reaches every rule of the registry: through a check on it, a question feeding it, or a manual check confirming it', () => {
    const checks = hybrid.phases.flatMap((phase) => phase.steps.flatMap((step) => step.checks));
    const reached = new Set<string>();
    for (const check of checks) {
      if (check.kind === 'automatic') check.rules.forEach((rule) => reached.add(rule));
      else if (check.kind === 'manual' && check.confirmsRule) reached.add(check.confirmsRule);
      else if (check.kind === 'question') TENANT_FACTS.find((fact) => fact.key === check.fact)!.rules.forEach((rule) => reached.add(rule));
    }
    // Awareness rules that every tenant has (no action to check) are shown on the findings page.
    const awareness = new Set(['TEN_FULL_RESET_WARNING', 'DEV_IOS_APNS_DEPENDENT', 'USR_O365_MDM_ONLY', 'DEV_EAS_ONLY', 'COL_SINGLE_AD_GROUP_OK']);
    expect(RULES.map((rule) => rule.id).filter((id) => !reached.has(id) && !awareness.has(id))).toEqual([]);
  });

  it('reports unknown rules, duplicate ids, unknown facts and deadlines on events nobody records', () => {
    const problems = (change: Parameters<typeof broken>[0]) => playbookProblems(broken(change), PLAYBOOK_REFERENCES);
    expect(problems((p) => ((p.phases[0]!.steps[0]!.checks[5] as DeepMutable<AutomaticCheck>).rules = ['NO_SUCH_RULE']))).toEqual([
      'check "a-cm-version" refers to unknown rule "NO_SUCH_RULE"',
    ]);
    expect(problems((p) => (p.phases[1]!.steps[0]!.id = 'p0-confirm-hybrid'))).toEqual(['duplicate step id "p0-confirm-hybrid"']);
    expect(problems((p) => (p.phases[1]!.steps[0]!.checks[0]!.id = 'q-cm-version'))).toEqual(['duplicate check id "q-cm-version"']);
    expect(problems((p) => ((p.phases[0]!.steps[0]!.checks[0] as DeepMutable<QuestionCheck>).fact = 'favourite-colour'))).toEqual([
      'check "q-mdm-authority" asks for unknown tenant fact "favourite-colour"',
    ]);
    expect(problems((p) => (p.deadlines[0]!.event = 'lunch'))).toEqual([
      'deadline "devices-visible" refers to event "lunch", which the playbook does not record',
    ]);
    expect(
      problems((p) => {
        delete p.phases.flatMap((phase) => phase.steps).find((candidate) => candidate.records)!.records;
      }),
    ).toEqual(['event "switch" must be recorded by exactly one step, found 0']);
    expect(problems((p) => (p.waves.nonMovingRules = ['DEV_NOPE']))).toEqual(['the wave checklist refers to unknown rule "DEV_NOPE"']);
    expect(problems((p) => (p.version = 2))).toEqual(['the changelog must have one entry for each version 2…2 in order, has []']);
    expect(
      problems((p) => {
        p.version = 2;
        p.changes = [{ version: 2, summary: 'A step', stepsAdded: ['p9-nowhere'] }];
      }),
    ).toEqual(['version 2 of the changelog names step "p9-nowhere", which the playbook does not have']);
  });

  it('validates the new playbooks too: a deadline on an event nobody records, a duplicated step', () => {
    const coexistence = structuredClone(getPlaybook('office365-coexistence')) as DeepMutable<Playbook>;
    coexistence.deadlines[0]!.event = 'switch';
    coexistence.phases[1]!.steps[0]!.id = 'co-order';
    expect(playbookProblems(coexistence, PLAYBOOK_REFERENCES)).toEqual([
      'duplicate step id "co-order"',
      'deadline "licence-holders-switched" refers to event "switch", which the playbook does not record',
    ]);
    const setAuthority = structuredClone(getPlaybook('set-authority')) as DeepMutable<Playbook>;
    (setAuthority.phases[0]!.steps[0]!.checks[1] as DeepMutable<AutomaticCheck>).rules = ['TEN_AUTHORITY_CHEK'];
    expect(playbookProblems(setAuthority, PLAYBOOK_REFERENCES)).toEqual(['check "a-authority" refers to unknown rule "TEN_AUTHORITY_CHEK"']);
  });

  it('refuses an unknown playbook id', () => {
    expect(() => getPlaybook('nope')).toThrow(/Unknown playbook "nope"/);
  });
});
