// The XLSX gate: a real workbook passes; a ZIP that is no workbook, one that
// inflates past its declared sizes (a zip bomb) or past the budget, a damaged
// one and one hiding unlisted data are refused before any spreadsheet library
// sees them.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkXlsxZip, ZipCheckError } from '../../../core/zip-guard';
import { makeZip } from '../../support/zip';

const MB = 1024 * 1024;
const WORKBOOK = { name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook/>') };

async function kindOf(bytes: Uint8Array, budget = 64 * MB): Promise<string> {
  try {
    await checkXlsxZip(bytes, budget);
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(ZipCheckError);
    return (err as ZipCheckError).kind;
  }
}

describe('checkXlsxZip', () => {
  it('passes a workbook exceljs wrote', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('명단').addRow(['코드', '성명']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await kindOf(bytes)).toBe('ok');
  });

  it('passes a hand-made ZIP with stored and deflated parts', async () => {
    expect(await kindOf(makeZip([WORKBOOK, { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(5000), store: true }]))).toBe('ok');
  });

  it('refuses a ZIP without a workbook (a .docx, an .ods)', async () => {
    expect(await kindOf(makeZip([{ name: 'word/document.xml', data: new Uint8Array(10) }]))).toBe('not_xlsx');
  });

  it('refuses a zip bomb: a part declared as 1000 bytes that inflates to 50 MB', async () => {
    const bomb = makeZip([WORKBOOK, { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(50 * MB), declaredSize: 1000 }]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await kindOf(bomb)).toBe('too_large');
  });

  it('refuses an honest workbook bigger than the budget, by its declared sizes', async () => {
    const big = makeZip([WORKBOOK, { name: 'xl/sharedStrings.xml', data: new Uint8Array(3 * MB) }]);
    expect(await kindOf(big, 2 * MB)).toBe('too_large');
    expect(await kindOf(big, 4 * MB)).toBe('ok');
  });

  it('refuses a part that inflates to less than declared, unlisted bytes between parts, and a cut-off file', async () => {
    expect(await kindOf(makeZip([WORKBOOK, { name: 'xl/a.xml', data: new Uint8Array(100), declaredSize: 200 }]))).toBe('corrupt');
    expect(await kindOf(makeZip([WORKBOOK, { name: 'xl/a.xml', data: new Uint8Array(100) }], { gapAfterFirst: 64 }))).toBe('corrupt');
    const whole = makeZip([WORKBOOK, { name: 'xl/a.xml', data: new Uint8Array(100) }]);
    expect(await kindOf(whole.subarray(0, whole.length - 30))).toBe('corrupt');
    expect(await kindOf(new TextEncoder().encode('code,name\n'))).toBe('not_zip');
  });
});
