// Records keydown timing as a page sees it when a burst comes through
// Chromium's input pipeline on a busy machine: the jitter a wedge must live
// with (issue 15). Keys are sent over CDP the way tests/e2e/support/kiosk.ts
// sends them but WITHOUT hardware timestamps, so Chromium stamps each keydown
// when it handles it, and CPU hogs in worker threads compete for the cores.
// Writes tests/fixtures/wedge-jitter/chromium-<load>-<n>.json: the gaps in ms.
//   tsx scripts/record-wedge-jitter.ts [runs=3] [hogs=2]
import { writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/support/chromium';

const runs = Number(process.argv[2] ?? 3);
const hogs = Number(process.argv[3] ?? 2);
const LINK = 'turnout://pair?v=1&server=https%3A%2F%2Fvenue.test%3A8443&fp=Q2hQ1X0yd0bR7mB1X3k9V1c2Y3h5Z0p4L6n8T0r2W4s&code=K7MPX2QRVA&checkpoint=hall-a';

const hog = `const end = Date.now() + 60000; while (Date.now() < end) { Math.sqrt(Math.random()); }`;
const workers = Array.from({ length: hogs }, () => new Worker(hog, { eval: true }));

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.setContent('<input autofocus>');
  await page.evaluate(() => {
    const w = window as unknown as { stamps: number[] };
    w.stamps = [];
    window.addEventListener('keydown', (e) => { if (e.key.length === 1) w.stamps.push(e.timeStamp); }, { capture: true });
  });
  for (let run = 1; run <= runs; run++) {
    await page.evaluate(() => { (window as unknown as { stamps: number[] }).stamps.length = 0; });
    const cdp = await page.context().newCDPSession(page);
    const sends: Promise<unknown>[] = [];
    for (const ch of LINK) {
      sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch }));
      sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch }));
    }
    await Promise.all(sends);
    await cdp.detach();
    const stamps = await page.evaluate(() => (window as unknown as { stamps: number[] }).stamps);
    const gaps = stamps.slice(1).map((t, i) => Math.round((t - stamps[i]!) * 100) / 100);
    const file = `tests/fixtures/wedge-jitter/chromium-${hogs}hogs-${run}.json`;
    const max = Math.max(...gaps);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    writeFileSync(file, `${JSON.stringify({
      source: `Chromium ${browser.version()} keydown event.timeStamp deltas, ${LINK.length}-character pairing link sent over CDP Input.dispatchKeyEvent without timestamps, ${hogs} CPU-hog threads on a 2-core machine, recorded ${new Date().toISOString().slice(0, 10)} by scripts/record-wedge-jitter.ts`,
      gaps,
    })}\n`);
    console.log(`${file}: ${gaps.length} gaps, mean ${mean.toFixed(2)} ms, max ${max} ms, >35 ms: ${gaps.filter((g) => g > 35).length}`);
  }
} finally {
  await browser.close();
  await Promise.all(workers.map((w) => w.terminate()));
}
