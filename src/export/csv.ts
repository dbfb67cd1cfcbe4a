/**
 * CSV as spreadsheets read it: RFC 4180 quoting, and cells that a spreadsheet would run as a
 * formula (=, +, -, @ at the start) defused with a leading apostrophe — transcript text is hostile.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
