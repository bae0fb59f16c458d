import type { Playbook, PlaybookChange } from './types.js';

/** What changed in a playbook after `version` (the one a snapshot started with), oldest first. */
export function changesSince(playbook: Playbook, version: number): readonly PlaybookChange[] {
  return playbook.changes.filter((change) => change.version > version);
}
