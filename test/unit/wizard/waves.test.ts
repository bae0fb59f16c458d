import { describe, expect, it } from 'vitest';
import { iterateFindingItems } from '../../../electron/core/rules/index.js';
import type { Snapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import {
  addUsersToWave,
  choosePlaybook,
  createWave,
  deleteWave,
  listWaves,
  pageUsers,
  pageWaveDevices,
  removeUsersFromWave,
  setWaveState,
  tickCheck,
  tickWaveCheck,
  untickWaveCheck,
  waveChecklist,
  type WaveDeviceRow,
} from '../../../electron/core/wizard/index.js';
import { useTempDir } from '../../support/tempDir.js';
import { demoSnapshot } from './wizardFixture.js';

const NOW = new Date('2026-12-07T09:00:00Z');

function allPages(fetch: (offset: number) => { total: number; rows: readonly WaveDeviceRow[] }): WaveDeviceRow[] {
  const rows: WaveDeviceRow[] = [];
  for (let offset = 0; ; offset += 50) {
    const page = fetch(offset);
    rows.push(...page.rows);
    if (rows.length >= page.total) return rows;
  }
}

function itemIds(snapshot: Snapshot, rule: string): Set<number> {
  return new Set([...iterateFindingItems(snapshot, rule)].map((item) => item.id as number));
}

describe('waves', () => {
  const dir = useTempDir();

  it('a pilot wave shows the devices that move with its users and those that will not, with the remediation', () => {
    const snapshot = demoSnapshot(dir());
    const pilot = createWave(snapshot, { name: 'Pilot', pilot: true, by: 'Ann', now: NOW });
    // The DEM accounts (their enrollments stay behind) and licensed iPhone users.
    expect(addUsersToWave(snapshot, { waveId: pilot.id, filter: { rule: 'USR_DEM_ACCOUNT' }, by: 'Ann', now: NOW }).added).toBe(2);
    const added = addUsersToWave(snapshot, { waveId: pilot.id, filter: { licence: 'licensed', platform: 'ios' }, by: 'Ann', now: NOW });
    expect(added.added).toBeGreaterThan(20);

    // The oracle: the devices table and the two rules' item lists, read independently of the wave queries.
    const waveUsers = new Set((snapshot.db.prepare('SELECT user_id AS id FROM wave_users WHERE wave_id = ?').all(pilot.id) as { id: number }[]).map((row) => row.id));
    const devices = snapshot.db.prepare('SELECT id, primary_user_id AS owner, enrolled_by_user_id AS enroller, management_agent AS agent FROM devices').all() as {
      id: number;
      owner: number | null;
      enroller: number | null;
      agent: string | null;
    }[];
    const dem = itemIds(snapshot, 'DEV_DEM_ENROLLED');
    const userless = itemIds(snapshot, 'DEV_USERLESS');
    const kept = (id: number) => dem.has(id) || userless.has(id);
    const tied = (device: (typeof devices)[number]) => (device.owner !== null && waveUsers.has(device.owner)) || (device.enroller !== null && waveUsers.has(device.enroller));
    const expectedMoving = devices.filter((device) => device.owner !== null && waveUsers.has(device.owner) && device.agent !== 'eas' && !kept(device.id)).map((device) => device.id);
    const expectedStaying = devices.filter((device) => tied(device) && kept(device.id));

    const moving = allPages((offset) => pageWaveDevices(snapshot, { waveId: pilot.id, moving: true, offset, limit: 50 }));
    const staying = allPages((offset) => pageWaveDevices(snapshot, { waveId: pilot.id, moving: false, offset, limit: 50 }));
    expect(moving.map((device) => device.id).sort((a, b) => a - b)).toEqual(expectedMoving.sort((a, b) => a - b));
    expect(staying.map((device) => device.id).sort((a, b) => a - b)).toEqual(expectedStaying.map((device) => device.id).sort((a, b) => a - b));
    expect(moving.length).toBeGreaterThan(20);
    expect(staying.length).toBeGreaterThan(0);
    // The more specific rule names the reason: a DEM enrollment is also userless.
    for (const device of staying) expect(device.reason).toBe(dem.has(device.id) ? 'DEV_DEM_ENROLLED' : 'DEV_USERLESS');
    const page = pageWaveDevices(snapshot, { waveId: pilot.id, moving: false, limit: 5 });
    expect(page.remediations.DEV_DEM_ENROLLED!.remediation.length).toBeGreaterThan(0);

    // Tenant-wide: every device that moves with nobody.
    expect(pageWaveDevices(snapshot, { waveId: null, moving: false, limit: 1 }).total).toBe(new Set([...dem, ...userless]).size);
    snapshot.close();
  });

  it('selects users by collection, platform, licence and finding, page by page, and never puts a user in two waves', () => {
    const snapshot = demoSnapshot(dir());
    const unlicensed = pageUsers(snapshot, { licence: 'unlicensed', limit: 1000 });
    const expected = (snapshot.db.prepare('SELECT count(*) AS n FROM users WHERE intune_a_enabled = 0').get() as { n: number }).n;
    expect(unlicensed.total).toBe(expected);
    const pages = [0, 10, 20].map((offset) => pageUsers(snapshot, { licence: 'unlicensed', offset, limit: 10 }).rows.map((row) => row.id));
    expect(pages.flat()).toEqual(unlicensed.rows.slice(0, 30).map((row) => row.id));

    const finding = pageUsers(snapshot, { rule: 'USR_NO_INTUNE_LICENSE', limit: 1000 });
    expect(finding.total).toBe(itemIds(snapshot, 'USR_NO_INTUNE_LICENSE').size);
    const collection = snapshot.db.prepare(`SELECT collection_id AS id, count(*) AS n FROM collection_members WHERE resource_kind = 'user' GROUP BY collection_id ORDER BY n DESC LIMIT 1`).get() as {
      id: string;
      n: number;
    };
    expect(pageUsers(snapshot, { collectionId: collection.id }).total).toBe(collection.n);
    const search = pageUsers(snapshot, { search: 'adeyemi' });
    expect(search.rows.every((row) => /adeyemi/i.test(`${row.userPrincipalName} ${row.displayName}`))).toBe(true);

    const first = createWave(snapshot, { name: 'Wave 1', by: 'Ann', now: NOW });
    const second = createWave(snapshot, { name: 'Wave 2', by: 'Ann', now: NOW });
    const ids = finding.rows.slice(0, 5).map((row) => row.id);
    expect(addUsersToWave(snapshot, { waveId: first.id, userIds: ids, by: 'Ann' })).toEqual({ added: 5, skipped: 0 });
    expect(addUsersToWave(snapshot, { waveId: second.id, userIds: ids, by: 'Ann' })).toEqual({ added: 0, skipped: 5 });
    expect(pageUsers(snapshot, { wave: first.id }).total).toBe(5);
    expect(pageUsers(snapshot, { wave: 'none', limit: 1 }).total).toBe((snapshot.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n - 5);
    expect(removeUsersFromWave(snapshot, { waveId: first.id, userIds: ids.slice(0, 2), by: 'Ann' })).toBe(2);
    expect(listWaves(snapshot).map((wave) => [wave.name, wave.userCount])).toEqual([['Wave 1', 3], ['Wave 2', 0]]);
    expect(() => createWave(snapshot, { name: 'wave 1', by: 'Ann' })).toThrow(/exists already/);
    expect(() => pageUsers(snapshot, { limit: 5000 })).toThrow(/limit/);
    deleteWave(snapshot, { waveId: second.id, by: 'Ann' });
    expect(listWaves(snapshot)).toHaveLength(1);
    snapshot.close();
  });

  it('has its own checklist scoped to its users, and moves planned → moved at a time → verified, audited', () => {
    const snapshot = demoSnapshot(dir());
    const wave = createWave(snapshot, { name: 'Pilot', pilot: true, by: 'Ann', now: NOW });
    addUsersToWave(snapshot, { waveId: wave.id, filter: { licence: 'licensed' }, by: 'Ann', now: NOW });
    const checks = () => Object.fromEntries(waveChecklist(snapshot, wave.id).map((check) => [check.id, check]));
    // Licensed users only: the licence check is green although the tenant has unlicensed users.
    expect(checks()['w-licensed']).toMatchObject({ state: 'done' });
    expect(checks()['w-collection-excluded']).toMatchObject({ state: 'open', kind: 'manual' });

    const other = createWave(snapshot, { name: 'Unlicensed', by: 'Ann', now: NOW });
    addUsersToWave(snapshot, { waveId: other.id, filter: { rule: 'USR_NO_INTUNE_LICENSE' }, by: 'Ann', now: NOW });
    const open = Object.fromEntries(waveChecklist(snapshot, other.id).map((check) => [check.id, check]))['w-licensed']!;
    expect(open.state).toBe('open');
    expect(open.detail).toMatch(/USR_NO_INTUNE_LICENSE: \d+ open items/);

    tickWaveCheck(snapshot, { waveId: wave.id, checkId: 'w-collection-excluded', by: 'Ann', note: 'CON00200 excluded', now: NOW });
    expect(checks()['w-collection-excluded']).toMatchObject({ state: 'done', tick: { by: 'Ann', note: 'CON00200 excluded' } });
    expect(() => tickWaveCheck(snapshot, { waveId: wave.id, checkId: 'w-licensed', by: 'Ann' })).toThrow(/automatic/);
    expect(untickWaveCheck(snapshot, { waveId: wave.id, checkId: 'w-collection-excluded', by: 'Ann' })).toBe(true);

    expect(() => setWaveState(snapshot, { waveId: wave.id, state: 'verified', by: 'Ann' })).toThrow(/planned/);
    const moved = setWaveState(snapshot, { waveId: wave.id, state: 'moved', at: new Date('2026-12-08T10:00:00Z'), by: 'Ann', now: NOW });
    expect(moved).toMatchObject({ state: 'moved', movedAt: '2026-12-08T10:00:00.000Z', verifiedAt: null });
    expect(() => addUsersToWave(snapshot, { waveId: wave.id, userIds: [1], by: 'Ann' })).toThrow(/has moved/);
    expect(setWaveState(snapshot, { waveId: wave.id, state: 'verified', by: 'Ann', now: NOW })).toMatchObject({ state: 'verified', movedAt: '2026-12-08T10:00:00.000Z', verifiedAt: NOW.toISOString() });
    const actions = (snapshot.db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'wave.%' ORDER BY id`).all() as { action: string }[]).map((row) => row.action);
    expect(actions).toEqual(['wave.create', 'wave.addUsers', 'wave.create', 'wave.addUsers', 'wave.check', 'wave.uncheck', 'wave.state', 'wave.state']);
    snapshot.close();
  });

  it('office365-coexistence: a wave of Basic Mobility users moves their devices; its checks read USR_O365_MDM_ONLY and the confirmed USR_COEXIST_SWITCH', () => {
    const snapshot = demoSnapshot(dir());
    choosePlaybook(snapshot, { playbookId: 'office365-coexistence', by: 'Ann' });
    const wave = createWave(snapshot, { name: 'Basic Mobility 1', by: 'Ann', now: NOW });
    addUsersToWave(snapshot, { waveId: wave.id, filter: { rule: 'USR_O365_MDM_ONLY' }, by: 'Ann', now: NOW });
    const basicMobility = itemIds(snapshot, 'USR_O365_MDM_ONLY');
    expect(pageUsers(snapshot, { wave: wave.id, offset: 0, limit: 500 }).total).toBe(basicMobility.size);
    expect(pageWaveDevices(snapshot, { waveId: wave.id, moving: true, offset: 0, limit: 1 }).total).toBeGreaterThan(0);

    const state = () => Object.fromEntries(waveChecklist(snapshot, wave.id).map((check) => [check.id, check.state]));
    expect(state()).toMatchObject({ 'w-licensed': 'open', 'w-replacement-policies': 'unknown' });
    tickCheck(snapshot, { checkId: 'm-replacement-policies', by: 'Ann', now: NOW });
    expect(state()).toMatchObject({ 'w-licensed': 'open', 'w-replacement-policies': 'done' });
    snapshot.close();
  });
});
