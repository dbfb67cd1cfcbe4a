import type { ConcordanceLine } from "../model/search-results.js";

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

/** A concordance as CSV, one occurrence per row: the download behind the CLI's --kwic --csv and the API. */
export function concordanceCsv(lines: ConcordanceLine[]): string {
  let csv = csvRow(["date", "speaker", "left", "match", "right", "document", "turn", "permalink"]);
  for (const l of lines) {
    csv += csvRow([l.date, l.speakerName, l.left, l.match, l.right, l.documentId, l.turnIndex, l.permalink]);
  }
  return csv;
}
