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

/** A CSV record seen through a kind's column names. */
export interface CsvRow<Field extends string> {
  readonly line: number;
  /** The cell trimmed, or null when the column is absent or the cell is blank. */
  get(field: Field): string | null;
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
  const missingRequired: Field[] = [];
  for (const field of Object.keys(spec) as Field[]) {
    const found = spec[field].headers.map((h) => positions.get(normalizeHeader(h))).find((i) => i !== undefined);
    index[field] = found ?? -1;
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
