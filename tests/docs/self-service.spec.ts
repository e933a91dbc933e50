// Screenshots of every self-service screen for docs/ (`npm run screenshots`),
// at a 1080p kiosk's size: they are for judging legibility at two metres, so
// look at them. Writes into the tree: not part of `npm test`.
import { expect, test } from '@playwright/test';
import { ME, openSelfService, tapHangul, walkSelfScreens } from '../e2e/support/self';

test('docs screenshots: self-service', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.clock.install();
  await openSelfService(page);
  await walkSelfScreens(page, async (screen) => {
    await page.screenshot({ path: `docs/self-${screen}.png` });
  });
});

// The birth-date step (a roster with phone digits and birth dates: the phone is
// asked first, the switch leads here), plain and in large text, three digits typed.
for (const modes of [[], ['largeText']] as const) {
  test(`docs screenshots: self-service birth-date step${modes.length ? ' (large text)' : ''}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.clock.install();
    await openSelfService(page, { phones: true, births: true, modes: [...modes] });
    await page.getByTestId('self-start-name').click();
    await tapHangul(page, ME.name);
    await page.getByTestId('self-lookup-next').click();
    await page.getByTestId('self-factor-switch').click();
    await expect(page.getByTestId('self-lookup')).toHaveAttribute('data-step', 'birth');
    for (const d of '871') await page.getByTestId(`pin-key-${d}`).click();
    await expect(page.getByTestId('pin-pad').locator('.pinpad__dots')).toHaveAttribute('data-length', '3');
    await page.screenshot({ path: `docs/self-${modes.length ? 'large-' : ''}lookup-birth.png` });
  });
}
