// Driving the kiosk page like its users do: a USB scanner typing fast (with and
// without a Korean IME), a desk picking its checkpoint, and reading the verdict.
import { expect, type Page, type Locator } from '@playwright/test';
import { decide } from '../../../core/decide';
import { demoEvent } from '../../../core/demo/event';
import { demoTicket } from '../../../core/demo/roster';

/** A weekday of the 2025 demo event, inside every demo checkpoint's opening hours. */
export const EVENT_DAY = '2025-09-10T11:00:00+09:00';

export function kioskUrl(params: Record<string, string | number> = {}): string {
  const q = new URLSearchParams({ roster: '2000', at: EVENT_DAY, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
  return `/?${q}`;
}

export async function openAtCheckpoint(page: Page, checkpointId: string, params: Record<string, string | number> = {}, base = ''): Promise<void> {
  await page.goto(base + kioskUrl(params));
  await page.locator(`[data-checkpoint="${checkpointId}"]`).click({ timeout: 60_000 });
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
}

/**
 * Setup's badge section as staff use it: printing on, the label stock and (with the
 * shell's printer list) the printer. The buttons and the select show the settings
 * as stored, so each choice is waited for until it shows: a scan right after then
 * prints on that stock and printer, not on what IndexedDB held a moment before.
 */
export async function chooseBadges(page: Page, template: string, printer?: string): Promise<void> {
  await page.getByTestId('badge-on').click();
  await expect(page.getByTestId('badge-setup')).toHaveAttribute('data-enabled', '1');
  const stock = page.locator(`[data-badge-template="${template}"]`);
  await stock.click();
  await expect(stock).toHaveAttribute('aria-checked', 'true');
  if (printer !== undefined) {
    await page.getByTestId('badge-printer').selectOption(printer);
    await expect(page.getByTestId('badge-printer')).toHaveValue(printer);
  }
  await expect.poll(() => storedMeta(page, 'badge.settings')).toMatchObject({ enabled: true, template, ...(printer === undefined ? {} : { printerName: printer }) });
}

export function verdict(page: Page): Locator {
  return page.locator('[data-verdict]');
}

/** The 2-beolsik jamo a Korean IME produces for each Latin key. */
const DUBEOLSIK: Record<string, string> = {
  q: 'ㅂ', w: 'ㅈ', e: 'ㄷ', r: 'ㄱ', t: 'ㅅ', y: 'ㅛ', u: 'ㅕ', i: 'ㅑ', o: 'ㅐ', p: 'ㅔ',
  a: 'ㅁ', s: 'ㄴ', d: 'ㅇ', f: 'ㄹ', g: 'ㅎ', h: 'ㅗ', j: 'ㅓ', k: 'ㅏ', l: 'ㅣ',
  z: 'ㅋ', x: 'ㅌ', c: 'ㅊ', v: 'ㅍ', b: 'ㅠ', n: 'ㅜ', m: 'ㅡ',
};
// US layout, as a scanner types: enough for codes and pairing links (`turnout://pair?server=http%3A…&code=…`).
const SHIFTED: Record<string, string> = {
  _: 'Minus', ':': 'Semicolon', '+': 'Equal', '?': 'Slash', '>': 'Period', '<': 'Comma', '"': 'Quote', '~': 'Backquote',
  '!': 'Digit1', '@': 'Digit2', '#': 'Digit3', $: 'Digit4', '%': 'Digit5', '^': 'Digit6', '&': 'Digit7', '*': 'Digit8', '(': 'Digit9', ')': 'Digit0',
};
const PLAIN: Record<string, string> = {
  '-': 'Minus', ';': 'Semicolon', '=': 'Equal', '.': 'Period', '/': 'Slash', ' ': 'Space', ',': 'Comma', "'": 'Quote', '`': 'Backquote',
};

function keyFor(ch: string, ime: boolean): { code: string; key: string; shift: boolean; vk: number } {
  if (/[a-z]/i.test(ch)) {
    const shift = ch !== ch.toLowerCase();
    const key = ime ? (DUBEOLSIK[ch.toLowerCase()] ?? ch) : ch;
    return { code: `Key${ch.toUpperCase()}`, key, shift, vk: ch.toUpperCase().charCodeAt(0) };
  }
  if (/[0-9]/.test(ch)) return { code: `Digit${ch}`, key: ch, shift: false, vk: ch.charCodeAt(0) };
  if (PLAIN[ch]) return { code: PLAIN[ch], key: ch, shift: false, vk: 0 };
  if (SHIFTED[ch]) return { code: SHIFTED[ch], key: ch, shift: true, vk: 0 };
  return { code: '', key: ch, shift: false, vk: 0 };
}

/**
 * Types a code the way a USB scanner does: trusted key events a few ms apart,
 * ending in Enter, sent over CDP so they reach the page as real keyboard input.
 * With `ime`, each letter arrives as the jamo a 2-beolsik IME would produce.
 */
export interface ScannerOptions {
  ime?: boolean;
  terminator?: 'Enter' | 'Tab' | 'none';
  /**
   * A stall inside the burst, as Bluetooth scanners and busy machines make: the
   * keys after index `after` are sent `ms` later, in real time and in their
   * timestamps.
   */
  stall?: { after: number; ms: number };
}

export async function scannerType(page: Page, text: string, opts: ScannerOptions = {}): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const sends: Promise<unknown>[] = [];
  // Hardware timestamps 4 ms apart, as a scanner's HID reports carry: the page judges
  // bursts by event.timeStamp, so a stall in this test process can't split a scan.
  let at = Date.now() / 1000;
  const tick = () => (at += 0.004);
  let index = 0;
  for (const ch of text) {
    if (opts.stall && index++ === opts.stall.after) {
      // The keys so far are on their way (not awaited, as a scanner doesn't wait
      // for the page); the rest follows `ms` later.
      await new Promise((resolve) => setTimeout(resolve, opts.stall!.ms));
      at += opts.stall.ms / 1000;
    }
    const k = keyFor(ch, opts.ime ?? false);
    const base = { code: k.code, key: k.key, windowsVirtualKeyCode: k.vk, modifiers: k.shift ? 8 : 0, timestamp: tick() };
    // Fired without awaiting each one: CDP keeps the order, and the burst stays as
    // fast as a real scanner even when this test process is descheduled.
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...base, text: k.key, unmodifiedText: k.key }));
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base }));
  }
  const term = opts.terminator ?? 'Enter';
  if (term !== 'none') {
    const base = { ...(term === 'Enter' ? { code: 'Enter', key: 'Enter', windowsVirtualKeyCode: 13 } : { code: 'Tab', key: 'Tab', windowsVirtualKeyCode: 9 }), timestamp: tick() };
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...base, text: term === 'Enter' ? '\r' : undefined }));
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base }));
  }
  await Promise.all(sends);
  await cdp.detach();
}

/** Scans and waits for the verdict of this scan (a new check-in id, or a malformed verdict). */
export async function scan(page: Page, text: string, opts: ScannerOptions = {}): Promise<Locator> {
  const v = verdict(page);
  const before = (await v.count()) > 0 ? await v.getAttribute('data-checkin-id') : null;
  await scannerType(page, text, opts);
  await expect(async () => {
    const id = await v.getAttribute('data-checkin-id', { timeout: 1000 });
    const reason = await v.getAttribute('data-reason', { timeout: 1000 });
    expect(id !== before || reason === 'malformed').toBe(true);
  }).toPass({ timeout: 15_000 });
  return v;
}

/**
 * A very long burst dispatched inside the page in one go. CDP delivers ten
 * thousand key events with stalls of up to ~0.7 s on a loaded 2-core machine —
 * pauses no USB scanner makes — so for garbage of this size the page gets the
 * keys the way the scanner's HID stream would: back to back.
 */
export async function scannerBurstInPage(page: Page, text: string): Promise<void> {
  await page.evaluate((chars) => {
    const codeOf = (ch: string) => (/[a-z]/i.test(ch) ? `Key${ch.toUpperCase()}` : /[0-9]/.test(ch) ? `Digit${ch}` : '');
    for (const ch of chars) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: ch, code: codeOf(ch), shiftKey: ch !== ch.toLowerCase(), bubbles: true }));
    }
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
  }, text);
}

/** Demo tickets that the info desk admits on EVENT_DAY (some demo tickets are valid one day only). */
export function admissibleCodes(count: number, from = 10): string[] {
  const desk = demoEvent.checkpoints.find((c) => c.id === 'info-desk')!;
  const out: string[] = [];
  for (let i = from; out.length < count; i++) {
    const ticket = demoTicket(i);
    const v = decide({ ticket, checkpoint: desk, timeZone: demoEvent.event.timeZone, direction: 'entry', history: [], now: Date.parse(EVENT_DAY) });
    if (v.verdict === 'accepted' && !v.attention) out.push(ticket.code);
  }
  return out;
}

/**
 * Deletes the kiosk's database as a browser reset would (Chromium's own
 * Storage.clearDataForOrigin), with the kiosk page gone first. Not from another
 * page of the origin: the offline shell's service worker answers every navigation
 * there with the kiosk itself, which then opens (and recovers into) the database
 * while the test deletes it.
 */
export async function deleteKioskDatabase(page: Page, origin: string): Promise<void> {
  await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  try {
    // The callers then prove it empty: the next start finds no session and recovers the journal.
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
  } finally {
    await cdp.detach();
  }
}

/**
 * One `meta` row of the kiosk's IndexedDB as stored (undefined when absent). The
 * screen changes before its IndexedDB write commits: a test that reloads right
 * after a change polls this first, or the reload races the write.
 */
export function storedMeta<T>(page: Page, key: string): Promise<T | undefined> {
  return page.evaluate(
    (k) =>
      new Promise<T | undefined>((resolve, reject) => {
        const req = indexedDB.open('turnout');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('meta').objectStore('meta').get(k);
          get.onsuccess = () => {
            resolve((get.result as { value?: T } | undefined)?.value);
            req.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}
