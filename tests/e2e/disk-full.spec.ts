// The journal's disk fills up under a working desk, in real Chromium: the kiosk
// page runs with the shell's side of `window.kiosk` (tests/support/shell-bridge.ts:
// main's real handlers and journal; only Electron's transport is replaced), the
// journal on a 256 KiB tmpfs the test mounts (root, as on CI; skipped with a notice
// elsewhere). The scan whose append does not fit shows the storage error, never
// green; every line before it reads back intact; once space is freed, the next
// start journals the row that missed its append.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { installShellBridge, type ShellBridge } from '../support/shell-bridge';
import { fillDisk, mountTmpfs, type Tmpfs } from '../support/tmpfs';
import { admissibleCodes, openAtCheckpoint, scannerBurstInPage } from './support/kiosk';

let disk: Tmpfs | undefined;
let bridge: ShellBridge | undefined;

test.afterEach(async () => {
  await bridge?.close().catch(() => undefined);
  disk?.unmount();
  bridge = undefined;
  disk = undefined;
});

/** Scans and waits for the NEW outcome: a verdict with a new check-in id, or the storage error. */
async function scanOutcome(page: Page, code: string): Promise<{ verdict: string | null; id: string | null; error: string | null }> {
  const before = await page.locator('[data-verdict]').getAttribute('data-checkin-id', { timeout: 100 }).catch(() => null);
  await scannerBurstInPage(page, code);
  await expect
    .poll(async () => {
      const id = await page.locator('[data-verdict]').getAttribute('data-checkin-id', { timeout: 100 }).catch(() => null);
      const errors = await page.locator('.verdict[data-error]').count();
      return (id !== null && id !== before) || errors > 0;
    })
    .toBe(true);
  return page.evaluate(() => {
    const v = document.querySelector('[data-verdict]');
    const e = document.querySelector('.verdict[data-error]');
    return { verdict: v?.getAttribute('data-verdict') ?? null, id: v?.getAttribute('data-checkin-id') ?? null, error: e?.getAttribute('data-error') ?? null };
  });
}

test('disk full under the journal: the error screen, never green; earlier lines intact; the missed row journaled after space is freed', async ({ context, page, baseURL }) => {
  disk = mountTmpfs('256k');
  if (!disk.mounted) {
    console.log(`e2e disk-full test skipped: cannot mount a tmpfs here (${disk.why})`);
    test.skip();
    return;
  }
  const dataDir = join(disk.dir, 'kiosk');
  mkdirSync(dataDir);
  bridge = await installShellBridge(context, new URL(baseURL!).origin, dataDir);
  await openAtCheckpoint(page, 'info-desk', { roster: 200 });
  const codes = admissibleCodes(60);

  const admitted: string[] = [];
  for (const code of codes.slice(0, 3)) {
    const out = await scanOutcome(page, code);
    expect(out).toMatchObject({ verdict: 'accepted', error: null });
    admitted.push(out.id!);
  }
  fillDisk(join(disk.dir, 'filler.bin'), 0);

  // The day file's last block may still take a few lines; the first append that does not fit must show the error.
  let failed: { verdict: string | null; error: string | null } | undefined;
  for (const code of codes.slice(3)) {
    const out = await scanOutcome(page, code);
    if (out.error) {
      failed = out;
      break;
    }
    expect(out.verdict).toBe('accepted');
    admitted.push(out.id!);
  }
  expect(failed, 'the journal never refused an append on a full disk').toBeDefined();
  await expect(page.locator('[data-verdict="accepted"]')).toHaveCount(0);
  // The check-in kept its IndexedDB copy (it will sync): the screen says so, so staff do not scan twice.
  const error = page.locator('.verdict[data-error="store_failed"]');
  await expect(error).toHaveAttribute('data-kept', 'database');
  await expect(error).toContainText('Only one of its two copies was saved');
  await page.screenshot({ path: test.info().outputPath('disk-full.png') });

  // Everything admitted before reads back, in order, with no torn line.
  const dump = await bridge.journal.readAll();
  expect(dump.problems).toEqual([]);
  expect(dump.entries.map((e) => e.checkIn.id)).toEqual(admitted);

  // Space freed; the next start appends the row that kept only its IndexedDB copy.
  rmSync(join(disk.dir, 'filler.bin'));
  await page.reload();
  await page.locator('[data-checkpoint="info-desk"]').or(page.getByTestId('scan-prompt')).first().waitFor({ timeout: 60_000 });
  await expect.poll(async () => (await bridge!.journal.readAll()).entries.length).toBe(admitted.length + 1);
  const after = await bridge.journal.readAll();
  expect(after.problems).toEqual([]);
  expect(after.entries.slice(0, admitted.length).map((e) => e.checkIn.id)).toEqual(admitted);
  expect(new Set(after.entries.map((e) => e.checkIn.id)).size).toBe(admitted.length + 1);
});
