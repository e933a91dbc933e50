// Accessibility of every desk screen in real Chromium: axe-core (WCAG 2.2 AA tags,
// zero serious/critical violations, which includes text contrast ≥ 4.5:1) and
// touch targets ≥ 44 × 44 px, walked the way desk staff reach each screen:
// setup (staff PIN notice, badge setup), pairing, scan, an accepted and a
// rejected verdict, the override dialog, undo, name search, the staff PIN pad
// and staff mode. Self-service screens add themselves here (see support/axe.ts).
import { expect, test, type Page } from '@playwright/test';
import { demoTicket } from '../../core/demo/roster';
import { expectAccessible } from './support/axe';
import { kioskUrl, scan } from './support/kiosk';

const PIN = '2580';

async function typePin(page: Page, pin: string): Promise<void> {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
}

/** A valid ticket of the demo roster (revoked ones are refused). */
function validTicket() {
  for (let i = 0; i < 50; i++) {
    const t = demoTicket(i);
    if (t.status === 'valid' && t.category !== 'staff') return t;
  }
  throw new Error('no valid ticket in the demo roster');
}

/** Walks every desk screen as staff reach it, calling `check` on each. */
async function walkDeskScreens(page: Page, check: (screen: string) => Promise<void>): Promise<void> {
  await expect(page.getByTestId('staff-pin-missing')).toBeVisible({ timeout: 60_000 });
  await check('setup');

  await page.getByTestId('set-staff-pin').click();
  await expect(page.getByTestId('staff-gate')).toHaveAttribute('data-mode', 'set');
  await check('staff PIN: set');
  await typePin(page, PIN);
  await typePin(page, PIN);
  await expect(page.getByTestId('staff-pin-set')).toBeVisible();

  await page.getByTestId('badge-on').click();
  await expect(page.getByTestId('badge-setup')).toHaveAttribute('data-enabled', /.*/);
  await check('setup: badge setup on');
  await page.getByTestId('badge-on').click();

  await page.getByTestId('open-pairing').click();
  await expect(page.getByTestId('pair-screen')).toBeVisible();
  await check('pairing');
  await page.goto(kioskUrl());

  await page.locator('[data-checkpoint="coffee-truck"]').click();
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
  await check('scan: idle');

  const ticket = validTicket();
  await expect(await scan(page, ticket.code)).toHaveAttribute('data-verdict', 'accepted');
  await check('verdict: accepted');

  await page.getByTestId('recent-undo').first().click();
  await expect(page.getByTestId('undo-dialog')).toBeVisible();
  await check('undo dialog');
  await page.getByTestId('undo-cancel').click();

  await scan(page, ticket.code); // once a day: the second scan is refused
  await expect(page.locator('[data-verdict="rejected"]')).toBeVisible();
  await check('verdict: rejected');

  await page.getByTestId('override-open').click();
  await expect(page.getByTestId('override-dialog')).toBeVisible();
  await check('override: authorise');
  await typePin(page, PIN);
  await expect(page.getByTestId('override-dialog')).toHaveAttribute('data-step', 'reason');
  await check('override: reason');
  await page.getByTestId('override-cancel').click();

  await page.getByTestId('open-search').click();
  await page.getByTestId('search-input').fill('김');
  await expect(page.locator('.result').first()).toBeVisible();
  await check('search');
  await page.locator('.screen--search .topbar .btn').first().click();

  await page.getByTestId('open-staff').click();
  await expect(page.getByTestId('staff-gate')).toHaveAttribute('data-mode', 'enter');
  await check('staff PIN: enter');
  await typePin(page, PIN);
  await expect(page.getByTestId('staff-screen')).toBeVisible();
  await check('staff');
}

test('every desk screen passes axe (WCAG 2.2 AA) and has touch targets of 44 × 44 px', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(kioskUrl());
  // Every screen is checked before the test fails, so one run lists all that is wrong.
  const failures: string[] = [];
  await walkDeskScreens(page, async (screen) => {
    try {
      await expectAccessible(page, screen);
    } catch (err) {
      failures.push(String(err instanceof Error ? err.message : err));
    }
  });
  expect(failures.join('\n\n')).toBe('');
});

test('every desk screen passes axe and 44 px targets with large text (200 %) and high contrast on', async ({ page }) => {
  test.setTimeout(240_000);
  // Both modes at once, switched on in settings (the plain display is the test above);
  // the walk reloads the page, so the device's stored choice is what is checked after it.
  await page.goto(kioskUrl());
  await page.getByTestId('display-largeText').click({ timeout: 60_000 });
  await page.getByTestId('display-highContrast').click();
  await expect(page.locator('html')).toHaveClass(/a11y-large/);
  await expect(page.locator('html')).toHaveClass(/a11y-contrast/);
  const failures: string[] = [];
  await walkDeskScreens(page, async (screen) => {
    try {
      await expectAccessible(page, `${screen} (large text, high contrast)`);
    } catch (err) {
      failures.push(String(err instanceof Error ? err.message : err));
    }
  });
  expect(failures.join('\n\n')).toBe('');
});
