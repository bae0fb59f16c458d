import type { LabelCodes } from '../snapshot/labelCodes.js';
import type { CellCopy, ColumnSpec, CsvRow } from './columns.js';
import type { RowIssues } from './importKind.js';
import { intuneDeviceRows } from './kinds/intuneDeviceRows.js';
import type { RecordBatch } from './recordBatch.js';

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
  /** The code `labels` has for that value (see LabelCodes.codeOf), found without cutting the value out; -1 for null or no code. */
  labelCode(index: number, labels: LabelCodes): number;
}

/** Every RowMapper, for the worker thread to find by id: it loads these modules and no kind's writer. */
const ROW_MAPPERS: readonly RowMapper[] = [intuneDeviceRows as RowMapper];

export function rowMapperById(id: string): RowMapper {
  const mapper = ROW_MAPPERS.find((candidate) => candidate.id === id);
  if (!mapper) throw new Error(`no row mapper "${id}"`);
  return mapper;
}

/** A MappedRow over a staged batch; one object pointed at record after record, so callers must not keep it. */
export function mappedRowView(): { at(batch: RecordBatch, record: number): MappedRow } {
  let text = '';
  let ends = new Uint32Array(0);
  let first = 0;
  const row = {
    line: 0,
    // The record's cells are ends[first] onwards; a mapped record always has the mapper's width.
    value(index: number): string | null {
      const at = first + index;
      return text.slice(at === 0 ? 0 : ends[at - 1]!, ends[at]!) || null;
    },
    labelCode(index: number, labels: LabelCodes): number {
      const at = first + index;
      const start = at === 0 ? 0 : ends[at - 1]!;
      const end = ends[at]!;
      return start === end ? -1 : labels.codeOf(text, start, end);
    },
  };
  return {
    at(batch, record) {
      text = batch.text;
      ends = batch.cellEnds;
      first = batch.recordStarts[record]!;
      row.line = batch.recordLines[record]!;
      return row;
    },
  };
}
