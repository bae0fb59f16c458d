import type { Migration } from './migration.js';

// Redacted reports (issue #18) replace names and serials by HMAC pseudonyms. Their key was
// derived from the snapshot's content hash, which every report prints, so anyone holding a
// redacted report could test a guessed UPN or serial against its pseudonyms. The key now comes
// from a random secret kept in the snapshot and never written into a report.
const SQL = /* sql */ `
ALTER TABLE engagement ADD COLUMN redaction_secret BLOB;
UPDATE engagement SET redaction_secret = randomblob(32);
`;

export const v013RedactionSecret: Migration = {
  version: 13,
  description: 'A random secret per snapshot keys the pseudonyms of redacted reports',
  sql: SQL,
};
