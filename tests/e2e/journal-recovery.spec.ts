// IndexedDB lost under a paired kiosk, in real Chromium against the real server:
// Chromium resets a whole database when the disk fills (electron#41877) and updates
// have wiped it (electron#38616). The kiosk runs with the shell's side of
// `window.kiosk` (tests/support/shell-bridge.ts: main's real IPC handlers, journal,
// storage guard and pairing vault; only the Electron transport is replaced, as no
// Electron binary runs here). Also: the storage banner at warning and critical.
import { expect, test } from '@playwright/test';
import { installShellBridge, type ShellBridge } from '../support/shell-bridge';
import { admissibleCodes, deleteKioskDatabase } from './support/kiosk';
import { expectAllOnServer, expectDrained, indicator, kioskPage, madeHere, pairByUrl, scanAll } from './support/sync';
import { startUpstream, type Upstream } from './support/upstream';

let up: Upstream | undefined;
let bridge: ShellBridge | undefined;

test.afterEach(async () => {
  await up?.close();
  await bridge?.close();
  up = undefined;
  bridge = undefined;
});

test('database deleted: the journal restores every check-in once, the pairing comes back, all reach the server once; nothing twice on the next start', async ({ context, page }) => {
  test.setTimeout(240_000);
  up = await startUpstream();
  bridge = await installShellBridge(context, up.url);
  await pairByUrl(page, up.url, await up.pairingLink('info-desk'));
  await expect.poll(() => bridge!.calls.includes('pairingSave')).toBe(true);

  // Offline: the check-ins exist only on this kiosk, in IndexedDB and in the journal.
  await up.stop();
  const shown = await scanAll(page, admissibleCodes(12, 200));
  const made = await madeHere(page);
  await expect(indicator(page)).toHaveAttribute('data-outbox', String(made.length));
  const journaled = await bridge.journal.readAll();
  expect(journaled.entries.map((e) => e.checkIn.id).sort()).toEqual([...made].sort());

  // The kiosk stops with all of it unsent; the server comes back; Chromium resets the database.
  await page.goto('about:blank');
  await up.start();
  await deleteKioskDatabase(page, new URL(up.url).origin);
  await page.goto(kioskPage(up.url));

  const notice = page.getByTestId('recovery-notice');
  await expect(notice).toBeVisible({ timeout: 90_000 });
  await expect(notice).toHaveAttribute('data-recovered', String(made.length));
  await expect(notice).toHaveAttribute('data-outbox', String(made.length));
  await expect(notice).toContainText('The kiosk database was empty');
  await expect(notice).toContainText("restored from the shell's copy");
  // Paired again without a new code, roster re-pulled: the next attendee is admitted.
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
  await expectDrained(page);
  const next = await scanAll(page, admissibleCodes(1, 260));
  await expectDrained(page);
  const rows = await up.checkins();
  expect(rows.filter((r) => made.includes(r.id))).toHaveLength(made.length);
  await expectAllOnServer(up, [page], [...shown, ...next]);
  expect(await up.devices()).toHaveLength(1); // the same device, not a second pairing

  // Second start: already present, nothing recovered or sent twice.
  await page.reload();
  await expect(page.getByTestId('scan-prompt')).toBeVisible({ timeout: 60_000 });
  await expectDrained(page);
  await expect(notice).toHaveCount(0);
  await expectAllOnServer(up, [page], [...shown, ...next]);
});

test('storage banner: low disk warns on the scan screen; nearly full pushes a sync and offers the export behind the staff PIN', async ({ context, page }) => {
  test.setTimeout(120_000);
  up = await startUpstream();
  bridge = await installShellBridge(context, up.url);
  const GiB = 1024 ** 3;
  bridge.setDisk({ freeBytes: 0.6 * GiB, totalBytes: 64 * GiB });
  await pairByUrl(page, up.url, await up.pairingLink('info-desk'));

  const banner = page.getByTestId('storage-banner');
  await expect(banner).toHaveAttribute('data-level', 'warning');
  await expect(banner).toContainText('Disk space is low: 614 MB free');
  await expect(banner).toContainText('저장 공간 부족');
  await expect(page.getByTestId('storage-export')).toHaveCount(0);
  // Check-ins go on while the disk is low.
  await up.stop();
  await scanAll(page, admissibleCodes(3, 220));
  await expect(indicator(page)).toHaveAttribute('data-outbox', '3');

  bridge.setDisk({ freeBytes: 120 * 1024 ** 2, totalBytes: 64 * GiB });
  await up.start();
  await page.reload();
  await expect(banner).toHaveAttribute('data-level', 'critical', { timeout: 60_000 });
  await expect(banner).toContainText('Disk almost full: 120 MB free');
  await expectDrained(page, 30_000); // the sync it pushed emptied the outbox
  await page.screenshot({ path: test.info().outputPath('storage-critical.png') });
  await page.getByTestId('storage-export').click();
  await expect(page.getByTestId('staff-gate')).toBeVisible();
});
