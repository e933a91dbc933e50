// Walk-ins between desks, kiosk storage and sync engine against the real upstream
// (SQLite): a desk registers a walk-in offline — code, ticket, walk-in and its
// check-in in one transaction — the walk-in goes up before its check-in (a reply
// cut mid-body stores nothing twice), another desk pulls the new ticket and refuses
// a second `once` entry of it; codes of two desks never collide; bad forms and a
// refused required consent store nothing; the phone is kept only with consent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WalkInForm } from '../../../core/walkin';
import { outboxCount, recordScan } from '../../../renderer/storage/checkin';
import { loadConfig } from '../../../renderer/storage/roster';
import { getTicket } from '../../../renderer/storage/roster-store';
import { registerWalkIn } from '../../../renderer/storage/walkins';
import { newKiosk, startProxy, startUpstream, type Kiosk, type Proxy, type Upstream } from './harness';

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

const T0 = Date.parse('2025-09-10T01:00:00Z');
const form = (over: Partial<WalkInForm> = {}): WalkInForm => ({
  name: '최현장',
  company: '한빛상사',
  category: 'visitor',
  phone: '',
  consents: { registration: true, contact: false, marketing: false },
  ...over,
});

async function register(k: Kiosk, f: WalkInForm, now = T0, checkpointId = 'hall') {
  const config = (await loadConfig(k.db))!;
  const checkpoint = config.checkpoints.find((c) => c.id === checkpointId)!;
  return registerWalkIn(k.db, { form: f, checkpoint, timeZone: config.event.timeZone, deviceId: k.pairing.deviceId, now, printing: true });
}

describe('walk-in registration on a desk', () => {
  it('stores ticket, walk-in and admission together; syncs once; the other desk refuses a second once entry', async () => {
    const a = await newKiosk(up, proxy.url, 'desk A');
    const b = await newKiosk(up, up.url, 'desk B');
    proxy.setDown(true);
    const out = await register(a, form({ phone: '010-1234-5678', consents: { registration: true, contact: true } }));
    expect(out.kind).toBe('stored');
    if (out.kind !== 'stored') return;
    expect(out.ticket.code).toBe(`W-${a.pairing.deviceId}-1`);
    expect(out.checkIn).toMatchObject({ code: out.ticket.code, verdict: 'accepted', badge: 'printed', syncState: 'pending' });
    expect(out.walkIn).toMatchObject({ checkinId: out.checkIn.id, phone: '010-1234-5678', syncState: 'pending' });
    expect(out.walkIn.consents).toEqual([{ item: 'registration', granted: true }, { item: 'contact', granted: true }, { item: 'marketing', granted: false }]);
    expect(await getTicket(a.db, out.ticket.code)).toMatchObject({ name: '최현장', status: 'valid' });
    // The desk itself already knows the person: a second scan at the `once` hall is refused.
    const again = await recordScan(a.db, { raw: out.ticket.code, checkpoint: (await loadConfig(a.db))!.checkpoints[0]!, timeZone: 'Asia/Seoul', deviceId: a.pairing.deviceId, direction: 'entry', now: T0 + 1000 });
    expect(again.kind === 'stored' && again.verdict).toEqual({ verdict: 'rejected', reason: 'already_checked_in' });
    expect(await outboxCount(a.db)).toBe(3); // walk-in, admission, refusal

    // Offline, nothing left; back online, the first reply to the walk-in upload is cut after the server stored it.
    expect((await a.engine().syncNow()).ok).toBe(false);
    proxy.setDown(false);
    proxy.rules.push({ match: 'POST /v1/sync/walkins', fault: { kind: 'cut', afterBytes: 5 }, times: 1 });
    await a.engine().syncNow();
    await a.engine().syncNow();
    expect(await outboxCount(a.db)).toBe(0);
    const stored = await up.db.db.selectFrom('walkins').selectAll().execute();
    expect(stored.map((w) => [w.code, w.name, w.phone])).toEqual([[out.ticket.code, '최현장', '010-1234-5678']]);
    expect((await up.checkins()).filter((c) => c.code === out.ticket.code).map((c) => c.verdict).sort()).toEqual(['accepted', 'rejected']);

    // Desk B pulls the ticket and the admission: the same code is refused there too.
    await b.engine().syncNow();
    expect(await getTicket(b.db, out.ticket.code)).toMatchObject({ name: '최현장', company: '한빛상사', category: 'visitor' });
    const atB = await recordScan(b.db, { raw: out.ticket.code, checkpoint: (await loadConfig(b.db))!.checkpoints[0]!, timeZone: 'Asia/Seoul', deviceId: b.pairing.deviceId, direction: 'entry', now: T0 + 60_000 });
    expect(atB.kind === 'stored' && atB.verdict).toEqual({ verdict: 'rejected', reason: 'already_checked_in' });
  });

  it('issues codes that never collide between desks or within one, and keeps no phone without consent', async () => {
    const a = await newKiosk(up, up.url, 'desk A');
    const b = await newKiosk(up, up.url, 'desk B');
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      for (const k of [a, b]) {
        const out = await register(k, form({ name: `사람${i}`, phone: '010-9999-0000' }), T0 + i);
        if (out.kind !== 'stored') throw new Error(out.kind);
        expect(out.walkIn.phone).toBeUndefined();
        codes.push(out.ticket.code);
      }
    }
    expect(new Set(codes).size).toBe(6);
    expect(codes.filter((c) => c.startsWith(`W-${a.pairing.deviceId}-`))).toEqual([1, 2, 3].map((n) => `W-${a.pairing.deviceId}-${n}`));
    await a.engine().syncNow();
    await b.engine().syncNow();
    expect(await up.db.db.selectFrom('walkins').select('code').execute()).toHaveLength(6);
    expect((await up.db.db.selectFrom('walkins').select('phone').where('phone', 'is not', null).execute())).toHaveLength(0);
  });

  it('stores nothing for a bad form or a refused required consent; refusing optional items never blocks', async () => {
    const a = await newKiosk(up, up.url, 'desk A');
    expect(await register(a, form({ name: '  ' }))).toEqual({ kind: 'invalid', problems: ['name_required'] });
    expect(await register(a, form({ category: '' }))).toEqual({ kind: 'invalid', problems: ['category_required'] });
    expect(await register(a, form({ category: 'staff' }))).toEqual({ kind: 'invalid', problems: ['category_not_allowed'] }); // never a staff card
    expect(await register(a, form({ phone: 'call me' }))).toEqual({ kind: 'invalid', problems: ['phone_invalid'] });
    expect(await register(a, form({ consents: { registration: false, contact: true } }))).toEqual({ kind: 'invalid', problems: ['consent_required'] });
    expect(await outboxCount(a.db)).toBe(0);
    expect(await a.db.walkins.count()).toBe(0);
    const ok = await register(a, form({ consents: { registration: true, contact: false, marketing: false } }));
    expect(ok.kind).toBe('stored');
  });
});
