// The engine's behaviour over real HTTP: single-flight, backoff with jitter that
// honours Retry-After, the scheduled loop (scan debounce, `online` events), status
// events, the heartbeat's clock offset on a kiosk whose clock is a day off, and a
// revoked device that wipes the roster but keeps its unsent check-ins.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxCount } from '../../../renderer/storage/checkin';
import { loadPairing, loadRevoked } from '../../../renderer/storage/sync-meta';
import { ticketCount } from '../../../renderer/storage/roster';
import { backoffDelay } from '../../../renderer/sync/backoff';
import type { SyncEngine } from '../../../renderer/sync/engine';
import type { SyncEvent, SyncStatus } from '../../../renderer/sync/status';
import { code, expectExactlyOnce, hits, newKiosk, startProxy, startUpstream, type Proxy, type Upstream } from './harness';

let up: Upstream;
let proxy: Proxy;
const engines: SyncEngine[] = [];

beforeEach(async () => {
  up = await startUpstream(100);
  proxy = await startProxy(up.url);
});
afterEach(async () => {
  for (const e of engines.splice(0)) e.stop();
  await proxy.close();
  await up.close();
});

/** Resolves with the first status that satisfies `pred` (or rejects after `ms`). */
function waitFor(engine: SyncEngine, pred: (s: SyncStatus) => boolean, ms = 8000): Promise<SyncStatus> {
  return new Promise((resolve, reject) => {
    if (pred(engine.getStatus())) return resolve(engine.getStatus());
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out; last status ${JSON.stringify(engine.getStatus())}`));
    }, ms);
    const off = engine.subscribe((e) => {
      if (e.type === 'status' && pred(e.status)) {
        clearTimeout(timer);
        off();
        resolve(e.status);
      }
    });
  });
}

describe('backoffDelay', () => {
  it('is exponential with full jitter, capped, with Retry-After as a floor', () => {
    const policy = { baseMs: 1000, capMs: 60_000 };
    expect(backoffDelay(1, policy, () => 0.999999)).toBe(999);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(2000);
    expect(backoffDelay(20, policy, () => 0.999999)).toBe(59_999);
    expect(backoffDelay(4, policy, () => 0)).toBe(0);
    expect(backoffDelay(1, policy, () => 0.1, 5000)).toBe(5000);
  });
});

describe('engine', () => {
  it('is single-flight: concurrent calls join the running pass', async () => {
    const k = await newKiosk(up, proxy.url);
    for (let i = 0; i < 5; i++) await k.scan(code(i));
    proxy.rules.push({ match: 'POST /v1/sync/checkins', fault: { kind: 'delay', ms: 150 } });
    const engine = k.engine();
    proxy.log.length = 0;
    const a = engine.syncNow();
    const b = engine.syncNow();
    await new Promise((r) => setTimeout(r, 50));
    const c = engine.syncNow();
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect((await a).ok).toBe(true);
    expect(hits(proxy, /^POST \/v1\/sync\/checkins/)).toHaveLength(1);
    expect(hits(proxy, /^GET \/v1\/sync\/tickets/)).toHaveLength(1);
    await expectExactlyOnce(up, k.created);
  });

  it('429 with Retry-After sets the next attempt no sooner than the server asked', async () => {
    const k = await newKiosk(up, proxy.url);
    await k.scan(code(1));
    proxy.rules.push({ match: 'POST /v1/sync/checkins', fault: { kind: 'status', status: 429, headers: { 'retry-after': '7' } }, times: 1 });
    const engine = k.engine({ random: () => 0 });
    const r = await engine.syncNow();
    expect(r.errors[0]).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
    expect(engine.lastDelayMs).toBe(7000);
    expect(engine.getStatus()).toMatchObject({ state: 'error', lastError: { kind: 'rate_limited' } });
    expect((await engine.syncNow()).ok).toBe(true);
    await expectExactlyOnce(up, k.created);
  });

  it('a 429 ends the pass: no further requests until the server said to come back', async () => {
    const k = await newKiosk(up, proxy.url);
    await k.scan(code(1));
    proxy.rules.push({ match: /^(GET|POST) \/v1\/sync\//, fault: { kind: 'status', status: 429, headers: { 'retry-after': '5' } } });
    const engine = k.engine({ random: () => 0 });
    proxy.log.length = 0;
    const r = await engine.syncNow();
    expect(r.errors.map((e) => e.kind)).toEqual(['rate_limited']);
    expect(hits(proxy, /^(GET|POST) \/v1\/sync\//)).toHaveLength(1);
    expect(engine.lastDelayMs).toBe(5000);
    proxy.rules.length = 0;
    expect((await engine.syncNow()).ok).toBe(true);
    await expectExactlyOnce(up, k.created);
  });

  it('backs off and retries on its own after 5xx and unreachable, then settles online', async () => {
    const k = await newKiosk(up, proxy.url);
    for (let i = 0; i < 3; i++) await k.scan(code(i));
    proxy.rules.push({ match: 'POST /v1/sync/checkins', fault: { kind: 'status', status: 503 }, times: 2 });
    proxy.rules.push({ match: 'POST /v1/sync/checkins', fault: { kind: 'refuse' }, times: 1 });
    const states: string[] = [];
    const engine = k.engine({ backoff: { baseMs: 20, capMs: 80 }, intervalMs: 60_000 });
    engines.push(engine);
    engine.subscribe((e: SyncEvent) => e.type === 'status' && states.push(e.status.state));
    engine.start();
    await waitFor(engine, (s) => s.state === 'online' && s.outbox === 0);
    expect(hits(proxy, /^POST \/v1\/sync\/checkins/).map((h) => h.status)).toEqual([503, 503, 0, 200]);
    expect(states).toContain('error');
    expect(states.at(-1)).toBe('online');
    await expectExactlyOnce(up, k.created);
  });

  it('pushes soon after a scan (debounced) and wakes on `online` events', async () => {
    const k = await newKiosk(up, proxy.url);
    const events = new EventTarget();
    const engine = k.engine({ intervalMs: 60_000, scanDebounceMs: 50, events, backoff: { baseMs: 60_000, capMs: 60_000 } });
    engines.push(engine);
    engine.start();
    const first = await waitFor(engine, (s) => s.state === 'online');
    await new Promise((r) => setTimeout(r, 5));
    await k.scan(code(1));
    engine.notifyScan();
    await waitFor(engine, (s) => s.state === 'online' && s.outbox === 0 && s.lastSyncAt !== first.lastSyncAt);
    expect(await outboxCount(k.db)).toBe(0);

    proxy.setDown(true);
    await k.scan(code(2));
    engine.notifyScan();
    await waitFor(engine, (s) => s.state === 'offline');
    // Backing off for a minute; the network comes back and the OS says so.
    proxy.setDown(false);
    events.dispatchEvent(new Event('online'));
    await waitFor(engine, (s) => s.state === 'online' && s.outbox === 0);
    await expectExactlyOnce(up, k.created);
  });

  it('a kiosk clock a day off still syncs, and its check-ins carry the measured offset', async () => {
    const k = await newKiosk(up, proxy.url);
    const DAY = 86_400_000;
    const kioskNow = () => Date.now() - DAY;
    const engine = k.engine({ now: kioskNow });
    expect((await engine.syncNow()).ok).toBe(true);
    const offset = engine.clockOffsetMs()!;
    expect(Math.abs(offset - DAY)).toBeLessThan(2000);
    expect(engine.getStatus().clockOffsetMs).toBe(offset);
    await k.scan(code(3), 'hall', { now: kioskNow(), clockOffsetMs: offset });
    expect((await engine.syncNow()).ok).toBe(true);
    const rows = await up.checkins();
    expect(Math.abs(rows[0]!.clock_offset_ms! - DAY)).toBeLessThan(2000);
    const devices = (await (await up.admin('/v1/admin/devices')).json()) as { devices: { id: string; clockOffsetMs: number; outboxDepth: number }[] };
    const me = devices.devices.find((d) => d.id === k.pairing.deviceId)!;
    expect(Math.abs(me.clockOffsetMs - DAY)).toBeLessThan(2000);
    await expectExactlyOnce(up, k.created);
  });

  it('a revoked device wipes the roster and others’ check-ins, keeps its unsent check-ins, and stops', async () => {
    const k = await newKiosk(up, proxy.url);
    const other = await newKiosk(up, up.url, 'other');
    await other.scan(code(50));
    await other.engine().syncNow();
    await k.scan(code(1));
    const engine = k.engine();
    await engine.syncNow();
    expect(await k.db.checkins.count()).toBe(2);
    const unsent = [await k.scan(code(2)), await k.scan(code(3))];

    expect((await up.admin(`/v1/admin/devices/${k.pairing.deviceId}/revoke`, { json: {} })).status).toBe(200);
    const revoked: SyncEvent[] = [];
    engine.subscribe((e) => e.type === 'revoked' && revoked.push(e));
    const r = await engine.syncNow();
    expect(r.stopped).toBe(true);
    expect(r.errors[0]?.kind).toBe('device_revoked');
    expect(revoked).toEqual([{ type: 'revoked', unsent: 2 }]);
    expect(await ticketCount(k.db)).toBe(0);
    expect((await k.db.checkins.toArray()).map((c) => c.id).sort()).toEqual([...unsent].sort());
    expect(await loadPairing(k.db)).toBeUndefined();
    expect(await loadRevoked(k.db)).toMatchObject({ deviceId: k.pairing.deviceId });
    expect(engine.getStatus()).toMatchObject({ state: 'error', stopped: true, outbox: 2, lastError: { kind: 'device_revoked' } });
    proxy.log.length = 0;
    expect((await engine.syncNow()).stopped).toBe(true);
    expect(proxy.log).toHaveLength(0);
    // Everything created is accounted for: on the server, or kept on the kiosk for export.
    await expectExactlyOnce(up, [...k.created.filter((id) => !unsent.includes(id)), ...other.created]);
  });

  it('a token the server no longer knows (server reset, device deleted) ends the pairing the same way', async () => {
    const k = await newKiosk(up, proxy.url);
    await k.scan(code(1));
    const engine = k.engine({ pairing: { ...k.pairing, token: 'tod_not-a-token-this-server-knows' } });
    const r = await engine.syncNow();
    expect(r).toMatchObject({ stopped: true, errors: [{ kind: 'auth' }] });
    expect(await loadRevoked(k.db)).toMatchObject({ reason: 'unknown_device' });
    expect(await ticketCount(k.db)).toBe(0);
    expect(await outboxCount(k.db)).toBe(1);
    await expectExactlyOnce(up, []);
  });
});
