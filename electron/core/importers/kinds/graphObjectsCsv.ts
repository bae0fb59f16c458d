import { UserFacingError } from '../../errors.js';
import type { CsvTable } from '../csv/csvReader.js';
import { DateOrderEvidence, isoFromCultureDate, type DateOrder, type DateOrderDecision } from './cultureDates.js';
import type { JsonObject } from '../input/graphJson.js';
import { isFlattenedObject, type GraphPropertyNames, type GraphPropertyType } from './graphProperties.js';
import type { JsonKind } from './importKind.js';
import { integerOf, flagOf } from './labelMaps.js';
import { cellOf, recordCount } from '../csv/recordBatch.js';
import type { StagedIssue } from '../csv/recordStage.js';

/** One row of the CSV as the Graph object it was, with its line for rejection messages. */
export interface CsvGraphObject {
  readonly line: number;
  readonly item: JsonObject;
}

/** The file's date order: decided, or still to be asked (with a date of the file that fits both orders). */
export type DateOrderState = DateOrderDecision | { readonly undecided: string };

export interface GraphObjectsFromCsv {
  readonly objects: readonly CsvGraphObject[];
  /** The stage's findings on malformed records (wider or narrower than the header), in line order. */
  readonly issues: readonly StagedIssue[];
  /** null when the file has no dates written in a culture's form. */
  readonly dateOrder: DateOrderState | null;
}

interface Column {
  readonly position: number;
  readonly name: string;
  readonly type: GraphPropertyType;
}

function cellValue(text: string, type: GraphPropertyType): unknown {
  switch (type) {
    case 'flag': {
      const flag = flagOf(text);
      return flag === null ? undefined : flag === 1;
    }
    case 'integer':
      return integerOf(text) ?? undefined;
    case 'text':
    case 'date':
      return text;
    default:
      // Export-Csv cannot write a list of objects: the cell is a type name, or a stray text.
      return undefined;
  }
}

/**
 * Reads a CSV that PowerShell's Export-Csv wrote of Graph objects (Get-MgDeviceManagementManagedDevice,
 * Get-IntuneManagedDevice, Get-MgUser) into the objects Graph JSON would have held, so the
 * kind's one mapper reads both: names in Graph's spelling, True/False as booleans, dates in
 * ISO form, and cells holding a flattened complex property left out. The file is read whole
 * first because its date order is settled by all its dates (see cultureDates.ts); such
 * exports are a few thousand to a few tens of thousands of rows, and only the columns the
 * kind reads are kept.
 */
export async function readGraphObjectsCsv(table: CsvTable, fileName: string, kind: JsonKind, names: GraphPropertyNames, given: DateOrder | undefined): Promise<GraphObjectsFromCsv> {
  const columns: Column[] = [];
  table.headers.forEach((header, position) => {
    const name = names.graphName(header.replace(/\s+/g, ''));
    const type = name === undefined ? undefined : kind.properties?.[name];
    if (name !== undefined && type !== undefined && !columns.some((column) => column.name === name)) columns.push({ position, name, type });
  });
  table.stageWith({ headers: table.headers, positions: columns.map((column) => column.position), required: [] }, null);

  const evidence = new DateOrderEvidence();
  const objects: CsvGraphObject[] = [];
  const issues: StagedIssue[] = [];
  for await (const staged of table.records) {
    issues.push(...staged.issues);
    const { records } = staged;
    for (let record = 0; record < recordCount(records); record++) {
      const item: JsonObject = {};
      for (const column of columns) {
        const text = cellOf(records, record, column.position)?.trim();
        if (!text || isFlattenedObject(text)) continue;
        if (column.type === 'date') evidence.note(text);
        const value = cellValue(text, column.type);
        if (value !== undefined) item[column.name] = value;
      }
      objects.push({ line: records.recordLines[record]!, item });
    }
  }

  const contradiction = evidence.contradiction;
  if (contradiction) {
    throw new UserFacingError(
      'invalid_input',
      `${fileName}: its dates mix day-first (${contradiction[0]}) and month-first (${contradiction[1]}) forms, so no one order reads them; export it again on one machine.`,
    );
  }
  const decision = evidence.decide(given);
  if (decision) {
    const dates = columns.filter((column) => column.type === 'date');
    for (const { item } of objects) {
      for (const { name } of dates) {
        const value = item[name];
        if (typeof value === 'string') item[name] = isoFromCultureDate(value, decision.order) ?? value;
      }
    }
  }
  const example = evidence.unsettledExample;
  return { objects, issues, dateOrder: decision ?? (example ? { undecided: example } : null) };
}
