// The walking skeleton end to end in real Chromium with real IndexedDB: USB-scanner
// scans (plain and through a Korean IME layout), the once rule, unknown and garbage
// codes, name search by 초성, and a reload that keeps every check-in.
import { expect, test } from '@playwright/test';
import { demoTicket } from '../../core/demo/roster';
import { openAtCheckpoint, scan, scannerBurstInPage, verdict } from './support/kiosk';

const kim = demoTicket(0); // 김철현: valid everywhere
const noted = demoTicket(2); // has an attention note

test('USB scanner: admit once, refuse the second scan, refuse unknown and garbage codes', async ({ page }) => {
  await openAtCheckpoint(page, 'ceremony');

  const first = await scan(page, kim.code);
  await expect(first).toHaveAttribute('data-verdict', 'accepted');
  await expect(first).toHaveAttribute('role', 'status');
  await expect(first.getByTestId('verdict-name')).toHaveText('김철현');
  await expect(page.locator('[data-sync-state]')).toHaveAttribute('data-outbox', '1');

  const second = await scan(page, kim.code);
  await expect(second).toHaveAttribute('data-verdict', 'rejected');
  await expect(second).toHaveAttribute('data-reason', 'already_checked_in');
  await expect(second).toContainText('이미 체크인됨');
  await expect(second).toContainText('Already checked in');

  const unknown = await scan(page, 'ICW25-NOSUCHCODE');
  await expect(unknown).toHaveAttribute('data-reason', 'unknown_ticket');
  await expect(unknown).toHaveAttribute('data-checkin-id', /.+/);

  const stored = await page.locator('[data-sync-state]').getAttribute('data-outbox');
  await scannerBurstInPage(page, 'X'.repeat(5000));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'rejected');
  await expect(verdict(page)).toHaveAttribute('data-reason', 'malformed');
  await expect(verdict(page)).not.toHaveAttribute('data-checkin-id', /.*/);
  await expect(page.locator('[data-sync-state]')).toHaveAttribute('data-outbox', stored ?? '');
});

test('USB scanner with a Korean 2-beolsik IME active still reads the code', async ({ page }) => {
  await openAtCheckpoint(page, 'info-desk');
  const v = await scan(page, kim.code, { ime: true });
  await expect(v).toHaveAttribute('data-verdict', 'accepted');
  await expect(v.getByTestId('verdict-name')).toHaveText('김철현');
});

test('USB scanner that sends no Enter is recognised by its idle gap', async ({ page }) => {
  await openAtCheckpoint(page, 'info-desk');
  const v = await scan(page, kim.code, { terminator: 'none' });
  await expect(v).toHaveAttribute('data-verdict', 'accepted');
});

test('attention notes are shown with the admission', async ({ page }) => {
  await openAtCheckpoint(page, 'info-desk');
  const v = await scan(page, noted.code);
  await expect(v).toHaveAttribute('data-verdict', 'accepted');
  await expect(v.locator('[data-attention]')).toContainText(noted.note ?? '');
});

test('name search by 초성 finds the attendee and checks them in', async ({ page }) => {
  await openAtCheckpoint(page, 'ceremony');
  await page.getByTestId('open-search').click();
  for (const jamo of ['ㄱ', 'ㅊ', 'ㅎ']) await page.locator('.osk__key', { hasText: new RegExp(`^${jamo}$`) }).click();
  await expect(page.getByTestId('search-input')).toHaveValue('ㄱㅊㅎ');
  const hit = page.locator(`[data-code="${kim.code}"]`);
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'accepted');
  await expect(verdict(page).getByTestId('verdict-name')).toHaveText('김철현');
});

test('a reload keeps every check-in and the once rule still holds', async ({ page }) => {
  await openAtCheckpoint(page, 'ceremony');
  await expect(await scan(page, kim.code)).toHaveAttribute('data-verdict', 'accepted');
  await expect(await scan(page, demoTicket(5).code)).toHaveAttribute('data-checkin-id', /.+/);
  await page.reload();
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
  await expect(page.locator('[data-sync-state]')).toHaveAttribute('data-outbox', '2');
  const again = await scan(page, kim.code);
  await expect(again).toHaveAttribute('data-reason', 'already_checked_in');
});

test('setup imports a roster CSV, reports broken rows by line, and the new ticket scans', async ({ page }) => {
  await page.goto('/?roster=50&at=2025-09-10T11:00:00%2B09:00');
  await expect(page.locator('[data-checkpoint="info-desk"]')).toBeVisible({ timeout: 60_000 });
  const csv = '\uFEFF코드,성명,회사명,구분\nWALKIN-0001,박서준,새한정밀,방문객\n,이름만,회사,방문객\nWALKIN-0002,Maria Schmidt,Bosch,buyer\n';
  await page.getByTestId('csv-input').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const report = page.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-imported', '2');
  await expect(report).toHaveAttribute('data-errors', '1');
  await expect(report.locator('li')).toHaveText([/^3행: /]);
  await page.locator('[data-checkpoint="info-desk"]').click();
  const v = await scan(page, 'WALKIN-0002');
  await expect(v).toHaveAttribute('data-verdict', 'accepted');
  await expect(v.getByTestId('verdict-name')).toHaveText('Maria Schmidt');
});
