// Regenerates the screenshots in docs/ (`npm run screenshots`). Not part of `npm test`:
// it writes into the tree. Look at the PNGs after running it.
import { expect, test } from '@playwright/test';
import { demoTicket } from '../../core/demo/roster';
import { admissibleCodes, kioskUrl, openAtCheckpoint, scan } from '../e2e/support/kiosk';
import { installShellBridge } from '../support/shell-bridge';

test('docs screenshots', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?roster=2000');
  await expect(page.locator('[data-checkpoint]').first()).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: 'docs/setup.png' });

  await openAtCheckpoint(page, 'ceremony');
  await page.screenshot({ path: 'docs/scan.png' });

  await scan(page, demoTicket(0).code);
  await page.screenshot({ path: 'docs/accepted.png' });

  await scan(page, demoTicket(0).code);
  await page.screenshot({ path: 'docs/rejected.png' });

  await scan(page, demoTicket(2).code);
  await page.screenshot({ path: 'docs/attention.png' });

  await page.getByTestId('open-search').click();
  for (const jamo of ['ㄱ', 'ㅊ']) await page.locator('.osk__key', { hasText: new RegExp(`^${jamo}$`) }).click();
  await expect(page.locator('[data-code]').first()).toBeVisible();
  await page.screenshot({ path: 'docs/search.png' });

  // Staff mode after a morning at the info desk: scans at a few rehearsal hours, then the PIN.
  const codes = admissibleCodes(14);
  for (const [i, hour] of ['09', '10', '10', '12', '13', '15'].entries()) {
    await page.goto(kioskUrl({ at: `2025-09-10T${hour}:${String(10 + i).padStart(2, '0')}:00+09:00` }));
    await expect(page.getByTestId('scan-prompt')).toBeVisible({ timeout: 60_000 });
    if (i === 0) {
      await page.getByRole('button', { name: '체크포인트 변경' }).click();
      await page.locator('[data-checkpoint="info-desk"]').click();
    }
    for (const code of codes.slice(i * 2, i * 2 + 2 + (i % 2))) await scan(page, code);
    if (i === 2) await scan(page, 'ICW25-NOSUCHCODE');
  }
  await page.getByTestId('open-staff').click();
  for (const round of [0, 1]) {
    for (const d of '2468') await page.getByTestId(`pin-key-${d}`).click();
    await page.getByTestId('pin-ok').click();
    if (round === 0) await expect(page.getByTestId('staff-gate')).toHaveAttribute('data-mode', 'confirm');
  }
  await expect(page.locator('[data-total="scans"]')).toBeVisible();
  await expect(page.locator('.chart__plot canvas')).toBeVisible();
  await page.screenshot({ path: 'docs/staff.png' });
});

test('docs screenshot: the scan screen on a nearly full disk (Electron journal via the shell bridge)', async ({ context, page, baseURL }) => {
  const bridge = await installShellBridge(context, new URL(baseURL!).origin);
  try {
    bridge.setDisk({ freeBytes: 120 * 1024 ** 2, totalBytes: 64 * 1024 ** 3 });
    await openAtCheckpoint(page, 'hall-a');
    await expect(page.getByTestId('storage-banner')).toHaveAttribute('data-level', 'critical');
    await page.screenshot({ path: 'docs/storage-critical.png' });
  } finally {
    await bridge.close();
  }
});
