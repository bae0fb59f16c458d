import { type Migration } from './migration.js';

// A PowerShell export writes dates in the exporting machine's culture: `6/5/2019` is 6 May or
// 5 June. Which order a file was read in, and whether its own dates settled it or the
// consultant chose, is part of the record of that import: a wrong choice can be found later.
const SQL = /* sql */ `
ALTER TABLE import_batches ADD COLUMN date_order TEXT CHECK (date_order = 'dmy' OR date_order = 'mdy');
ALTER TABLE import_batches ADD COLUMN date_order_from TEXT CHECK (date_order_from = 'values' OR date_order_from = 'person');
`;

export const v010ImportDateOrder: Migration = {
  version: 10,
  description: 'Import batches record the day/month order their culture dates were read in, and who settled it',
  sql: SQL,
};
