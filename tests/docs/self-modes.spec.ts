// Screenshots for docs/ (`npm run screenshots`) of self-service walk-in (form,
// consent, registered) and of the attract, lookup and verdict screens in large
// text and in high contrast, switched on from the attract screen as an attendee
// would, at a 1080p kiosk's size (large text at 1280 × 800). Writes into the tree. Look at them.
import { expect, test, type Page } from '@playwright/test';
import { verdict } from '../e2e/support/kiosk';
import { ME, openSelfService, tapHangul } from '../e2e/support/self';

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.clock.install();
  await openSelfService(page);
});

test('docs screenshots: self-service walk-in', async ({ page }) => {
  test.setTimeout(120_000);
  await page.getByTestId('self-start').click();
  await page.getByTestId('self-walkin-open').click();
  await tapHangul(page, '윤하늘');
  await page.getByTestId('self-walkin-company').click();
  await tapHangul(page, '새봄상사');
  await page.screenshot({ path: 'docs/self-walkin-form.png' });
  await page.getByTestId('self-walkin-next').click();
  await page.getByTestId('consent-registration-yes').click();
  await page.getByTestId('consent-contact-no').click();
  await page.getByTestId('consent-marketing-no').click();
  // Clicking scrolled the cards; a person reads them from the top.
  await page.locator('.self__walkin-consent').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/self-walkin-consent.png' });
  await page.getByTestId('self-walkin-submit').click();
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'accepted');
  await page.screenshot({ path: 'docs/self-walkin-registered.png' });
});

async function shootModes(page: Page, modes: string[], name: string): Promise<void> {
  for (const m of modes) await page.getByTestId(`self-display-${m}`).click();
  await page.screenshot({ path: `docs/self-${name}-attract.png` });
  await page.getByTestId('self-start-name').click();
  await tapHangul(page, ME.name);
  await page.screenshot({ path: `docs/self-${name}-lookup.png` });
  await page.getByTestId('self-lookup-next').click();
  await tapHangul(page, '한빛');
  await page.getByTestId('self-lookup-next').click();
  await page.getByTestId('self-candidate').click();
  await page.getByTestId('self-confirm-yes').click();
  await expect(page.locator('[data-verdict="accepted"]')).toBeVisible();
  await page.screenshot({ path: `docs/self-${name}-verdict.png` });
}

// Large text at 1280 × 800, the smallest kiosk screen, where it is tightest
// (tests/e2e/self-large-fit.spec.ts checks that it fits at every size).
test('docs screenshots: self-service in large text', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await shootModes(page, ['largeText'], 'large');
  await page.getByTestId('self-done').click();
  await page.getByTestId('self-display-largeText').click();
  await page.getByTestId('self-start').click();
  await page.getByTestId('self-walkin-open').click();
  await tapHangul(page, '윤하늘');
  await page.screenshot({ path: 'docs/self-large-walkin.png' });
});

test('docs screenshots: self-service in high contrast', async ({ page }) => {
  test.setTimeout(120_000);
  await shootModes(page, ['highContrast'], 'contrast');
});

test('docs screenshots: self-service in low position', async ({ page }) => {
  test.setTimeout(120_000);
  await page.getByTestId('self-display-lowPosition').click();
  await page.screenshot({ path: 'docs/self-low-attract.png' });
});
