// A browser kiosk that loaded once keeps working after a reload with the network
// gone: the service worker serves the page, its scripts and the decoder's wasm.
import { expect, test } from '@playwright/test';
import { demoTicket } from '../../core/demo/roster';
import { openAtCheckpoint, scan } from './support/kiosk';

test('reload while offline: the kiosk starts from its offline shell and keeps its check-ins', async ({ page, context }) => {
  await openAtCheckpoint(page, 'info-desk');
  await expect(await scan(page, demoTicket(0).code)).toHaveAttribute('data-verdict', 'accepted');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload(); // now controlled by the service worker
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
  await expect(page.locator('[data-sync-state]')).toHaveAttribute('data-outbox', '1');
  const again = await scan(page, demoTicket(0).code);
  await expect(again).toHaveAttribute('data-verdict', 'accepted'); // info desk: unlimited
  await expect(page.locator('[data-sync-state]')).toHaveAttribute('data-outbox', '2');
  // The wasm decoder is cached too, so the camera can still decode.
  const wasmCached = await page.evaluate(async () => {
    const keys = await caches.keys();
    for (const k of keys) {
      const reqs = await (await caches.open(k)).keys();
      if (reqs.some((r) => r.url.endsWith('.wasm'))) return true;
    }
    return false;
  });
  expect(wasmCached).toBe(true);
});
