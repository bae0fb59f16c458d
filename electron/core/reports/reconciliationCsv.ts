import { writeCsvFile } from '../csv/writeCsvFile.js';
import { iterateReconciledDevices } from '../reconciliation/index.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import { RECONCILIATION_HEADER, reconciliationCells } from './reconciliationRows.js';

/** Each baseline MDM device's state in one later export, as CSV (the Reports page's "Save device list"), streamed. */
export function writeReconciliationCsv(snapshot: Snapshot, batchId: number, outPath: string): Promise<number> {
  return writeCsvFile(
    outPath,
    RECONCILIATION_HEADER,
    (function* () {
      for (const device of iterateReconciledDevices(snapshot, batchId)) yield reconciliationCells(device, null);
    })(),
  );
}
