// A kiosk behind a loopback proxy that misbehaves the way venue networks and
// overloaded servers do: replies cut mid-body, 500s, 429 with Retry-After, and
// malformed replies. The indicator must say so honestly (`offline` when the server
// could not be heard, `error` when it answered badly), keep every unacknowledged
// check-in in the outbox, and drain exactly once when the faults stop.
import { expect, test } from '@playwright/test';
import { startProxy, type Fault, type Proxy } from '../support/fault-proxy';
import { admissibleCodes } from './support/kiosk';
import { expectAllOnServer, expectDrained, indicator, madeHere, pairByUrl, recordStates, scanAll } from './support/sync';
import { startUpstream, type Upstream } from './support/upstream';

let up: Upstream | undefined;
let proxy: Proxy | undefined;

test.afterEach(async () => {
  await proxy?.close();
  await up?.close();
  proxy = undefined;
  up = undefined;
});

const UPLOAD = 'POST /v1/sync/checkins';
const SYNC_API = /^(GET|POST) \/v1\/sync\//;

test('cut replies, 500, 429 + Retry-After and malformed replies: shown honestly, then drained exactly once', async ({ page }) => {
  test.setTimeout(150_000);
  up = await startUpstream();
  proxy = await startProxy(up.url);
  // The page and its API both come through the proxy (same origin, as a kiosk served by its upstream).
  await pairByUrl(page, proxy.url, await up.pairingLink('info-desk', proxy.url));
  const states = await recordStates(page);
  const codes = admissibleCodes(20);
  const shown: string[] = [];
  const made = async () => (await madeHere(page)).length;
  const uploads = () => proxy!.log.filter((e) => e.line.startsWith(UPLOAD));

  /** Scans `n` codes with `fault` on; the indicator must show `expected` (`state:errorKind`) meanwhile. */
  async function underFault(match: string | RegExp, fault: Fault, n: number, expected: string) {
    const from = (await states()).length;
    proxy!.rules = [{ match, fault }];
    shown.push(...(await scanAll(page, codes.splice(0, n))));
    await expect.poll(async () => (await states()).slice(from), { timeout: 30_000 }).toContain(expected);
  }

  // 1. The reply to an upload is cut mid-body: the server stored the batch, the kiosk
  //    never heard so and shows "offline" (no answer). The rows stay owed until the
  //    server confirms them — by a later upload, or by the pull echoing them back.
  await underFault(UPLOAD, { kind: 'cut', afterBytes: 12 }, 4, 'offline:network');
  expect(uploads().some((e) => e.status === 0)).toBe(true);
  proxy.rules = [];
  await expectDrained(page);
  await expectAllOnServer(up, [page], shown);

  // 2. The server answers 500 to everything: "error", the scans stay in the outbox.
  let stored = await made();
  await underFault(SYNC_API, { kind: 'status', status: 500 }, 4, 'error:server');
  await expect(indicator(page)).toHaveAttribute('data-outbox', String((await made()) - stored));
  expect((await up.checkins()).length).toBe(stored);
  proxy.rules = [];
  await expectDrained(page);
  await expectAllOnServer(up, [page], shown);

  // 3. Rate limited: 429 with Retry-After: 3. The kiosk shows it and waits at least
  //    that long before it asks again.
  const before = proxy.log.length;
  await underFault(SYNC_API, { kind: 'status', status: 429, headers: { 'retry-after': '3' } }, 4, 'error:rate_limited');
  proxy.rules = [];
  await expectDrained(page);
  const after = proxy.log.slice(before).filter((e) => SYNC_API.test(e.line));
  const limited = after.filter((e) => e.status === 429);
  expect(limited.length).toBeGreaterThan(0);
  // Between the answers of one pass and the first request of the next: ≥ Retry-After.
  for (let i = 1; i < after.length; i++) {
    if (after[i - 1]!.status === 429 && after[i]!.at - after[i - 1]!.at > 500) {
      expect(after[i]!.at - after[i - 1]!.at).toBeGreaterThanOrEqual(2900);
    }
  }
  // A 429 ends the pass: the kiosk does not go on asking in the same breath.
  const firstLimited = after.findIndex((e) => e.status === 429);
  expect(after[firstLimited + 1]?.at ?? Infinity).toBeGreaterThanOrEqual(after[firstLimited]!.at + 2900);
  await expectAllOnServer(up, [page], shown);

  // 4. Malformed replies (JSON cut short, and JSON of the wrong shape) are never trusted.
  stored = await made();
  await underFault(UPLOAD, { kind: 'junk' }, 4, 'error:bad_response');
  await expect(indicator(page)).toHaveAttribute('data-outbox', String((await made()) - stored));
  const mark = proxy.log.length;
  proxy.rules = [{ match: UPLOAD, fault: { kind: 'json', body: { results: 'all fine' } } }];
  shown.push(...(await scanAll(page, codes.splice(0, 4))));
  // Wait for an upload that got the wrong-shaped 200, then for the pass to end.
  await expect.poll(() => proxy!.log.slice(mark).some((e) => e.line.startsWith(UPLOAD) && e.status === 200), { timeout: 70_000 }).toBe(true);
  await expect(indicator(page)).toHaveAttribute('data-sync-state', 'error');
  await expect(indicator(page)).toHaveAttribute('data-error', 'bad_response');
  // A 200 that says nothing acknowledges nothing.
  await expect(indicator(page)).toHaveAttribute('data-outbox', String((await made()) - stored));
  expect((await up.checkins()).length).toBe(stored);
  proxy.rules = [];
  await expectDrained(page);

  // Everything the indicator showed along the way.
  const seen = await states();
  for (const s of ['offline:network', 'error:server', 'error:rate_limited', 'error:bad_response', 'online']) expect(seen).toContain(s);
  await expectAllOnServer(up, [page], shown);
});
