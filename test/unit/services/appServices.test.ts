import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../electron/contract/events.js';
import { silentLogger } from '../../../electron/core/logger.js';
import { activePlaybook } from '../../../electron/core/wizard/index.js';
import { AppServices } from '../../../electron/services/appServices.js';
import { createDispatch } from '../../../electron/services/dispatch.js';
import { RecordingNotifier } from '../../support/recordingNotifier.js';
import { ScriptedDialogs } from '../../support/scriptedDialogs.js';
import { typedDispatch } from '../../support/typedDispatch.js';
import { BAD_SNAPSHOT_CASES } from '../../support/badSnapshotFiles.js';
import { sha256OfFile } from '../../support/fileHash.js';
import { useTempDir } from '../../support/tempDir.js';

describe('AppServices', () => {
  const tempDir = useTempDir();
  function setup() {
    const dialogs = new ScriptedDialogs();
    const answers = dialogs.openAnswers;
    dialogs.saveAnswers = answers;
    const events: AppEvent[] = [];
    const services = new AppServices({
      dataDir: join(tempDir(), 'app-data'),
      dialogs,
      emit: (event) => events.push(event),
      logger: silentLogger,
      notifier: new RecordingNotifier(),
      demoDevices: 400,
    });
    return { services, answers, events, dispatch: typedDispatch(createDispatch(services.handlers, silentLogger, { checkResponses: true })) };
  }

  it('opens the demo tenant, generating it once, and remembers it as recent', async () => {
    const { dispatch, events, services } = setup();
    const opened = await dispatch('snapshot.openDemo', {});
    expect(opened).toMatchObject({ ok: true, value: { isDemo: true, customer: 'Contoso Ltd (demo tenant)' } });
    const overview = await dispatch('snapshot.overview', {});
    expect(overview).toMatchObject({ ok: true, value: { devices: { total: 400 } } });
    expect(events).toContainEqual({ type: 'snapshot.changed' });
    services.closeSnapshot();
    expect(await dispatch('snapshot.openDemo', {})).toMatchObject({ ok: true });
    expect(await dispatch('snapshot.recent', {})).toMatchObject({ ok: true, value: [{ fileName: 'demo-tenant.mdmsnap', exists: true }] });
    services.closeSnapshot();
  });

  it('creates a snapshot where the save dialog says, and refuses to overwrite', async () => {
    const { dispatch, answers, services } = setup();
    const path = join(tempDir(), 'fabrikam.mdmsnap');
    answers.push(path);
    expect(await dispatch('snapshot.createWithDialog', { customer: 'Fabrikam', consultant: 'Avery' })).toMatchObject({ ok: true, value: { customer: 'Fabrikam', consultant: 'Avery' } });
    services.closeSnapshot();
    answers.push(path);
    expect(await dispatch('snapshot.createWithDialog', { customer: 'Fabrikam' })).toMatchObject({ ok: false, error: { code: 'file_exists' } });
  });

  it('a new snapshot records the migration chosen from the playbook list; a malformed or unknown one is refused before the save dialog', async () => {
    const { dispatch, answers, services } = setup();
    const listed = await dispatch('playbooks.list', {});
    expect(listed.ok && listed.value.map((playbook) => [playbook.id, playbook.version, playbook.phases])).toEqual([
      ['hybrid-to-standalone', 1, 9],
      ['set-authority', 1, 4],
      ['office365-coexistence', 1, 5],
    ]);
    answers.push(join(tempDir(), 'woodgrove.mdmsnap'));
    expect(await dispatch('snapshot.createWithDialog', { customer: 'Woodgrove', consultant: 'Avery', playbookId: 'office365-coexistence' })).toMatchObject({ ok: true });
    expect(activePlaybook(services.currentSnapshot!).id).toBe('office365-coexistence');
    services.closeSnapshot();
    expect(await dispatch('snapshot.createWithDialog', { customer: 'Woodgrove', playbookId: 'DROP TABLE' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const path = join(tempDir(), 'unknown.mdmsnap');
    answers.push(path);
    expect(await dispatch('snapshot.createWithDialog', { customer: 'Woodgrove', playbookId: 'no-such-migration' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(answers).toEqual([path]);
  });

  it('returns null when a dialog is cancelled', async () => {
    const { dispatch } = setup();
    expect(await dispatch('snapshot.openWithDialog', {})).toEqual({ ok: true, value: null });
  });

  it('opens only recent paths by path: the renderer cannot name arbitrary files', async () => {
    const { dispatch } = setup();
    expect(await dispatch('snapshot.openRecent', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  for (const badCase of BAD_SNAPSHOT_CASES) {
    it(`refuses ${badCase.name} through the app's Open…, unchanged, keeping the current snapshot`, async () => {
      const { dispatch, answers, services } = setup();
      await dispatch('snapshot.openDemo', {});
      const path = badCase.make(tempDir());
      const before = sha256OfFile(path);
      answers.push(path);
      const result = await dispatch('snapshot.openWithDialog', {});
      expect(result).toMatchObject({ ok: false, error: { code: badCase.code } });
      expect(!result.ok && result.error.message).toContain(badCase.messagePart);
      expect(sha256OfFile(path)).toBe(before);
      expect(await dispatch('snapshot.current', {})).toMatchObject({ ok: true, value: { isDemo: true } });
      services.closeSnapshot();
    });
  }

  it('pages devices and users with search and sort, never more than a page', async () => {
    const { dispatch, services } = setup();
    await dispatch('snapshot.openDemo', {});
    const page = await dispatch('devices.page', { offset: 0, limit: 50, sortBy: 'lastCheckIn', sortDirection: 'desc' });
    expect(page.ok && page.value.rows).toHaveLength(50);
    expect(page.ok && page.value.total).toBe(400);
    const dates = page.ok ? page.value.rows.map((row) => row.lastCheckIn!) : [];
    expect(dates).toEqual([...dates].sort().reverse());
    const serial = page.ok ? page.value.rows[0]!.serialNumber! : '';
    const found = await dispatch('devices.page', { offset: 0, limit: 10, search: serial });
    expect(found.ok && found.value.rows.map((row) => row.serialNumber)).toContain(serial);
    const ios = await dispatch('devices.page', { offset: 0, limit: 500, platform: 'ios' });
    expect(ios.ok && ios.value.rows.every((row) => row.platform === 'ios')).toBe(true);
    const users = await dispatch('users.page', { offset: 0, limit: 20, sortBy: 'devices', sortDirection: 'desc' });
    expect(users.ok && users.value.rows[0]!.devices).toBeGreaterThanOrEqual(users.ok ? users.value.rows[19]!.devices : 0);
    const wildcard = await dispatch('users.page', { offset: 0, limit: 20, search: '%' });
    expect(wildcard.ok && wildcard.value.total).toBe(0);
    services.closeSnapshot();
  });
});
