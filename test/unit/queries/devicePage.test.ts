import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoTenant } from '../../../electron/core/demo/generateDemoTenant.js';
import { devicePage } from '../../../electron/core/queries/browsePages.js';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { useTempDir } from '../../support/tempDir.js';

interface Device {
  id: number;
  name: string | null;
  serial: string | null;
  upn: string | null;
  imei: string | null;
  platform: string;
  lastCheckIn: string | null;
}

/** What the search promises, written plainly: the start of name, serial, primary user or IMEI, ignoring case. */
function expectedIds(devices: Device[], search: string, platform: string | undefined, sortBy: 'name' | 'lastCheckIn', desc: boolean): number[] {
  const starts = (value: string | null) => value !== null && value.toLowerCase().startsWith(search.toLowerCase());
  const key = (device: Device) => (sortBy === 'name' ? device.name?.toLowerCase() : device.lastCheckIn) ?? null;
  return devices
    .filter((device) => (starts(device.name) || starts(device.serial) || starts(device.upn) || starts(device.imei)) && (!platform || device.platform === platform))
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      if (ka !== kb) {
        if (ka === null) return 1;
        if (kb === null) return -1;
        return (ka < kb ? -1 : 1) * (desc ? -1 : 1);
      }
      return a.id - b.id;
    })
    .map((device) => device.id);
}

describe('device page search', () => {
  const tempDir = useTempDir();

  it('finds the devices whose name, serial number, primary user or IMEI starts with the text, counted and sorted', () => {
    const snapshot = openSnapshot(join(tempDir(), 'demo.mdmsnap'), { create: true });
    try {
      generateDemoTenant(snapshot, { devices: 600, seed: 3 });
      const devices = snapshot.db
        .prepare('SELECT id, name, serial_number AS serial, primary_user_upn AS upn, imei, platform, last_check_in AS lastCheckIn FROM devices')
        .all() as Device[];
      const sample = devices[17]!;
      const searches = ['i', 'IP', sample.name!.slice(0, 5).toLowerCase(), sample.serial!, sample.serial!.slice(0, 3), 'desk', '35', 'a', 'zz', '%', '_'];
      if (sample.upn) searches.push(sample.upn.slice(0, 4).toUpperCase());
      for (const search of searches) {
        for (const [platform, sortBy, desc] of [[undefined, 'name', false], ['ios', 'lastCheckIn', true], [undefined, 'lastCheckIn', false]] as const) {
          const expected = expectedIds(devices, search, platform, sortBy, desc);
          for (const offset of [0, 3, expected.length + 5]) {
            const page = devicePage(snapshot, { offset, limit: 7, search: ` ${search} `, platform, sortBy, sortDirection: desc ? 'desc' : 'asc' });
            expect({ search, platform, sortBy, offset, total: page.total, ids: page.rows.map((row) => row.id) }).toEqual({
              search, platform, sortBy, offset, total: expected.length, ids: expected.slice(offset, offset + 7),
            });
          }
        }
      }
      const one = devicePage(snapshot, { offset: 0, limit: 1, search: sample.serial!, sortBy: 'name', sortDirection: 'asc' }).rows[0]!;
      expect(one.sources.length).toBeGreaterThan(0);
    } finally {
      snapshot.close();
    }
  });
});
