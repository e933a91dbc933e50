// The kiosk's retention wipe (issue 13, PIPA §21) in real Chromium with real
// IndexedDB, on Playwright's clock: a kiosk paired to a real loopback server (the
// event's last retention day 2025-09-30, Seoul) holds the roster, its check-ins
// and one walk-in the server has not got (its push fails). At 23:59 on the last
// day nothing is wiped; a few minutes past midnight — the kiosk left on, nobody
// touching it — names, companies and phones are gone from IndexedDB and from the
// screen (search finds nobody), the day's tallies are unchanged, and the unsent
// walk-in is kept whole until the server has it, then wiped on the next pass.
// The server's clock moves with the kiosk's, so the server never blanks a ticket
// during the test before the kiosk has: what disappears, the kiosk wiped itself.
import { expect, test, type Page } from '@playwright/test';
import type { WalkInsResponse } from '../../core/protocol';
import { RETENTION_CHECK_MS } from '../../renderer/ui/useRetentionWipe';
import { startProxy, type Proxy } from '../support/fault-proxy';
import { admissibleCodes, EVENT_DAY } from './support/kiosk';
import { expectDrained, indicator, localCheckins, scanAll } from './support/sync';
import { ADMIN_TOKEN, EVENT_ID, startUpstream, type Upstream } from './support/upstream';

const RETAIN_UNTIL = '2025-09-30';
const LAST_MINUTE = Date.parse('2025-09-30T23:59:00+09:00');
const WALK_IN = { name: '한보존', company: '기한상사', phone: '010-3141-5926' };
const WALKIN_PUSH = 'POST /v1/sync/walkins';

let up: Upstream | undefined;
let proxy: Proxy | undefined;
test.afterEach(async () => {
  await proxy?.close();
  await up?.close();
  proxy = undefined;
  up = undefined;
});

interface Stored {
  rows: { code: string; name: string; company: string; category: string; status: string; note?: string }[];
  keys: string[];
  walkIns: { code: string; name: string; company: string; phone?: string; syncState: string; wiped?: number }[];
}

/** What the kiosk holds in its IndexedDB, read in the page. */
function stored(page: Page): Promise<Stored> {
  return page.evaluate(
    () =>
      new Promise<Stored>((resolve, reject) => {
        const req = indexedDB.open('turnout');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['roster', 'walkins']);
          const chunks = tx.objectStore('roster').getAll();
          const walkIns = tx.objectStore('walkins').getAll();
          tx.oncomplete = () => {
            const all = chunks.result as { rows: Stored['rows']; keys: string[] }[];
            resolve({ rows: all.flatMap((c) => c.rows), keys: all.flatMap((c) => c.keys), walkIns: walkIns.result as Stored['walkIns'] });
            db.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Searches by name on the kiosk's search screen; returns the codes shown. */
async function searchShows(page: Page, query: string): Promise<string[]> {
  await page.getByTestId('open-search').click();
  await page.getByTestId('search-input').fill(query);
  const results = page.getByTestId('search-results');
  await expect(results).toHaveAttribute('data-query', query);
  const codes = await results.locator('[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')!));
  if (codes.length === 0) await expect(results.locator('.search__none')).toBeVisible(); // "nobody", said on screen
  await page.locator('.screen--search .topbar button').first().click();
  await expect(page.getByTestId('open-search')).toBeVisible();
  return codes;
}

/** The event day's totals on the staff screen (behind the demo event's PIN). */
async function staffTotals(page: Page, day: string): Promise<Record<string, string>> {
  await page.getByTestId('open-staff').click();
  for (const d of '2468') await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
  await expect(page.getByTestId('staff-screen')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('staff-day').selectOption(day);
  const screen = page.locator(`[data-testid="staff-screen"][data-day="${day}"][data-loading="false"]`);
  await expect(screen.getByTestId('staff-totals')).toBeVisible();
  const totals = await screen.locator('[data-total]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-total')!, e.getAttribute('data-value')!])));
  await page.getByTestId('staff-close').click();
  await expect(page.getByTestId('open-search')).toBeVisible();
  return totals;
}

test('past the retention day the kiosk wipes names, companies and phones by itself; counts stay; an unsent walk-in waits for the server', async ({ page }) => {
  test.setTimeout(240_000);
  // One clock for kiosk and server: the server's runs `shift` ahead of real time.
  let shift = Date.parse(EVENT_DAY) - Date.now();
  up = await startUpstream({ tickets: 60, now: () => Date.now() + shift });
  proxy = await startProxy(up.url);
  // The organiser sets the retention date (the admin API, as the console does).
  const bundle = (await (await up.admin(`/v1/admin/events/${EVENT_ID}`)).json()) as { event: Record<string, unknown> };
  bundle.event.retainUntil = RETAIN_UNTIL;
  const saved = await fetch(`${up.url}/v1/admin/events`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(bundle) });
  expect(saved.status).toBe(200);

  // The kiosk's own clock on the event day (no `?at=` rehearsal offset: the real clock is the fake one).
  await page.clock.install({ time: EVENT_DAY });
  const link = await up.pairingLink('info-desk', proxy.url);
  await page.goto(`${proxy.url}/kiosk/?${new URLSearchParams({ pair: link })}`);
  await expect(page.getByTestId('scan-prompt')).toBeVisible({ timeout: 60_000 });
  await expect(indicator(page)).toHaveAttribute('data-sync-state', 'online', { timeout: 30_000 });
  await expect.poll(async () => (await stored(page)).rows.length, { timeout: 30_000 }).toBe(60);

  // Check-ins, synced.
  const codes = admissibleCodes(3);
  await scanAll(page, codes);
  await expectDrained(page);
  const scanned = (await stored(page)).rows.find((r) => r.code === codes[0])!;
  expect(scanned.name).not.toBe('');

  // A walk-in the server does not get: its push fails.
  proxy.rules = [{ match: WALKIN_PUSH, fault: { kind: 'status', status: 500 } }];
  await page.getByTestId('open-walkin').click();
  await page.getByTestId('walkin-name').fill(WALK_IN.name);
  await page.getByTestId('walkin-company').fill(WALK_IN.company);
  await page.getByTestId('walkin-category-visitor').click();
  await page.getByTestId('walkin-phone').fill(WALK_IN.phone);
  await page.getByTestId('walkin-next').click();
  await page.getByTestId('consent-registration-yes').click();
  await page.getByTestId('consent-contact-yes').click();
  await page.getByTestId('consent-marketing-no').click();
  await page.getByTestId('walkin-submit').click();
  await expect(page.locator('[data-verdict="accepted"]')).toContainText(WALK_IN.name);
  await expect.poll(() => proxy!.log.some((e) => e.line.startsWith(WALKIN_PUSH) && e.status === 500), { timeout: 60_000 }).toBe(true);
  const walkIn = (await stored(page)).walkIns[0]!;
  expect(walkIn).toMatchObject({ ...WALK_IN, syncState: 'pending' });

  const checkinsBefore = (await localCheckins(page)).length;
  expect(checkinsBefore).toBeGreaterThanOrEqual(4); // 3 scans and the walk-in's (a misread scanned again adds a refusal)
  const day = EVENT_DAY.slice(0, 10);
  const totalsBefore = await staffTotals(page, day);
  expect(totalsBefore).toMatchObject({ people: '4', accepted: '4' });
  expect(await searchShows(page, scanned.name)).toContain(scanned.code);
  expect(await searchShows(page, WALK_IN.name)).toEqual([walkIn.code]);

  /** Moves kiosk and server to `at` as a kiosk left on would live through it: due timers fire once. */
  const moveTo = async (at: number) => {
    const pageNow = await page.evaluate(() => Date.now());
    shift = at - Date.now();
    await page.clock.fastForward(at - pageNow);
  };

  // 23:59 on the last retention day, Seoul: the kiosk's pass runs and keeps everything.
  await moveTo(LAST_MINUTE);
  await page.waitForTimeout(2_000);
  let now = await stored(page);
  expect(now.rows.filter((r) => r.name !== '').length).toBe(61);
  expect(now.rows.find((r) => r.code === scanned.code)).toMatchObject({ name: scanned.name, company: scanned.company });
  expect(now.walkIns[0]).toMatchObject(WALK_IN);
  expect(await searchShows(page, scanned.name)).toContain(scanned.code);

  // Past midnight, within one check interval: wiped, the walk-in push still failing.
  await page.clock.fastForward(RETENTION_CHECK_MS);
  await expect.poll(async () => (await stored(page)).rows.filter((r) => r.name !== '' || r.company !== '').length, { timeout: 30_000 }).toBe(0);
  now = await stored(page);
  expect(now.rows.length).toBe(61); // every code is still there
  expect(now.rows.some((r) => r.note)).toBe(false);
  expect(JSON.stringify(now.rows)).not.toContain(scanned.name);
  expect(now.rows.find((r) => r.code === scanned.code)).toMatchObject({ category: scanned.category, status: scanned.status });
  // The walk-in the server has not got is kept whole for its upload.
  expect(now.walkIns[0]).toMatchObject({ ...WALK_IN, syncState: 'pending' });
  expect(await searchShows(page, scanned.name)).toEqual([]);
  expect(await searchShows(page, scanned.company)).toEqual([]);
  expect(await searchShows(page, WALK_IN.name)).toEqual([]);
  // Counts stay: every check-in, and the event day's tallies.
  expect((await localCheckins(page)).length).toBe(checkinsBefore);
  expect(await staffTotals(page, day)).toEqual(totalsBefore);

  // The server is reachable for walk-ins again: the walk-in goes up, then is wiped on the next pass.
  proxy.rules = [];
  await expectDrained(page);
  const onServer = (await (await up.admin(`/v1/admin/events/${EVENT_ID}/walkins`)).json()) as WalkInsResponse;
  expect(onServer.items.map((w) => w.code)).toEqual([walkIn.code]);
  expect((await stored(page)).walkIns[0]).toMatchObject({ syncState: 'stored', name: WALK_IN.name });
  await page.clock.fastForward(RETENTION_CHECK_MS);
  await expect.poll(async () => (await stored(page)).walkIns[0], { timeout: 30_000 }).toMatchObject({ name: '', company: '', wiped: 1 });
  now = await stored(page);
  expect(now.walkIns[0]!.phone).toBeUndefined();
  expect(JSON.stringify(now)).not.toContain(WALK_IN.name);
  expect(JSON.stringify(now)).not.toContain(WALK_IN.phone);
  expect(JSON.stringify(now)).not.toContain(scanned.name);
});
