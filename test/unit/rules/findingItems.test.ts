import { afterEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../electron/core/errors.js';
import { findingsForDevice, findingsForUser, pageFindingItems } from '../../../electron/core/rules/index.js';
import { daysFromAsOf, Fixture } from './fixtureBuilder.js';

let fixture: Fixture | undefined;
afterEach(() => {
  fixture?.close();
  fixture = undefined;
});

describe('finding items, page by page', () => {
  function staleFleet() {
    const f = (fixture = Fixture.baseline());
    const owner = f.user({ upn: 'owner@contoso.com' });
    for (let i = 0; i < 25; i++) f.device({ name: `STALE-${String(i).padStart(2, '0')}`, lastCheckIn: daysFromAsOf(-10 - i), primaryUserId: owner });
    return f;
  }

  it('pages with offset, limit and sort', () => {
    const f = staleFleet();
    const page = pageFindingItems(f.snapshot, { rule: 'DEV_OFFLINE_STALE', offset: 10, limit: 5, sortBy: 'name', sortDirection: 'desc' });
    expect(page.total).toBe(25);
    expect(page.offset).toBe(10);
    expect(page.rows.map((row) => row.name)).toEqual(['STALE-14', 'STALE-13', 'STALE-12', 'STALE-11', 'STALE-10']);
    const oldest = pageFindingItems(f.snapshot, { rule: 'DEV_OFFLINE_STALE', limit: 1, sortBy: 'lastCheckIn' });
    expect(oldest.rows[0]!.name).toBe('STALE-24');
  });

  it('sorts user items by display name, case-insensitively', () => {
    const f = (fixture = Fixture.baseline());
    for (const name of ['bravo', 'Alpha', 'charlie', 'alpha2']) f.user({ displayName: name, inEntra: false });
    const page = pageFindingItems(f.snapshot, { rule: 'USR_NOT_IN_AAD', sortBy: 'name', offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((row) => row.name)).toEqual(['alpha2', 'bravo']);
  });

  it('searches the item text columns and escapes LIKE wildcards', () => {
    const f = staleFleet();
    expect(pageFindingItems(f.snapshot, { rule: 'DEV_OFFLINE_STALE', search: 'stale-0' }).total).toBe(10);
    expect(pageFindingItems(f.snapshot, { rule: 'DEV_OFFLINE_STALE', search: 'owner@' }).total).toBe(25);
    expect(pageFindingItems(f.snapshot, { rule: 'DEV_OFFLINE_STALE', search: '%' }).total).toBe(0);
  });

  it('device items carry their source identifiers', () => {
    const f = staleFleet();
    const [item] = pageFindingItems(f.snapshot, { rule: 'DEV_OFFLINE_STALE', limit: 1 }).rows;
    expect(item).toMatchObject({ type: 'device', name: 'STALE-00', userPrincipalName: 'owner@contoso.com' });
    expect(item).toHaveProperty('serialNumber');
    expect(item).toHaveProperty('intuneDeviceId');
    expect(item).toHaveProperty('cmResourceId');
  });

  it('refuses an unknown sort key and answers "not evaluated" with an empty page', () => {
    const f = staleFleet();
    expect(() => pageFindingItems(f.snapshot, { rule: 'DEV_OFFLINE_STALE', sortBy: 'name; DROP TABLE devices' })).toThrow(UserFacingError);
    expect(pageFindingItems(f.snapshot, { rule: 'OBJ_SCEP_URL' })).toMatchObject({ evaluated: false, total: 0, rows: [] });
  });

  it('lists the findings that touch one device or one user', () => {
    const f = (fixture = Fixture.baseline());
    const user = f.user({ licence: 'intuneSuspended', isDem: false });
    const device = f.device({ platform: 'ios', enrollmentType: 'appleBulkWithoutUser', lastCheckIn: daysFromAsOf(-30), primaryUserId: user });
    expect(findingsForDevice(f.snapshot, device).map((x) => x.rule).sort()).toEqual(['DEV_DEP_RECORD', 'DEV_IOS_APNS_DEPENDENT', 'DEV_OFFLINE_STALE', 'DEV_USERLESS']);
    const userFindings = findingsForUser(f.snapshot, user);
    expect(userFindings.map((x) => x.rule)).toEqual(['USR_NO_INTUNE_LICENSE']);
    expect(userFindings[0]).toMatchObject({ severity: 'blocker', detail: 'INTUNE_A is Suspended', decision: null });
    expect(findingsForUser(f.snapshot, 1)).toEqual([]);
  });
});
