import type { CsvValue } from '../csv/csvCell.js';
import { iterateReconciledDevices, NO_WAVE, RECONCILIATION_STATE_LABELS, type BatchReconciliation, type ReconciledDevice } from '../reconciliation/index.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import type { Redactor } from './redaction.js';
import type { XlsxSheet } from './xlsx/xlsxWriter.js';

// Each baseline device's state in a later export, as the Reports page's CSV and the
// workbook's Reconciliation sheet list it: the list a consultant chases after a wave.

export const RECONCILIATION_HEADER = ['Device name', 'Serial number', 'Wave', 'Expected to check in since', 'Last check-in in the later export', 'State'];

export function reconciliationCells(device: ReconciledDevice, redactor: Redactor | null): CsvValue[] {
  return [
    redactor ? redactor.value('device', device.name) : device.name,
    redactor ? redactor.value('serial', device.serialNumber) : device.serialNumber,
    device.wave ?? NO_WAVE,
    device.since,
    device.lastSeen,
    RECONCILIATION_STATE_LABELS[device.state],
  ];
}

/** The workbook's Reconciliation sheet: every later export in turn (oldest first), each baseline MDM device in it. */
export function reconciliationSheet(snapshot: Snapshot, batches: readonly BatchReconciliation[], redactor: Redactor | null): XlsxSheet {
  return {
    widths: [24, 26, 18, 20, 22, 22, 24],
    header: ['Later export', ...RECONCILIATION_HEADER],
    rows: (function* () {
      for (const batch of batches) {
        for (const device of iterateReconciledDevices(snapshot, batch.batchId)) yield [batch.label, ...reconciliationCells(device, redactor)] as (string | number | null)[];
      }
    })(),
  };
}
