import { type Migration } from './migration.js';

// Which migration an engagement is (issue #20): the playbook id and the version of it the
// engagement started with. It belongs to the engagement, chosen when the snapshot is made, so it
// moves from wizard_state (written only at the wizard's first action) to engagement.
// - NULL in a snapshot made after this version means "not chosen yet": the default playbook at
//   its current version, recorded by whatever chooses it or by the wizard's first action.
// - An engagement from before this version ran the only playbook there was, hybrid-to-standalone
//   version 1, unless its wizard state already said otherwise.
const SQL = /* sql */ `
ALTER TABLE engagement ADD COLUMN playbook_id TEXT;
ALTER TABLE engagement ADD COLUMN playbook_version INTEGER CHECK (playbook_version >= 1);
UPDATE engagement SET
  playbook_id = coalesce((SELECT playbook_id FROM wizard_state WHERE id = 1), 'hybrid-to-standalone'),
  playbook_version = coalesce((SELECT playbook_version FROM wizard_state WHERE id = 1), 1);
ALTER TABLE wizard_state DROP COLUMN playbook_id;
ALTER TABLE wizard_state DROP COLUMN playbook_version;
`;

export const v011Playbook: Migration = {
  version: 11,
  description: 'The engagement records its playbook and the version it started with',
  sql: SQL,
};
