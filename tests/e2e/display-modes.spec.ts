// Display modes from the settings (setup) screen in real Chromium: large text
// doubles the page's text (200 %), high contrast darkens every grey to black,
// low position leaves the upper third of the screen without controls — and each
// choice is kept by the device across a reload.
import { expect, test, type Page } from '@playwright/test';
import { kioskUrl } from './support/kiosk';

/** Each visible control's top and bottom edge, in px from the top of the viewport. */
async function controlEdges(page: Page): Promise<{ id: string; top: number; bottom: number }[]> {
  return page.locator('button, input, select, [role="button"]').evaluateAll((els) =>
    (els as HTMLElement[])
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { id: el.dataset.testid ?? el.textContent?.trim().slice(0, 20) ?? el.tagName, top: r.top, bottom: r.bottom };
      }),
  );
}

test('large text, high contrast and low position are switched on in settings and kept across a reload', async ({ page }) => {
  await page.goto(kioskUrl());
  const html = page.locator('html');
  const large = page.getByTestId('display-largeText');
  await expect(large).toHaveAttribute('aria-pressed', 'false', { timeout: 60_000 });
  const rootPx = () => html.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const plain = await rootPx();
  const hintColour = () => page.locator('.checkpoint__rule').first().evaluate((el) => getComputedStyle(el).color);
  expect(await hintColour()).not.toBe('rgb(0, 0, 0)');

  await large.click();
  await expect(large).toHaveAttribute('aria-pressed', 'true');
  expect(await rootPx()).toBe(plain * 2);
  await page.getByTestId('display-highContrast').click();
  await expect(html).toHaveClass(/a11y-contrast/);
  expect(await hintColour()).toBe('rgb(0, 0, 0)');

  await page.reload();
  await expect(page.getByTestId('display-largeText')).toHaveAttribute('aria-pressed', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('display-highContrast')).toHaveAttribute('aria-pressed', 'true');
  expect(await rootPx()).toBe(plain * 2);

  // Back to the plain display, then low position: nothing to press in the upper third.
  await page.getByTestId('display-largeText').click();
  await page.getByTestId('display-highContrast').click();
  expect(await rootPx()).toBe(plain);
  await page.getByTestId('display-lowPosition').click();
  await page.reload();
  await page.locator('[data-checkpoint="info-desk"]').click({ timeout: 60_000 });
  const height = page.viewportSize()!.height;
  for (const screen of ['scan', 'search'] as const) {
    if (screen === 'search') await page.getByTestId('open-search').click();
    else await expect(page.getByTestId('scan-prompt')).toBeVisible();
    const edges = await controlEdges(page);
    expect(edges.length).toBeGreaterThan(3);
    expect(edges.filter((e) => e.top < height / 3 || e.bottom > height + 0.5), `controls outside the lower two thirds on ${screen}`).toEqual([]);
  }
});
