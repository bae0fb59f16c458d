/** Header cells compare without case or whitespace: "Serial number", "SerialNumber" and " serial  Number" are one column. */
export function normalizeHeader(header: string): string {
  return header.replace(/[\s\uFEFF]+/g, '').toLowerCase();
}

export interface ColumnDefinition {
  /** Header names as exports write them; the first is the one a blank template uses. */
  readonly headers: readonly string[];
  /** A file without this column cannot be imported as this kind at all. */
  readonly required?: boolean;
}

export type ColumnSpec<Field extends string> = Readonly<Record<Field, ColumnDefinition>>;

/** A record's cells, as a CsvRow reads them. */
export interface RecordCells {
  readonly line: number;
  /** Cells in the record. */
  readonly width: number;
  /** The cell's text as written, or undefined when the record is narrower. */
  text(position: number): string | undefined;
}

/**
 * Turns a cell into the value to store, from its bytes where their form allows: a date
 * written the way exports commonly write it is rewritten byte by byte, any other form is read
 * as text. Both see the cell trimmed, and never blank.
 */
export interface CellConversion {
  /**
   * Writes the value of `bytes[start, end)` as UTF-8 into `into` from 0 (room for 64 bytes)
   * and returns its length, or returns -1 when the bytes are not in a form it reads.
   */
  fromBytes(bytes: Buffer, start: number, end: number, into: Buffer): number;
  fromText(text: string): string | null;
}

/**
 * A cell to be handed on from its bytes, trimmed, without being read as text: as it is, or
 * through a conversion. What a RowMapper returns for a value it passes through (see
 * RecordStage).
 */
export class CellCopy {
  constructor(
    readonly position: number,
    readonly conversion: CellConversion | null = null,
  ) {}
}

/** A CSV record seen through a kind's column names. */
export interface CsvRow<Field extends string> {
  readonly line: number;
  /** The cell trimmed, or null when the column is absent or the cell is blank. */
  get(field: Field): string | null;
  /** The same value, to be passed through by position; null when the column is absent. */
  copy(field: Field): CellCopy | null;
  /** The value converted, to be passed through by position; null when the column is absent. A field takes one conversion. */
  convert(field: Field, conversion: CellConversion): CellCopy | null;
  /** The header as written in the file, for rejection messages. */
  header(field: Field): string;
  /** Cells in the record, to spot records longer or shorter than the header. */
  readonly width: number;
}

export interface ColumnBinding<Field extends string> {
  readonly missingRequired: readonly Field[];
  /** Positions of the header's columns the kind reads. */
  readonly positions: readonly number[];
  /** The field's column in the header, or -1 when the header lacks it. */
  positionOf(field: Field): number;
  /** The record seen through the kind's columns. Reuses one row object; callers must not keep it. */
  row(cells: RecordCells): CsvRow<Field>;
}

/** Maps a kind's fields to column positions in one file's header. */
export function bindColumns<Field extends string>(spec: ColumnSpec<Field>, headers: readonly string[]): ColumnBinding<Field> {
  const positions = new Map<string, number>();
  headers.forEach((header, index) => {
    const key = normalizeHeader(header);
    if (!positions.has(key)) positions.set(key, index);
  });
  const index = {} as Record<Field, number>;
  const copies = {} as Record<Field, CellCopy | null>;
  const conversions: Partial<Record<Field, CellCopy>> = {};
  const missingRequired: Field[] = [];
  for (const field of Object.keys(spec) as Field[]) {
    const found = spec[field].headers.map((h) => positions.get(normalizeHeader(h))).find((i) => i !== undefined);
    index[field] = found ?? -1;
    copies[field] = found === undefined ? null : new CellCopy(found);
    if (found === undefined && spec[field].required) missingRequired.push(field);
  }
  let cells: RecordCells | null = null;
  const trimmed = (value: string | undefined) => {
    const text = value?.trim();
    return text ? text : null;
  };
  const row: CsvRow<Field> = {
    get line() {
      return cells!.line;
    },
    get width() {
      return cells!.width;
    },
    get(field) {
      const at = index[field];
      return at < 0 ? null : trimmed(cells!.text(at));
    },
    copy: (field) => copies[field],
    convert(field, conversion) {
      const at = index[field];
      if (at < 0) return null;
      let cell = conversions[field];
      if (cell?.conversion !== conversion) conversions[field] = cell = new CellCopy(at, conversion);
      return cell;
    },
    header(field) {
      const at = index[field];
      return at < 0 ? spec[field].headers[0]! : headers[at]!;
    },
  };
  return {
    missingRequired,
    positions: Object.values<number>(index).filter((at) => at >= 0),
    positionOf: (field) => index[field],
    row(record) {
      cells = record;
      return row;
    },
  };
}

/** True when the header has a column for every field listed. */
export function hasColumns<Field extends string>(spec: ColumnSpec<Field>, normalizedHeaders: ReadonlySet<string>, fields: readonly Field[]): boolean {
  return fields.every((field) => spec[field].headers.some((h) => normalizedHeaders.has(normalizeHeader(h))));
}
