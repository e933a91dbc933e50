// The kiosk's retention wipe on fake-indexeddb, with the clock moved: through the
// event's retention day nothing changes; from the next venue day on, every
// ticket's and sent walk-in's personal data is gone (name search finds nobody),
// codes, categories and check-ins stay (the day's counts are unchanged), a walk-in
// not yet sent keeps its data until it was acknowledged, and a second run changes
// nothing.
import { describe, expect, it } from 'vitest';
import type { Checkpoint, Ticket } from '../../../core/model';
import { recordScan } from '../../../renderer/storage/checkin';
import { searchTickets } from '../../../renderer/storage/roster';
import { getTicket, writeTickets } from '../../../renderer/storage/roster-store';
import { wipeExpiredPersonalData } from '../../../renderer/storage/retention';
import { markWalkInsStored, registerWalkIn } from '../../../renderer/storage/walkins';
import { kioskDb } from '../sync/harness';

const TZ = 'Asia/Seoul';
const EVENT = { retainUntil: '2025-09-30', timeZone: TZ };
const hall: Checkpoint = { id: 'hall', eventId: 'e', name: { ko: '홀', en: 'Hall' }, rule: 'once', mode: 'entry' };
const ticket = (i: number, over: Partial<Ticket> = {}): Ticket => ({
  code: `RT-${i}`,
  name: `김보존${i}`,
  company: '보존상사',
  category: 'visitor',
  programmes: [],
  status: 'valid',
  seq: i,
  ...over,
});

describe('kiosk retention wipe', () => {
  it('wipes tickets and sent walk-ins from the day after the retention date, keeping codes and counts', async () => {
    const db = kioskDb();
    await writeTickets(db, [ticket(1, { note: '휠체어' }), ticket(2), ...Array.from({ length: 120 }, (_, i) => ticket(10 + i))], { rule: 'replace', source: 'pull' });
    const t0 = Date.parse('2025-09-10T01:00:00Z');
    const scanned = await recordScan(db, { raw: 'RT-1', checkpoint: hall, timeZone: TZ, deviceId: 'd1', direction: 'entry', now: t0 });
    expect(scanned.kind).toBe('stored');
    const form = (name: string) => ({ name, company: '현장상사', category: 'buyer' as const, phone: '010-2222-3333', consents: { registration: true, contact: true } });
    const sent = await registerWalkIn(db, { form: form('최발송'), checkpoint: hall, timeZone: TZ, deviceId: 'd1', now: t0 + 1 });
    const unsent = await registerWalkIn(db, { form: form('박대기'), checkpoint: hall, timeZone: TZ, deviceId: 'd1', now: t0 + 2 });
    if (sent.kind !== 'stored' || unsent.kind !== 'stored') throw new Error('walk-ins not stored');
    await markWalkInsStored(db, [sent.walkIn.id]);

    // The last retention day, 23:59 in Seoul (14:59 UTC): kept.
    expect(await wipeExpiredPersonalData(db, EVENT, Date.parse('2025-09-30T14:59:00Z'))).toBeNull();
    expect(await wipeExpiredPersonalData(db, { timeZone: TZ }, Date.parse('2030-01-01T00:00:00Z'))).toBeNull(); // no date: kept
    expect((await getTicket(db, 'RT-1'))!.name).toBe('김보존1');
    expect((await searchTickets(db, '김보존')).length).toBeGreaterThan(0);

    // Midnight in Seoul: the next venue day.
    const after = Date.parse('2025-09-30T15:00:00Z');
    expect(await wipeExpiredPersonalData(db, EVENT, after)).toEqual({ tickets: 124, walkIns: 1, walkInsWaiting: 1 });
    const one = (await getTicket(db, 'RT-1'))!;
    expect(one).toMatchObject({ code: 'RT-1', name: '', company: '', category: 'visitor', status: 'valid', seq: 1 });
    expect(one.note).toBeUndefined();
    expect(await getTicket(db, sent.ticket.code)).toMatchObject({ name: '', company: '', category: 'buyer' });
    for (const q of ['김보존', '보존상사', '최발송', 'ㄱㅂㅈ']) expect(await searchTickets(db, q), q).toEqual([]);
    expect(await db.walkins.get(sent.walkIn.id)).toMatchObject({ name: '', company: '', wiped: 1, code: sent.ticket.code });
    expect((await db.walkins.get(sent.walkIn.id))!.phone).toBeUndefined();
    // Not sent yet: kept whole for its upload (the server purges it on arrival).
    expect(await db.walkins.get(unsent.walkIn.id)).toMatchObject({ name: '박대기', phone: '010-2222-3333' });
    // Every check-in stays: the counts do not move.
    expect(await db.checkins.count()).toBe(3);
    expect((await db.checkins.toArray()).map((c) => c.verdict)).toEqual(['accepted', 'accepted', 'accepted']);

    // Once sent, the next run wipes it; a run after that changes nothing.
    await markWalkInsStored(db, [unsent.walkIn.id]);
    expect(await wipeExpiredPersonalData(db, EVENT, after + 60_000)).toEqual({ tickets: 0, walkIns: 1, walkInsWaiting: 0 });
    expect(await db.walkins.get(unsent.walkIn.id)).toMatchObject({ name: '', wiped: 1 });
    expect(await wipeExpiredPersonalData(db, EVENT, after + 120_000)).toEqual({ tickets: 0, walkIns: 0, walkInsWaiting: 0 });
    // The door still works on the anonymous roster: a second entry is refused as before.
    const again = await recordScan(db, { raw: 'RT-1', checkpoint: hall, timeZone: TZ, deviceId: 'd1', direction: 'entry', now: after });
    expect(again.kind === 'stored' && again.verdict).toEqual({ verdict: 'rejected', reason: 'already_checked_in' });
  });
});
