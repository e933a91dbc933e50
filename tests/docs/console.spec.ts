// Screenshots of the organiser console for README (`npm run screenshots`):
// reports on the demo's busiest day, desks, the event editor and a pairing
// sheet, against a real server seeded like the console e2e tests. Korean UI.
import { expect, test } from '@playwright/test';
import { login, seedDemoScans, startConsoleServer } from '../e2e/support/console';

test('docs screenshots: organiser console', async ({ page }) => {
  const s = await startConsoleServer();
  try {
    await seedDemoScans(s);
    await page.setViewportSize({ width: 1280, height: 900 });
    await login(page, s.base, undefined, 'ko');
    await expect(page.getByTestId('conflicts')).toBeVisible();
    await page.screenshot({ path: 'docs/console-reports.png', fullPage: true });

    await page.getByTestId('nav-devices').click();
    await expect(page.locator('[data-testid="devices"] tbody tr')).toHaveCount(3);
    await page.screenshot({ path: 'docs/console-devices.png' });

    await page.getByTestId('nav-events').click();
    await page.locator('[data-testid="checkpoints"] > details[data-checkpoint="hall-a"] summary').click();
    await page.locator('[data-checkpoint="hall-a"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/console-events.png' });

    await page.getByTestId('nav-pairing').click();
    await page.getByTestId('pair-sheet-link').click();
    for (const input of await page.locator('[data-testid^="sheet-count-"]').all()) await input.fill('0');
    await page.getByTestId('sheet-count-hall-a').fill('2');
    await page.getByTestId('sheet-count-ceremony').fill('2');
    await page.getByTestId('sheet-make').click();
    await expect(page.getByTestId('sheet-card')).toHaveCount(4);
    await page.screenshot({ path: 'docs/console-pairing.png' });
  } finally {
    await s.close();
  }
});
