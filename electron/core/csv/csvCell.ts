export type CsvValue = string | number | null | undefined;

/**
 * One CSV cell for files the app writes (rejection lists, finding lists, blank templates). A cell starting
 * with `=`, `+`, `-`, `@`, tab or carriage return is a formula to Excel, and rejected rows
 * quote customer data verbatim; a leading apostrophe makes Excel show it as text (OWASP
 * "CSV injection").
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
