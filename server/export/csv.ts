// CSV writing for exports: RFC 4180 quoting, CRLF rows, a UTF-8 BOM so Excel
// reads Hangul right, and formula-injection safety — a cell starting with
// = + - @ tab or CR is prefixed with ' so a spreadsheet shows it as text
// instead of running it (OWASP "CSV injection").

export const BOM = '\uFEFF';

const DANGEROUS_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, neutralized and quoted as needed. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (DANGEROUS_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
