// The kiosk's XLSX export: a Tallies sheet (the day's tables, counts as
// numbers) and a Check-ins sheet (typed columns: scanned_at and day as real
// Excel dates holding the venue's wall clock, every other cell a string, so a
// name like =HYPERLINK(...) stays text). exceljs is imported dynamically: it
// lands in its own chunk and the kiosk's main bundle does not grow. The same
// code runs in Node (tests, bench/xlsx.ts), where exceljs resolves to its Node build.
// The page gets exceljs's browser build, which has no streaming WorkbookWriter,
// so the in-memory Workbook writes the file; its data rows go in as row models
// (xlsx-rows.ts), which keeps 100k check-ins inside the 5 s budget.
import type { Cell, Row, Style, Worksheet } from 'exceljs';
import {
  checkinSheetCells,
  DATE_FORMAT,
  DATETIME_FORMAT,
  KIOSK_CHECKIN_COLUMNS,
  type CheckinExportRow,
  type TallyTable,
} from '../../core/export';
import type { Chunks } from './csv';
import { pinModelWithRows, rowModeler, type RowModel, type ValueTypes } from './xlsx-rows';

const CHECKINS = 'Check-ins';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxInput {
  /** The event's zone: dates are written as its wall clock. */
  timeZone: string;
  tallies: readonly TallyTable[];
  checkins: Chunks<CheckinExportRow>;
  /** Rows added so far, after each chunk. */
  onProgress?: (done: number) => void;
  /** Called once every row is in, before the (long, silent) packing. */
  onPacking?: () => void;
}

// exceljs keeps one style record per distinct style *object*: cells sharing one
// frozen object are registered once instead of once per cell (seconds at 100k rows).
const PLAIN: Partial<Style> = Object.freeze({});
const BOLD: Partial<Style> = Object.freeze({ font: { bold: true } });
const STYLE_OF: Record<string, Partial<Style>> = {
  datetime: Object.freeze({ numFmt: DATETIME_FORMAT }),
  date: Object.freeze({ numFmt: DATE_FORMAT }),
};
const COLUMN_STYLES = KIOSK_CHECKIN_COLUMNS.map((c) => STYLE_OF[c.kind] ?? PLAIN);

function styleRow(row: Row, style: (col: number) => Partial<Style>): void {
  row.eachCell((cell: Cell, col: number) => {
    cell.style = style(col);
  });
}

function writeTallies(ws: Worksheet, tables: readonly TallyTable[]): void {
  ws.columns = [{ width: 24 }, { width: 22 }, ...Array.from({ length: 6 }, () => ({ width: 13 }))];
  for (const table of tables) {
    styleRow(ws.addRow([table.title]), () => BOLD);
    styleRow(ws.addRow(table.header), () => BOLD);
    for (const r of table.rows) styleRow(ws.addRow(r), () => PLAIN);
    ws.addRow([]);
  }
}

/** Builds the workbook and returns the .xlsx bytes. */
export async function buildXlsx(input: XlsxInput): Promise<Uint8Array> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Turnout';
  wb.created = new Date();

  writeTallies(wb.addWorksheet('Tallies'), input.tallies);

  // The sheet, its columns and header through the ordinary API; the data rows
  // as row models (xlsx-rows.ts says why), added to the model the writer reads.
  const ws = wb.addWorksheet(CHECKINS, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = KIOSK_CHECKIN_COLUMNS.map((c) => ({ header: c.key, key: c.key, width: c.width }));
  styleRow(ws.getRow(1), () => BOLD);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: KIOSK_CHECKIN_COLUMNS.length } };
  const toRow = rowModeler(ExcelJS.ValueType as unknown as ValueTypes, KIOSK_CHECKIN_COLUMNS.map((c) => c.kind), COLUMN_STYLES);
  const rows: RowModel[] = [];
  let done = 0;
  for await (const chunk of input.checkins) {
    for (const r of chunk) rows.push(toRow(rows.length + 2, checkinSheetCells(r, input.timeZone)));
    done += chunk.length;
    input.onProgress?.(done);
  }
  input.onPacking?.();
  pinModelWithRows(wb, CHECKINS, rows);
  // Level 1 deflate: a third of the packing time of the default for a few % more bytes.
  const buffer = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as never);
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}
