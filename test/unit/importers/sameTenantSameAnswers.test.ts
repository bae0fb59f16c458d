import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/core/importers/importService.js';
import { iterateFindingItems } from '../../../electron/core/rules/index.js';
import { openSnapshot, type Snapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { EXPECTED, writeThreeExports } from '../../support/oneTenantThreeWays.js';
import { useTempDir } from '../../support/tempDir.js';

const dir = useTempDir();

/** The items a rule lists, by serial number (devices) or UPN (users), sorted. */
function listed(snapshot: Snapshot, rule: string, key: 'serialNumber' | 'userPrincipalName'): string[] {
  return [...iterateFindingItems(snapshot, rule)].map((item) => String((item as unknown as Record<string, unknown>)[key])).sort();
}

/**
 * One tenant exported three ways must give the same userless, category and licence answers
 * (issue #15): the Intune zip, Graph pages, and ConfigMgr only; each with the Graph users export.
 */
describe('one tenant, exported three ways, gives the same answers', () => {
  const snapshots: Record<string, Snapshot> = {};

  beforeAll(async () => {
    const paths = writeThreeExports(dir());
    for (const [path, files] of Object.entries(paths)) {
      const snapshot = openSnapshot(join(dir(), `${path}.mdmsnap`), { create: true });
      const outcome = await importFiles(snapshot, files);
      expect(outcome.committed, JSON.stringify(outcome.files.map((file) => file.error))).toBe(true);
      // Every row of every export goes in: a trap that was rejected would prove nothing.
      expect(outcome.files.map((file) => [file.displayName, file.rowsRejected])).toEqual(outcome.files.map((file) => [file.displayName, 0]));
      snapshots[path] = snapshot;
    }
    return () => Object.values(snapshots).forEach((snapshot) => snapshot.close());
  });

  it.each(['intuneZip', 'graph', 'configMgr'])('%s: userless and category-bound devices', (path) => {
    const snapshot = snapshots[path]!;
    expect(listed(snapshot, 'DEV_USERLESS', 'serialNumber')).toEqual(EXPECTED.userless);
    expect(listed(snapshot, 'DEV_DEVICE_CATEGORY', 'serialNumber')).toEqual(EXPECTED.categoryBound);
  });

  it.each(['intuneZip', 'graph', 'configMgr'])('%s: licence findings', (path) => {
    const snapshot = snapshots[path]!;
    expect(listed(snapshot, 'USR_NO_INTUNE_LICENSE', 'userPrincipalName')).toEqual(EXPECTED.noIntuneLicence);
    expect(listed(snapshot, 'USR_INTUNE_PLAN_DISABLED', 'userPrincipalName')).toEqual(EXPECTED.planDisabled);
    expect(listed(snapshot, 'USR_O365_MDM_ONLY', 'userPrincipalName')).toEqual(EXPECTED.o365Only);
  });

  it('the ConfigMgr path knows whose device it is from the affinity alone', () => {
    const owners = snapshots.configMgr!.db
      .prepare(`SELECT d.serial_number AS serial, u.upn FROM devices d JOIN users u ON u.id = d.owner_user_id WHERE d.primary_user_id IS NULL ORDER BY 1`)
      .all() as { serial: string; upn: string }[];
    expect(owners).toContainEqual({ serial: 'F2LX0002BBBB', upn: 'bob@contoso.com' });
    // The PC client is in the snapshot with its owner, and out of the MDM scope.
    expect(owners).toContainEqual({ serial: 'PC0000015OOO', upn: 'hank@contoso.com' });
  });
});
