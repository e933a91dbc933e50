// Camera scanning in real Chromium: its fake camera plays a Y4M made from a QR code
// generated here, and the page decodes it with the bundled ZXing WebAssembly.
import { expect, test } from '@playwright/test';
import { chromium } from 'playwright-core';
import { demoTicket } from '../../core/demo/roster';
import { CHROMIUM_ARGS, chromiumPath, fakeCameraArgs } from './support/chromium';
import { qrVideo } from './support/qr-video';
import { openAtCheckpoint, verdict } from './support/kiosk';
import { localCheckins } from './support/sync';

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
    // Every verdict shown, stamped with the page's own clock as it appears: the 3 s
    // guard runs from the verdict, and a test that only started counting once it had
    // noticed the verdict (late, on a loaded machine) would have seen the clip's
    // legitimate re-scan after 3 s.
    await page.addInitScript(() => {
      const seen: { id: string; at: number }[] = [];
      (window as unknown as { __verdicts: typeof seen }).__verdicts = seen;
      new MutationObserver(() => {
        const id = document.querySelector('[data-verdict]')?.getAttribute('data-checkin-id');
        if (id && seen.at(-1)?.id !== id) seen.push({ id, at: performance.now() });
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-checkin-id'] });
    });
    const verdicts = () => page.evaluate(() => [...(window as unknown as { __verdicts: { id: string; at: number }[] }).__verdicts]);
    await openAtCheckpoint(page, 'ceremony', { camera: 1 });
    const v = verdict(page);
    await expect(v).toHaveAttribute('data-verdict', 'accepted', { timeout: 30_000 });
    await expect(v.getByTestId('verdict-name')).toHaveText('김철현');
    // The decoder's WebAssembly came from the app itself, never from a CDN.
    expect(wasm.length).toBeGreaterThan(0);
    for (const url of wasm) expect(new URL(url).origin).toBe(new URL(baseURL!).origin);
    // The code stays in front of the camera: for 2.5 s of the page's time after the
    // verdict (the guard is 3 s), no second verdict.
    const first = (await verdicts())[0]!;
    await page.waitForFunction((until) => performance.now() >= until, first.at + 2_500, { polling: 100 });
    expect((await verdicts()).filter((s) => s.at < first.at + 2_500).map((s) => s.id)).toEqual([first.id]);
    // Admitted once: the only admission stored for the code is the first verdict's
    // (re-scans after the window are refusals at this once-only door).
    const admissions = (await localCheckins(page)).filter((c) => c.code === kim.code && c.verdict === 'accepted');
    expect(admissions.map((c) => c.id)).toEqual([first.id]);
  } finally {
    await browser.close();
  }
});
