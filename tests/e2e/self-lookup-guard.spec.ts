// The self-service lookup's attempt limit (core/lookup-guard.ts) in real Chromium:
// the phone's last four digits are 10,000 guesses, so a kiosk counts the misses
// across sessions and, at the sixth in five minutes, pauses the search by name
// for three minutes — for the next session too, since a new one is one touch
// away — and says so. A scan still checks in meanwhile; after the pause the
// right digits find the person again. On Playwright's clock (installed running),
// so the test jumps the three minutes instead of waiting them.
import { expect, test, type Page } from '@playwright/test';
import { scannerType, verdict } from './support/kiosk';
import { LOOKALIKES, ME, openSelfService, tapHangul } from './support/self';

test.beforeEach(async ({ page }) => {
  await page.clock.install();
  await openSelfService(page, { phones: true });
});

/** From the phone step: these digits, then OK; "nobody found"; back to the phone step, its digits cleared. */
async function miss(page: Page, digits: string): Promise<void> {
  await expect(page.getByTestId('self-lookup')).toHaveAttribute('data-step', 'phone');
  for (const d of digits) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
  await expect(page.getByTestId('self-none')).toBeVisible();
  await page.getByTestId('self-lookup-back').click();
  await page.getByTestId('pin-clear').click();
}

async function toPhoneStep(page: Page): Promise<void> {
  await page.getByTestId('self-start-name').click();
  await tapHangul(page, ME.name);
  await page.getByTestId('self-lookup-next').click();
  await expect(page.getByTestId('self-lookup')).toHaveAttribute('data-step', 'phone');
}

test('six misses pause the search by name for three minutes, for the next session too; a scan still works; afterwards the right digits find the person', async ({ page }) => {
  // Three misses, then the person walks away (Back, Back, Done) and the next session tries on.
  await toPhoneStep(page);
  for (const d of ['9999', '0000', '5678']) await miss(page, d);
  await page.getByTestId('self-lookup-back').click(); // phone → name
  await page.getByTestId('self-lookup-back').click(); // name → the session's home
  await page.getByTestId('self-done').click();
  await expect(page.getByTestId('self-attract')).toBeVisible();

  await toPhoneStep(page);
  for (const d of ['8765', '1111']) await miss(page, d);
  // The sixth miss: no "nobody found" to try again from, but the pause, said in words.
  for (const d of '2222') await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
  const paused = page.getByTestId('self-lookup-paused');
  await expect(paused).toBeVisible();
  await expect(paused.getByRole('alert')).toHaveText(/3\s*(분|min)/);
  await expect(page.getByTestId('self-none')).toHaveCount(0);

  // Back at the session's home, the search by name stays paused; a scan still checks in.
  await paused.getByTestId('self-lookup-back').click();
  await page.getByTestId('self-by-name').click();
  await expect(page.getByTestId('self-lookup-paused')).toBeVisible();
  await expect(page.getByTestId('self-lookup-input')).toHaveCount(0);
  await page.getByTestId('self-lookup-back').click();
  await scannerType(page, LOOKALIKES[3]!.code);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'accepted');
  await page.getByTestId('self-done').click();

  // A minute on, the next person is still paused.
  await page.clock.fastForward('01:00');
  await page.getByTestId('self-start-name').click();
  await expect(page.getByTestId('self-lookup-paused')).toBeVisible();
  await expect(page.getByTestId('self-lookup-paused').getByRole('alert')).toHaveText(/2\s*(분|min)/);
  await page.getByTestId('self-lookup-back').click();
  await page.getByTestId('self-done').click();

  // Three minutes after the sixth miss, the search is back with its whole allowance: the right digits.
  await page.clock.fastForward('02:05');
  await toPhoneStep(page);
  for (const d of '4321') await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
  await expect(page.getByTestId('self-results')).toHaveAttribute('data-count', '1');
  await page.getByTestId('self-candidate').click();
  await page.getByTestId('self-confirm-yes').click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'accepted');
  await expect(verdict(page).getByTestId('verdict-name')).toHaveText(ME.name);
});

test('five misses and then the person found: no pause (a hit never counts, typos pass)', async ({ page }) => {
  await toPhoneStep(page);
  for (const d of ['9999', '0000', '5678', '8765', '1111']) await miss(page, d);
  for (const d of '4321') await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
  await expect(page.getByTestId('self-results')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('self-lookup-paused')).toHaveCount(0);
});
