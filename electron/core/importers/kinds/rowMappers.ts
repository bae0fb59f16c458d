import type { LabelCodes } from '../../snapshot/labelCodes.js';
import { intuneDeviceRows } from './intuneDeviceRows.js';
import type { RecordBatch } from '../csv/recordBatch.js';
import type { MappedRow, RowMapper } from './rowTypes.js';

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
