// Roster import from an XLSX sheet: the cells exceljs reads become the same
// strings a CSV would hold, and go through the CSV's own row mapping
// (core/csv.ts RosterRows), so headers, categories, dates and errors are one
// definition. exceljs itself is loaded by the caller — in memory on the kiosk
// (renderer/import), streaming on the server (server/import) — and hands rows
// over as `SheetRow`s; this module only knows exceljs's cell value shapes.
//
// What a sheet adds over a CSV: typed cells. A date cell is its wall clock,
// read in the event's zone like a zone-less CSV date, and a date-only format
// keeps "valid until 12 Sep" meaning the end of that day. Numbers print without
// exponents; a number too long for Excel's 15 digits in a mapped column (a
// code typed into a General column) is an error, because Excel already rounded
// it. An Excel error cell (#N/A, #REF!) in a mapped column refuses its row.

import { RosterRows, type RosterParseOptions, type RosterParseResult, type RowProblem } from './csv';

/** One row of a sheet as exceljs gives it: `number` is the sheet's row number, cells 0-based. */
export interface SheetRow {
  number: number;
  cells: readonly unknown[];
  /** The cells' number formats (only date cells need one). */
  formats?: readonly (string | undefined)[];
}

/** The parts of an exceljs Row read here (structural, so core needs no exceljs types). */
export interface ExcelRowLike {
  number: number;
  values: unknown;
  getCell(column: number): { numFmt?: string };
}

/** An exceljs row (1-based `values`) as a SheetRow, with the number formats of its date cells. */
export function sheetRowOf(row: ExcelRowLike): SheetRow {
  const values = (Array.isArray(row.values) ? row.values : []) as unknown[];
  const cells = values.slice(1);
  const formats = cells.map((v, i) => (v instanceof Date ? row.getCell(i + 1).numFmt : undefined));
  return { number: row.number, cells, formats };
}

/** Reads the first sheet of an XLSX (already checked by core/zip-guard). */
export type SheetReader = (bytes: Uint8Array) => AsyncIterable<SheetRow>;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Whether a number format shows a time of day (h, s, AM/PM), ignoring quoted text, escapes and [Color] tags. */
export function formatHasTime(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[hs]|am\/pm|a\/p/i.test(bare);
}

/** A date cell's wall clock (exceljs gives it as UTC fields), to the second. */
function dateText(d: Date, format: string | undefined): string {
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const date = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  const midnight = t.getUTCHours() === 0 && t.getUTCMinutes() === 0 && t.getUTCSeconds() === 0;
  if (midnight && !formatHasTime(format)) return date;
  return `${date} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

/** Integers Excel stores exactly: it keeps 15 significant digits. */
const EXACT_LIMIT = 1e15;

/** A cell as text, or the problem that refuses its row if the column matters. */
export function cellText(value: unknown, format?: string): { text: string } | { problem: RowProblem } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { text: '' };
    if (Number.isInteger(value) && Math.abs(value) >= EXACT_LIMIT) {
      const shown = value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
      return {
        problem: {
          code: 'number_code',
          params: { value: shown },
          message: `the number ${shown} is longer than Excel keeps exactly (15 digits): format the column as Text and type it again`,
        },
      };
    }
    return { text: value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 15 }) };
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { text: '' } : { text: dateText(value, format) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return { text: v.richText.map((r: unknown) => (r && typeof (r as { text?: unknown }).text === 'string' ? (r as { text: string }).text : '')).join('') };
    }
    if ('error' in v) {
      const shown = String(v.error);
      return { problem: { code: 'excel_error', params: { value: shown }, message: `a cell holds the Excel error ${shown}` } };
    }
    if ('result' in v || 'formula' in v || 'sharedFormula' in v) return cellText(v.result, format);
    if (typeof v.text === 'string') return { text: v.text }; // hyperlink
    if (v.text !== undefined) return cellText(v.text, format);
  }
  return { text: '' };
}

/** Maps a sheet's rows (any order of arrival is by row number, as exceljs reads them) to tickets and errors by row. */
export async function parseRosterSheet(rows: AsyncIterable<SheetRow>, options: RosterParseOptions = {}): Promise<RosterParseResult> {
  const out = new RosterRows(options);
  for await (const row of rows) {
    const cells: string[] = [];
    const problems = new Map<number, RowProblem>();
    row.cells.forEach((value, i) => {
      const read = cellText(value, row.formats?.[i]);
      if ('text' in read) cells[i] = read.text;
      else {
        cells[i] = '';
        problems.set(i, read.problem);
      }
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    out.row(row.number, cells, undefined, problems);
  }
  return out.result();
}
