import type { CellCopy, ColumnSpec, CsvRow } from '../csv/columns.js';

// The row-level contracts shared by the kinds, the record stage and the stores. They live
// apart from importKind.ts and rowMappers.ts because those import the stores and the Intune
// mapper, which use these types: declared there, the modules imported each other in a cycle.

/** Where a row's problem is recorded: `reject` drops the row, `warn` keeps it with a caveat. */
export interface RowIssues {
  reject(column: string | null, reason: string): void;
  warn(column: string | null, reason: string): void;
}

/**
 * Maps a CSV kind's rows to values by the row alone, without looking anything up in the
 * snapshot, so that the mapping can run on the tokenizer's worker thread while the import
 * thread writes (see recordStage.ts). The kind's writer then receives MappedRows.
 */
export interface RowMapper<Field extends string = string> {
  /** The kind's id. */
  readonly id: string;
  readonly columns: ColumnSpec<Field>;
  /**
   * A mapping for one file: the row's values, or null when it rejected the row through
   * `issues`. A number crosses as its text; a value passed through unchanged is best returned
   * as `row.copy(field)`, whose bytes are copied without being read as text.
   */
  create(): (row: CsvRow<Field>, issues: RowIssues) => readonly (string | number | null | CellCopy)[] | null;
}

/**
 * One record's mapped values, as a mapped kind's writer receives them. They crossed threads as
 * text: a number comes back as its digits (SQLite's INTEGER affinity stores it as a number).
 */
export interface MappedRow {
  readonly line: number;
  /** The value at `index` in the mapper's order; null where it mapped to null or ''. */
  value(index: number): string | null;
}
