// The setup screen's roster import in real Chromium: an XLSX made by exceljs
// (date cells read in the event's zone, so a date-only valid_from is a venue
// day, not an error), a CP949 CSV with UHC-extension syllables decoded by
// Chromium's own WHATWG decoder, and a file refused as a whole in Korean.
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { hex } from '../support/cp949';
import { scan } from './support/kiosk';

async function rosterXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('참가자 명단');
  ws.addRow(['2025 산업단지 주간 현장 등록 명단']);
  ws.addRow(['코드', '성명', '회사명', '구분', '유효시작']);
  const today = ws.addRow(['XL-0001', '박서준', '새한정밀', '방문객', new Date(Date.UTC(2025, 8, 10))]);
  const tomorrow = ws.addRow(['XL-0002', '최지우', '대성테크', '바이어', new Date(Date.UTC(2025, 8, 11))]);
  today.getCell(5).numFmt = 'yyyy-mm-dd';
  tomorrow.getCell(5).numFmt = 'yyyy-mm-dd';
  ws.addRow(['', '코드없음', '', '방문객', null]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('setup imports an XLSX roster in the event zone; date-only valid_from is a venue day', async ({ page }) => {
  await page.goto('/?roster=50&at=2025-09-10T11:00:00%2B09:00');
  await expect(page.locator('[data-checkpoint="info-desk"]')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('csv-input').setInputFiles({
    name: '명단.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await rosterXlsx(),
  });
  const report = page.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-imported', '2');
  await expect(report).toHaveAttribute('data-format', 'xlsx');
  await expect(report).toHaveAttribute('data-errors', '1');
  await expect(report.locator('li')).toHaveText(['5행: 코드가 없습니다']);
  await page.screenshot({ path: 'test-results/roster-import-xlsx.png' });
  await page.locator('[data-checkpoint="info-desk"]').click();
  const ok = await scan(page, 'XL-0001');
  await expect(ok).toHaveAttribute('data-verdict', 'accepted');
  await expect(ok.getByTestId('verdict-name')).toHaveText('박서준');
  await expect(await scan(page, 'XL-0002')).toHaveAttribute('data-reason', 'not_yet_valid');
});

test('setup imports a CP949 CSV (as Korean Excel saves it) without garbling rare syllables', async ({ page }) => {
  await page.goto('/?roster=50&at=2025-09-10T11:00:00%2B09:00');
  await expect(page.locator('[data-checkpoint="info-desk"]')).toBeVisible({ timeout: 60_000 });
  // '코드,성명,회사명,구분' / 'CP-0001,김철현,(주)한빛정밀,방문객' / 'CP-0002,똠방각하,햏햏상사,바이어' — Python's cp949 codec.
  const cp949 = Buffer.concat([
    hex('c4dab5e52cbcbab8ed2cc8b8bbe7b8ed2cb1b8bad00d0a'),
    hex('43502d303030312cb1e8c3b6c7f62c28c1d629c7d1bafbc1a4b9d02cb9e6b9aeb0b40d0a'),
    hex('43502d303030322c8c63b9e6b0a2c7cf2cc164c164bbf3bbe72cb9d9c0ccbeee0d0a'),
  ]);
  await page.getByTestId('csv-input').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: cp949 });
  const report = page.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-imported', '2');
  await expect(report).toHaveAttribute('data-encoding', 'cp949');
  await page.locator('[data-checkpoint="info-desk"]').click();
  const v = await scan(page, 'CP-0002');
  await expect(v).toHaveAttribute('data-verdict', 'accepted');
  await expect(v.getByTestId('verdict-name')).toHaveText('똠방각하');
});

test('setup refuses a file it cannot read without garbling, and says so', async ({ page }) => {
  await page.goto('/?roster=50&at=2025-09-10T11:00:00%2B09:00');
  await expect(page.locator('[data-checkpoint="info-desk"]')).toBeVisible({ timeout: 60_000 });
  const latin1 = Buffer.from('code,name\nA-1,Müller\n', 'latin1');
  await page.getByTestId('csv-input').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: latin1 });
  const report = page.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-failed', 'unknown_encoding');
  await expect(report).toContainText('가져오지 않았습니다');
  await expect(report).toContainText('CSV UTF-8');
});
