import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/core/logger.js';
import { AppServices } from '../../../electron/services/appServices.js';
import { createDispatch } from '../../../electron/services/dispatch.js';
import { RecordingNotifier } from '../../support/recordingNotifier.js';
import { ScriptedDialogs } from '../../support/scriptedDialogs.js';
import { typedDispatch } from '../../support/typedDispatch.js';
import { useTempDir } from '../../support/tempDir.js';

/** The wizard's methods through the validated dispatch, responses checked against the contract. */
describe('wizard services', () => {
  const tempDir = useTempDir();
  async function setup() {
    const dialogs = new ScriptedDialogs();
    const notifier = new RecordingNotifier();
    const services = new AppServices({ dataDir: join(tempDir(), 'app-data'), dialogs, emit: () => {}, logger: silentLogger, notifier, demoDevices: 400 });
    const dispatch = typedDispatch(createDispatch(services.handlers, silentLogger, { checkResponses: true }));
    await dispatch('snapshot.openDemo', {});
    return { dialogs, notifier, services, dispatch };
  }
  const value = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('renders the playbook, answers, ticks, and gates the switch until an override', async () => {
    const { dispatch, notifier, services } = await setup();
    const wizard = value(await dispatch('wizard.get', {}));
    const steps = wizard.phases.flatMap((phase) => phase.steps);
    const question = steps.flatMap((step) => step.checks).find((check) => check.kind === 'question')!;
    const manual = steps.flatMap((step) => step.checks).find((check) => check.kind === 'manual')!;
    expect(value(await dispatch('wizard.answer', { questionId: question.id, value: '', by: 'Avery' }))).toMatchObject({ value: null, source: 'typed', setBy: 'Avery' });
    expect(value(await dispatch('wizard.tick', { checkId: manual.id, by: 'Avery', note: 'seen' }))).toMatchObject({ by: 'Avery', note: 'seen' });
    const step = steps.find((candidate) => candidate.checks.some((check) => check.id === manual.id))!;
    expect(value(await dispatch('wizard.signOff', { stepId: step.id, by: 'Avery', role: 'customer' }))).toMatchObject({ by: 'Avery', role: 'customer' });
    expect(value(await dispatch('wizard.get', {})).phases.flatMap((phase) => phase.steps).find((candidate) => candidate.id === step.id)!.signOffs).toHaveLength(1);
    expect(value(await dispatch('wizard.get', {})).currentStepId).toBe(steps.find((step) => step.checks.some((check) => check.id === manual.id))!.id);

    const gate = wizard.gates[0]!;
    expect(gate.blocked).toBe(true);
    expect(await dispatch('wizard.recordSwitch', { by: 'Avery' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('wizard.override', { justification: 'short', by: 'Avery' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    value(await dispatch('wizard.override', { justification: 'Customer change board accepted the open items.', by: 'Avery' }));
    const at = new Date(Date.now() - 20 * 60_000).toISOString();
    expect(value(await dispatch('wizard.recordSwitch', { by: 'Avery', at }))).toMatchObject({ at });
    expect(notifier.shown.map((notification) => notification.id)).toEqual(['switch']);

    const status = value(await dispatch('wizard.switchStatus', {}));
    expect(status.switchedAt).toBe(at);
    expect(status.timeline.find((entry) => entry.id === 'devices-visible')).toMatchObject({ status: 'passed' });
    expect(status.apns.visible).toBe(true);

    // The next timer tick notifies the thresholds crossed since the last one, once.
    services.deliverDueNotifications(new Date(Date.parse(at) + 9 * 3_600_000));
    expect(notifier.shown.map((notification) => notification.id)).toContain('deadline:check-in-window');
    const count = notifier.shown.length;
    services.deliverDueNotifications(new Date(Date.parse(at) + 9 * 3_600_000));
    expect(notifier.shown).toHaveLength(count);
    services.closeSnapshot();
  });

  it('saves the deadlines as an .ics where the save dialog says', async () => {
    const { dispatch, dialogs, services } = await setup();
    value(await dispatch('wizard.override', { justification: 'Customer change board accepted the open items.', by: 'Avery' }));
    value(await dispatch('wizard.recordSwitch', { by: 'Avery' }));
    expect(value(await dispatch('wizard.saveCalendar', {}))).toBeNull();
    const path = join(tempDir(), 'deadlines.ics');
    dialogs.calendarAnswers.push(path);
    const saved = value(await dispatch('wizard.saveCalendar', {}));
    expect(saved).toMatchObject({ path });
    const text = readFileSync(path, 'utf8');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(saved!.events);
    expect(text).toContain('BEGIN:VALARM');
    services.closeSnapshot();
  });

  it('builds a wave from a filter and pages its moving and non-moving devices', async () => {
    const { dispatch, services } = await setup();
    const options = value(await dispatch('waves.filterOptions', {}));
    expect(options.collections.some((collection) => collection.id === 'SMS00002')).toBe(true);
    const wave = value(await dispatch('waves.create', { name: 'Pilot', pilot: true, by: 'Avery' }));
    const users = value(await dispatch('waves.users', { collectionId: 'SMS00002', offset: 0, limit: 20 }));
    expect(users.rows).toHaveLength(20);
    expect(value(await dispatch('waves.addUsers', { waveId: wave.id, userIds: users.rows.map((row) => row.id), by: 'Avery' }))).toEqual({ added: 20, skipped: 0 });
    expect(await dispatch('waves.addUsers', { waveId: wave.id, by: 'Avery' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const moving = value(await dispatch('waves.devices', { waveId: wave.id, moving: true, offset: 0, limit: 500 }));
    const staying = value(await dispatch('waves.devices', { waveId: wave.id, moving: false, offset: 0, limit: 500 }));
    expect(moving.total + staying.total).toBeGreaterThan(0);
    for (const row of staying.rows) expect(staying.remediations[row.reason!]).toBeDefined();
    const checklist = value(await dispatch('waves.checklist', { waveId: wave.id }));
    const manual = checklist.find((check) => check.kind === 'manual')!;
    value(await dispatch('waves.tick', { waveId: wave.id, checkId: manual.id, by: 'Avery' }));
    expect(value(await dispatch('waves.setState', { waveId: wave.id, state: 'moved', by: 'Avery' }))).toMatchObject({ state: 'moved' });
    expect(value(await dispatch('tenant.facts', {})).length).toBeGreaterThan(10);
    expect(await dispatch('tenant.set', { key: 'exchange-connector', value: 'maybe', by: 'Avery' })).toMatchObject({ ok: false });
    services.closeSnapshot();
  });
});
