import type { Snapshot } from '../snapshot/openSnapshot.js';

export interface RejectionPage {
  total: number;
  offset: number;
  rows: { line: number | null; column: string | null; severity: string; reason: string }[];
}

/** One page of an import batch's rejected and warned rows, in file order. */
export function pageRejections(snapshot: Snapshot, batchId: number, offset: number, limit: number): RejectionPage {
  const total = snapshot.db.prepare('SELECT count(*) FROM import_rejections WHERE batch_id = ?').pluck().get(batchId) as number;
  const rows = snapshot.db
    .prepare(
      `SELECT line, column_name AS "column", severity, reason FROM import_rejections
       WHERE batch_id = ? ORDER BY line, id LIMIT ? OFFSET ?`,
    )
    .all(batchId, limit, offset) as RejectionPage['rows'];
  return { total, offset, rows };
}
