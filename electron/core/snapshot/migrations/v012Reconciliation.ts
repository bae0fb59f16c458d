import type { Migration } from './migration.js';

// Reconciliation (issue #18): a later Intune export, taken after a wave or after the switch, is
// kept beside the baseline as its own batch instead of replacing the devices it names. Only the
// facts the comparison needs are kept, indexed by the two keys a baseline device is found by.
const SQL = /* sql */ `
CREATE TABLE reconciliation_batches (
  id          INTEGER PRIMARY KEY,
  label       TEXT NOT NULL,
  files       TEXT NOT NULL,
  devices     INTEGER NOT NULL,
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE reconciliation_devices (
  batch_id         INTEGER NOT NULL REFERENCES reconciliation_batches(id) ON DELETE CASCADE,
  intune_device_id TEXT,
  serial_number    TEXT COLLATE NOCASE,
  name             TEXT,
  last_check_in    TEXT,
  management_agent TEXT
);
CREATE INDEX reconciliation_devices_intune_id ON reconciliation_devices(batch_id, intune_device_id) WHERE intune_device_id IS NOT NULL;
CREATE INDEX reconciliation_devices_serial ON reconciliation_devices(batch_id, serial_number) WHERE serial_number IS NOT NULL;
`;

export const v012Reconciliation: Migration = {
  version: 12,
  description: 'Later Intune exports are kept beside the baseline for reconciliation',
  sql: SQL,
};
