import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uncsvCell } from '../../../electron/core/csv/csvCell.js';
import { generateDemoTenant } from '../../../electron/core/demo/generateDemoTenant.js';
import { devicePage, userPage, type DeviceView, type UserView } from '../../../electron/core/queries/browsePages.js';
import { writeDeviceViewCsv, writeUserViewCsv } from '../../../electron/core/reports/browseViewCsv.js';
import { openSnapshot, type Snapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { parseCsv } from '../../support/parseCsv.js';
import { useTempDir } from '../../support/tempDir.js';

function readBack(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parseCsv(text).map((row) => row.map(uncsvCell));
}

/** Every row of a view through the data browser's own pages, as the table would show them one page after another. */
function pagedDevices(snapshot: Snapshot, view: DeviceView) {
  const rows = [];
  for (let offset = 0; ; offset += 97) {
    const page = devicePage(snapshot, { ...view, offset, limit: 97 });
    rows.push(...page.rows);
    if (offset + 97 >= page.total) return { total: page.total, rows };
  }
}

describe('data browser views as CSV', () => {
  const tempDir = useTempDir();

  it('writes every device of a view (search and sort), in the order the table pages it, with the raw values', async () => {
    const snapshot = openSnapshot(join(tempDir(), 'demo.mdmsnap'), { create: true });
    try {
      generateDemoTenant(snapshot, { devices: 800, seed: 5 });
      const views: DeviceView[] = [
        { sortBy: 'name', sortDirection: 'asc' },
        { search: 'i', sortBy: 'lastCheckIn', sortDirection: 'desc' },
        { search: 'zzz-none', sortBy: 'name', sortDirection: 'asc' },
      ];
      for (const [index, view] of views.entries()) {
        const path = join(tempDir(), `devices-${index}.csv`);
        const written = await writeDeviceViewCsv(snapshot, view, path);
        const expected = pagedDevices(snapshot, view);
        const [header, ...rows] = readBack(path);
        expect(header).toContain('Serial number');
        expect(written).toBe(expected.total);
        expect(rows).toHaveLength(expected.total);
        expect(rows.map((row) => [row[0], row[3], row[7], row[11]])).toEqual(
          expected.rows.map((device) => [device.name ?? '', device.serialNumber ?? '', device.enrollmentType ?? '', device.lastCheckIn ?? '']),
        );
      }
      expect(views.map((view) => pagedDevices(snapshot, view).total)).toEqual([800, expect.any(Number), 0]);
    } finally {
      snapshot.close();
    }
  });

  it('writes every user of a view, and neutralises a cell a spreadsheet would run as a formula', async () => {
    const snapshot = openSnapshot(join(tempDir(), 'demo.mdmsnap'), { create: true });
    try {
      generateDemoTenant(snapshot, { devices: 300, seed: 6 });
      snapshot.db.prepare("UPDATE users SET display_name = '=HYPERLINK(\"http://evil\")' WHERE id = (SELECT min(id) FROM users)").run();
      const view: UserView = { search: '', sortBy: 'devices', sortDirection: 'desc' };
      const path = join(tempDir(), 'users.csv');
      const total = userPage(snapshot, { ...view, offset: 0, limit: 1 }).total;
      expect(await writeUserViewCsv(snapshot, view, path)).toBe(total);
      const raw = readFileSync(path, 'utf8');
      expect(raw).toContain(`"'=HYPERLINK(""http://evil"")"`);
      const [, ...rows] = readBack(path);
      const firstPage = userPage(snapshot, { ...view, offset: 0, limit: 50 }).rows;
      expect(rows.slice(0, 50).map((row) => [row[0], row[6]])).toEqual(firstPage.map((user) => [user.userPrincipalName ?? '', String(user.devices)]));
      expect(rows.map((row) => row[1])).toContain('=HYPERLINK("http://evil")');
    } finally {
      snapshot.close();
    }
  });
});
