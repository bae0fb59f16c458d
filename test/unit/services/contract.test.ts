import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiContract } from '../../../electron/contract/api.js';
import { API_METHODS } from '../../../electron/contract/methods.js';
import { AppServices } from '../../../electron/services/appServices.js';
import { createDispatch } from '../../../electron/services/dispatch.js';
import { silentLogger } from '../../../electron/core/logger.js';
import { RecordingNotifier } from '../../support/recordingNotifier.js';
import { ScriptedDialogs } from '../../support/scriptedDialogs.js';
import { useTempDir } from '../../support/tempDir.js';

describe('the API contract', () => {
  const tempDir = useTempDir();
  const services = () =>
    new AppServices({ dataDir: tempDir(), dialogs: new ScriptedDialogs(), emit: () => {}, logger: silentLogger, notifier: new RecordingNotifier() });

  it('has a schema, a handler and a preload entry for every method, and nothing else', () => {
    expect(Object.keys(apiContract).sort()).toEqual([...API_METHODS].sort());
    expect(Object.keys(services().handlers).sort()).toEqual([...API_METHODS].sort());
    // The preload builds window.api from the same list, so a method cannot be exposed without a schema.
    const preload = readFileSync('electron/shell/preload.ts', 'utf8');
    expect(preload).toContain('API_METHODS.map');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\b/);
  });

  it('refuses unknown methods and invalid requests before any handler runs', async () => {
    let called = false;
    const handlers = { ...services().handlers, 'devices.page': () => ((called = true), { total: 0, offset: 0, rows: [] }) };
    const dispatch = createDispatch(handlers, silentLogger);
    expect(await dispatch('fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch('devices.page', { offset: -1, limit: 10 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await dispatch('devices.page', { offset: 0, limit: 100_000 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await dispatch('devices.page', { offset: 0, limit: 10, sortBy: 'name; DROP TABLE devices' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await dispatch('app.info', { extra: true })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(called).toBe(false);
  });

  it('answers in the envelope, and hides internal errors behind a safe message', async () => {
    const logged: unknown[] = [];
    const handlers = { ...services().handlers, 'app.info': () => { throw new Error('/secret/path exploded'); } };
    const dispatch = createDispatch(handlers, { ...silentLogger, error: (...args: unknown[]) => logged.push(args) });
    const result = await dispatch('app.info', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('log') } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
    expect(logged).toHaveLength(1);
  });

  it('reports "no snapshot open" as a user error', async () => {
    const dispatch = createDispatch(services().handlers, silentLogger);
    expect(await dispatch('snapshot.overview', {})).toMatchObject({ ok: false, error: { code: 'no_snapshot_open' } });
  });
});
