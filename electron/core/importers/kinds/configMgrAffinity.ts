import type { CsvRowKind } from './importKind.js';
import { flagOf, integerOf, isoDateOf } from './labelMaps.js';

const COLUMNS = {
  uniqueUserName: { headers: ['UniqueUserName'], required: true },
  machineResourceId: { headers: ['MachineResourceID'], required: true },
  machineName: { headers: ['MachineResourceName'] },
  relationActive: { headers: ['RelationActive'] },
  types: { headers: ['Types'] },
  sources: { headers: ['Sources'] },
  createdAt: { headers: ['CreationTime'] },
} as const;
type Field = keyof typeof COLUMNS;

/** `Types` holds 1 for a primary user; exports write `1`, `1,2` or `{1, 2}`. */
function isPrimary(types: string | null): 0 | 1 {
  return types !== null && types.split(/[^0-9]+/).includes('1') ? 1 : 0;
}

/** `v_UserMachineRelationship` (user-device affinity; brief §4c). */
export const configMgrAffinityCsv: CsvRowKind<Field> = {
  id: 'cm-affinity',
  label: 'Configuration Manager user-device affinity (v_UserMachineRelationship)',
  source: 'configmgr',
  order: 50,
  format: 'csv',
  columns: COLUMNS,
  signature: ['uniqueUserName', 'machineResourceId'],
  clear: ({ db }) => db.prepare('DELETE FROM user_device_affinity').run(),
  writer({ db, stores }) {
    const insert = db.prepare(
      `INSERT INTO user_device_affinity (device_resource_id, device_id, unique_user_name, user_id, is_primary, relation_active, types, sources, created_at)
       VALUES (?, (SELECT id FROM devices WHERE cm_resource_id = ?), ?, ?, ?, ?, ?, ?, ?)`,
    );
    return {
      write(row, issues) {
        const resourceId = integerOf(row.get('machineResourceId'));
        if (resourceId === null) {
          issues.reject(row.header('machineResourceId'), `MachineResourceID "${row.get('machineResourceId')}" is not a number`);
          return false;
        }
        const userName = row.get('uniqueUserName')!;
        const resolved = stores.users.resolveDomainUser(userName);
        if (resolved && 'ambiguous' in resolved) {
          issues.warn(row.header('uniqueUserName'), `${userName} matches ${resolved.ambiguous} users; not linked to any of them`);
        }
        const userId = resolved && 'userId' in resolved ? resolved.userId : null;
        const types = row.get('types');
        insert.run(resourceId, resourceId, userName, userId, isPrimary(types), flagOf(row.get('relationActive')) ?? 1, types, row.get('sources'), isoDateOf(row.get('createdAt')));
        return true;
      },
    };
  },
};
