// Re-pairing a kiosk that still holds unsent records, storage and sync engine
// against the real upstream (SQLite): the organiser revokes a desk (a token
// problem) while it holds offline walk-ins, check-ins and a void of a check-in
// already upstream; the desk is paired again to the same event with a fresh code.
// Every record must reach the server exactly once under the new pairing (the
// walk-in's `W-<old id>-n` code included), nothing set aside, and another desk
// pulls the walk-in's ticket. A re-pair onto ANOTHER event never sends the old
// event's records there: they are held on the kiosk (counted, exportable) and go
// out when the kiosk is paired back to their event.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WalkInForm } from '../../../core/walkin';
import { outboxCount } from '../../../renderer/storage/checkin';
import { getMeta } from '../../../renderer/storage/db';
import { loadConfig } from '../../../renderer/storage/roster';
import { getTicket } from '../../../renderer/storage/roster-store';
import { loadRevoked, SYNC_META } from '../../../renderer/storage/sync-meta';
import { voidCheckIn } from '../../../renderer/storage/voids';
import { registerWalkIn } from '../../../renderer/storage/walkins';
import { heldCsvBytes } from '../../../renderer/export/held';
import { heldSummaries } from '../../../renderer/storage/held';
import { SyncEngine } from '../../../renderer/sync/engine';
import { pairAndSync } from '../../../renderer/sync/pairing';
import { BUNDLE, EVENT_ID, expectExactlyOnce, newKiosk, startProxy, startUpstream, type Kiosk, type Proxy, type Upstream } from './harness';

let up: Upstream;
let proxy: Proxy;
beforeEach(async () => {
  up = await startUpstream(10);
  proxy = await startProxy(up.url);
});
afterEach(async () => {
  await proxy.close();
  await up.close();
});

const form: WalkInForm = { name: '최현장', company: '한빛상사', category: 'visitor', phone: '', consents: { registration: true } };

async function register(k: Kiosk, deviceId = k.pairing.deviceId) {
  const config = (await loadConfig(k.db))!;
  const checkpoint = config.checkpoints.find((c) => c.id === 'hall')!;
  const out = await registerWalkIn(k.db, { form, checkpoint, timeZone: config.event.timeZone, deviceId, now: Date.now() });
  if (out.kind !== 'stored') throw new Error(`walk-in not stored: ${out.kind}`);
  k.created.push(out.checkIn.id);
  return out;
}

/** A desk with records of every kind upstream cannot have yet, then revoked by the organiser and told so. */
async function revokedWithUnsent(k: Kiosk) {
  const uploaded = await k.scan('ST-000001');
  expect((await k.engine().syncNow()).ok).toBe(true);
  proxy.setDown(true);
  const walkIn = await register(k);
  await k.scan('ST-000002');
  const undone = await voidCheckIn(k.db, { checkinId: uploaded, reason: 'double_scan', deviceId: k.pairing.deviceId, now: Date.now(), timeZone: 'Asia/Seoul' });
  expect(undone.ok).toBe(true);
  expect(await outboxCount(k.db)).toBe(4); // walk-in, its check-in, a scan, a void
  expect((await up.admin(`/v1/admin/devices/${k.pairing.deviceId}/revoke`, { method: 'POST' })).status).toBe(200);
  proxy.setDown(false);
  const report = await k.engine().syncNow();
  expect(report.stopped).toBe(true);
  expect(await loadRevoked(k.db)).toBeDefined();
  expect(await outboxCount(k.db)).toBe(4); // kept through the wipe
  return { walkIn, uploaded, voidId: undone.ok ? undone.void.id : '' };
}

async function setAside(k: Kiosk): Promise<string[]> {
  const out: string[] = [];
  for (const kind of ['walk-ins', 'voids']) out.push(...Object.keys((await getMeta<object>(k.db, `${SYNC_META.recordQuarantine}.${kind}`)) ?? {}));
  out.push(...Object.keys((await getMeta<object>(k.db, SYNC_META.quarantine)) ?? {}));
  return out;
}

describe('re-pairing a desk that holds unsent records', () => {
  it('same event: walk-ins, check-ins and voids all reach the server once under the new pairing', async () => {
    const a = await newKiosk(up, proxy.url, 'desk A');
    const oldId = a.pairing.deviceId;
    const { walkIn, uploaded, voidId } = await revokedWithUnsent(a);

    const again = await pairAndSync(a.db, await up.pairingLink(proxy.url), { name: 'desk A', engine: { events: null } });
    expect(again.deviceId).not.toBe(oldId);
    const engine = new SyncEngine({ db: a.db, pairing: again, events: null, heartbeatMs: 0 });
    const report = await engine.syncNow();
    expect(report.errors).toEqual([]);

    expect(await outboxCount(a.db)).toBe(0);
    expect(await setAside(a)).toEqual([]);
    await expectExactlyOnce(up, a.created);
    const walkIns = await up.db.db.selectFrom('walkins').select(['id', 'code', 'name']).execute();
    expect(walkIns).toEqual([{ id: walkIn.walkIn.id, code: `W-${oldId}-1`, name: '최현장' }]);
    const voids = await up.db.db.selectFrom('voids').select(['id', 'checkin_id']).execute();
    expect(voids).toEqual([{ id: voidId, checkin_id: uploaded }]);

    // Another desk admits the walk-in by the ticket it pulled.
    const b = await newKiosk(up, up.url, 'desk B');
    expect(await getTicket(b.db, walkIn.ticket.code)).toMatchObject({ name: '최현장', status: 'valid' });
  });

  it('another event: nothing of the old event is sent there; the records are held, counted, and go up once when paired back', async () => {
    const other = structuredClone(BUNDLE);
    other.event = { ...other.event, id: 'other-event', name: { ko: '다른 행사', en: 'Other event' } };
    other.programmes = other.programmes.map((p) => ({ ...p, eventId: 'other-event' }));
    other.checkpoints = other.checkpoints.map((c) => ({ ...c, eventId: 'other-event' })); // the same checkpoint ids: the worst case
    expect((await up.admin('/v1/admin/events', { json: other })).status).toBe(200);
    const a = await newKiosk(up, proxy.url, 'desk A');
    const oldId = a.pairing.deviceId;
    const { walkIn } = await revokedWithUnsent(a);

    const otherCode = (await (await up.admin('/v1/admin/events/other-event/pairing-codes', { json: {} })).json()) as { link: string };
    const elsewhere = await pairAndSync(a.db, otherCode.link.replace(/server=[^&]+/, `server=${encodeURIComponent(proxy.url)}`), { name: 'desk A', engine: { events: null } });
    expect(elsewhere.eventId).toBe('other-event');
    expect((await new SyncEngine({ db: a.db, pairing: elsewhere, events: null, heartbeatMs: 0 }).syncNow()).errors).toEqual([]);
    // Nothing of the first event reached the other one; all of it is still on the kiosk, counted for staff.
    expect(await up.db.db.selectFrom('checkins').select('id').where('event_id', '=', 'other-event').execute()).toEqual([]);
    expect(await up.db.db.selectFrom('walkins').select('id').execute()).toEqual([]);
    expect(await outboxCount(a.db)).toBe(0);
    expect(await heldSummaries(a.db)).toEqual([
      expect.objectContaining({ eventId: EVENT_ID, deviceId: oldId, checkins: 2, walkins: 1, voids: 1, eventName: BUNDLE.event.name }),
    ]);

    // Staff can export them for that event's organiser: every held check-in, the walk-in's name with it.
    const csv = new TextDecoder().decode(await heldCsvBytes(a.db, { server: proxy.url, eventId: EVENT_ID }));
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.filter((l) => l.includes(',held,') || l.endsWith(',held'))).toHaveLength(2);
    expect(lines.find((l) => l.includes(walkIn.ticket.code))).toContain('최현장');

    // Paired back to its event, the held records go up, each once, the walk-in under its old code.
    const back = await pairAndSync(a.db, await up.pairingLink(proxy.url), { name: 'desk A', engine: { events: null } });
    expect((await new SyncEngine({ db: a.db, pairing: back, events: null, heartbeatMs: 0 }).syncNow()).errors).toEqual([]);
    expect(await outboxCount(a.db)).toBe(0);
    expect(await heldSummaries(a.db)).toEqual([]);
    expect(await setAside(a)).toEqual([]);
    await expectExactlyOnce(up, a.created);
    expect(await up.db.db.selectFrom('walkins').select(['id', 'code']).execute()).toEqual([{ id: walkIn.walkIn.id, code: `W-${oldId}-1` }]);
  });
});
