// Every self-service screen (renderer/ui/self) through axe-core (WCAG 2.2 AA,
// serious/critical fail) and the 44 × 44 px touch-target check of
// support/axe.ts, as the desk's screens are in a11y.spec.ts.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { openSelfService, walkSelfScreens, walkSelfWalkIn } from './support/self';

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
