// The badge mark a check-in carries (`printed` | `reprint`, protocol v1 addition):
// a desk that prints marks the first admitted entry of a ticket `printed` — and
// only the first, as far as it knows from its own and pulled check-ins — offline
// and online alike (online, the server decides under its lock); a staff reprint
// is recorded `reprint`, locally, whatever the verdict. The mark syncs up and
// down and lands in the organiser's export. Real server on loopback, kiosks on
// fake-indexeddb.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordScan } from '../../../renderer/storage/checkin';
import { loadConfig } from '../../../renderer/storage/roster';
import { checkIn } from '../../../renderer/sync/online-decide';
import type { SyncEngine } from '../../../renderer/sync/engine';
import { code, EVENT_ID, expectExactlyOnce, newKiosk, startUpstream, type Kiosk, type Upstream } from './harness';

let up: Upstream;
beforeEach(async () => {
  up = await startUpstream(20);
});
afterEach(() => up.close());

const T0 = Date.parse('2025-09-10T01:00:00Z');

async function serverBadges(): Promise<Map<string, string | null>> {
  const rows = await up.db.db.selectFrom('checkins').select(['id', 'badge']).execute();
  return new Map(rows.map((r) => [r.id, r.badge]));
}

async function online(k: Kiosk, engine: SyncEngine, raw: string, checkpointId: string, badge?: 'print' | 'reprint') {
  const config = (await loadConfig(k.db))!;
  const out = await checkIn(k.db, engine, {
    raw,
    checkpoint: config.checkpoints.find((c) => c.id === checkpointId)!,
    timeZone: config.event.timeZone,
    deviceId: k.pairing.deviceId,
    direction: 'entry',
    ...(badge ? { badge } : {}),
  });
  if (out.kind !== 'stored') throw new Error(out.kind);
  k.created.push(out.checkIn.id);
  return out;
}

describe('badge mark offline', () => {
  it('marks only the first admitted entry printed, never a rejection or an exit; a reprint is marked whatever the verdict', async () => {
    const k = await newKiosk(up, up.url, 'desk A');
    const first = await k.db.checkins.get(await k.scan(code(1), 'hall', { badge: 'print', now: T0 }));
    expect(first).toMatchObject({ verdict: 'accepted', badge: 'printed' });
    // Same ticket at an unlimited door of a printing desk: admitted, but its badge exists.
    const again = await k.db.checkins.get(await k.scan(code(1), 'lounge', { badge: 'print', now: T0 + 1000 }));
    expect(again).toMatchObject({ verdict: 'accepted' });
    expect(again?.badge).toBeUndefined();
    // A refused scan prints nothing.
    const refused = await k.db.checkins.get(await k.scan(code(1), 'hall', { badge: 'print', now: T0 + 2000 }));
    expect(refused).toMatchObject({ verdict: 'rejected', reason: 'already_checked_in' });
    expect(refused?.badge).toBeUndefined();
    const unknown = await k.db.checkins.get(await k.scan('NOPE-0001', 'hall', { badge: 'print', now: T0 }));
    expect(unknown?.badge).toBeUndefined();
    // An exit never prints; a desk without printing never marks.
    expect((await k.db.checkins.get(await k.scan(code(2), 'lounge', { badge: 'print', direction: 'exit', now: T0 })))?.badge).toBeUndefined();
    expect((await k.db.checkins.get(await k.scan(code(3), 'hall', { now: T0 })))?.badge).toBeUndefined();
    // Staff reprint: the rules still decide (a once ticket stays refused), the record says reprint.
    const reprint = await k.db.checkins.get(await k.scan(code(1), 'hall', { badge: 'reprint', now: T0 + 3000 }));
    expect(reprint).toMatchObject({ verdict: 'rejected', reason: 'already_checked_in', badge: 'reprint' });

    await k.engine().syncNow();
    const server = await serverBadges();
    expect(server.get(first!.id)).toBe('printed');
    expect(server.get(reprint!.id)).toBe('reprint');
    expect(server.get(again!.id)).toBeNull();
    await expectExactlyOnce(up, k.created);

    const csv = await (await up.admin(`/v1/admin/events/${EVENT_ID}/export.csv`)).text();
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    const header = lines[0]!.split(',');
    const badgeOf = (id: string) => lines.find((l) => l.startsWith(id))?.split(',')[header.indexOf('badge')];
    expect(badgeOf(first!.id)).toBe('printed');
    expect(badgeOf(reprint!.id)).toBe('reprint');
    expect(badgeOf(again!.id)).toBe('');
  });

  it("another desk learns the badge exists from the pull, so it does not print a second one", async () => {
    const a = await newKiosk(up, up.url, 'desk A');
    const b = await newKiosk(up, up.url, 'desk B');
    const printed = await a.scan(code(5), 'lounge', { badge: 'print', now: T0 });
    await a.engine().syncNow();
    await b.engine().syncNow();
    expect(await b.db.checkins.get(printed)).toMatchObject({ badge: 'printed', syncState: 'stored' });
    const there = await b.db.checkins.get(await b.scan(code(5), 'lounge', { badge: 'print', now: T0 + 60_000 }));
    expect(there).toMatchObject({ verdict: 'accepted' });
    expect(there?.badge).toBeUndefined();
  });
});

describe('badge mark online', () => {
  it('the server marks the first admission printed, not a later one nor one it refuses; a reprint is decided locally', async () => {
    const k = await newKiosk(up, up.url, 'desk A');
    const engine = k.engine();
    await engine.syncNow();
    const first = await online(k, engine, code(7), 'lounge', 'print');
    expect(first.source).toBe('server');
    expect(first.checkIn).toMatchObject({ verdict: 'accepted', badge: 'printed', syncState: 'stored' });
    const second = await online(k, engine, code(7), 'lounge', 'print');
    expect(second.source).toBe('server');
    expect(second.checkIn.badge).toBeUndefined();
    const refused = await online(k, engine, code(8), 'hall');
    expect(refused.checkIn.badge).toBeUndefined();
    const reprint = await online(k, engine, code(7), 'lounge', 'reprint');
    expect(reprint.source).toBe('local');
    expect(reprint.checkIn).toMatchObject({ badge: 'reprint', syncState: 'pending' });
    await engine.syncNow();
    const server = await serverBadges();
    expect(server.get(first.checkIn.id)).toBe('printed');
    expect(server.get(second.checkIn.id)).toBeNull();
    expect(server.get(reprint.checkIn.id)).toBe('reprint');
    await expectExactlyOnce(up, k.created);
  });

  it('an older kiosk that sends no mark still syncs (the field is optional both ways)', async () => {
    const k = await newKiosk(up, up.url, 'old desk');
    const config = (await loadConfig(k.db))!;
    const out = await recordScan(k.db, { raw: code(9), checkpoint: config.checkpoints[0]!, timeZone: 'Asia/Seoul', deviceId: k.pairing.deviceId, direction: 'entry', now: T0 });
    if (out.kind !== 'stored') throw new Error(out.kind);
    k.created.push(out.checkIn.id);
    expect('badge' in out.checkIn).toBe(false);
    await k.engine().syncNow();
    expect((await serverBadges()).get(out.checkIn.id)).toBeNull();
    expect(await k.db.checkins.get(out.checkIn.id)).not.toHaveProperty('badge');
  });
});
