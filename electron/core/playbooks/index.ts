/**
 * The playbooks the wizard can run, validated when this module loads: a broken playbook is a
 * programming error and must fail every test, not surface as a check that never turns green.
 */
import { RULES } from '../rules/registry.js';
import { UserFacingError } from '../errors.js';
import { TENANT_FACT_KEYS } from '../wizard/tenantFactDefinitions.js';
import { HYBRID_TO_STANDALONE } from './hybridToStandalone.js';
import { OFFICE365_COEXISTENCE } from './office365Coexistence.js';
import { SET_AUTHORITY } from './setAuthority.js';
import type { Playbook } from './types.js';
import { playbookProblems, type PlaybookReferences } from './validatePlaybook.js';

export type * from './types.js';
export { playbookProblems, type PlaybookReferences } from './validatePlaybook.js';

export const PLAYBOOK_REFERENCES: PlaybookReferences = { ruleIds: new Set(RULES.map((rule) => rule.id)), factKeys: TENANT_FACT_KEYS };

export const PLAYBOOKS: readonly Playbook[] = [HYBRID_TO_STANDALONE, SET_AUTHORITY, OFFICE365_COEXISTENCE];
export const DEFAULT_PLAYBOOK_ID = HYBRID_TO_STANDALONE.id;

for (const playbook of PLAYBOOKS) {
  const problems = playbookProblems(playbook, PLAYBOOK_REFERENCES);
  if (problems.length > 0) throw new Error(`Playbook ${playbook.id} is invalid: ${problems.join('; ')}`);
}

export function getPlaybook(id: string): Playbook {
  const playbook = PLAYBOOKS.find((candidate) => candidate.id === id);
  if (!playbook) throw new UserFacingError('invalid_input', `Unknown playbook "${id}" (known: ${PLAYBOOKS.map((known) => known.id).join(', ')}).`);
  return playbook;
}
