// Display modes from the settings (setup) screen in real Chromium: large text
// doubles the page's text (200 %), high contrast darkens every grey to black,
// low position leaves the upper third of the screen without controls — and each
// choice is kept by the device across a reload; and (issue 12) the same modes from
// the self-service attract screen, for one attendee only.
import { expect, test, type Page } from '@playwright/test';
import { kioskUrl } from './support/kiosk';
import { openSelfService } from './support/self';

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

/** The device's display modes as stored (IndexedDB meta `displayModes`). */
function storedModes(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('turnout');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('meta').objectStore('meta').get('displayModes');
          get.onsuccess = () => {
            resolve((get.result as { value?: unknown } | undefined)?.value ?? null);
            req.result.close();
          };
        };
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

  await expect.poll(() => storedModes(page)).toMatchObject({ largeText: true, highContrast: true });
  await page.reload();
  await expect(page.getByTestId('display-largeText')).toHaveAttribute('aria-pressed', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('display-highContrast')).toHaveAttribute('aria-pressed', 'true');
  expect(await rootPx()).toBe(plain * 2);

  // Back to the plain display, then low position: nothing to press in the upper third.
  await page.getByTestId('display-largeText').click();
  await page.getByTestId('display-highContrast').click();
  expect(await rootPx()).toBe(plain);
  await page.getByTestId('display-lowPosition').click();
  // The choice is written to IndexedDB without waiting: reload only once it is there.
  await expect.poll(() => storedModes(page)).toMatchObject({ largeText: false, highContrast: false, lowPosition: true });
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

// Issue 12: the same modes from the self-service attract screen, for one attendee.
// Their choice shows at once, lasts through their session, and the idle reset puts
// back the device's configured default, so the next stranger does not inherit it.
test('self-service: each mode is switched on from the attract screen for one session; the idle reset restores the device default', async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.install();
  await openSelfService(page);
  const html = page.locator('html');
  const rootPx = () => html.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const startPx = () => page.getByTestId('self-start').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const plainRoot = await rootPx();
  const plainStart = await startPx();
  const mode = (m: string) => page.getByTestId(`self-display-${m}`);
  for (const m of ['largeText', 'highContrast', 'lowPosition']) {
    await expect(mode(m)).toHaveAttribute('aria-pressed', 'false');
    const box = (await mode(m).boundingBox())!;
    expect(box.width, `${m} touch target`).toBeGreaterThanOrEqual(44);
    expect(box.height, `${m} touch target`).toBeGreaterThanOrEqual(44);
    await expect(mode(m)).toContainText(m === 'largeText' ? '큰 글씨' : m === 'highContrast' ? '고대비' : '낮은 화면');
  }
  await expect(mode('lowPosition')).toContainText('Low position');

  // Large text: the page at 200 %, and the attract screen's own (viewport-sized) text doubles with it.
  await mode('largeText').click();
  await expect(mode('largeText')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('self-attract')).toBeVisible(); // a toggle does not start a session
  expect(await rootPx()).toBe(plainRoot * 2);
  expect(await startPx()).toBeCloseTo(plainStart * 2, 0);
  await mode('largeText').click();
  expect(await rootPx()).toBe(plainRoot);

  // High contrast: black and white, the pale hint made white.
  const attractColours = () =>
    page.getByTestId('self-attract').evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el.querySelector('.self__hint')!).color]);
  expect(await attractColours()).not.toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await mode('highContrast').click();
  await expect(html).toHaveClass(/a11y-contrast/);
  expect(await attractColours()).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);

  // Low position: no control in the upper third, on the attract screen and in the session.
  await mode('lowPosition').click();
  await expect(html).toHaveClass(/a11y-low/);
  const height = page.viewportSize()!.height;
  const outside = async () => (await controlEdges(page)).filter((e) => e.top < height / 3 || e.bottom > height + 0.5);
  expect((await controlEdges(page)).length).toBeGreaterThan(6);
  expect(await outside(), 'controls outside the lower two thirds on the attract screen').toEqual([]);
  await page.getByTestId('self-start').click();
  await expect(page.getByTestId('self-session')).toHaveAttribute('data-step', 'home');
  await expect(html).toHaveClass(/a11y-contrast/); // the choice lasts through the session
  expect(await outside(), 'controls outside the lower two thirds on the session home').toEqual([]);

  // Walked away: the countdown runs out, and the next person gets the device's plain display.
  await page.clock.fastForward(40_000);
  await expect(page.getByTestId('self-idle-warning')).toBeVisible();
  await page.clock.fastForward(25_000);
  await expect(page.getByTestId('self-attract')).toBeVisible();
  await expect(html).not.toHaveClass(/a11y-(contrast|low|large)/);
  for (const m of ['largeText', 'highContrast', 'lowPosition']) await expect(mode(m)).toHaveAttribute('aria-pressed', 'false');
  expect(await rootPx()).toBe(plainRoot);

  // Switched on and never started: the attract screen itself counts down and restores.
  await mode('largeText').click();
  expect(await rootPx()).toBe(plainRoot * 2);
  await page.clock.fastForward(40_000);
  await expect(page.getByTestId('self-idle-warning')).toBeVisible();
  await page.clock.fastForward(25_000);
  await expect(page.getByTestId('self-idle-warning')).toBeHidden();
  await expect(mode('largeText')).toHaveAttribute('aria-pressed', 'false');
  expect(await rootPx()).toBe(plainRoot);
});

test('self-service: a device set to high contrast gets it back after an attendee switched it off', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await openSelfService(page, { modes: ['highContrast'] });
  const html = page.locator('html');
  const contrast = page.getByTestId('self-display-highContrast');
  await expect(contrast).toHaveAttribute('aria-pressed', 'true');
  await contrast.click();
  await expect(html).not.toHaveClass(/a11y-contrast/);
  await page.getByTestId('self-start').click();
  await expect(html).not.toHaveClass(/a11y-contrast/);
  await page.getByTestId('self-done').click();
  await expect(page.getByTestId('self-attract')).toBeVisible();
  await expect(html).toHaveClass(/a11y-contrast/);
  await expect(contrast).toHaveAttribute('aria-pressed', 'true');
  // Never stored: a reload still shows the device's own choice.
  await page.reload();
  await expect(page.getByTestId('self-display-highContrast')).toHaveAttribute('aria-pressed', 'true', { timeout: 60_000 });
});
