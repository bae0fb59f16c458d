import { UserFacingError } from '../errors.js';
import { COLLECTION_RULES } from './collectionRules.js';
import { DEVICE_RULES } from './deviceRules.js';
import { OBJECT_RULES } from './objectRules.js';
import { TENANT_RULES } from './tenantRules.js';
import type { RuleDefinition } from './types.js';
import { USER_RULES } from './userRules.js';

/** Every rule of brief §2, in the brief's order (users, devices, collections and objects, tenant). */
export const RULES: readonly RuleDefinition[] = [...USER_RULES, ...DEVICE_RULES, ...COLLECTION_RULES, ...OBJECT_RULES, ...TENANT_RULES];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));
if (BY_ID.size !== RULES.length) throw new Error('Duplicate rule id in the rule registry');

export function getRule(id: string): RuleDefinition {
  const rule = BY_ID.get(id);
  if (!rule) throw new UserFacingError('invalid_input', `Unknown rule "${id}".`);
  return rule;
}
