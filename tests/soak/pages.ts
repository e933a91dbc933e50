// The soak's real kiosk pages: the built kiosk (served by the upstream at
// /kiosk/) in Debian's Chromium, one browser context per desk (its own
// IndexedDB), paired through its fault-proxy lane with the page's `?pair=` link,
// scanning like a USB scanner (a key burst ending in Enter) and waiting for the
// verdict screen's check-in id, which appears only once the check-in is stored.
// Also reads what the desk holds (its IndexedDB) and its JS heap after a GC.

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium';
import type { KioskCheck, KioskReport, KioskStatus, OwnRow } from './farm';
import type { KioskPlan } from './plan';

export interface SoakPage {
  plan: KioskPlan;
  context: BrowserContext;
  page: Page;
  done: number;
  outcomes: Record<string, number>;
  created: string[];
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/** Opens the kiosk at `kioskBase` and pairs it with `link`; its rehearsal clock starts at `at`. */
export async function openPage(browser: Browser, plan: KioskPlan, kioskBase: string, link: string, at: string): Promise<SoakPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // roster=1: the unpaired page seeds a demo roster first; pairing drops it anyway.
  await page.goto(`${kioskBase}/kiosk/?${new URLSearchParams({ at, pair: link, roster: '1' })}`);
  await page.getByTestId('scan-prompt').waitFor({ timeout: 120_000 });
  await page.locator('[data-sync-state="online"]').waitFor({ timeout: 120_000 });
  return { plan, context, page, done: 0, outcomes: {}, created: [] };
}

/** A scanner burst, then the verdict of this scan: its check-in id (undefined for a malformed read). */
async function scanOnce(page: Page, raw: string): Promise<string | undefined> {
  const before = await page.locator('[data-verdict]').getAttribute('data-checkin-id', { timeout: 1000 }).catch(() => null);
  // No named functions inside: tsx (esbuild keepNames) would wrap them in a helper the page lacks.
  await page.evaluate((chars) => {
    for (const ch of chars) {
      const code = /[a-z]/i.test(ch) ? `Key${ch.toUpperCase()}` : /[0-9]/.test(ch) ? `Digit${ch}` : ch === '-' ? 'Minus' : '';
      window.dispatchEvent(new KeyboardEvent('keydown', { key: ch, code, shiftKey: ch !== ch.toLowerCase(), bubbles: true }));
    }
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
  }, raw);
  const handle = await page.waitForFunction(
    (prev) => {
      const v = document.querySelector('[data-verdict]');
      if (!v) return false;
      const id = v.getAttribute('data-checkin-id');
      if (id && id !== prev) return id;
      return v.getAttribute('data-reason') === 'malformed' ? 'malformed' : false;
    },
    before,
    { timeout: 60_000 },
  );
  const value = (await handle.jsonValue()) as string;
  return value === 'malformed' ? undefined : value;
}

/** Runs the desk's scans at their times of the day. */
export async function runPage(p: SoakPage, dayStartReal: number, dayMs: number): Promise<void> {
  for (const scan of p.plan.scans) {
    const wait = dayStartReal + scan.at * dayMs - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (scan.direction === 'exit') {
      // The page's direction toggle is staff UI; exits are scanned by Node desks only.
      continue;
    }
    const id = await scanOnce(p.page, scan.raw);
    if (id) p.created.push(id);
    p.outcomes[id ? 'stored' : 'malformed'] = (p.outcomes[id ? 'stored' : 'malformed'] ?? 0) + 1;
    p.done++;
  }
}

/** Reads the desk's IndexedDB: every check-in, its pairing's device id and its check-in cursor. */
function readDb(page: Page): Promise<{ rows: (OwnRow & { deviceId: string })[]; deviceId: string; cursor: number; voids: { id: string; checkinId: string; deviceId: string }[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('turnout');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['checkins', 'meta', 'voids']);
          const all = tx.objectStore('checkins').getAll();
          const voids = tx.objectStore('voids').getAll();
          const pairing = tx.objectStore('meta').get('sync.pairing');
          const cursor = tx.objectStore('meta').get('sync.cursor.checkins');
          tx.oncomplete = () => {
            resolve({
              rows: all.result,
              voids: voids.result,
              deviceId: (pairing.result as { value: { deviceId: string } }).value.deviceId,
              cursor: ((cursor.result as { value?: number } | undefined)?.value ?? 0) as number,
            });
            db.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

export async function pageStatus(p: SoakPage): Promise<KioskStatus> {
  const indicator = p.page.locator('[data-sync-state]');
  const { cursor } = await readDb(p.page);
  return {
    index: p.plan.index,
    outbox: Number(await indicator.getAttribute('data-outbox')),
    cursor,
    scansDone: p.done,
    scansPlanned: p.plan.scans.filter((s) => s.direction === 'entry').length,
    state: (await indicator.getAttribute('data-sync-state')) ?? '',
    stopped: false,
  };
}

/** The network is back, as the OS tells the page: its engine ends any backoff. */
export async function kickPage(p: SoakPage): Promise<void> {
  await p.page.evaluate(() => window.dispatchEvent(new Event('online')));
}

/** The page's JS heap after a forced GC, bytes. */
export async function pageHeap(p: SoakPage): Promise<number> {
  const cdp = await p.context.newCDPSession(p.page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

export async function pageReport(p: SoakPage): Promise<KioskReport> {
  const { rows, deviceId, voids } = await readDb(p.page);
  return {
    index: p.plan.index,
    deviceId,
    created: p.created,
    own: rows.filter((r) => r.deviceId === deviceId).map(({ deviceId: _d, ...row }) => row),
    outcomes: p.outcomes,
    // The pages do not undo (the Node desks do); any void of its own it held would count.
    voids: voids.filter((v) => v.deviceId === deviceId).map(({ id, checkinId }) => ({ id, checkinId })),
  };
}

export async function pageCheck(p: SoakPage, server: Map<string, string>): Promise<KioskCheck> {
  const { rows } = await readDb(p.page);
  const local = new Map(rows.map((r) => [r.id, r.syncState]));
  const check: KioskCheck = { index: p.plan.index, missing: 0, wrongStatus: 0, extra: 0, samples: [] };
  for (const [id, status] of server) {
    const mine = local.get(id);
    if (mine === undefined) check.missing++;
    else if (mine !== status) check.wrongStatus++;
    else continue;
    if (check.samples.length < 3) check.samples.push(`${id}: server ${status}, page ${mine ?? 'missing'}`);
  }
  for (const id of local.keys()) if (!server.has(id)) check.extra++;
  return check;
}
