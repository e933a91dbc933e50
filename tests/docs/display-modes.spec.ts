// Screenshots of the display modes for docs/ (`npm run screenshots`): a verdict and
// the name search with its keyboard, in large text (200 %) and in high contrast,
// and the search in the low-position layout. Writes into the tree. Look at them.
import { expect, test, type Page } from '@playwright/test';
import { admissibleCodes, kioskUrl, scan } from '../e2e/support/kiosk';

async function shoot(page: Page, mode: 'largeText' | 'highContrast' | 'lowPosition', name: string): Promise<void> {
  await page.goto(kioskUrl());
  await page.getByTestId(`display-${mode}`).click({ timeout: 60_000 });
  await page.locator('[data-checkpoint="info-desk"]').click({ timeout: 60_000 });
  await scan(page, admissibleCodes(1, 40)[0]!);
  await page.screenshot({ path: `docs/a11y-${name}-verdict.png` });
  await page.getByTestId('open-search').click();
  for (const k of ['ㄱ', 'ㅣ', 'ㅁ', 'ㅎ']) await page.getByTestId(`osk-key-${k}`).click();
  await page.getByTestId('osk-shift').click();
  await page.getByTestId('osk-key-ㅖ').click();
  await expect(page.getByTestId('search-input')).toHaveValue('김혜');
  await page.screenshot({ path: `docs/a11y-${name}-search.png` });
}

test('docs screenshots: large text', async ({ page }) => {
  await shoot(page, 'largeText', 'large');
});

test('docs screenshots: high contrast', async ({ page }) => {
  await shoot(page, 'highContrast', 'contrast');
});

test('docs screenshots: low position', async ({ page }) => {
  await shoot(page, 'lowPosition', 'low');
});
