import type { Snapshot } from '../snapshot/openSnapshot.js';
import { writeCsvFile } from '../csv/writeCsvFile.js';

interface RejectionRow {
  file_name: string;
  kind: string;
  line: number | null;
  column_name: string | null;
  severity: string;
  reason: string;
}

/**
 * Writes the rejected and warned rows of one batch, or of every batch, as a UTF-8 CSV with a
 * BOM (so Excel opens it in UTF-8). Streams row by row: a bad 1 GB import can have many.
 */
export async function exportRejectionsCsv(snapshot: Snapshot, outPath: string, batchId?: number): Promise<number> {
  const rows = snapshot.db
    .prepare(
      `SELECT b.file_name, b.kind, r.line, r.column_name, r.severity, r.reason
       FROM import_rejections r JOIN import_batches b ON b.id = r.batch_id
       WHERE @batchId IS NULL OR r.batch_id = @batchId
       ORDER BY r.batch_id, r.line, r.id`,
    )
    .iterate({ batchId: batchId ?? null }) as IterableIterator<RejectionRow>;
  return writeCsvFile(
    outPath,
    ['File', 'Kind', 'Line', 'Column', 'Severity', 'Reason'],
    (function* () {
      for (const row of rows) yield [row.file_name, row.kind, row.line, row.column_name, row.severity, row.reason];
    })(),
  );
}
