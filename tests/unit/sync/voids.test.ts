// Undo between desks, kiosk storage and sync engine against the real upstream:
// a desk voids one of its own latest admissions (refusals for everything else),
// the void syncs exactly once (a retry after a cut reply stores nothing twice),
// and another desk that pulled it admits the `once` ticket again — offline, and
// upstream the new admission is no conflict. A server that does not announce the
// feature gets no voids: they wait in the outbox, and the desk decides locally.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNDO_LAST, UNDO_WINDOW_MS } from '../../../core/desk-rules';
import { outboxCount, recordScan } from '../../../renderer/storage/checkin';
import { loadDayTallies } from '../../../renderer/storage/day-checkins';
import { loadConfig } from '../../../renderer/storage/roster';
import { SYNC_META } from '../../../renderer/storage/sync-meta';
import { pendingVoids, recentOfDevice, voidCheckIn } from '../../../renderer/storage/voids';
import { checkIn } from '../../../renderer/sync/online-decide';
import { code, hits, newKiosk, startProxy, startUpstream, type Kiosk, type Proxy, type Upstream } from './harness';

let up: Upstream;
let proxy: Proxy;
beforeEach(async () => {
  up = await startUpstream(40);
  proxy = await startProxy(up.url);
});
afterEach(async () => {
  await proxy.close();
  await up.close();
});

const T0 = Date.parse('2025-09-10T01:00:00Z');
const TZ = 'Asia/Seoul';
const undo = (k: Kiosk, checkinId: string, now: number, reason: 'wrong_person' | 'double_scan' = 'wrong_person') =>
  voidCheckIn(k.db, { checkinId, reason, deviceId: k.pairing.deviceId, now, timeZone: TZ });

async function serverVoids(): Promise<{ id: string; checkin_id: string }[]> {
  return up.db.db.selectFrom('voids').select(['id', 'checkin_id']).execute();
}

describe('undo on a desk', () => {
  it('voids only its own latest admissions within the window, once; the desk then admits the ticket again', async () => {
    const a = await newKiosk(up, up.url, 'desk A');
    const b = await newKiosk(up, up.url, 'desk B');
    const first = await a.scan(code(1), 'hall', { now: T0 });
    const refused = await a.scan(code(1), 'hall', { now: T0 + 1000 });
    expect((await a.db.checkins.get(refused))!.verdict).toBe('rejected');
    const theirs = await b.scan(code(2), 'hall', { now: T0 });
    await b.engine().syncNow();
    await a.engine().syncNow(); // a holds b's check-in now

    expect(await undo(a, theirs, T0 + 2000)).toEqual({ ok: false, refusal: 'not_mine' });
    expect(await undo(a, refused, T0 + 2000)).toEqual({ ok: false, refusal: 'not_admitted' });
    expect(await undo(a, first, T0 + UNDO_WINDOW_MS + 1)).toEqual({ ok: false, refusal: 'too_old' });
    expect(await undo(a, 'nope', T0)).toEqual({ ok: false, refusal: 'unknown' });
    const done = await undo(a, first, T0 + 5000);
    expect(done.ok).toBe(true);
    expect(await undo(a, first, T0 + 6000)).toEqual({ ok: false, refusal: 'already_voided' });
    expect(await outboxCount(a.db)).toBe(1);

    // The desk's own rules no longer see the voided admission.
    const again = await a.scan(code(1), 'hall', { now: T0 + 10_000 });
    expect((await a.db.checkins.get(again))!.verdict).toBe('accepted');
    const recent = await recentOfDevice(a.db, a.pairing.deviceId, 10);
    expect(recent.map((r) => [r.checkIn.id, r.void?.reason])).toEqual([[again, undefined], [refused, undefined], [first, 'wrong_person']]);
    const tallies = await loadDayTallies(a.db, { day: '2025-09-10', timeZone: TZ, checkpoints: (await loadConfig(a.db))!.checkpoints, deviceId: a.pairing.deviceId });
    expect(tallies.mine.voided).toBe(1);
    expect(tallies.mine.total).toMatchObject({ scans: 2, accepted: 1, rejected: 1, uniquePeople: 1 });
  });

  it(`voids nothing older than the desk's last ${UNDO_LAST} check-ins, even inside the window`, async () => {
    const a = await newKiosk(up, up.url, 'desk A');
    const old = await a.scan(code(0), 'lounge', { now: T0 });
    for (let i = 1; i <= UNDO_LAST; i++) await a.scan(code(i), 'lounge', { now: T0 + i });
    expect(await undo(a, old, T0 + 20)).toEqual({ ok: false, refusal: 'not_latest' });
  });
});

describe('undo between desks', () => {
  it('the void syncs exactly once; the other desk pulls it and admits the once ticket again, no conflict upstream', async () => {
    const a = await newKiosk(up, proxy.url, 'desk A');
    const b = await newKiosk(up, up.url, 'desk B');
    const now = Date.now();
    const first = await a.scan(code(5), 'hall', { now });
    expect((await undo(a, first, now + 3000, 'double_scan')).ok).toBe(true);
    // The void upload's reply is cut once (and that pass's pull of voids fails, or its
    // echo would already tell the desk): the retry is a duplicate, stored once.
    proxy.rules.push({ match: 'POST /v1/sync/voids', fault: { kind: 'cut', afterBytes: 5 }, times: 1 });
    proxy.rules.push({ match: 'GET /v1/sync/voids', fault: { kind: 'status', status: 500 }, times: 1 });
    const ea = a.engine();
    const cut = await ea.syncNow();
    expect(cut.ok).toBe(false);
    expect((await pendingVoids(a.db)).length).toBe(1);
    const ok = await ea.syncNow();
    expect(ok.ok).toBe(true);
    expect(ok.pushVoids).toMatchObject({ sent: 1, acknowledged: 1 });
    expect(hits(proxy, /^POST \/v1\/sync\/voids/).length).toBe(2);
    expect(await pendingVoids(a.db)).toEqual([]);
    expect(await outboxCount(a.db)).toBe(0);
    expect((await serverVoids()).map((v) => v.checkin_id)).toEqual([first]);

    // Desk B, before pulling: refuses. After pulling: admits.
    const eb = b.engine();
    const before = await b.scan(code(5), 'hall', { now: now + 4000 });
    expect((await b.db.checkins.get(before))!.verdict).toBe('accepted'); // b never heard of a's scan yet
    // (b's admission is now the real one upstream, since a's was voided)
    const report = await eb.syncNow();
    expect(report.voids?.items).toBe(1);
    expect((await b.db.voids.get(first))?.reason).toBe('double_scan');
    const server = new Map((await up.checkins()).map((r) => [r.id, r.status]));
    expect(server.get(before)).toBe('stored');
    // With both known, a third scan at b is refused by b's admission, not a's.
    const third = await b.scan(code(5), 'hall', { now: now + 5000 });
    expect((await b.db.checkins.get(third))!).toMatchObject({ verdict: 'rejected', reason: 'already_checked_in' });
  });

  it('a desk that pulled another desk\'s void admits a ticket it refused before', async () => {
    const a = await newKiosk(up, up.url, 'desk A');
    const b = await newKiosk(up, up.url, 'desk B');
    const now = Date.now();
    const first = await a.scan(code(6), 'hall', { now });
    await a.engine().syncNow();
    await b.engine().syncNow();
    expect((await b.db.checkins.get(await b.scan(code(6), 'hall', { now: now + 1000 })))!.reason).toBe('already_checked_in');
    expect((await undo(a, first, now + 2000)).ok).toBe(true);
    await a.engine().syncNow();
    await b.engine().syncNow();
    const after = await b.scan(code(6), 'hall', { now: now + 3000 });
    expect((await b.db.checkins.get(after))!.verdict).toBe('accepted');
    await b.engine().syncNow();
    expect(new Map((await up.checkins()).map((r) => [r.id, r.status])).get(after)).toBe('stored');
  });
});

describe('a server without the voids feature', () => {
  it('gets no voids: they wait in the outbox, and scans of their codes are decided on the desk', async () => {
    const a = await newKiosk(up, proxy.url, 'desk A');
    const engine = a.engine();
    await engine.syncNow();
    // As an older server's config would leave it: no features (and an unchanged ETag keeps it so).
    await a.db.meta.put({ key: SYNC_META.features, value: [] });
    const now = Date.now();
    const config = (await loadConfig(a.db))!;
    const hall = config.checkpoints.find((c) => c.id === 'hall')!;
    const out = await recordScan(a.db, { raw: code(7), checkpoint: hall, timeZone: TZ, deviceId: a.pairing.deviceId, direction: 'entry', now });
    if (out.kind !== 'stored') throw new Error('not stored');
    await engine.syncNow();
    expect((await undo(a, out.checkIn.id, now + 1000)).ok).toBe(true);
    const report = await engine.syncNow();
    expect(report.ok).toBe(true);
    expect(report.pushVoids).toBeUndefined();
    expect(hits(proxy, /^POST \/v1\/sync\/voids/).length).toBe(0);
    expect(await outboxCount(a.db)).toBe(1);
    // Online mode would ask the server, which still counts the admission: the desk decides.
    const decides = hits(proxy, /^POST \/v1\/sync\/decide/).length;
    const again = await checkIn(a.db, engine, { raw: code(7), checkpoint: hall, timeZone: TZ, deviceId: a.pairing.deviceId, direction: 'entry', now: now + 2000 });
    expect(again).toMatchObject({ kind: 'stored', source: 'local', verdict: { verdict: 'accepted' } });
    expect(hits(proxy, /^POST \/v1\/sync\/decide/).length).toBe(decides);
  });
});
