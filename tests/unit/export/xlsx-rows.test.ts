// The Check-ins sheet written from row models (renderer/export/xlsx-rows.ts)
// holds exactly what exceljs's own ws.addRow path writes — every cell's value,
// type and number format, empty cells absent — in exceljs's Node build and in
// the browser build the kiosk page loads (dist/exceljs.min.js).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { checkinSheetCells, DATE_FORMAT, DATETIME_FORMAT, KIOSK_CHECKIN_COLUMNS, type CheckinExportRow } from '../../../core/export';
import { columnLetters, pinModelWithRows, rowModeler, type ValueTypes } from '../../../renderer/export/xlsx-rows';

const TZ = 'Asia/Seoul';
const require = createRequire(import.meta.url);
const BrowserExcelJS = require('exceljs/dist/exceljs.min.js') as typeof ExcelJS;

const base: CheckinExportRow = {
  id: '0199a1b2-0000-7000-8000-000000000001', code: 'ICW25-AAAA', name: '김철현', company: '(주)한빛정밀', category: 'visitor',
  checkpointId: 'hall-a', checkpointName: 'A홀', deviceId: 'kiosk-1', direction: 'entry', verdict: 'accepted',
  scannedAt: '2025-09-10T23:59:30.250+09:00', day: '2025-09-10', status: 'pending',
};
const ROWS: CheckinExportRow[] = [
  base,
  { ...base, id: 'id-2', name: '=HYPERLINK("http://evil/?x","click")', company: 'A & B <Ltd> "quoted"', overrideBy: '@lead', overrideReason: '+VIP' },
  { ...base, id: 'id-3', name: undefined, company: '', verdict: 'rejected', reason: 'blocked', scannedAt: 'not a time', day: 'bad-day' },
  ...Array.from({ length: 300 }, (_, i) => ({ ...base, id: `id-${i + 4}`, code: `C${i % 37}`, scannedAt: new Date(Date.UTC(2025, 8, 10, 0, 0, i * 7)).toISOString() })),
];

const PLAIN = Object.freeze({});
const STYLES = KIOSK_CHECKIN_COLUMNS.map((c) =>
  c.kind === 'datetime' ? Object.freeze({ numFmt: DATETIME_FORMAT }) : c.kind === 'date' ? Object.freeze({ numFmt: DATE_FORMAT }) : PLAIN,
);

type Lib = typeof ExcelJS;

async function viaAddRow(lib: Lib): Promise<Uint8Array> {
  const wb = new lib.Workbook();
  const ws = wb.addWorksheet('Check-ins');
  ws.columns = KIOSK_CHECKIN_COLUMNS.map((c) => ({ header: c.key, key: c.key, width: c.width }));
  for (const r of ROWS) {
    const row = ws.addRow(checkinSheetCells(r, TZ).map((v) => (v === null || v === '' ? undefined : v)));
    row.eachCell((cell, col) => (cell.style = STYLES[col - 1] ?? PLAIN));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function viaRowModels(lib: Lib): Promise<Uint8Array> {
  const wb = new lib.Workbook();
  const ws = wb.addWorksheet('Check-ins');
  ws.columns = KIOSK_CHECKIN_COLUMNS.map((c) => ({ header: c.key, key: c.key, width: c.width }));
  const toRow = rowModeler(lib.ValueType as unknown as ValueTypes, KIOSK_CHECKIN_COLUMNS.map((c) => c.kind), STYLES);
  pinModelWithRows(wb, 'Check-ins', ROWS.map((r, i) => toRow(i + 2, checkinSheetCells(r, TZ))));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function cells(bytes: Uint8Array): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Check-ins')!;
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    for (let c = 1; c <= KIOSK_CHECKIN_COLUMNS.length; c++) {
      const cell = row.getCell(c);
      const v = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
      out.push([n, c, cell.type, v, cell.numFmt ?? null, cell.formula ?? null]);
    }
  });
  return out;
}

describe('Check-ins rows as exceljs row models', () => {
  it('write the same cells as ws.addRow (Node build)', async () => {
    const want = await cells(await viaAddRow(ExcelJS));
    expect(want.length).toBe((ROWS.length + 1) * KIOSK_CHECKIN_COLUMNS.length);
    expect(await cells(await viaRowModels(ExcelJS))).toEqual(want);
  });

  it('write the same cells in the browser build the page loads', async () => {
    expect(typeof BrowserExcelJS.Workbook).toBe('function');
    expect(await cells(await viaRowModels(BrowserExcelJS))).toEqual(await cells(await viaAddRow(ExcelJS)));
  });

  it('leave empty cells out and name columns past Z', () => {
    expect(columnLetters(28).slice(-4)).toEqual(['Y', 'Z', 'AA', 'AB']);
    const toRow = rowModeler(ExcelJS.ValueType as unknown as ValueTypes, ['text', 'text', 'number'], [PLAIN, PLAIN, PLAIN]);
    const row = toRow(7, [undefined, '', 3]);
    expect(row.cells.map((c) => c.address)).toEqual(['C7']);
    expect([row.min, row.max]).toEqual([3, 3]);
  });
});
