// The roster in the console: a CSV upload shows a progress bar, then the
// counts (new / updated / unchanged) and every refused line by its number
// while the good rows are stored; uploading it again changes nothing; an XLSX
// (Korean headers) goes to the server as it is and is read there, a broken one
// is refused in the console's language; and a ticket is found by part of its name and
// shown with every scan of it, conflict marked.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { demoTicket } from '../../core/demo/roster';
import { XLSX_MIME } from '../../core/roster-file';
import { ADMIN, EVENT_ID, login, seedDemoScans, startConsoleServer, type ConsoleServer, type DemoScans } from './support/console';

let s: ConsoleServer;
let demo: DemoScans;
let dir: string;
test.beforeAll(async () => {
  s = await startConsoleServer();
  demo = await seedDemoScans(s);
  dir = mkdtempSync(join(tmpdir(), 'turnout-roster-'));
});
test.afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

// Line 1 is the header; line 4 has an unknown category, line 6 no name.
const CSV = [
  'code,name,company,category,programmes,note',
  'NEW-001,홍길동,(주)한빛정밀,visitor,,',
  'NEW-002,Jane Roe,Northwind,buyer,,',
  'NEW-003,김민지,대성테크,astronaut,,',
  'NEW-004,박서준,세진기계,exhibitor,,휠체어',
  'NEW-005,,빈이름,visitor,,',
].join('\n');

test('a CSV upload reports counts and each broken line by number; good rows are stored', async ({ page }) => {
  const file = join(dir, 'roster.csv');
  writeFileSync(file, CSV);
  await login(page, s.base);
  await page.getByTestId('nav-roster').click();
  await page.getByTestId('roster-file').setInputFiles(file);
  await page.getByTestId('roster-upload').click();
  const result = page.getByTestId('import-result');
  await expect(result.locator('[data-count="imported"] b')).toHaveText('3');
  await expect(result.locator('[data-count="updated"] b')).toHaveText('0');
  await expect(result.locator('[data-count="unchanged"] b')).toHaveText('0');
  await expect(result.locator('[data-count="errors"] b')).toHaveText('2');
  const errors = page.getByTestId('import-errors');
  await expect(errors.locator('tbody tr')).toHaveCount(2);
  await expect(errors.locator('tr[data-line="4"]')).toContainText('astronaut');
  await expect(errors.locator('tr[data-line="6"]')).toBeVisible();

  const get = (code: string) => fetch(`${s.base}/v1/admin/events/${EVENT_ID}/tickets/${code}`, { headers: { authorization: `Bearer ${ADMIN}` } });
  expect((await get('NEW-004')).status).toBe(200);
  expect((await get('NEW-003')).status).toBe(404);

  // The same file again: nothing new, nothing changed.
  await page.getByTestId('roster-upload').click();
  await expect(result.locator('[data-count="unchanged"] b')).toHaveText('3');
  await expect(result.locator('[data-count="imported"] b')).toHaveText('0');
});

test('the upload shows its progress while a large roster is sent', async ({ page }) => {
  const rows = ['code,name,company,category'];
  for (let i = 0; i < 60_000; i++) rows.push(`BIG-${i},참가자 ${i},회사 ${i % 97},visitor`);
  const file = join(dir, 'big.csv');
  writeFileSync(file, rows.join('\n'));
  await login(page, s.base);
  await page.getByTestId('nav-roster').click();
  await page.getByTestId('roster-file').setInputFiles(file);
  // Every state the progress bar shows is recorded as it renders: on loopback the send may take
  // only milliseconds, so a poll could miss it; the server's reading of 60,000 rows may not.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="upload-progress"]');
      const text = bar?.textContent ?? '';
      if (bar && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('roster-upload').click();
  await expect(page.getByTestId('import-result').locator('[data-count="imported"] b')).toHaveText('60,000', { timeout: 60_000 });
  await expect(page.getByTestId('upload-progress')).toHaveCount(0);
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen[0]).toMatch(/^Sending… \d+%$/);
  expect(seen).toContain('Reading the roster on the server…');
});

test('an XLSX workbook with Korean headers is sent as it is and imported; a broken one is refused in the console language', async ({ page }) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('명단');
  ws.addRow(['코드', '성명', '회사명', '구분']);
  ws.addRow(['XLS-001', '한지민', '새한정밀', '방문객']);
  ws.addRow(['XLS-002', '', '대성테크', '바이어']);
  const good = join(dir, '명단.xlsx');
  writeFileSync(good, Buffer.from(await wb.xlsx.writeBuffer()));
  const broken = join(dir, 'broken.xlsx');
  writeFileSync(broken, Buffer.from('PK\u0003\u0004 not really a workbook'));
  const sent: string[] = [];
  page.on('request', (r) => r.url().endsWith('/tickets/import') && sent.push(r.headers()['content-type'] ?? ''));
  await login(page, s.base);
  await page.getByTestId('nav-roster').click();
  await page.getByTestId('roster-file').setInputFiles(good);
  await page.getByTestId('roster-upload').click();
  const result = page.getByTestId('import-result');
  await expect(result.locator('[data-count="imported"] b')).toHaveText('1');
  await expect(page.getByTestId('import-errors').locator('tr[data-line="3"]')).toContainText('no name');
  const get = (code: string) => fetch(`${s.base}/v1/admin/events/${EVENT_ID}/tickets/${code}`, { headers: { authorization: `Bearer ${ADMIN}` } });
  expect(((await (await get('XLS-001')).json()) as { ticket: { name: string } }).ticket.name).toBe('한지민');

  await page.getByTestId('roster-file').setInputFiles(broken);
  await page.getByTestId('roster-upload').click();
  await expect(page.getByTestId('upload-error')).toContainText('Nothing was imported');
  await expect(page.getByTestId('import-result')).toHaveCount(0);
  expect(sent).toEqual([XLSX_MIME, XLSX_MIME]);
});

test('ticket lookup by part of a name shows the ticket and its scans, the conflict marked', async ({ page }) => {
  const t = demoTicket(105);
  await login(page, s.base);
  await page.getByTestId('nav-roster').click();
  await page.getByTestId('lookup-q').fill(t.name.slice(1));
  await page.getByTestId('lookup-go').click();
  await page.getByTestId('lookup-results').locator(`[data-code="${demo.conflictCode}"]`).click();
  const detail = page.getByTestId('ticket-detail');
  await expect(detail).toHaveAttribute('data-code', demo.conflictCode);
  await expect(detail).toContainText(t.name);
  const rows = page.getByTestId('ticket-history').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'stored');
  await expect(rows.nth(0)).toContainText('2025-09-11 11:15:00');
  await expect(rows.nth(0)).toContainText('개막식 데스크');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'conflict');
  await expect(rows.nth(1)).toContainText('conflict');

  // An admin blocks the ticket from here; kiosks pull the change.
  await page.getByTestId('ticket-block').click();
  await expect(detail).toHaveAttribute('data-status', 'blocked');
  await expect(page.getByTestId('ticket-status')).toHaveText('Blocked');
});
