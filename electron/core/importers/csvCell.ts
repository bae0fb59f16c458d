/**
 * One CSV cell for files the app writes (rejection lists, blank templates). A cell starting
 * with `=`, `+`, `-`, `@`, tab or carriage return is a formula to Excel, and rejected rows
 * quote customer data verbatim; a leading apostrophe makes Excel show it as text (OWASP
 * "CSV injection").
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
