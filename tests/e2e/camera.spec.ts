// Camera scanning in real Chromium: its fake camera plays a Y4M made from a QR code
// generated here, and the page decodes it with the bundled ZXing WebAssembly.
import { expect, test } from '@playwright/test';
import { chromium } from 'playwright-core';
import { demoTicket } from '../../core/demo/roster';
import { CHROMIUM_ARGS, chromiumPath, fakeCameraArgs } from './support/chromium';
import { qrVideo } from './support/qr-video';
import { openAtCheckpoint, verdict } from './support/kiosk';

test('a QR code shown to the camera is decoded, admitted once, and not re-scanned while held up', async ({ baseURL }) => {
  const kim = demoTicket(0);
  const y4m = await qrVideo(kim.code);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...fakeCameraArgs(y4m)] });
  try {
    const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const wasm: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.wasm')) wasm.push(r.url());
    });
    await openAtCheckpoint(page, 'ceremony', { camera: 1 });
    const v = verdict(page);
    await expect(v).toHaveAttribute('data-verdict', 'accepted', { timeout: 30_000 });
    await expect(v.getByTestId('verdict-name')).toHaveText('김철현');
    // The decoder's WebAssembly came from the app itself, never from a CDN.
    expect(wasm.length).toBeGreaterThan(0);
    for (const url of wasm) expect(new URL(url).origin).toBe(new URL(baseURL!).origin);
    // The code stays in front of the camera: the 3 s guard keeps it from being scanned again.
    const firstId = await v.getAttribute('data-checkin-id');
    await page.waitForTimeout(1500);
    await expect(v).toHaveAttribute('data-checkin-id', firstId!);
    await expect(page.locator('[data-sync-state]')).toHaveAttribute('data-outbox', '1');
  } finally {
    await browser.close();
  }
});
