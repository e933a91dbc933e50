// A USB/Bluetooth scanner that stalls mid-burst (issue 15): the burst is still
// one scan. A pairing link typed through Chromium's input pipeline with a real
// 120 ms stall in its middle pairs on the first try, and a ticket code with a
// stall is admitted once, never split into two unknown codes.
import { expect, test } from '@playwright/test';
import { admissibleCodes, openAtCheckpoint, scan, scannerType, verdict } from './support/kiosk';
import { indicator, kioskPage } from './support/sync';
import { startUpstream, type Upstream } from './support/upstream';

let up: Upstream | undefined;

test.afterEach(async () => {
  await up?.close();
  up = undefined;
});

test('a pairing link with a 120 ms stall mid-burst pairs on the first try', async ({ page }) => {
  up = await startUpstream();
  const link = await up.pairingLink('info-desk');
  await page.goto(kioskPage(up.url, { roster: '20' }));
  await expect(page.locator('[data-checkpoint]').first()).toBeVisible({ timeout: 60_000 });
  await scannerType(page, link, { stall: { after: Math.floor(link.length / 2), ms: 120 } });
  // One burst, one pairing: never the pairing screen's error for half a link.
  await expect(page.getByTestId('scan-prompt')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('pair-error')).toHaveCount(0);
  await expect(indicator(page)).toHaveAttribute('data-sync-state', 'online', { timeout: 30_000 });
  expect(await up.devices()).toHaveLength(1);
});

test('a ticket code with a stall after its first keys is one admission', async ({ page }) => {
  await openAtCheckpoint(page, 'info-desk');
  const [code] = admissibleCodes(1);
  const v = await scan(page, code!, { stall: { after: 6, ms: 110 } });
  await expect(v).toHaveAttribute('data-verdict', 'accepted');
  // Nothing else came of it: no second verdict for a tail of the code.
  const id = await v.getAttribute('data-checkin-id');
  await page.waitForTimeout(400);
  await expect(verdict(page)).toHaveAttribute('data-checkin-id', id!);
});
