import { join } from 'node:path';
import { generateDemoTenant } from '../../../electron/core/demo/generateDemoTenant.js';
import { iterateFindingItems, recordDecision } from '../../../electron/core/rules/index.js';
import { openSnapshot, type Snapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { addUsersToWave, answerQuestion, createWave, overrideGate, recordSwitch, setWaveState, signOffStep, tickCheck } from '../../../electron/core/wizard/index.js';

export const NOW = new Date('2026-12-07T09:00:00Z');

/**
 * A demo tenant part-way through an engagement: a ticked check, an answered question, a step
 * signed off by the customer, a moved
 * pilot wave and a planned one, two decisions (one note naming a user by UPN), an overridden
 * gate and a recorded switch, so every section of the reports has content.
 */
export function engagedDemo(dir: string, devices = 500, seed = 7): Snapshot {
  const snapshot = openSnapshot(join(dir, 'engaged.mdmsnap'), { create: true });
  generateDemoTenant(snapshot, { devices, seed });
  const by = 'Ann Consultant';
  tickCheck(snapshot, { checkId: 'm-exports-imported', by, note: 'All four exports of 14 June', now: NOW });
  answerQuestion(snapshot, { questionId: 'q-cm-version', value: '1902', by, now: NOW });
  signOffStep(snapshot, { stepId: 'p0-export', role: 'customer', note: 'Exports reviewed', by: 'Carl Customer', now: NOW });
  const pilot = createWave(snapshot, { name: 'Pilot', pilot: true, by, now: NOW });
  addUsersToWave(snapshot, { waveId: pilot.id, filter: { licence: 'licensed', platform: 'ios' }, by, now: NOW });
  setWaveState(snapshot, { waveId: pilot.id, state: 'moved', at: NOW, by, now: NOW });
  const next = createWave(snapshot, { name: 'Wave 1 Android', by, now: NOW });
  addUsersToWave(snapshot, { waveId: next.id, filter: { licence: 'licensed', platform: 'android', wave: 'none' }, by, now: NOW });

  const userless = first(snapshot, 'DEV_USERLESS');
  const categorised = first(snapshot, 'DEV_DEVICE_CATEGORY');
  const someone = categorised.type === 'device' ? categorised.userPrincipalName : null;
  recordDecision(snapshot, { rule: 'DEV_USERLESS', itemKey: userless.key, decision: 'accepted_risk', note: `Kiosk at reception; ${someone} re-enrolls it after the switch`, decidedBy: by, now: NOW });
  recordDecision(snapshot, { rule: 'DEV_DEVICE_CATEGORY', itemKey: categorised.key, decision: 'resolved_outside', note: 'Category group rebuilt in Intune', decidedBy: by, now: NOW });
  overrideGate(snapshot, { justification: 'Customer accepts the open blockers for this pilot tenant (CAB 2026-12-01)', by, now: NOW });
  recordSwitch(snapshot, { at: NOW, by, now: NOW });
  return snapshot;
}

function first(snapshot: Snapshot, rule: string) {
  for (const item of iterateFindingItems(snapshot, rule)) return item;
  throw new Error(`${rule} has no item in the demo tenant`);
}
