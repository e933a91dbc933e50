// Regenerates the screenshots in docs/ (`npm run screenshots`). Not part of `npm test`:
// it writes into the tree. Look at the PNGs after running it.
import { expect, test } from '@playwright/test';
import { demoTicket } from '../../core/demo/roster';
import { openAtCheckpoint, scan } from '../e2e/support/kiosk';

test('docs screenshots', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?roster=2000');
  await expect(page.locator('[data-checkpoint]').first()).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: 'docs/setup.png' });

  await openAtCheckpoint(page, 'ceremony');
  await page.screenshot({ path: 'docs/scan.png' });

  await scan(page, demoTicket(0).code);
  await page.screenshot({ path: 'docs/accepted.png' });

  await scan(page, demoTicket(0).code);
  await page.screenshot({ path: 'docs/rejected.png' });

  await scan(page, demoTicket(2).code);
  await page.screenshot({ path: 'docs/attention.png' });

  await page.getByTestId('open-search').click();
  for (const jamo of ['ㄱ', 'ㅊ']) await page.locator('.osk__key', { hasText: new RegExp(`^${jamo}$`) }).click();
  await expect(page.locator('[data-code]').first()).toBeVisible();
  await page.screenshot({ path: 'docs/search.png' });
});
