// Accessibility of error states a11y-self.spec.ts and a11y-states.spec.ts never
// reach: the notice a kiosk shows when the organiser revoked it (the pairing
// screen, against the real server), and the self-service variants of the desk's
// error states — a code nobody knows scanned at the attract screen, and a
// check-in IndexedDB refused to store (disk full: QuotaExceededError on the
// check-ins table, with no shell journal to keep a copy). Self-service has no
// camera preview, no storage banner and no sync indicator (renderer/ui/self never
// renders them: an attendee can do nothing about them), so those have no
// self-service variant. Each through axe-core (WCAG 2.2 AA, zero serious/critical)
// and the 44 × 44 px touch-target check, plainly and with large text and high
// contrast switched on (in settings for the revoked kiosk — which must keep them
// on its pairing screen — and from the attract screen for self-service, as an
// attendee would).
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { admissibleCodes, scannerType, storedMeta } from './support/kiosk';
import { ME, openSelfService } from './support/self';
import { indicator, kioskPage, pairByUrl } from './support/sync';
import { ADMIN_TOKEN, startUpstream, type Upstream } from './support/upstream';

const MODES = [false, true] as const;
const label = (modes: boolean) => (modes ? ' (large text + high contrast)' : '');

let up: Upstream | undefined;
test.afterEach(async () => {
  await up?.close().catch(() => undefined);
  up = undefined;
});

/** The attract screen's own switches: for this attendee's session only. */
async function sessionModes(page: Page): Promise<void> {
  for (const m of ['largeText', 'highContrast']) {
    await page.getByTestId(`self-display-${m}`).click();
    await expect(page.getByTestId(`self-display-${m}`)).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(page.locator('html')).toHaveClass(/a11y-large/);
  await expect(page.locator('html')).toHaveClass(/a11y-contrast/);
}

for (const modes of MODES) {
  test(`device revoked by the organiser: the pairing screen's notice passes axe${label(modes)}`, async ({ page }) => {
    test.setTimeout(120_000);
    up = await startUpstream({ tickets: 200 });
    if (modes) {
      // Staff set this device to large text and high contrast in settings, before pairing it.
      await page.goto(kioskPage(up.url, { roster: '20' }));
      await page.getByTestId('display-largeText').click({ timeout: 60_000 });
      await page.getByTestId('display-highContrast').click();
      await expect.poll(() => storedMeta(page, 'displayModes')).toMatchObject({ largeText: true, highContrast: true });
    }
    await pairByUrl(page, up.url, await up.pairingLink('info-desk'));
    const [device] = await up.devices();
    const res = await fetch(`${up.url}/v1/admin/devices/${device!.id}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    // Offline from the kiosk's side until it syncs: a scan pushes a sync, which the server refuses.
    await scannerType(page, admissibleCodes(1, 30)[0]!);
    const notice = page.getByTestId('pair-revoked');
    await expect(notice).toHaveAttribute('data-reason', 'revoked', { timeout: 60_000 });
    await expect(notice).toHaveAttribute('data-unsent', /^[01]$/);
    await expect(page.getByTestId('pair-screen')).toBeVisible();
    await expect(indicator(page)).toHaveCount(0);
    // Restarted before staff re-pair it (once the revocation is stored): the notice again,
    // and the device's display modes with it — its start never reaches the setup screen.
    await expect.poll(() => storedMeta(page, 'sync.revoked')).toMatchObject({ reason: 'revoked' });
    await page.reload();
    await expect(page.getByTestId('pair-revoked')).toHaveAttribute('data-reason', 'revoked', { timeout: 60_000 });
    if (modes) {
      await expect(page.locator('html')).toHaveClass(/a11y-large/);
      await expect(page.locator('html')).toHaveClass(/a11y-contrast/);
    }
    await expectAccessible(page, `pairing: device revoked${label(modes)}`);
  });

  test(`self-service: an unknown code and a check-in the disk refused pass axe${label(modes)}`, async ({ page }) => {
    test.setTimeout(120_000);
    // IndexedDB refuses check-in rows (a full disk) once the test says so; nothing else is touched.
    await page.addInitScript(() => {
      for (const m of ['put', 'add'] as const) {
        const orig = IDBObjectStore.prototype[m];
        IDBObjectStore.prototype[m] = function (this: IDBObjectStore, ...args: Parameters<typeof orig>) {
          if ((window as { __failCheckins?: boolean }).__failCheckins && this.name === 'checkins') {
            throw new DOMException('test: the disk is full', 'QuotaExceededError');
          }
          return orig.apply(this, args);
        } as typeof orig;
      }
    });
    await page.clock.install();
    await openSelfService(page);

    if (modes) await sessionModes(page);
    await scannerType(page, 'ZZ-NOBODY-0042');
    const verdict = page.locator('[data-verdict]');
    await expect(verdict).toHaveAttribute('data-reason', 'unknown_ticket');
    await expect(page.getByTestId('self-session')).toHaveAttribute('data-step', 'verdict');
    await expectAccessible(page, `self: unknown code${label(modes)}`);
    await page.getByTestId('self-done').click();
    await expect(page.getByTestId('self-attract')).toBeVisible();

    await page.evaluate(() => ((window as { __failCheckins?: boolean }).__failCheckins = true));
    if (modes) await sessionModes(page);
    await scannerType(page, ME.code);
    await expect(page.locator('.verdict[data-error="store_failed"]')).toBeVisible();
    await expect(page.locator('[data-verdict="accepted"]')).toHaveCount(0); // never green for a check-in not kept
    await expectAccessible(page, `self: check-in not stored (disk full)${label(modes)}`);
  });
}
