import { join } from 'node:path';
import { generateDemoTenant } from '../../../electron/core/demo/generateDemoTenant.js';
import { activePlaybook } from '../../../electron/core/wizard/index.js';
import { openSnapshot, type Snapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import type { CheckDefinition } from '../../../electron/core/playbooks/index.js';

/** A fresh demo tenant in a real snapshot file (500 devices: every rule has items, and it is quick). */
export function demoSnapshot(dir: string, name = 'demo.mdmsnap'): Snapshot {
  const snapshot = openSnapshot(join(dir, name), { create: true });
  generateDemoTenant(snapshot, { devices: 500, seed: 7 });
  return snapshot;
}

/** Every check of the active playbook's steps, with its step. */
export function playbookChecks(snapshot: Snapshot): { stepId: string; check: CheckDefinition }[] {
  return activePlaybook(snapshot).phases.flatMap((phase) => phase.steps.flatMap((step) => step.checks.map((check) => ({ stepId: step.id, check }))));
}

/** An answer each question accepts. */
export const ANSWERS: Readonly<Record<string, string>> = {
  'planned-switch-date': '2027-01-15',
  'tenant-name': 'Contoso Ltd',
  'mdm-authority': 'sccm',
  'cm-version': '1810',
  'cm-site-code': 'CON',
  'subscription-collection-id': 'SMS00002',
  'subscription-collection-name': 'All Users',
  'switching-admin-upn': 'mdm.admin@contoso.com',
  'exchange-connector': 'no',
  'scep-pfx': 'yes',
  'code-signing': 'no',
  'android-for-work': 'yes',
  'cm-pc-conditional-access': 'no',
  'cm-rbac-roles': 'yes',
  'switch-procedure': 'support-change',
};
