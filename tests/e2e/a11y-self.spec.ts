// Every self-service screen (renderer/ui/self) through axe-core (WCAG 2.2 AA,
// serious/critical fail) and the 44 × 44 px touch-target check of
// support/axe.ts, as the desk's screens are in a11y.spec.ts — plainly, and with the
// display modes an attendee can switch on from the attract screen.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { ME, openSelfService, tapHangul, walkSelfScreens, walkSelfWalkIn } from './support/self';

test('every self-service screen passes axe (WCAG 2.2 AA) and has touch targets of 44 × 44 px', async ({ page }) => {
  test.setTimeout(240_000);
  await page.clock.install();
  await openSelfService(page);
  const failures: string[] = [];
  const seen: string[] = [];
  const check = async (screen: string) => {
    seen.push(screen);
    try {
      await expectAccessible(page, `self: ${screen}`);
    } catch (err) {
      failures.push(String(err instanceof Error ? err.message : err));
    }
  };
  await walkSelfScreens(page, check);
  // Walk-in registration (issue 13): the form on the on-screen keyboard, and the consent items.
  await walkSelfWalkIn(page, check);
  expect(seen).toHaveLength(12);
  expect(failures.join('\n\n')).toBe('');
});

// Issue 12: the same screens with the display modes an attendee switches on from
// the attract screen — large text with high contrast through a lookup to the
// verdict, then all three (low position too) through walk-in registration.
test('self-service screens with large text, high contrast and low position on pass axe and keep 44 × 44 px targets', async ({ page }) => {
  test.setTimeout(240_000);
  await page.clock.install();
  await openSelfService(page);
  const failures: string[] = [];
  const seen: string[] = [];
  const check = async (screen: string) => {
    seen.push(screen);
    try {
      await expectAccessible(page, `self (modes): ${screen}`);
    } catch (err) {
      failures.push(String(err instanceof Error ? err.message : err));
    }
  };
  const switchOn = async (modes: string[]) => {
    for (const m of modes) {
      await page.getByTestId(`self-display-${m}`).click();
      await expect(page.getByTestId(`self-display-${m}`)).toHaveAttribute('aria-pressed', 'true');
    }
  };
  await switchOn(['largeText', 'highContrast']);
  await check('attract');
  await page.getByTestId('self-start-name').click();
  await tapHangul(page, ME.name);
  await check('lookup-name');
  await page.getByTestId('self-lookup-next').click();
  await tapHangul(page, '한빛');
  await page.getByTestId('self-lookup-next').click();
  await expect(page.getByTestId('self-candidate')).toHaveCount(1);
  await check('results');
  await page.getByTestId('self-candidate').click();
  await check('confirm');
  await page.getByTestId('self-confirm-yes').click();
  await expect(page.locator('[data-verdict="accepted"]')).toBeVisible();
  await check('verdict-accepted');
  await page.getByTestId('self-done').click();
  await switchOn(['largeText', 'highContrast', 'lowPosition']);
  await check('attract-all-modes');
  await walkSelfWalkIn(page, check);
  expect(seen).toHaveLength(8);
  expect(failures.join('\n\n')).toBe('');
});
