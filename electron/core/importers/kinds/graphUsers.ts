import type { JsonKind } from '../importKind.js';
import { flag, has, objects, text } from '../jsonValues.js';
import { CAPABILITY_STATUSES, type ServicePlanFacts } from '../stores/userStore.js';

/** `GET /users?$select=…,assignedLicenses,assignedPlans,onPremises…` (brief §4d). */
export const graphUsers: JsonKind = {
  id: 'graph-users',
  label: 'Graph users with licences (JSON)',
  source: 'graph',
  // After the Microsoft 365 export, so Graph's licences (with disabled plans) win in one import.
  order: 11,
  format: 'json',
  context: /#users\b/i,
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
            plans.push({ servicePlanId, service: text(plan, 'service'), capabilityStatus: status, assignedAt: text(plan, 'assignedDateTime') });
          }
          stores.users.setServicePlans(id, plans);
        }
        return true;
      },
    };
  },
};
