import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { UserFacingError } from '../errors.js';
import { importFiles, type ImportOptions } from '../importers/importService.js';
import { openSnapshot, type Snapshot } from '../snapshot/openSnapshot.js';

/** The exports a later snapshot of the tenant comes from: Intune's device list, as the portal or Graph gives it. */
const DEVICE_EXPORT_KINDS = new Set(['intune-devices', 'graph-managed-devices']);

export interface LaterExportOptions extends Pick<ImportOptions, 'as' | 'dateOrder' | 'onProgress'> {
  /** How the batch is named in reports, e.g. "After the pilot". */
  readonly label: string;
  readonly by: string;
  readonly now?: Date;
  readonly nativeBinding?: string;
}

export interface LaterExportBatch {
  readonly batchId: number;
  readonly label: string;
  readonly files: readonly string[];
  readonly devices: number;
}

/**
 * Keeps a later Intune export beside the baseline (issue #18, reconciliation): the files go
 * through the same import pipeline, into a scratch snapshot, so detection, every accepted shape
 * and every refusal are the importer's own; then only the facts the comparison needs are copied,
 * in one transaction, as a new batch. The baseline's devices are never touched.
 */
export async function importLaterExport(snapshot: Snapshot, paths: readonly string[], options: LaterExportOptions): Promise<LaterExportBatch> {
  if (options.label.trim() === '') throw new UserFacingError('invalid_input', 'A later export needs a label, e.g. "After the pilot".');
  const scratchDir = mkdtempSync(join(tmpdir(), 'mdm-later-export-'));
  try {
    const scratch = openSnapshot(join(scratchDir, 'later.mdmsnap'), { create: true, nativeBinding: options.nativeBinding });
    try {
      const outcome = await importFiles(scratch, paths, { as: options.as, dateOrder: options.dateOrder, onProgress: options.onProgress });
      const failed = outcome.files.find((file) => file.error);
      if (failed?.error) throw new UserFacingError(failed.error.code, failed.error.message);
      const other = outcome.files.find((file) => !DEVICE_EXPORT_KINDS.has(file.kind ?? ''));
      if (other) {
        throw new UserFacingError('invalid_input', `${other.displayName} is not an Intune device export (it reads as ${other.kind}); a later export for reconciliation is the Intune or Graph device list.`);
      }
      const rows = scratch.db
        .prepare('SELECT intune_device_id, serial_number, name, last_check_in, management_agent FROM devices')
        .raw()
        .iterate() as IterableIterator<unknown[]>;
      const insertDevice = snapshot.db.prepare(
        'INSERT INTO reconciliation_devices (batch_id, intune_device_id, serial_number, name, last_check_in, management_agent) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const files = outcome.files.map((file) => basename(file.displayName));
      return snapshot.db.transaction((): LaterExportBatch => {
        const at = (options.now ?? new Date()).toISOString();
        const batchId = Number(
          snapshot.db
            .prepare('INSERT INTO reconciliation_batches (label, files, devices, imported_by, imported_at) VALUES (?, ?, 0, ?, ?)')
            .run(options.label.trim(), JSON.stringify(files), options.by, at).lastInsertRowid,
        );
        let devices = 0;
        for (const row of rows) {
          insertDevice.run(batchId, ...row);
          devices++;
        }
        snapshot.db.prepare('UPDATE reconciliation_batches SET devices = ? WHERE id = ?').run(devices, batchId);
        snapshot.audit(options.by, 'reconciliation.import', `batch:${batchId}`, { label: options.label, files, devices });
        return { batchId, label: options.label.trim(), files, devices };
      })();
    } finally {
      scratch.close();
    }
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
}
