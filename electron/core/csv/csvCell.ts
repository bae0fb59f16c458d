export type CsvValue = string | number | null | undefined;

/** The characters that make Excel (and LibreOffice, Google Sheets) read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A text that needs neither escape nor quotes has none of these; most cells, tested once. */
const NEEDS_CARE = /^[=+\-@\t\r']|[",\r\n]/;

/**
 * One CSV cell for files the app writes (rejection lists, finding lists, reports, blank
 * templates). A text starting with `=`, `+`, `-`, `@`, tab or carriage return is a formula to
 * a spreadsheet, and our cells quote customer data verbatim; a leading apostrophe makes Excel
 * show it as text (OWASP "CSV injection"). A text that already starts with an apostrophe gets
 * one more, so the escape is lossless: a reader recovers the original by dropping one leading
 * apostrophe from any cell that has one (`uncsvCell`). Numbers are written as they are: a
 * negative number is no formula.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  if (!NEEDS_CARE.test(value)) return value;
  const text = FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The inverse of csvCell's neutralisation, for a cell already unquoted by a CSV reader. */
export function uncsvCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  let line = values.length > 0 ? csvCell(values[0]) : '';
  for (let index = 1; index < values.length; index++) line += `,${csvCell(values[index])}`;
  return `${line}\r\n`;
}
