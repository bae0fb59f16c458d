import type { JsonKind } from './importKind.js';
import { has, objects, text } from './jsonValues.js';

/** `GET /deviceManagement/deviceCategories` (brief §4e). */
export const graphDeviceCategories: JsonKind = {
  id: 'graph-device-categories',
  label: 'Graph deviceCategories (JSON)',
  source: 'graph',
  order: 5,
  format: 'json',
  context: /#deviceManagement\/deviceCategories\b/i,
  odataType: '#microsoft.graph.deviceCategory',
  matches: (item) =>
    has(item, 'id', 'displayName') && Object.keys(item).every((key) => ['id', 'displayName', 'description', 'roleScopeTagIds'].includes(key) || key.startsWith('@odata')),
  clear: ({ db }) => db.prepare('DELETE FROM device_categories').run(),
  writer({ db }) {
    const insert = db.prepare('INSERT OR REPLACE INTO device_categories (id, display_name, description) VALUES (?, ?, ?)');
    return {
      write(item, issues) {
        const id = text(item, 'id');
        const name = text(item, 'displayName');
        if (!id || !name) {
          issues.reject(id ? 'displayName' : 'id', 'a device category needs an id and a displayName');
          return false;
        }
        insert.run(id, name, text(item, 'description'));
        return true;
      },
    };
  },
};

const AUTHORITIES = ['unknown', 'intune', 'sccm', 'office365'];

/** `GET /organization?$select=displayName,mobileDeviceManagementAuthority` (brief §4d). */
export const graphOrganization: JsonKind = {
  id: 'graph-organization',
  label: 'Graph organization (JSON)',
  source: 'graph',
  order: 60,
  format: 'json',
  context: /#organization\b/i,
  odataType: '#microsoft.graph.organization',
  matches: (item) => has(item, 'mobileDeviceManagementAuthority') || has(item, 'verifiedDomains'),
  // One tenant row, updated in place: nothing to remove first.
  clear: () => {},
  writer({ db }) {
    const update = db.prepare('UPDATE tenant SET tenant_name = coalesce(?, tenant_name), mdm_authority = coalesce(?, mdm_authority) WHERE id = 1');
    return {
      write(item, issues) {
        const authority = text(item, 'mobileDeviceManagementAuthority');
        if (authority !== null && !AUTHORITIES.includes(authority)) {
          issues.reject('mobileDeviceManagementAuthority', `"${authority}" is not one of ${AUTHORITIES.join(', ')}`);
          return false;
        }
        const initialDomain = objects(item, 'verifiedDomains').find((domain) => domain.isInitial === true);
        update.run(text(item, 'displayName') ?? (initialDomain ? text(initialDomain, 'name') : null), authority);
        return true;
      },
    };
  },
};
