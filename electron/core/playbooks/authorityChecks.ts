import type { CheckDefinition } from './types.js';

/**
 * Reading the tenant's current MDM authority, which every playbook that does not start from
 * hybrid opens with. The question feeds TEN_AUTHORITY_CHECK; the rule always has its one tenant
 * item, so deciding it is how the consultant records that the console was read.
 */
export const READ_AUTHORITY_CHECKS: readonly CheckDefinition[] = [
  { kind: 'question', id: 'q-mdm-authority', label: 'Current MDM authority', fact: 'mdm-authority' },
  { kind: 'automatic', id: 'a-authority', label: 'Authority confirmed in the console (decide the TEN_AUTHORITY_CHECK item)', rules: ['TEN_AUTHORITY_CHECK'] },
];
