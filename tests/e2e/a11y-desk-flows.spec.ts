// Accessibility of the desk screens a11y.spec.ts does not walk (issue 12's "axe-core
// clean on every desk screen", issue 13's desk workflow): walk-in registration (the
// form with its problems and on-screen keyboard, the consent items with a required
// one refused, the registered verdict with its badge line), an admission by
// override, undo done (toast and the voided recent item), the staff screen after an
// export, the held-records notice, and a badge that did not print (the verdict's
// retry and the bar of failures kept on the scan screen), a roster import's report
// of broken rows and the low-disk banner. Each through axe-core
// (WCAG 2.2 AA, zero serious/critical) and the 44 × 44 px touch-target check, in
// the plain display and with large text and high contrast on.
import { expect, test, type Page } from '@playwright/test';
import { demoTicket } from '../../core/demo/roster';
import { fail, ok, type PrintOutcome, type Result } from '../../core/kiosk-api';
import { installShellBridge, type ShellBridge } from '../support/shell-bridge';
import { expectAccessible } from './support/axe';
import { admissibleCodes, chooseBadges, kioskUrl, scannerBurstInPage, verdict } from './support/kiosk';

const PIN = '2580';
let bridge: ShellBridge | undefined;
test.afterEach(async () => {
  await bridge?.close().catch(() => undefined);
  bridge = undefined;
});

async function typePin(page: Page, pin: string): Promise<void> {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
}

/** A scanner burst dispatched in the page, then the new verdict (as badge-desk.spec.ts does). */
async function scan(page: Page, code: string) {
  const v = verdict(page);
  const before = (await v.count()) > 0 ? await v.getAttribute('data-checkin-id') : null;
  await scannerBurstInPage(page, code);
  await expect(v).not.toHaveAttribute('data-checkin-id', before ?? '-');
  await expect(v).toHaveAttribute('data-checkin-id', /./);
  return v;
}

/** The first revoked ticket of the demo roster (#3, 최민수). */
function revokedCode(): string {
  for (let i = 0; i < 50; i++) if (demoTicket(i).status === 'revoked') return demoTicket(i).code;
  throw new Error('no revoked ticket in the demo roster');
}

/** Setup as staff do it: the PIN, badges on (4 × 3 in card), large text + high contrast if asked, the info desk. */
async function setUp(page: Page, modes: boolean): Promise<void> {
  await page.goto(kioskUrl({ roster: 200 }));
  await expect(page.getByTestId('staff-pin-missing')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('set-staff-pin').click();
  await typePin(page, PIN);
  await typePin(page, PIN);
  await expect(page.getByTestId('staff-pin-set')).toBeVisible();
  await chooseBadges(page, 'card4x3');
  if (modes) {
    await page.getByTestId('display-largeText').click();
    await page.getByTestId('display-highContrast').click();
    await expect(page.locator('html')).toHaveClass(/a11y-large/);
    await expect(page.locator('html')).toHaveClass(/a11y-contrast/);
  }
  await page.locator('[data-checkpoint="info-desk"]').click();
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
}

/** Walk-in, override, undo, staff export, held notice: `check` on each. */
async function walkDeskFlows(page: Page, check: (screen: string) => Promise<void>): Promise<void> {
  await page.getByTestId('open-walkin').click();
  await page.getByTestId('walkin-next').click(); // nothing typed: the problems are listed
  await expect(page.locator('[data-problem="name_required"]')).toBeVisible();
  await check('walk-in: form with problems');
  await page.getByTestId('walkin-name').fill('최현장');
  await page.getByTestId('walkin-company').fill('한빛상사');
  await page.getByTestId('walkin-category-visitor').click();
  await page.locator('.screen--walkin button[aria-pressed]').first().click(); // the on-screen keyboard for the name
  await expect(page.getByTestId('osk')).toBeVisible();
  await check('walk-in: form with the on-screen keyboard');
  await page.getByTestId('walkin-next').click();
  await expect(page.getByTestId('walkin-screen')).toHaveAttribute('data-step', 'consent');
  await page.getByTestId('consent-registration-no').click();
  await expect(page.getByTestId('consent-required-refused')).toBeVisible();
  await check('walk-in: consent, the required item refused');
  await page.getByTestId('consent-registration-yes').click();
  await page.getByTestId('consent-contact-no').click();
  await page.getByTestId('consent-marketing-yes').click();
  await page.getByTestId('walkin-submit').click();
  const registered = page.locator('[data-verdict="accepted"]');
  await expect(registered).toContainText('최현장');
  await expect(page.getByTestId('badge-status')).toHaveAttribute('data-badge-state', 'printed');
  await check('walk-in: registered, badge printed');

  await scan(page, revokedCode());
  await page.getByTestId('override-open').click();
  await typePin(page, PIN);
  await page.getByTestId('override-reason-other').click();
  await page.getByTestId('override-note').fill('주최측 승인');
  await page.getByTestId('override-confirm').click();
  await expect(page.locator('[data-verdict="accepted"][data-override="true"]')).toBeVisible();
  await check('verdict: admitted by override');

  const walkInItem = page.getByTestId('recent-item').filter({ hasText: '최현장' });
  await walkInItem.getByTestId('recent-undo').click();
  await page.getByTestId('undo-reason-wrong_person').click();
  await expect(page.getByTestId('undo-confirm')).toBeEnabled();
  await check('undo dialog: a reason chosen');
  await page.getByTestId('undo-confirm').click();
  await expect(page.getByTestId('undo-done')).toBeVisible();
  await expect(walkInItem).toHaveAttribute('data-voided', 'true');
  await check('undo done: toast and the voided recent item');

  await page.getByTestId('open-staff').click();
  await typePin(page, PIN);
  await expect(page.getByTestId('staff-totals')).toBeVisible();
  await Promise.all([page.waitForEvent('download'), page.getByTestId('export-checkins-csv').click()]);
  await expect(page.getByTestId('export-result')).toBeVisible({ timeout: 30_000 });
  await check('staff: tallies with an override and a void, export done');
  await page.getByTestId('staff-close').click();

  // Records held for an event this kiosk left (storage/held.ts), as a re-pairing leaves them.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('turnout');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['checkins', 'meta'], 'readwrite');
          const key = 'http://old.example:8080 expo-2024';
          const all = tx.objectStore('checkins').getAll();
          all.onsuccess = () => {
            const row = (all.result as Record<string, unknown>[])[0]!;
            tx.objectStore('checkins').put({ ...row, syncState: 'held', heldFor: key });
          };
          const held = { server: 'http://old.example:8080', deviceId: 'old-desk', token: 't', eventId: 'expo-2024', eventName: { ko: '2024 수출박람회', en: 'Export Fair 2024' }, heldAt: '2025-09-09T09:00:00+09:00' };
          tx.objectStore('meta').put({ key: 'sync.held', value: { [key]: held } });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(page.getByTestId('held-notice')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
  await check('held-records notice over the scan screen');
}

for (const modes of [false, true]) {
  const label = modes ? ' with large text (200 %) and high contrast on' : '';
  test(`walk-in, override, undo, staff export and the held notice pass axe and 44 px targets${label}`, async ({ page }) => {
    test.setTimeout(240_000);
    await setUp(page, modes);
    const failures: string[] = [];
    const seen: string[] = [];
    await walkDeskFlows(page, async (screen) => {
      seen.push(screen);
      try {
        await expectAccessible(page, `${screen}${label}`);
      } catch (err) {
        failures.push(String(err instanceof Error ? err.message : err));
      }
    });
    expect(seen).toHaveLength(9);
    expect(failures.join('\n\n')).toBe('');
  });
}

test('a roster import report, a low-disk banner, a badge that did not print and the failures bar pass axe and 44 px targets', async ({ page, context, baseURL }) => {
  const answers: Result<PrintOutcome>[] = [fail('print_failed', 'Printing failed: Print job failed'), fail('print_failed', 'Printing failed: no answer from the printer in 15 s')];
  bridge = await installShellBridge(context, new URL(baseURL!).origin, undefined, {
    listPrinters: async () => [{ name: 'Brother_QL_820NWB', displayName: 'Brother QL-820NWB', description: '' }],
    printBadge: async (input) => answers.shift() ?? ok({ printerName: input.printerName ?? null }),
  });
  // The disk is low (the shell's storage guard): the scan screen carries the banner.
  bridge.setDisk({ freeBytes: 0.6 * 1024 ** 3, totalBytes: 64 * 1024 ** 3 });
  await page.goto(kioskUrl());
  await expect(page.getByTestId('badge-setup')).toBeVisible({ timeout: 60_000 });
  // A roster file with broken rows: the report lists each by line.
  const csv = ['code,name,company', 'A11Y-1,검사일,한빛', ',이름만,', 'A11Y-3,,회사만'].join('\n');
  await page.getByTestId('csv-input').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-imported', '1');
  await expectAccessible(page, 'setup: import report with broken rows');
  await chooseBadges(page, 'ql62', 'Brother_QL_820NWB');
  await expectAccessible(page, 'setup: badge setup with the Electron printer list');
  await page.locator('[data-checkpoint="info-desk"]').click();
  await expect(page.getByTestId('storage-banner')).toHaveAttribute('data-level', 'warning', { timeout: 30_000 });
  await expectAccessible(page, 'scan: low-disk banner');
  const [first, second] = admissibleCodes(2);
  await scan(page, first!);
  await expect(page.getByTestId('badge-status')).toHaveAttribute('data-badge-state', 'failed');
  await expectAccessible(page, 'verdict: badge not printed, retry');
  await scan(page, second!);
  await expect(page.getByTestId('badge-failures')).toHaveAttribute('data-count', '2');
  await expectAccessible(page, 'scan: failures bar with two badges to retry');
});
