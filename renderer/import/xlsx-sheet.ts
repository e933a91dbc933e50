// The kiosk's reader of a roster workbook's first sheet: exceljs's in-memory
// Workbook (its browser build has no streaming reader), loaded on first use so
// the page's main bundle does not carry it. Call it only on bytes that
// core/zip-guard checked (core/roster-file.ts does), with the kiosk's smaller
// unpacked-size budget: the whole workbook is held in memory.
import { sheetRowOf, type SheetRow } from '../../core/roster-xlsx';

export async function* readFirstSheetInMemory(bytes: Uint8Array): AsyncGenerator<SheetRow> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  // A copy that owns exactly its bytes: exceljs's zip reader reads the whole underlying buffer.
  await wb.xlsx.load(bytes.slice().buffer);
  // `worksheets` is in tab order; the first visible one is what Excel opens on.
  const sheet = wb.worksheets.find((s) => s.state === 'visible' || !s.state) ?? wb.worksheets[0];
  if (!sheet) return;
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push(sheetRowOf(row)));
  yield* rows;
}
