import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './openSnapshot.js';

/**
 * Writes rows through one multi-row `VALUES (…), (…), …` prepared statement.
 *
 * Each better-sqlite3 `run()` has a fixed cost (argument checks, statement reset, the
 * N-API crossing) on top of the cost per bound value; sending `rowsPerStatement` rows per
 * call pays the fixed part once per batch instead of once per row. The statement for a full
 * batch is prepared once; the last, partial batch gets its own.
 *
 * `statement` receives the `VALUES …` list and returns the whole SQL: a plain
 * `INSERT INTO t (a, b) ${values}`, or a `WITH new_row (a, b) AS (${values}) INSERT … SELECT`
 * that derives further columns in SQL, so that fewer values have to cross from JavaScript
 * (binding a string costs far more than SQLite copying or computing one).
 * `tuple` is one row's placeholder list, e.g. `(?, ?, 'Member', ?)`. Rows are added with
 * `add(value, …)` or `addRow(values)` in placeholder order, into one flat array reused from
 * batch to batch.
 */
export class BatchedInsert {
  private readonly width: number;
  private readonly batchLength: number;
  /** The full batch's statement, prepared when the first batch is full. */
  private full: Statement | null = null;
  /** The values of the rows not yet written: the first `pendingLength`. */
  private readonly pending: unknown[];
  private pendingLength = 0;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly statement: (values: string) => string,
    private readonly tuple: string,
    rowsPerStatement = 64,
  ) {
    this.width = tuple.split('?').length - 1;
    // SQLite allows at most 32,766 parameters in one statement; they are passed as spread
    // arguments (see add), so stay well under both that and the stack.
    const rows = Math.max(1, Math.min(rowsPerStatement, Math.floor(8_192 / this.width)));
    this.batchLength = rows * this.width;
    // Filled by index and never emptied: emptying an array frees its storage, and refilling it
    // by push grows it step by step again, for every statement of the load.
    this.pending = Array.from({ length: this.batchLength }, () => null);
  }

  /** Adds one row: exactly as many values as `tuple` has placeholders. */
  add(...values: unknown[]): void {
    this.addRow(values);
  }

  /** The same with the row's values in an array, which the caller may reuse for the next row. */
  addRow(values: ArrayLike<unknown>): void {
    const pending = this.pending;
    let length = this.pendingLength;
    for (let i = 0; i < values.length; i++) pending[length++] = values[i];
    if (length >= this.batchLength) {
      this.full ??= this.db.prepare(this.sql(this.batchLength / this.width));
      // Spread: better-sqlite3 binds arguments faster than the elements of an array argument.
      this.full.run(...pending);
      length = 0;
    }
    this.pendingLength = length;
  }

  /** Writes the rows still buffered. Call once after the last `add`. */
  flush(): void {
    const length = this.pendingLength;
    if (length === 0) return;
    if (length % this.width !== 0) throw new Error(`BatchedInsert: a row needs ${this.width} values`);
    this.db.prepare(this.sql(length / this.width)).run(this.pending.slice(0, length));
    this.pendingLength = 0;
  }

  private sql(rows: number): string {
    return this.statement(`VALUES ${Array.from({ length: rows }, () => this.tuple).join(', ')}`);
  }
}
