// Screenshots of every self-service screen for docs/ (`npm run screenshots`),
// at a 1080p kiosk's size: they are for judging legibility at two metres, so
// look at them. Writes into the tree: not part of `npm test`.
import { test } from '@playwright/test';
import { openSelfService, walkSelfScreens } from '../e2e/support/self';

test('docs screenshots: self-service', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.clock.install();
  await openSelfService(page);
  await walkSelfScreens(page, async (screen) => {
    await page.screenshot({ path: `docs/self-${screen}.png` });
  });
});
