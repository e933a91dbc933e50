// The kiosk against the REAL upstream, in Debian's Chromium: pairing by scanning the
// organiser's link with the USB scanner, the server going away and coming back on
// the same port and database, and the server dying with an upload in flight. Every
// test ends with the count: what the kiosk made is on the server exactly once.
//
// The demo event is in September 2025, so every kiosk runs the `?at=` rehearsal
// clock, which keeps it deciding locally (no online decide) and pushing its outbox.
import { expect, test } from '@playwright/test';
import { startProxy, type Proxy } from '../support/fault-proxy';
import { admissibleCodes } from './support/kiosk';
import { expectAllOnServer, expectDrained, indicator, madeHere, networkBack, pairByScanner, pairByUrl, scanAll } from './support/sync';
import { startUpstream, type Upstream } from './support/upstream';

let up: Upstream | undefined;
let proxy: Proxy | undefined;

test.afterEach(async () => {
  await proxy?.close();
  await up?.close();
  proxy = undefined;
  up = undefined;
});

test('pairs by scanning the pairing link with the USB scanner, shows online, and syncs a scan', async ({ page }) => {
  up = await startUpstream();
  const link = await up.pairingLink('info-desk');
  expect(link).toMatch(/^turnout:\/\/pair\?server=http%3A%2F%2F127\.0\.0\.1%3A\d+&code=[A-Z0-9]+&checkpoint=info-desk$/);

  await pairByScanner(page, up.url, link);
  // The link's checkpoint is this desk's: straight to scanning, paired and online.
  await expect(page.getByTestId('scan-prompt')).toBeVisible();
  await expect(indicator(page)).toHaveAttribute('data-sync-state', 'online');
  await expect(indicator(page)).toHaveAttribute('data-outbox', '0');
  const devices = await up.devices();
  expect(devices).toHaveLength(1);

  // The roster came from the server (500 demo tickets, not the 20-ticket local demo).
  const shown = await scanAll(page, admissibleCodes(1, 300));
  await expectDrained(page);
  const rows = await up.checkins();
  expect(rows.filter((r) => r.verdict === 'accepted').map((r) => r.id)).toEqual(shown);
  expect(new Set(rows.map((r) => r.device_id))).toEqual(new Set([devices[0]!.id]));
  await expectAllOnServer(up, [page], shown);
});

test('server stopped: 50 scans offline (outbox 50); restarted on the same port and DB: all 50 stored exactly once', async ({ page }) => {
  test.setTimeout(180_000);
  up = await startUpstream();
  await pairByUrl(page, up.url, await up.pairingLink('info-desk'));
  const codes = admissibleCodes(50);

  await up.stop();
  const shown = await scanAll(page, codes);
  const made = await madeHere(page); // the 50 admissions (and any misread rescanned)
  expect(made.length).toBeGreaterThanOrEqual(50);
  await expect(indicator(page)).toHaveAttribute('data-sync-state', 'offline');
  await expect(indicator(page)).toHaveAttribute('data-outbox', String(made.length));

  // Back on the same port and SQLite file. No page reload, no `online` event: the
  // engine's own retry finds the server (backoff is capped at 60 s).
  await up.start();
  await expectDrained(page, 90_000);

  const exported = await up.exportCsv();
  expect(exported.map((r) => r.id).sort()).toEqual([...made].sort());
  const admitted = exported.filter((r) => r.verdict === 'accepted');
  expect(admitted.map((r) => r.id).sort()).toEqual([...shown].sort());
  expect(admitted.map((r) => r.code).sort()).toEqual([...codes].sort());
  expect(new Set(exported.map((r) => r.status))).toEqual(new Set(['stored']));
  await expectAllOnServer(up, [page], shown);
});

test('server killed mid-batch: after the stored-but-unanswered batch and the never-received one, every check-in exactly once', async ({ page, context }) => {
  test.setTimeout(150_000);
  up = await startUpstream();
  proxy = await startProxy(up.url);
  // The kiosk talks to the server through a loopback proxy that can hold a request.
  await pairByUrl(page, proxy.url, await up.pairingLink('info-desk', proxy.url));
  const codes = admissibleCodes(50);
  const shown: string[] = [];
  const made = async () => (await madeHere(page)).length;

  // A — the upload reaches the server, which commits the batch and is killed
  // before its reply gets out.
  await context.setOffline(true); // the desk's network drops while people keep coming
  shown.push(...(await scanAll(page, codes.slice(0, 30))));
  const a = await made();
  await expect(indicator(page)).toHaveAttribute('data-outbox', String(a));
  proxy.rules = [{ match: 'POST /v1/sync/checkins', fault: { kind: 'stall', forward: true }, times: 1 }];
  await networkBack(context, page); // `online`: the kiosk pushes them at once, in one batch
  await expect.poll(() => proxy!.log.some((e) => e.stalled && e.upstream === 200), { timeout: 30_000 }).toBe(true);
  expect((await up.checkins()).length).toBe(a); // committed upstream…
  await up.stop({ kill: true });
  proxy.setDown(true); // …and the connection carrying the answer dies with the server
  await expect(indicator(page)).toHaveAttribute('data-sync-state', 'offline');
  await expect(indicator(page)).toHaveAttribute('data-outbox', String(a)); // unacknowledged: still owed
  const sentBefore = proxy.log.length;
  await up.start();
  proxy.setDown(false);
  await expectDrained(page);
  // The kiosk sent the batch again; the server knew every id and stored nothing twice.
  expect(proxy.log.slice(sentBefore).some((e) => e.line.startsWith('POST /v1/sync/checkins') && e.status === 200)).toBe(true);
  await expectAllOnServer(up, [page], shown);

  // B — the upload is in flight when the server dies before receiving it.
  await context.setOffline(true);
  shown.push(...(await scanAll(page, codes.slice(30))));
  const b = (await made()) - a;
  await expect(indicator(page)).toHaveAttribute('data-outbox', String(b));
  proxy.rules = [{ match: 'POST /v1/sync/checkins', fault: { kind: 'stall' }, times: 1 }];
  await networkBack(context, page);
  await expect.poll(() => proxy!.log.some((e) => e.stalled && e.upstream === undefined), { timeout: 30_000 }).toBe(true);
  await up.stop({ kill: true });
  proxy.setDown(true);
  await expect(indicator(page)).toHaveAttribute('data-sync-state', 'offline');
  await expect(indicator(page)).toHaveAttribute('data-outbox', String(b));
  await up.start();
  expect((await up.checkins()).length).toBe(a); // the server never saw batch B
  proxy.setDown(false);
  await expectDrained(page);

  // And the kiosk goes on syncing as usual: a fresh scan (the info desk is unlimited) goes straight up.
  shown.push(...(await scanAll(page, codes.slice(0, 1))));
  await expectDrained(page);
  await expectAllOnServer(up, [page], shown);
});
