// Driving a PAIRED kiosk in e2e sync tests: pairing (by a scanned link, or by the
// page URL's `?pair=`), scanning many codes, and reading the sync indicator
// (`data-sync-state`, `data-outbox`, `data-error`) the way staff see it.
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { EVENT_DAY, scan, scannerType } from './kiosk';
import { expectExactlyOnce, type Upstream } from './upstream';

export function indicator(page: Page): Locator {
  return page.locator('[data-sync-state]');
}

/** The kiosk page as served by `server` (the upstream itself, or a proxy in front of it). */
export function kioskPage(server: string, params: Record<string, string> = {}): string {
  return `${server}/kiosk/?${new URLSearchParams({ at: EVENT_DAY, ...params })}`;
}

/** A fresh profile (its own IndexedDB: a separate kiosk) with one page. */
export async function newKiosk(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return { context, page: await context.newPage() };
}

/**
 * Pairs the way desk staff do: an unpaired kiosk (demo data, setup screen) reads the
 * organiser's pairing QR with the USB scanner, which types the turnout:// link.
 */
export async function pairByScanner(page: Page, server: string, link: string): Promise<void> {
  await page.goto(kioskPage(server, { roster: '20' }));
  await expect(page.locator('[data-checkpoint]').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('paired')).toHaveCount(0);
  const paired = page.getByTestId('scan-prompt');
  const failed = page.getByTestId('pair-error');
  for (let attempt = 1; ; attempt++) {
    await scannerType(page, link);
    await expect(paired.or(failed)).toBeVisible({ timeout: 60_000 });
    if (await paired.isVisible()) break;
    // A misread (see MISREAD) fails before the code is redeemed: scan again, as staff would.
    const kind = await failed.getAttribute('data-error');
    if (attempt >= 3 || (kind !== 'invalid_link' && kind !== 'code_unknown')) throw new Error(`pairing failed: ${kind}`);
    await page.waitForTimeout(500); // let the rest of a split burst land first
  }
  await expect(indicator(page)).toHaveAttribute('data-sync-state', 'online', { timeout: 30_000 });
}

/** Pairs through the page URL (`?pair=<link>`), as `npm start` and Electron do. */
export async function pairByUrl(page: Page, server: string, link: string): Promise<void> {
  await page.goto(kioskPage(server, { pair: link }));
  await expect(page.getByTestId('scan-prompt')).toBeVisible({ timeout: 60_000 });
  await expect(indicator(page)).toHaveAttribute('data-sync-state', 'online', { timeout: 30_000 });
}

/**
 * A misread: on a CPU-starved test machine CDP can stall key delivery for longer
 * than the scanner-wedge's idle time (60 ms of real time), which ends the burst
 * early — the first half arrives as one "code" and the rest as another. Staff
 * just scan again. Each half is a real (rejected) check-in the kiosk keeps and
 * syncs, which is why the closing counts use madeHere(), not the verdicts alone.
 */
const MISREAD = ['unknown_ticket', 'malformed'];

/** Scans `code` until it reads (a misread is scanned again) and returns the verdict. */
export async function scanRead(page: Page, code: string): Promise<Locator> {
  for (let attempt = 1; ; attempt++) {
    const v = await scan(page, code);
    const reason = await v.getAttribute('data-reason');
    if (!MISREAD.includes(reason ?? '')) return v;
    if (attempt >= 3) throw new Error(`scan of ${code} misread ${attempt} times (${reason})`);
    await page.waitForTimeout(500); // let the rest of a split burst land first
  }
}

/** Scans every code (each must be admitted) and returns the admissions' ids. */
export async function scanAll(page: Page, codes: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const code of codes) {
    const v = await scanRead(page, code);
    await expect(v).toHaveAttribute('data-verdict', 'accepted');
    ids.push((await v.getAttribute('data-checkin-id'))!);
  }
  return ids;
}

/** The outbox drains to 0 and the indicator says online. */
export async function expectDrained(page: Page, timeout = 90_000): Promise<void> {
  await expect(indicator(page)).toHaveAttribute('data-outbox', '0', { timeout });
  await expect(indicator(page)).toHaveAttribute('data-sync-state', 'online', { timeout });
}

/**
 * Records every (state, error kind) the indicator shows from now on, in the page,
 * so a state that lasts only a moment is still seen.
 */
export async function recordStates(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const el = document.querySelector('[data-sync-state]')!;
    const seen: string[] = [];
    const note = () => {
      const entry = `${el.getAttribute('data-sync-state')}${el.getAttribute('data-error') ? `:${el.getAttribute('data-error')}` : ''}`;
      if (seen.at(-1) !== entry) seen.push(entry);
    };
    note();
    new MutationObserver(note).observe(el, { attributes: true });
    (window as unknown as { __syncStates: string[] }).__syncStates = seen;
  });
  return () => page.evaluate(() => [...(window as unknown as { __syncStates: string[] }).__syncStates]);
}

export interface LocalCheckin {
  id: string;
  code: string;
  deviceId: string;
  verdict: 'accepted' | 'rejected';
  scannedAt: string;
  clockOffsetMs?: number;
  syncState: string;
}

/** Every check-in in the kiosk's own IndexedDB (its own and those pulled from other desks). */
export function localCheckins(page: Page): Promise<LocalCheckin[]> {
  return page.evaluate(
    () =>
      new Promise<LocalCheckin[]>((resolve, reject) => {
        const req = indexedDB.open('turnout');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const all = db.transaction('checkins').objectStore('checkins').getAll();
          all.onsuccess = () => {
            resolve(all.result as LocalCheckin[]);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Ids of every check-in this kiosk made itself (its pairing's device), whatever their verdict. */
export async function madeHere(page: Page): Promise<string[]> {
  const deviceId = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('turnout');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('meta').objectStore('meta').get('sync.pairing');
          get.onsuccess = () => {
            resolve((get.result as { value: { deviceId: string } }).value.deviceId);
            db.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
  return (await localCheckins(page)).filter((c) => c.deviceId === deviceId).map((c) => c.id);
}

/**
 * The closing count: everything these kiosks made (every verdict shown among it) is
 * on the server exactly once, and the server holds nothing else.
 */
export async function expectAllOnServer(up: Pick<Upstream, 'checkins'>, pages: Page[], shown: string[]): Promise<void> {
  const created = (await Promise.all(pages.map(madeHere))).flat();
  expect(created).toEqual(expect.arrayContaining(shown));
  await expectExactlyOnce(up, created);
}

/**
 * The desk's network comes back. Chromium's network emulation does not reliably fire
 * `online` when it is lifted (here it fires one spuriously while still offline, and
 * none on restore), so the page is told as the OS would tell it.
 */
export async function networkBack(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
}
