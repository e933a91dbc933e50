// Two desks, one `once` ticket: offline both admit and both records survive (the
// later one flagged conflict) and each desk learns of the other's check-in; online
// the server's lock lets only one admit. Online decisions fall back to the local
// verdict on a slow server with the same id, so nothing is ever doubled.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxCount } from '../../../renderer/storage/checkin';
import { loadConfig } from '../../../renderer/storage/roster';
import { checkIn } from '../../../renderer/sync/online-decide';
import type { SyncEngine } from '../../../renderer/sync/engine';
import { code, expectExactlyOnce, hits, newKiosk, startProxy, startUpstream, type Kiosk, type Proxy, type Upstream } from './harness';

let up: Upstream;
let proxy: Proxy;

beforeEach(async () => {
  up = await startUpstream(50);
  proxy = await startProxy(up.url);
});
afterEach(async () => {
  await proxy.close();
  await up.close();
});

const T0 = Date.parse('2025-09-10T01:00:00Z');

async function onlineScan(k: Kiosk, engine: SyncEngine, raw: string, opts: { timeoutMs?: number } = {}) {
  const config = (await loadConfig(k.db))!;
  const out = await checkIn(
    k.db,
    engine,
    { raw, checkpoint: config.checkpoints.find((c) => c.id === 'hall')!, timeZone: config.event.timeZone, deviceId: k.pairing.deviceId, direction: 'entry' },
    opts,
  );
  if (out.kind === 'stored') k.created.push(out.checkIn.id);
  return out;
}

describe('two desks offline', () => {
  for (const order of ['earlier uploads first', 'later uploads first'] as const) {
    it(`both admit a once ticket; the server keeps both, flags the later one (${order}); each desk learns the other's`, async () => {
      const a = await newKiosk(up, proxy.url, 'desk A');
      const b = await newKiosk(up, up.url, 'desk B');
      const ida = await a.scan(code(9), 'hall', { now: T0 });
      const idb = await b.scan(code(9), 'hall', { now: T0 + 60_000 });
      const [ea, eb] = [a.engine(), b.engine()];
      if (order === 'earlier uploads first') {
        expect((await ea.syncNow()).push).toMatchObject({ acknowledged: 1, conflicts: 0 });
        expect((await eb.syncNow()).push).toMatchObject({ acknowledged: 1, conflicts: 1 });
      } else {
        expect((await eb.syncNow()).push).toMatchObject({ acknowledged: 1, conflicts: 0 });
        expect((await ea.syncNow()).push).toMatchObject({ acknowledged: 1, conflicts: 0 });
      }
      await ea.syncNow();
      await eb.syncNow();
      const server = new Map((await up.checkins()).map((r) => [r.id, r.status]));
      expect(server.get(ida)).toBe('stored');
      expect(server.get(idb)).toBe('conflict');
      for (const k of [a, b]) {
        expect(await k.db.checkins.get(ida)).toMatchObject({ syncState: 'stored', verdict: 'accepted' });
        expect(await k.db.checkins.get(idb)).toMatchObject({ syncState: 'conflict', verdict: 'accepted' });
        expect(await outboxCount(k.db)).toBe(0);
      }
      // Now each desk refuses the ticket from what it pulled.
      const again = await b.db.checkins.get(await b.scan(code(9), 'hall', { now: T0 + 120_000 }));
      expect(again).toMatchObject({ verdict: 'rejected', reason: 'already_checked_in' });
      await eb.syncNow();
      await expectExactlyOnce(up, [...a.created, ...b.created]);
    });
  }
});

describe('online decisions', () => {
  it('the server lock lets only one desk admit; rows are stored acknowledged, never in the outbox', async () => {
    const a = await newKiosk(up, proxy.url, 'desk A');
    const b = await newKiosk(up, up.url, 'desk B');
    const [ea, eb] = [a.engine(), b.engine()];
    await Promise.all([ea.syncNow(), eb.syncNow()]);
    const [ra, rb] = await Promise.all([onlineScan(a, ea, code(3)), onlineScan(b, eb, code(3))]);
    const verdicts = [ra, rb].map((r) => (r.kind === 'stored' ? r.checkIn.verdict : r.kind)).sort();
    expect(verdicts).toEqual(['accepted', 'rejected']);
    expect([ra.source, rb.source]).toEqual(['server', 'server']);
    const rejected = [ra, rb].find((r) => r.kind === 'stored' && r.checkIn.verdict === 'rejected');
    expect(rejected?.kind === 'stored' && rejected.checkIn.reason).toBe('already_checked_in');
    expect(await outboxCount(a.db)).toBe(0);
    expect(await outboxCount(b.db)).toBe(0);
    expect(ra.kind === 'stored' && ra.ticket?.code).toBe(code(3));
    await expectExactlyOnce(up, [...a.created, ...b.created]);
  });

  it('a slow server: the local verdict shows after the timeout, same id, stored once when the late record lands', async () => {
    const a = await newKiosk(up, proxy.url);
    const engine = a.engine();
    await engine.syncNow();
    proxy.rules.push({ match: 'POST /v1/sync/decide', fault: { kind: 'delay', ms: 800 } });
    const started = Date.now();
    const out = await onlineScan(a, engine, code(4), { timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(700); // the 200 ms budget, not the server's 800 ms
    expect(out).toMatchObject({ kind: 'stored', source: 'local', checkIn: { verdict: 'accepted', syncState: 'pending' } });
    // Cooling down: the next scan does not wait for the server at all.
    const next = await onlineScan(a, engine, code(5), { timeoutMs: 200 });
    expect(next.source).toBe('local');
    expect(hits(proxy, /^POST \/v1\/sync\/decide/)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 900)); // the delayed decide reaches the server and is recorded
    expect((await up.checkins()).map((r) => r.id)).toContain(a.created[0]);
    const r = await engine.syncNow();
    expect(r.ok).toBe(true);
    expect(await outboxCount(a.db)).toBe(0);
    await expectExactlyOnce(up, a.created);
  });

  it('decides locally when unreachable, and for a code with an unsent check-in of our own', async () => {
    const a = await newKiosk(up, proxy.url);
    const engine = a.engine();
    await engine.syncNow();
    await a.scan(code(6)); // pending: the server cannot know it yet
    const mine = await onlineScan(a, engine, code(6));
    expect(mine).toMatchObject({ source: 'local', checkIn: { verdict: 'rejected', reason: 'already_checked_in', syncState: 'pending' } });
    proxy.setDown(true);
    await engine.syncNow();
    expect(engine.isReachable()).toBe(false);
    const off = await onlineScan(a, engine, code(7));
    expect(off).toMatchObject({ source: 'local', checkIn: { verdict: 'accepted', syncState: 'pending' } });
    proxy.setDown(false);
    await engine.syncNow();
    expect(await outboxCount(a.db)).toBe(0);
    await expectExactlyOnce(up, a.created);
  });
});
