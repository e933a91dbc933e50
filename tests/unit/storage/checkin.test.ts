// Storage: the check-in path against IndexedDB (fake-indexeddb, the real IndexedDB
// algorithm in memory). Real Chromium IndexedDB is exercised by tests/e2e.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { TurnoutDb } from '../../../renderer/storage/db';
import { outboxCount, recordScan, type ScanRequest } from '../../../renderer/storage/checkin';
import { putTickets, searchTickets } from '../../../renderer/storage/roster';
import type { Checkpoint, Ticket } from '../../../core/model';

const once: Checkpoint = { id: 'lecture', eventId: 'e', name: { ko: '강연', en: 'Lecture' }, rule: 'once', mode: 'entry' };
const ticket = (code: string, name: string, extra: Partial<Ticket> = {}): Ticket => ({
  code, name, company: '(주)한빛정밀', category: 'visitor', programmes: [], status: 'valid', seq: 0, ...extra,
});

let db: TurnoutDb;
const scan = (raw: string, extra: Partial<ScanRequest> = {}) =>
  recordScan(db, { raw, checkpoint: once, timeZone: 'Asia/Seoul', deviceId: 'kiosk-1', direction: 'entry', now: Date.parse('2025-09-10T01:00:00Z'), ...extra });

beforeEach(async () => {
  db = new TurnoutDb(`t-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await putTickets(db, [ticket('ICW25-AAAA', '김철현'), ticket('ICW25-BBBB', 'Jane Doe', { company: 'Acme GmbH', note: 'wheelchair' })]);
});
afterEach(() => db.close());

describe('recordScan', () => {
  it('stores an admission in the outbox before returning the verdict', async () => {
    const out = await scan('ICW25-AAAA\r\n');
    expect(out.kind).toBe('stored');
    if (out.kind !== 'stored') return;
    expect(out.verdict.verdict).toBe('accepted');
    expect(out.ticket?.name).toBe('김철현');
    const row = await db.checkins.get(out.checkIn.id);
    expect(row).toMatchObject({ code: 'ICW25-AAAA', verdict: 'accepted', syncState: 'pending', day: '2025-09-10', deviceId: 'kiosk-1' });
    expect(row?.scannedAt).toBe('2025-09-10T10:00:00.000+09:00');
    expect(await outboxCount(db)).toBe(1);
  });

  it('rejects a second scan at a once checkpoint and keeps both rows', async () => {
    await scan('ICW25-AAAA');
    const again = await scan('ICW25-AAAA', { now: Date.parse('2025-09-10T01:05:00Z') });
    expect(again.kind === 'stored' && again.verdict).toEqual({ verdict: 'rejected', reason: 'already_checked_in' });
    expect(await db.checkins.count()).toBe(2);
  });

  it('admits exactly once when two scans of one code race', async () => {
    const results = await Promise.all([scan('ICW25-AAAA'), scan('ICW25-AAAA'), scan('ICW25-AAAA')]);
    const accepted = results.filter((r) => r.kind === 'stored' && r.checkIn.verdict === 'accepted');
    expect(accepted).toHaveLength(1);
  });

  it('stores unknown codes as rejections and passes attention notes through', async () => {
    const unknown = await scan('NOPE-1234');
    expect(unknown.kind === 'stored' && unknown.checkIn).toMatchObject({ verdict: 'rejected', reason: 'unknown_ticket' });
    const noted = await scan('ICW25-BBBB');
    expect(noted.kind === 'stored' && noted.verdict).toEqual({ verdict: 'accepted', attention: 'wheelchair' });
  });

  it('stores nothing for a malformed scan', async () => {
    const out = await scan('x'.repeat(5000));
    expect(out.kind).toBe('malformed');
    expect(await db.checkins.count()).toBe(0);
  });

  it('reports a failed write instead of an admission', async () => {
    db.checkins.hook('creating', () => {
      throw new DOMException('The disk is full', 'QuotaExceededError');
    });
    const out = await scan('ICW25-AAAA');
    expect(out.kind).toBe('store_failed');
    if (out.kind === 'store_failed') expect(out.error).toContain('QuotaExceededError');
    expect(await db.checkins.count()).toBe(0);
    expect(await outboxCount(db)).toBe(0);
  });

  it('records staff overrides as admissions with who and why, keeping the reason', async () => {
    await scan('ICW25-AAAA');
    const out = await scan('ICW25-AAAA', { override: { by: 'staff-1', reason: 'lost wristband' } });
    expect(out.kind === 'stored' && out.checkIn).toMatchObject({ verdict: 'accepted', reason: 'already_checked_in', override: { by: 'staff-1' } });
  });
});

describe('searchTickets', () => {
  it('finds by 초성, mid-syllable jamo, Latin word and company through the index', async () => {
    expect((await searchTickets(db, 'ㄱㅊㅎ')).map((t) => t.code)).toEqual(['ICW25-AAAA']);
    expect((await searchTickets(db, '김처')).map((t) => t.code)).toEqual(['ICW25-AAAA']);
    expect((await searchTickets(db, 'doe')).map((t) => t.code)).toEqual(['ICW25-BBBB']);
    expect((await searchTickets(db, 'acme')).map((t) => t.code)).toEqual(['ICW25-BBBB']);
    expect(await searchTickets(db, 'zzz')).toEqual([]);
    expect(await searchTickets(db, '   ')).toEqual([]);
  });

  it('returns each person once even when several keys match', async () => {
    const hits = await searchTickets(db, 'j');
    expect(hits.filter((t) => t.code === 'ICW25-BBBB')).toHaveLength(1);
  });
});
