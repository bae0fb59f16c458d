import { writeCsvFile } from '../csv/writeCsvFile.js';
import { iterateReconciledDevices, NO_WAVE, RECONCILIATION_STATE_LABELS } from '../reconciliation/index.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';

const HEADER = ['Device name', 'Serial number', 'Wave', 'Expected to check in since', 'Last check-in in the later export', 'State'];

/**
 * Each baseline MDM device's state in one later export, as CSV: the list a consultant works
 * through after a wave (who to chase, which devices need a support case), streamed.
 */
export function writeReconciliationCsv(snapshot: Snapshot, batchId: number, outPath: string): Promise<number> {
  return writeCsvFile(
    outPath,
    HEADER,
    (function* () {
      for (const device of iterateReconciledDevices(snapshot, batchId)) {
        yield [device.name, device.serialNumber, device.wave ?? NO_WAVE, device.since, device.lastSeen, RECONCILIATION_STATE_LABELS[device.state]];
      }
    })(),
  );
}
