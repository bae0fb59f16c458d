import type { SqliteDatabase } from '../../snapshot/openSnapshot.js';
import { refreshDerivedFacts } from '../../snapshot/derivedFacts.js';
import { DeviceStore } from './deviceStore.js';
import { UserStore } from './userStore.js';

/** The merging stores one import shares across its files, with their prepared statements. */
export class ImportStores {
  readonly devices: DeviceStore;
  readonly users: UserStore;

  constructor(private readonly db: SqliteDatabase) {
    this.devices = new DeviceStore(db);
    this.users = new UserStore(db);
  }

  /**
   * Re-draws the links between kinds once all files are in: devices to their primary user
   * (by UPN), ConfigMgr affinity to devices (by ResourceID) and users (by `DOMAIN\user`).
   * A later import of only the users export then still links the devices imported before.
   * Then the facts derived from those links and from licences are brought up to date.
   */
  relink(): void {
    // Only rows whose link changes are written: rewriting 250,000 unchanged device rows (and
    // their primary-user index entries) cost about as much as parsing the export. Without any
    // user there is nothing to link, and nothing to unlink either (deleting a user nulls the
    // links to it): the pass over every device is skipped, typically for a first device export.
    if (this.db.prepare('SELECT EXISTS (SELECT 1 FROM users)').pluck().get() === 1) {
      this.db.exec(`
        UPDATE devices SET primary_user_id = (SELECT u.id FROM users u WHERE u.upn = devices.primary_user_upn)
        WHERE primary_user_upn IS NOT NULL
          AND primary_user_id IS NOT (SELECT u.id FROM users u WHERE u.upn = devices.primary_user_upn);
      `);
    }
    this.db.exec(`
      UPDATE user_device_affinity SET device_id = (SELECT d.id FROM devices d WHERE d.cm_resource_id = user_device_affinity.device_resource_id)
      WHERE device_id IS NOT (SELECT d.id FROM devices d WHERE d.cm_resource_id = user_device_affinity.device_resource_id);
    `);
    const rows = this.db.prepare('SELECT id, unique_user_name, user_id FROM user_device_affinity').all() as {
      id: number;
      unique_user_name: string;
      user_id: number | null;
    }[];
    const setUser = this.db.prepare('UPDATE user_device_affinity SET user_id = ? WHERE id = ?');
    for (const row of rows) {
      const resolved = this.users.resolveDomainUser(row.unique_user_name);
      const userId = resolved && 'userId' in resolved ? resolved.userId : null;
      if (userId !== row.user_id) setUser.run(userId, row.id);
    }
    refreshDerivedFacts(this.db);
  }
}
