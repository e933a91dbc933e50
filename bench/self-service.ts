// Self-service (issue 12) in Debian's Chromium on the built kiosk: how long from
// a touch on the attract screen's "find your name" to an on-screen keyboard that
// takes a tap, and from the end of a session (the same end() the idle countdown
// calls; here through "Finish", since the countdown itself waits 60 s) to the
// attract screen on screen with nothing of the session left. Both are timed in
// the page, from the event to the frame after the DOM change.
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/support/chromium';
import { fmtMs, percentile, writeSection, type Row } from './results';

const EVENT_DAY = '2025-09-10T11:00:00+09:00';
const RUNS = 30;
/** Perceived as instant (Card, Moran & Newell; Nielsen's 0.1 s): a touch must answer within it. */
const BUDGET_MS = 100;

/** Clicks `start` and resolves with ms until `ready` is in the DOM and a frame has been drawn. */
function timeTo(page: Page, start: string, ready: string): Promise<number> {
  return page.evaluate(([s, r]) => new Promise<number>((resolve) => {
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (!document.querySelector(r)) return;
      obs.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - t0));
    });
    obs.observe(document.body, { subtree: true, childList: true });
    document.querySelector<HTMLElement>(s)!.click();
  }), [start, ready] as const);
}

async function setUp(page: Page, base: string, rosterSize: number): Promise<void> {
  await page.goto(`${base}?roster=${rosterSize}&at=${encodeURIComponent(EVENT_DAY)}`);
  await page.locator('[data-checkpoint="info-desk"]').waitFor({ timeout: 300_000 });
  await page.getByTestId('self-service-toggle').locator('input').check();
  await page.locator('[data-checkpoint="info-desk"]').click();
  for (let round = 0; round < 2; round++) {
    for (const d of '2468') await page.getByTestId(`pin-key-${d}`).click();
    await page.getByTestId('pin-ok').click();
  }
  await page.getByTestId('self-attract').waitFor();
}

export async function benchSelfService(rosterSize = 200_000): Promise<Row[]> {
  const server = await preview({ configFile: 'renderer/vite.config.ts', preview: { host: '127.0.0.1', port: 0 }, logLevel: 'silent' });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('preview server has no URL');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await setUp(page, base, rosterSize);
    const toKeyboard: number[] = [];
    const toAttract: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      const k = await timeTo(page, '[data-testid="self-start-name"]', '[data-testid="osk"] [data-testid="osk-key-ㄱ"]');
      // Type something, so the reset has a session to wipe.
      await page.getByTestId('osk-key-ㄱ').click();
      await page.getByTestId('self-lookup-back').click();
      const a = await timeTo(page, '[data-testid="self-done"]', '[data-testid="self-attract"]');
      if (i >= 3) {
        // The first runs warm the JIT and the style cache.
        toKeyboard.push(k);
        toAttract.push(a);
      }
    }
    const k95 = percentile(toKeyboard, 95);
    const a95 = percentile(toAttract, 95);
    const rows: Row[] = [
      {
        name: `self-service: touch on the attract screen to a usable on-screen keyboard, p50 / p95, ${rosterSize / 1000}k roster`,
        figure: `${fmtMs(percentile(toKeyboard, 50))} / ${fmtMs(k95)} (${RUNS} runs)`,
        budget: `p95 ≤ ${BUDGET_MS} ms`,
        pass: k95 <= BUDGET_MS,
      },
      {
        name: `self-service: session end (idle reset / Finish) to the attract screen, p50 / p95, ${rosterSize / 1000}k roster`,
        figure: `${fmtMs(percentile(toAttract, 50))} / ${fmtMs(a95)} (${RUNS} runs)`,
        budget: `p95 ≤ ${BUDGET_MS} ms`,
        pass: a95 <= BUDGET_MS,
      },
    ];
    writeSection(
      'Self-service timings',
      [
        `Chromium, built kiosk, ${rosterSize / 1000}k demo roster in IndexedDB, 1920×1080, ${RUNS} runs after 3 warm-up runs (${new Date().toISOString().slice(0, 10)}).`,
        '',
        '| step | p50 | p95 | budget |',
        '|---|---|---|---|',
        `| touch → usable keyboard | ${fmtMs(percentile(toKeyboard, 50))} | ${fmtMs(k95)} | ${BUDGET_MS} ms |`,
        `| session end → attract screen | ${fmtMs(percentile(toAttract, 50))} | ${fmtMs(a95)} | ${BUDGET_MS} ms |`,
        '',
        `Budget: ${BUDGET_MS} ms is where a response stops feeling instant (Card, Moran & Newell; Nielsen's 0.1 s).`,
        'A stranger at a kiosk who sees no answer to a touch taps again, and a second tap on the keyboard',
        'types a second letter; after a reset the next person must never see the last one\'s session.',
        'Timed in the page from the click to the frame after the DOM change. The reset is measured',
        'through "Finish", which calls the same end() as the idle countdown (the countdown itself waits 60 s).',
      ].join('\n'),
    );
    return rows;
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
