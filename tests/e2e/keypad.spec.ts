// Keypad-only operation of the desk (issue 12), first slice: a USB numeric pad
// or keyboard alone (keyboard.press only, no mouse) picks the checkpoint and
// opens name search, with a visible focus ring on the focused control.
import { expect, test } from '@playwright/test';
import { kioskUrl } from './support/kiosk';

test('desk by keyboard only: Tab to a checkpoint, Enter, the scan prompt; Tab reaches search and Enter opens it', async ({ page }) => {
  await page.goto(kioskUrl());
  await expect(page.locator('[data-checkpoint="ceremony"]')).toBeVisible({ timeout: 60_000 });
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.getAttribute('data-checkpoint') === 'ceremony');
  }
  expect(reached).toBe(true);
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(ring).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
  reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'open-search');
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-input')).toBeVisible();
});
