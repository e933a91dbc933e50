// The journal-recovery notice (RecoveryNotice.tsx) on the setup screen, where a
// kiosk whose database Chromium reset starts: it is a bar in the page's flow, so
// with it shown every control of the setup screen can still be reached and
// touched — in plain and in large text at 1280 × 800, where the notice used to be
// a fixed overlay covering the desk list until dismissed. "Touched" is checked the
// way a finger lands: the control scrolled into view, the element at its centre is
// the control itself (or inside it), never the notice or anything else on top.
import { expect, test, type Page } from '@playwright/test';
import { installShellBridge, type ShellBridge } from '../support/shell-bridge';
import { admissibleCodes, deleteKioskDatabase, kioskUrl, scannerBurstInPage, verdict } from './support/kiosk';

let bridge: ShellBridge | undefined;
test.afterEach(async () => {
  await bridge?.close().catch(() => undefined);
  bridge = undefined;
});

/** The controls of the setup screen a person can touch (a hidden file input is touched through its label). */
const SETUP_CONTROLS = '.screen--setup :is(button, select, input:not([type="file"]):not([type="hidden"]), label:has(> input[type="file"]))';

/** Each setup control that cannot be touched at its centre once scrolled into view, with what is there instead. */
async function coveredControls(page: Page): Promise<string[]> {
  const controls = page.locator(SETUP_CONTROLS);
  await expect(controls.first()).toBeVisible();
  const count = await controls.count();
  expect(count, 'the setup screen has its controls').toBeGreaterThan(8);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    await control.scrollIntoViewIfNeeded();
    const hit = await control.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const at = document.elementFromPoint(x, y);
      const name = (e: Element | null) => (e ? `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${e.textContent?.trim().slice(0, 24) ?? ''}"` : 'nothing');
      const inView = x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight;
      return { ok: inView && at !== null && el.contains(at), what: name(el), at: inView ? name(at) : 'off screen' };
    });
    if (!hit.ok) out.push(`${hit.what} → ${hit.at}`);
  }
  return out;
}

test('with the journal-recovery notice shown, every setup control is reachable and uncovered, in plain and in large text at 1280 × 800', async ({ context, page, baseURL }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const origin = new URL(baseURL!).origin;
  bridge = await installShellBridge(context, origin);
  await page.goto(kioskUrl({ roster: 200 }));
  await page.locator('[data-checkpoint="info-desk"]').click({ timeout: 60_000 });
  for (const code of admissibleCodes(2)) {
    const before = await verdict(page).getAttribute('data-checkin-id', { timeout: 100 }).catch(() => null);
    await scannerBurstInPage(page, code);
    await expect(verdict(page)).not.toHaveAttribute('data-checkin-id', before ?? '-');
  }
  await expect.poll(async () => (await bridge!.journal.readAll()).entries.length).toBe(2);

  // Chromium resets the database: the next start recovers from the journal, unpaired and
  // without a session, so it opens on the setup screen with the notice.
  await deleteKioskDatabase(page, origin);
  await page.goto(kioskUrl({ roster: 200 }));
  const notice = page.getByTestId('recovery-notice');
  await expect(notice).toHaveAttribute('data-recovered', '2', { timeout: 60_000 });
  await expect(page.locator('.screen--setup')).toBeVisible();

  expect(await coveredControls(page), 'setup controls covered or out of reach (plain)').toEqual([]);

  // Large text switched on by touch, through the notice's page: the switch is not under it.
  await page.getByTestId('display-largeText').click();
  await expect(page.locator('html')).toHaveClass(/a11y-large/);
  await expect(notice).toBeVisible();
  expect(await coveredControls(page), 'setup controls covered or out of reach (large text)').toEqual([]);
  // The notice is still there to read (nothing dismissed it on the way), and its own button works.
  await expect(notice).toBeVisible();
  await notice.getByRole('button').click();
  await expect(notice).toHaveCount(0);
  // Then a desk is picked by touch and the kiosk scans.
  await page.locator('[data-checkpoint="info-desk"]').click();
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
});
