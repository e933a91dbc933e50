// Screenshots of walk-in registration at a desk for docs/ (`npm run screenshots`):
// the form with the minimum fields, the consent items (required and optional
// apart, one answered each way), and the verdict with the badge once registered.
// Writes into the tree: not part of `npm test`. Look at them.
import { expect, test } from '@playwright/test';
import { newKiosk, pairByUrl } from '../e2e/support/sync';
import { startUpstream } from '../e2e/support/upstream';

test('docs screenshots: walk-in form, consent, registered', async ({ browser }) => {
  test.setTimeout(180_000);
  const up = await startUpstream();
  const { context, page } = await newKiosk(browser);
  try {
    await pairByUrl(page, up.url, await up.pairingLink('info-desk'));
    await page.getByTestId('open-walkin').click();
    await page.getByTestId('walkin-name').fill('최현장');
    await page.getByTestId('walkin-company').fill('한빛상사');
    await page.getByTestId('walkin-category-visitor').click();
    await page.getByTestId('walkin-phone').fill('010-1234-5678');
    await page.screenshot({ path: 'docs/desk-walkin-form.png' });
    await page.getByTestId('walkin-next').click();
    await page.getByTestId('consent-registration-yes').click();
    await page.getByTestId('consent-contact-yes').click();
    await page.getByTestId('consent-marketing-no').click();
    // A portrait desk screen shows every item at once (the consent list scrolls inside the page otherwise).
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.screenshot({ path: 'docs/desk-walkin-consent.png' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('walkin-submit').click();
    await expect(page.locator('[data-verdict="accepted"]')).toBeVisible();
    await page.screenshot({ path: 'docs/desk-walkin-registered.png' });
  } finally {
    await context.close();
    await up.close();
  }
});
