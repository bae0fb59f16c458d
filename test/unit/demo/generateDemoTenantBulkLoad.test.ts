import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoTenant } from '../../../electron/core/demo/generateDemoTenant.js';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { useTempDir } from '../../support/tempDir.js';

// The generator loads with foreign-key checks off (see withForeignKeysOff); these pin down
// that the result is still consistent and that the connection is handed back as openSnapshot
// configured it.
describe('generateDemoTenant bulk load', () => {
  const tempDir = useTempDir();

  it('leaves every reference valid, the file intact and the indexes rebuilt', () => {
    const snapshot = openSnapshot(join(tempDir(), 'bulk.mdmsnap'), { create: true });
    const indexesBefore = snapshot.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").all();
    const manifest = generateDemoTenant(snapshot, { devices: 3000, seed: 7 });
    expect(snapshot.db.pragma('foreign_key_check')).toEqual([]);
    expect(snapshot.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(snapshot.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").all()).toEqual(indexesBefore);
    // Licence rows come from set-based inserts keyed on user ids 1..n.
    const licensed = manifest.users - manifest.usersByLicence.unlicensed - manifest.usersByLicence.notInEntra;
    expect((snapshot.db.prepare('SELECT count(*) AS n FROM user_licences').get() as { n: number }).n).toBe(licensed);
    expect((snapshot.db.prepare('SELECT count(*) AS n FROM user_licences l JOIN users u ON u.id = l.user_id WHERE u.in_entra = 0').get() as { n: number }).n).toBe(0);
    snapshot.close();
  });

  it('restores the connection settings', () => {
    const snapshot = openSnapshot(join(tempDir(), 'settings.mdmsnap'), { create: true });
    const settings = () => ({
      journal: snapshot.db.pragma('journal_mode', { simple: true }),
      synchronous: snapshot.db.pragma('synchronous', { simple: true }),
      foreignKeys: snapshot.db.pragma('foreign_keys', { simple: true }),
    });
    const before = settings();
    expect(before).toEqual({ journal: 'delete', synchronous: 2, foreignKeys: 1 });
    generateDemoTenant(snapshot, { devices: 200, seed: 1 });
    expect(settings()).toEqual(before);
    // Also after a refused run.
    expect(() => generateDemoTenant(snapshot, { devices: 200, seed: 1 })).toThrow(/already holds data/);
    expect(settings()).toEqual(before);
    snapshot.close();
  });
});
