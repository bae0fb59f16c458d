import { intuneDeviceRows } from './intuneDeviceRows.js';
import type { RowMapper } from './rowTypes.js';

/**
 * Every RowMapper, for the tokenizer's worker thread to find by the id it is sent (a function
 * cannot cross threads): it loads these modules and no kind's writer.
 */
const ROW_MAPPERS: readonly RowMapper[] = [intuneDeviceRows as RowMapper];

export function rowMapperById(id: string): RowMapper {
  const mapper = ROW_MAPPERS.find((candidate) => candidate.id === id);
  if (!mapper) throw new Error(`no row mapper "${id}"`);
  return mapper;
}
