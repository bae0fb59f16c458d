import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir.js';
import { runCli } from '../cli/cliHarness.js';
import { csvText, INTUNE_HEADERS, intuneRow } from '../../support/importFixtures.js';
import { TENANT_FACTS } from '../../../electron/core/wizard/index.js';

describe('mdm-migrate tenant, wizard and calendar', () => {
  const tempDir = useTempDir();

  async function freshDemo(): Promise<string> {
    const demo = join(tempDir(), 'demo.mdmsnap');
    expect((await runCli(['demo', '--out', demo, '--devices', '300'])).code).toBe(0);
    return demo;
  }

  it('tenant --help lists every key with its meaning', async () => {
    const help = await runCli(['tenant', '--help']);
    expect(help.code).toBe(0);
    for (const fact of TENANT_FACTS) {
      expect(help.stdout).toContain(fact.key);
      expect(help.stdout).toContain(fact.meaning);
    }
  });

  it('tenant shows and sets facts with their provenance; a bad key or value changes nothing', async () => {
    const file = await freshDemo();
    const set = await runCli(['tenant', '--db', file, '--set', 'cm-version=1902', '--set', 'switch-procedure=support-change', '--by', 'Ann Consultant', '--json']);
    expect(set.code).toBe(0);
    const facts = Object.fromEntries((JSON.parse(set.stdout).facts as { key: string }[]).map((fact) => [fact.key, fact]));
    expect(facts['cm-version']).toMatchObject({ value: '1902', source: 'typed', setBy: 'Ann Consultant' });
    expect(facts['tenant-name']).toMatchObject({ value: 'Contoso Ltd', source: 'demo', setBy: null });

    const bad = await runCli(['tenant', '--db', file, '--set', 'cm-version=2002', '--set', 'exchange-connector=perhaps', '--by', 'Ann']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/exchange-connector must be yes or no/);
    const unknownKey = await runCli(['tenant', '--db', file, '--set', 'colour=blue']);
    expect(unknownKey.code).toBe(1);
    expect(unknownKey.stderr).toMatch(/Unknown tenant fact "colour"/);
    const text = await runCli(['tenant', '--db', file]);
    // The failed call set nothing, not even its valid first --set.
    expect(text.stdout).toMatch(/cm-version\s+ConfigMgr version\s+1902\s+typed by Ann Consultant on \d{4}-\d{2}-\d{2}/);

    for (const args of [['tenant'], ['tenant', '--db', file, '--set', 'novalue'], ['tenant', '--db', file, '--bogus']]) {
      const usage = await runCli(args);
      expect(usage.code, args.join(' ')).toBe(2);
      expect(usage.stderr).toContain('Usage: mdm-migrate tenant');
    }
    expect((await runCli(['tenant', '--db', join(tempDir(), 'missing.mdmsnap')])).code).toBe(1);
  });

  it('wizard shows the playbook, the open checks, the gate and the next step, and records progress', async () => {
    const file = await freshDemo();
    const shown = await runCli(['wizard', '--db', file]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Playbook      Hybrid MDM to Intune standalone (hybrid-to-standalone v1)');
    expect(shown.stdout).toContain('Phase 4b: Userless and DEM-enrolled devices');
    expect(shown.stdout).toMatch(/\[ \] m-exports-imported/);
    expect(shown.stdout).toMatch(/Gate p5-change: BLOCKED by \d+ blocker finding/);
    expect(shown.stdout).toMatch(/Next step p0-confirm-hybrid/);

    const ticked = await runCli(['wizard', '--db', file, '--check', 'm-webclips-removed', '--by', 'Ann', '--note', 'none assigned']);
    expect(ticked.code).toBe(0);
    expect(ticked.stdout).toContain('Ticked m-webclips-removed.');
    expect(ticked.stdout).toMatch(/> p1-webclips/);
    const answered = await runCli(['wizard', '--db', file, '--answer', 'q-switch-procedure=support-reset', '--answer', 'q-cm-version=1810', '--by', 'Ann']);
    expect(answered.stdout).toContain('Recorded 2 answers.');

    const json = JSON.parse((await runCli(['wizard', '--db', file, '--json'])).stdout);
    expect(Object.keys(json)).toEqual(['playbook', 'startedWithVersion', 'changes', 'phases', 'currentStepId', 'nextStepId', 'gates', 'events', 'progress', 'timeline', 'apns', 'waves']);
    const check = json.phases[1].steps.find((step: { id: string }) => step.id === 'p1-webclips').checks[0];
    expect(check).toMatchObject({ id: 'm-webclips-removed', kind: 'manual', state: 'done', tick: { by: 'Ann', note: 'none assigned' }, rules: ['DEV_WEBCLIP'] });
    const assessed = JSON.parse((await runCli(['assess', '--db', file, '--json'])).stdout).findings;
    expect(assessed.find((finding: { rule: string }) => finding.rule === 'DEV_WEBCLIP')).toMatchObject({ evaluated: true, confirmation: { confirmedBy: 'Ann' } });
    expect(assessed.find((finding: { rule: string }) => finding.rule === 'TEN_APNS_GAP')).toMatchObject({ evaluated: true, count: 1 });

    const signed = await runCli(['wizard', '--db', file, '--sign-off', 'p1-webclips', '--role', 'customer', '--by', 'Carla']);
    expect(signed.stdout).toContain('Signed off p1-webclips as Carla (customer).');
    expect(signed.stdout).toMatch(/signed off by Carla \(customer\) on \d{4}-\d{2}-\d{2}/);
    expect((await runCli(['wizard', '--db', file, '--role', 'customer'])).code).toBe(2);
    const unticked = await runCli(['wizard', '--db', file, '--uncheck', 'm-webclips-removed', '--by', 'Ann']);
    expect(unticked.stdout).toContain('Unticked m-webclips-removed.');
    expect((await runCli(['wizard', '--db', file, '--check', 'no-such-check'])).code).toBe(1);
    expect((await runCli(['wizard', '--db', file, '--check', 'q-cm-version'])).stderr).toMatch(/a question/);
  });

  it('wizard refuses the switch while blocked, overrides with a justification, records the switch and writes the calendar', async () => {
    const file = await freshDemo();
    const blocked = await runCli(['wizard', '--db', file, '--switch', '--by', 'Ann']);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/is blocked by \d+ blocker finding/);

    expect((await runCli(['wizard', '--db', file, '--override', '--by', 'Ann'])).code).toBe(2);
    expect((await runCli(['wizard', '--db', file, '--override', '--justification', 'Support case 42 covers the rest'])).code).toBe(2);
    expect((await runCli(['wizard', '--db', file, '--override', '--justification', 'short', '--by', 'Ann'])).code).toBe(1);
    const override = await runCli(['wizard', '--db', file, '--override', '--justification', 'Support case 42 covers the rest', '--by', 'Ann']);
    expect(override.code).toBe(0);
    expect(override.stdout).toMatch(/Gate p5-change: OVERRIDDEN by Ann on \d{4}-\d{2}-\d{2}: "Support case 42 covers the rest"/);

    expect((await runCli(['wizard', '--db', file, '--switch', '--at', 'yesterday'])).code).toBe(2);
    expect((await runCli(['wizard', '--db', file, '--check', 'm-wave-plan', '--switch'])).code).toBe(2);
    const switched = await runCli(['wizard', '--db', file, '--switch', '--at', '2026-12-10T18:00:00Z', '--by', 'Ann', '--json']);
    expect(switched.code).toBe(0);
    const view = JSON.parse(switched.stdout);
    expect(view.events).toEqual([expect.objectContaining({ eventId: 'switch', at: '2026-12-10T18:00:00.000Z', recordedBy: 'Ann' })]);
    expect(view.timeline.find((entry: { id: string }) => entry.id === 'dep-token')).toMatchObject({ at: '2026-12-11T18:00:00.000Z' });
    expect(view.apns).toMatchObject({ visible: true, appleId: expect.stringContaining('@') });
    expect(view.gates[0].override.justification).toBe('Support case 42 covers the rest');

    const ics = join(tempDir(), 'deadlines.ics');
    const calendar = await runCli(['calendar', '--db', file, '--out', ics]);
    expect(calendar.code).toBe(0);
    expect(calendar.stdout).toContain('8 deadlines');
    const text = readFileSync(ics, 'utf8');
    expect(text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(8);
    expect(text.match(/^BEGIN:VALARM\r$/gm)!.length).toBeGreaterThanOrEqual(8);
    expect(text).toContain('DTSTART:20261211T180000Z');
    expect((await runCli(['calendar', '--db', file])).code).toBe(2);
    expect((await runCli(['calendar', '--db', file, '--out', join(tempDir(), 'no', 'such', 'dir.ics')])).code).toBe(1);
    expect((await runCli(['calendar', '--db', join(tempDir(), 'missing.mdmsnap'), '--out', ics])).code).toBe(1);
  });

  it('waves creates a pilot, adds users by filter, lists moving and staying devices, ticks its checklist and records moved', async () => {
    const file = await freshDemo();
    expect((await runCli(['waves', '--db', file])).stdout).toContain('No waves yet');
    expect((await runCli(['waves', '--db', file, '--create', 'Pilot', '--pilot', '--by', 'Ann'])).stdout).toContain('Created wave 1 "Pilot" (pilot).');
    expect((await runCli(['waves', '--db', file, '--wave', '1', '--add', '--finding', 'USR_DEM_ACCOUNT', '--by', 'Ann'])).stdout).toMatch(/Added [1-9]\d* users to wave 1\./);
    expect((await runCli(['waves', '--db', file, '--wave', '1', '--add', '--licence', 'licensed', '--platform', 'ios'])).code).toBe(0);
    const summary = JSON.parse((await runCli(['waves', '--db', file, '--wave', '1', '--json'])).stdout);
    expect(summary.devices.moving).toBeGreaterThan(0);
    expect(summary.devices.staying).toBeGreaterThan(0);
    const staying = JSON.parse((await runCli(['waves', '--db', file, '--wave', '1', '--devices', 'staying', '--json'])).stdout);
    expect(staying.devices).toHaveLength(summary.devices.staying);
    expect(Object.keys(staying.remediations)).toContain('DEV_DEM_ENROLLED');
    const moving = (await runCli(['waves', '--db', file, '--wave', '1', '--devices', 'moving'])).stdout.trim().split('\n');
    expect(moving).toHaveLength(summary.devices.moving + 1);

    const ticked = await runCli(['waves', '--db', file, '--wave', '1', '--check', 'w-collection-excluded', '--note', 'CON00200', '--by', 'Ann']);
    expect(ticked.stdout).toMatch(/\[x\] w-collection-excluded/);
    const moved = await runCli(['waves', '--db', file, '--wave', '1', '--state', 'moved', '--at', '2026-12-08T10:00:00Z', '--by', 'Ann']);
    expect(moved.stdout).toContain('moved (moved 2026-12-08T10:00:00.000Z)');
    expect(JSON.parse((await runCli(['wizard', '--db', file, '--json'])).stdout).waves[0]).toMatchObject({ name: 'Pilot', state: 'moved' });

    expect((await runCli(['waves', '--db', file, '--wave', '1', '--state', 'gone'])).code).toBe(2);
    expect((await runCli(['waves', '--db', file, '--add'])).code).toBe(2);
    expect((await runCli(['waves', '--db', file, '--wave', '1', '--add', '--licence', 'some'])).code).toBe(2);
    expect((await runCli(['waves', '--db', file, '--wave', '9', '--state', 'moved'])).code).toBe(1);
    expect((await runCli(['waves', '--db', file, '--create', 'pilot'])).code).toBe(1);
  });

  it('playbooks lists the migrations; demo and import take --playbook, and wizard --json names it', async () => {
    const listed = await runCli(['playbooks', '--json']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      { id: 'hybrid-to-standalone', title: 'Hybrid MDM to Intune standalone', version: 1, phases: 9 },
      { id: 'set-authority', title: 'Set the MDM authority', version: 1, phases: 4 },
      { id: 'office365-coexistence', title: 'Office 365 MDM coexistence', version: 1, phases: 5 },
    ]);
    expect((await runCli(['playbooks'])).stdout).toMatch(/^set-authority\s+v1\s+4 phases\s+Set the MDM authority$/m);

    const demo = join(tempDir(), 'coexistence.mdmsnap');
    expect((await runCli(['demo', '--out', demo, '--devices', '200', '--playbook', 'office365-coexistence'])).code).toBe(0);
    const json = JSON.parse((await runCli(['wizard', '--db', demo, '--json'])).stdout);
    expect(json.playbook).toMatchObject({ id: 'office365-coexistence', version: 1, title: 'Office 365 MDM coexistence', switchEvent: { id: 'coexistence-activated', label: 'Coexistence activated' } });
    expect(json.phases[0].steps[0].id).toBe('co-order');

    const unknown = await runCli(['demo', '--out', join(tempDir(), 'nope.mdmsnap'), '--playbook', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--playbook must be one of hybrid-to-standalone, set-authority, office365-coexistence; got "nope"/);
    expect(existsSync(join(tempDir(), 'nope.mdmsnap'))).toBe(false);

    // A new snapshot made by an import records its playbook; an existing one refuses another.
    const template = join(tempDir(), 'devices.csv');
    writeFileSync(template, csvText([INTUNE_HEADERS, intuneRow(1)]));
    const imported = join(tempDir(), 'imported.mdmsnap');
    expect((await runCli(['import', '--db', imported, '--playbook', 'set-authority', template])).code).toBe(0);
    expect(JSON.parse((await runCli(['wizard', '--db', imported, '--json'])).stdout).playbook.id).toBe('set-authority');
    const other = await runCli(['import', '--db', imported, '--playbook', 'hybrid-to-standalone', template]);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/already runs the playbook "set-authority"/);
    expect((await runCli(['import', '--db', imported, '--playbook', 'nope', template])).code).toBe(2);
  });
});
