// Large text (switched on from the attract screen, root font doubled) on the
// self-service screens an attendee must get through, at the sizes kiosks come in:
// the attract screen (both start buttons, the switches, the languages), the name
// lookup and the walk-in form with their whole on-screen keyboard, and the walk-in
// consent step's buttons — each on one screen without scrolling, every control at
// least 44 × 44 px, and no text of the screen's own under 24 px (legible at 2 m).
// At 1280 × 800 the attract screen's second button and both keyboard screens used
// to scroll inside the screen (the keyboard's last rows below the fold).
import { expect, test, type Page } from '@playwright/test';
import { expectTouchTargets } from './support/axe';
import { ME, openSelfService, tapHangul } from './support/self';

const SIZES = [[1280, 800], [1080, 1920], [1920, 1080]] as const;

interface Fit {
  /** How far each scrolling box (the page, the screen's middle) could scroll, in px. */
  overflow: { page: number; main: number };
  /** Controls (by test id) not wholly inside the viewport. */
  outside: string[];
  /** The smallest font size of visible text in the screen's middle, in px. */
  minText: number;
}

async function measure(page: Page, ids: string[]): Promise<Fit> {
  return page.evaluate((testIds) => {
    const main = document.querySelector<HTMLElement>('.self > main')!;
    const outside: string[] = [];
    for (const id of testIds) {
      const el = document.querySelector(`[data-testid="${id}"]`);
      const r = el?.getBoundingClientRect();
      if (!r || r.width === 0 || r.top < -0.5 || r.left < -0.5 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5) outside.push(id);
    }
    let minText = Infinity;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.getClientRects().length === 0) continue;
      minText = Math.min(minText, parseFloat(getComputedStyle(el).fontSize));
    }
    return {
      overflow: { page: document.scrollingElement!.scrollHeight - innerHeight, main: main.scrollHeight - main.clientHeight },
      outside,
      minText,
    };
  }, ids);
}

async function expectFits(page: Page, screen: string, ids: string[]): Promise<Fit> {
  const fit = await measure(page, ids);
  test.info().annotations.push({ type: screen, description: JSON.stringify(fit) });
  expect(fit.overflow.page, `${screen}: the page scrolls`).toBeLessThanOrEqual(0);
  expect(fit.overflow.main, `${screen}: the screen scrolls inside itself`).toBeLessThanOrEqual(1);
  expect(fit.outside, `${screen}: controls off the screen`).toEqual([]);
  expect(fit.minText, `${screen}: text too small to read at 2 m`).toBeGreaterThanOrEqual(24);
  await expectTouchTargets(page, screen);
  return fit;
}

test.beforeEach(async ({ page }) => {
  await page.clock.install();
  await openSelfService(page);
});

for (const [width, height] of SIZES) {
  test(`large text at ${width} × ${height}: the attract screen, the name lookup and the walk-in form fit without scrolling`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    await page.getByTestId('self-display-largeText').click();
    await expect(page.locator('html')).toHaveClass(/a11y-large/);
    const rootPx = await page.locator('html').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(rootPx, 'large text doubles the root font').toBe(32);

    const modes = ['self-display-largeText', 'self-display-highContrast', 'self-display-lowPosition'];
    await expectFits(page, `attract ${width}×${height}`, ['self-start', 'self-start-name', ...modes, 'self-lang-ko', 'self-lang-en', 'self-staff']);
    // The second button is really there to touch.
    await page.getByTestId('self-start-name').click();

    await expect(page.getByTestId('self-lookup')).toHaveAttribute('data-step', 'name');
    await tapHangul(page, ME.name);
    const keys = ['osk-layout', 'osk-backspace', 'help-call-button'];
    await expectFits(page, `lookup ${width}×${height}`, ['self-lookup-input', 'self-lookup-next', 'self-lookup-back', ...keys]);
    await page.getByTestId('self-lookup-back').click();

    await page.getByTestId('self-walkin-open').click();
    // With a problem said, the tallest the form gets.
    await page.getByTestId('self-walkin-next').click();
    await expect(page.locator('[data-problem="name_required"]')).toBeVisible();
    await tapHangul(page, '윤하늘');
    await expectFits(page, `walk-in ${width}×${height}`, ['self-walkin-name', 'self-walkin-company', 'self-walkin-phone', 'self-walkin-next', 'self-walkin-back', ...keys]);
    await page.getByTestId('osk-layout').click(); // the keyboard's last row is there to touch
    await expect(page.getByTestId('osk')).toHaveAttribute('data-layout', 'latin');
    await page.getByTestId('self-walkin-next').click();
    await expect(page.getByTestId('self-walkin')).toHaveAttribute('data-step', 'consent');
    // The consent cards scroll between the title and the buttons (by design); the buttons stay in view.
    const consent = await measure(page, ['self-walkin-submit', 'self-walkin-back', 'help-call-button']);
    expect(consent.outside, 'consent: buttons off the screen').toEqual([]);
    expect(consent.overflow.page, 'consent: the page scrolls').toBeLessThanOrEqual(0);
  });
}
