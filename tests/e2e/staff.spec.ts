// Staff mode in real Chromium: the PIN is set at setup (no silent default),
// five wrong PINs lock the pad and a reload keeps the lock; the right PIN opens
// staff mode, whose tallies match the scans made here; the XLSX and CSV exports
// download (through the browser platform's saveFile) and are opened and checked;
// staff change the PIN (the current one, then the new one twice); and staff
// mode closes itself after three idle minutes (Playwright's fake clock, so the
// test does not wait them), while activity restarts the count; and a kiosk
// paired with the demo server adopts the event's PIN (hashed by the server in
// Node, verified by the page with WebCrypto).
// (docs/staff.png comes from tests/docs/screenshots.spec.ts: a test run never writes the tree.)
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { demoTicket } from '../../core/demo/roster';
import { DEMO_STAFF_PIN } from '../../server/demo';
import { kioskUrl, scan } from './support/kiosk';
import { pairByUrl } from './support/sync';
import { startUpstream } from './support/upstream';

// The demo event's PIN, which the demo server hands to kiosks it pairs.
const PIN = DEMO_STAFF_PIN;

async function typePin(page: Page, pin: string): Promise<void> {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
}

/** Sets the staff PIN from the setup screen's notice. */
async function setPinAtSetup(page: Page, pin: string): Promise<void> {
  await expect(page.getByTestId('staff-pin-missing')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('set-staff-pin').click();
  await expect(page.getByTestId('staff-gate')).toHaveAttribute('data-mode', 'set');
  await typePin(page, pin);
  await expect(page.getByTestId('staff-gate')).toHaveAttribute('data-mode', 'confirm');
  await typePin(page, pin);
  await expect(page.getByTestId('staff-pin-set')).toBeVisible();
}

async function openStaff(page: Page): Promise<void> {
  await page.getByTestId('open-staff').click();
  await expect(page.getByTestId('staff-gate')).toHaveAttribute('data-mode', 'enter');
}

test('five wrong PINs lock the pad, and a reload does not lift the lock', async ({ page }) => {
  await page.goto(kioskUrl());
  await setPinAtSetup(page, PIN);
  await page.locator('[data-checkpoint="info-desk"]').click();
  await openStaff(page);

  await typePin(page, '1111');
  await expect(page.getByTestId('pin-message')).toHaveAttribute('data-reason', 'wrong');
  await expect(page.getByTestId('pin-message')).toContainText('4');
  for (let i = 2; i <= 4; i++) {
    await typePin(page, '0000');
    await expect(page.getByTestId('pin-message')).toContainText(String(5 - i));
  }
  await typePin(page, '9999');
  const locked = page.getByTestId('pin-locked');
  await expect(locked).toBeVisible();
  await expect(locked).toContainText(/0:(2\d|30)/);
  await expect(page.getByTestId('pin-ok')).toBeDisabled();
  await expect(page.getByTestId('pin-key-2')).toBeDisabled();

  await page.reload();
  await expect(page.getByTestId('scan-prompt')).toBeVisible({ timeout: 60_000 });
  await openStaff(page);
  await expect(page.getByTestId('pin-locked')).toBeVisible();
  await expect(page.getByTestId('pin-key-2')).toBeDisabled();
  await page.getByTestId('pin-cancel').click();
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
});

test('the right PIN opens staff mode: tallies match the scans, exports download', async ({ page }) => {
  await page.goto(kioskUrl());
  await setPinAtSetup(page, PIN);
  await page.locator('[data-checkpoint="info-desk"]').click();

  const kim = demoTicket(0);
  const jane = demoTicket(1);
  await expect(await scan(page, kim.code)).toHaveAttribute('data-verdict', 'accepted');
  await expect(await scan(page, kim.code)).toHaveAttribute('data-verdict', 'accepted'); // unlimited desk
  await expect(await scan(page, jane.code)).toHaveAttribute('data-verdict', 'accepted');
  await expect(await scan(page, 'ICW25-NOSUCHCODE')).toHaveAttribute('data-reason', 'unknown_ticket');
  await expect(await scan(page, demoTicket(3).code)).toHaveAttribute('data-reason', 'revoked');
  // An entry at the entry/exit hall: one person inside now.
  await page.getByRole('button', { name: '체크포인트 변경' }).click();
  await page.locator('[data-checkpoint="hall-a"]').click();
  await expect(await scan(page, kim.code)).toHaveAttribute('data-verdict', 'accepted');

  await openStaff(page);
  await typePin(page, PIN);
  const staff = page.getByTestId('staff-screen');
  await expect(staff).toBeVisible();
  await expect(staff).toHaveAttribute('data-day', '2025-09-10');
  const total = (key: string) => page.locator(`[data-total="${key}"]`);
  await expect(total('scans')).toHaveAttribute('data-value', '6');
  await expect(total('accepted')).toHaveAttribute('data-value', '4');
  await expect(total('people')).toHaveAttribute('data-value', '2');
  await expect(total('rejected')).toHaveAttribute('data-value', '2');
  await expect(total('inside')).toHaveAttribute('data-value', '1');
  const desk = page.getByTestId('tally-checkpoints').locator('tr[data-key="info-desk"]');
  await expect(desk).toHaveAttribute('data-scans', '5');
  await expect(desk).toHaveAttribute('data-people', '2');
  await expect(page.getByTestId('tally-checkpoints').locator('tr[data-key="hall-a"]')).toHaveAttribute('data-scans', '1');
  await expect(page.getByTestId('tally-reasons').locator('tr[data-key="revoked"]')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('tally-reasons').locator('tr[data-key="unknown_ticket"]')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('hourly-chart')).toHaveAttribute('data-scans', /^(0,){11}6,/);
  await expect(page.locator('.chart__plot canvas')).toBeVisible();
  await page.getByTestId('staff-scope-mine').click();
  await expect(total('scans')).toHaveAttribute('data-value', '6');
  await page.getByTestId('staff-scope-all').click();
  await expect(page.getByTestId('sync-health').locator('[data-outbox]')).toHaveAttribute('data-outbox', '6');
  await expect(page.getByTestId('sync-health').locator('[data-journal]')).toHaveAttribute('data-journal', 'none');
  await expect(page.getByTestId('sync-health').locator('[data-journal]')).toContainText('사본을 하나만');

  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(workers.some((u) => u.includes('xlsx.worker'))).toBe(true); // packed off the main thread
  expect(xlsx.suggestedFilename()).toBe('turnout-icw2025-2025-09-10.xlsx');
  await expect(page.getByTestId('export-result')).toHaveAttribute('data-status', 'ok');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await xlsx.path()) as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet('Check-ins')!;
  expect(sheet.rowCount).toBe(7);
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const names: unknown[] = [];
  sheet.eachRow((r, n) => n > 1 && names.push(r.getCell(header.indexOf('name') + 1).value));
  expect(names.filter((n) => n === '김철현')).toHaveLength(3);
  const at = sheet.getRow(2).getCell(header.indexOf('scanned_at') + 1);
  expect(at.type).toBe(ExcelJS.ValueType.Date);
  // The rehearsal clock stood at 11:00 in Seoul: the sheet shows venue time.
  expect((at.value as Date).toISOString()).toMatch(/^2025-09-10T11:0\d:/);
  const tallies = wb.getWorksheet('Tallies')!;
  expect(tallies.getRow(3).getCell(1).value).toBe('total');
  expect(tallies.getRow(3).getCell(2).value).toBe(6);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-checkins-csv').click()]);
  expect(csv.suggestedFilename()).toBe('turnout-icw2025-2025-09-10-checkins.csv');
  const bytes = readFileSync(await csv.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(7);
  expect(lines.filter((l) => l.includes(',김철현,'))).toHaveLength(3);
  expect(lines.some((l) => l.includes(',unknown_ticket,'))).toBe(true);

  await page.getByTestId('staff-close').click();
  await expect(page.getByTestId('scan-prompt').or(page.locator('[data-verdict]'))).toBeVisible();
});

test('staff change the PIN: the current one first, then the new one twice; afterwards only the new one opens staff mode', async ({ page }) => {
  await page.goto(kioskUrl());
  await setPinAtSetup(page, PIN);
  await page.locator('[data-checkpoint="info-desk"]').click();
  await openStaff(page);
  await typePin(page, PIN);
  await expect(page.getByTestId('staff-screen')).toBeVisible();

  await page.getByTestId('staff-change-pin').click();
  const gate = page.getByTestId('staff-gate');
  await expect(gate).toHaveAttribute('data-change', 'true');
  await expect(gate).toHaveAttribute('data-mode', 'enter');
  await expect(gate).toContainText('현재 관리자 PIN');
  // A wrong current PIN counts like any wrong PIN.
  await typePin(page, '1111');
  await expect(page.getByTestId('pin-message')).toHaveAttribute('data-reason', 'wrong');
  await expect(page.getByTestId('pin-message')).toContainText('4');
  await typePin(page, PIN);
  await expect(gate).toHaveAttribute('data-mode', 'set');
  await expect(gate).toContainText('새 관리자 PIN');
  // Two different new PINs: start the new one again.
  await typePin(page, '135790');
  await expect(gate).toHaveAttribute('data-mode', 'confirm');
  await typePin(page, '135791');
  await expect(gate).toHaveAttribute('data-mode', 'set');
  await expect(page.getByTestId('pin-message')).toHaveAttribute('data-reason', 'mismatch');
  await typePin(page, '135790');
  await typePin(page, '135790');
  await expect(gate).toBeHidden();
  await expect(page.getByTestId('staff-pin-changed')).toBeVisible();
  await expect(page.getByTestId('staff-screen')).toBeVisible();

  await page.getByTestId('staff-close').click();
  await openStaff(page);
  await typePin(page, PIN);
  await expect(page.getByTestId('pin-message')).toHaveAttribute('data-reason', 'wrong');
  await typePin(page, '135790');
  await expect(page.getByTestId('staff-screen')).toBeVisible();
  await expect(page.getByTestId('staff-pin-changed')).toBeHidden();

  // Cancel leaves the PIN as it was.
  await page.getByTestId('staff-change-pin').click();
  await page.getByTestId('pin-cancel').click();
  await expect(page.getByTestId('staff-gate')).toBeHidden();
  await expect(page.getByTestId('staff-screen')).toBeVisible();
});

test('staff mode closes itself after three idle minutes; a touch restarts the count', async ({ page }) => {
  // A fake clock that still runs: everything works as usual, and the test can jump minutes ahead.
  await page.clock.install();
  await page.goto(kioskUrl());
  await setPinAtSetup(page, PIN);
  await page.locator('[data-checkpoint="info-desk"]').click();
  await openStaff(page);
  await typePin(page, PIN);
  const staff = page.getByTestId('staff-screen');
  await expect(staff).toBeVisible();
  await expect(staff).toContainText('3분');

  // A closing screen would be gone within a render: give it one before saying it stayed.
  const stillOpen = async () => {
    await page.waitForTimeout(500);
    await expect(staff).toBeVisible();
  };
  await page.clock.fastForward('02:30');
  await stillOpen();
  await page.getByTestId('staff-scope-mine').click(); // staff still at work: the count starts again
  await page.clock.fastForward('02:30');
  await stillOpen();
  await page.clock.fastForward('00:31');
  await expect(staff).toBeHidden();
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
  // Back in, it asks for the PIN again.
  await openStaff(page);
});

test('a kiosk paired with the demo server takes the event\'s staff PIN from the config', async ({ page }) => {
  const up = await startUpstream({ tickets: 50 });
  try {
    await pairByUrl(page, up.url, await up.pairingLink('info-desk'));
    await openStaff(page); // 'enter', not 'set': the kiosk has a PIN without anyone setting one here
    await typePin(page, '1357');
    await expect(page.getByTestId('pin-message')).toHaveAttribute('data-reason', 'wrong');
    await typePin(page, PIN);
    await expect(page.getByTestId('staff-screen')).toBeVisible();
  } finally {
    await up.close();
  }
});
