import type { GraphProperties } from './graphProperties.js';
import type { JsonKind } from './importKind.js';
import { flag, has, objects, text } from './jsonValues.js';
import { isoDateOf } from './labelMaps.js';
import { CAPABILITY_STATUSES, type ServicePlanFacts } from '../stores/userStore.js';

/** What the writer below reads: PowerShell's names for these are matched to them (see graphProperties.ts). */
const USER_PROPERTIES: GraphProperties = {
  id: 'text',
  userPrincipalName: 'text',
  displayName: 'text',
  mail: 'text',
  accountEnabled: 'flag',
  userType: 'text',
  usageLocation: 'text',
  onPremisesDomainName: 'text',
  onPremisesSamAccountName: 'text',
  // disabledPlans is a list of plan ids: listed so that PowerShell's DisabledPlans is found.
  assignedLicenses: { objects: { skuId: 'text', skuPartNumber: 'text', disabledPlans: 'text' } },
  assignedPlans: { objects: { servicePlanId: 'text', service: 'text', capabilityStatus: 'text', assignedDateTime: 'date' } },
};

const LICENCES_NEED_JSON =
  'Export-Csv writes licences as a type name, so the users were imported without licences and the licence rules cannot use them. ' +
  'For licences, export JSON: Get-MgUser -All -Property Id,UserPrincipalName,DisplayName,Mail,AccountEnabled,UserType,UsageLocation,' +
  'OnPremisesDomainName,OnPremisesSamAccountName,AssignedLicenses,AssignedPlans | ConvertTo-Json -Depth 5 > users.json';

/** `GET /users?$select=…,assignedLicenses,assignedPlans,onPremises…` (brief §4d), also as PowerShell saves it. */
export const graphUsers: JsonKind = {
  id: 'graph-users',
  label: 'Graph users (JSON with licences, or saved by PowerShell)',
  source: 'graph',
  // After the Microsoft 365 export, so Graph's licences (with disabled plans) win in one import.
  order: 11,
  format: 'json',
  context: /#users\b/i,
  odataType: '#microsoft.graph.user',
  properties: USER_PROPERTIES,
  // Get-MgUser's Export-Csv writes every property as a column; Entra's "Download users" has no assignedLicenses.
  csvSignature: ['id', 'userPrincipalName', 'assignedLicenses'],
  csvCaveat: LICENCES_NEED_JSON,
  matches: (item) => has(item, 'userPrincipalName') && !has(item, 'deviceName'),
  clear: ({ stores, source }) => stores.users.clearSource(source),
  writer({ stores, source, batchId }) {
    return {
      write(item, issues) {
        const upn = text(item, 'userPrincipalName');
        if (!upn) {
          issues.reject('userPrincipalName', 'the user has no userPrincipalName');
          return false;
        }
        const id = stores.users.upsert(
          {
            upn,
            entraObjectId: text(item, 'id'),
            displayName: text(item, 'displayName'),
            mail: text(item, 'mail'),
            accountEnabled: flag(item, 'accountEnabled'),
            userType: text(item, 'userType'),
            usageLocation: text(item, 'usageLocation'),
            onPremDomain: text(item, 'onPremisesDomainName'),
            onPremSam: text(item, 'onPremisesSamAccountName'),
            inEntra: 1,
          },
          source,
          batchId,
          issues,
        );
        if (id === null) return false;
        if ('assignedLicenses' in item) {
          stores.users.setLicences(
            id,
            objects(item, 'assignedLicenses').map((licence) => ({
              skuId: text(licence, 'skuId'),
              skuPartNumber: text(licence, 'skuPartNumber'),
              disabledPlans: Array.isArray(licence.disabledPlans) ? licence.disabledPlans.filter((plan): plan is string => typeof plan === 'string') : [],
            })),
          );
        }
        if ('assignedPlans' in item) {
          const plans: ServicePlanFacts[] = [];
          for (const plan of objects(item, 'assignedPlans')) {
            const servicePlanId = text(plan, 'servicePlanId');
            const status = text(plan, 'capabilityStatus');
            if (!servicePlanId || !status || !CAPABILITY_STATUSES.has(status)) {
              issues.warn('assignedPlans', `plan ${servicePlanId ?? '(no id)'} has capabilityStatus "${status}", not one of ${[...CAPABILITY_STATUSES].join(', ')}; plan skipped`);
              continue;
            }
            plans.push({ servicePlanId, service: text(plan, 'service'), capabilityStatus: status, assignedAt: isoDateOf(text(plan, 'assignedDateTime')) });
          }
          stores.users.setServicePlans(id, plans);
        }
        return true;
      },
    };
  },
};
