import { type Migration } from './migration.js';

// Importers keep going past a row they merged with a caveat (an ambiguous identity match
// left unmerged, an unrecognised localised label kept raw). Those rows are accepted, so the
// caveat must not count as a rejection, yet the consultant must still see it with its line.
const SQL = /* sql */ `
ALTER TABLE import_rejections ADD COLUMN severity TEXT NOT NULL DEFAULT 'error'
  CHECK (severity = 'error' OR severity = 'warning');
`;

export const v002RejectionSeverity: Migration = {
  version: 2,
  description: 'Import rejections carry a severity (error or warning)',
  sql: SQL,
};
