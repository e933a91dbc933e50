// Reports in the console against the September 2025 demo (the server's today
// is long past it): the day picker opens on the latest day with scans, not an
// empty today; totals, the hourly chart and the tables show that day; another
// day can be picked; the conflict is listed as a pair (which desk admitted the
// ticket first and which again, when); both exports download.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { login, seedDemoScans, startConsoleServer, type ConsoleServer, type DemoScans } from './support/console';

let s: ConsoleServer;
let demo: DemoScans;
test.beforeAll(async () => {
  s = await startConsoleServer();
  demo = await seedDemoScans(s);
});
test.afterAll(async () => {
  await s.close();
});

test('the day picker opens on the latest demo day with data and shows its tallies, chart and conflicts pair by pair', async ({ page }) => {
  await login(page, s.base);
  const reports = page.getByTestId('reports');
  await expect(reports).toHaveAttribute('data-day', '2025-09-11');
  await expect(page.getByTestId('day-select')).toHaveValue('2025-09-11');
  await expect(reports.locator('[data-total="scans"] b')).toHaveText(String(demo.perDay['2025-09-11']));
  // 60 at hall A (one exit among them is not an admission), 18 + 1 at the ceremony, 1 at the info desk.
  await expect(reports.locator('[data-total="accepted"] b')).toHaveText('80');
  await expect(reports.locator('[data-total="people"] b')).toHaveText('79');
  await expect(reports.locator('[data-total="rejected"] b')).toHaveText('1');
  await expect(reports.locator('[data-total="conflicts"] b')).toHaveText('1');
  await expect(page.getByTestId('by-reason').locator('[data-reason="unknown_ticket"]')).toContainText('Unknown ticket: 1');
  await expect(page.getByTestId('by-checkpoint')).toContainText('KICEF');

  // The chart: one bar group per hour, scans where the demo put them.
  const chart = page.getByTestId('hour-chart');
  await expect(chart.locator('[data-hour]')).toHaveCount(24);
  await expect(chart.locator('[data-hour="10"]')).toHaveAttribute('data-scans', '15');
  await expect(chart.locator('[data-hour="3"]')).toHaveAttribute('data-scans', '0');

  // The conflict, pair by pair: the ceremony desk first, the info desk again 40 minutes later.
  const row = page.getByTestId('conflicts').locator(`[data-code="${demo.conflictCode}"]`);
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('conflict-first')).toHaveText('2025-09-11 11:15:00 · 개막식 데스크');
  await expect(row.getByTestId('conflict-second')).toHaveText('2025-09-11 11:55:00 · 안내 데스크');

  // Another day.
  await page.getByTestId('day-select').selectOption('2025-09-10');
  await expect(reports).toHaveAttribute('data-day', '2025-09-10');
  await expect(reports.locator('[data-total="scans"] b')).toHaveText('24');
  await expect(page.getByTestId('conflicts-none')).toBeVisible();
  // A day without scans shows zeros, not an error.
  await page.getByTestId('day-select').selectOption('2025-09-14');
  await expect(reports.locator('[data-total="scans"] b')).toHaveText('0');
});

test('CSV and XLSX exports download every check-in', async ({ page }) => {
  await login(page, s.base);
  const total = Object.values(demo.perDay).reduce((a, b) => a + b, 0);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(csv.suggestedFilename()).toBe('icw2025-checkins.csv');
  const text = readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toContain('scanned_at');
  expect(lines).toHaveLength(total + 1);
  expect(text).toContain(demo.conflictCode);

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toBe('icw2025-checkins.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await xlsx.path())!);
  const sheet = book.worksheets[0]!;
  expect(sheet.actualRowCount).toBe(total + 1);
});
