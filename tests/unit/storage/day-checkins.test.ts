// A day's check-ins through the [day+id] index in chunks, joined with tickets:
// tallies for every desk (pulled rows of other devices included) and for this
// kiosk alone, conflicts counted once, and no row read twice or missed when
// scans land between two chunks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { TurnoutDb } from '../../../renderer/storage/db';
import { countDay, loadDayTallies, readDay, type TicketFacts } from '../../../renderer/storage/day-checkins';
import { putTickets } from '../../../renderer/storage/roster';
import { newCheckInId } from '../../../core/ids';
import type { CheckIn, Checkpoint, Ticket } from '../../../core/model';

const TZ = 'Asia/Seoul';
const checkpoints: Checkpoint[] = [
  { id: 'hall', eventId: 'e', name: { ko: '홀', en: 'Hall' }, rule: 'unlimited', mode: 'entry' },
  { id: 'gate', eventId: 'e', name: { ko: '게이트', en: 'Gate' }, rule: 'once_per_day', mode: 'entry_exit' },
];
const ticket = (code: string, category: Ticket['category'], programmes: string[] = []): Ticket => ({ code, name: code, company: 'Co', category, programmes, status: 'valid', seq: 0 });
let db: TurnoutDb;
let n = 0;
function ci(code: string, at: string, extra: Partial<CheckIn> = {}): CheckIn {
  const ms = Date.parse(at);
  return { id: newCheckInId(ms + n++), code, checkpointId: 'hall', deviceId: 'me', direction: 'entry', verdict: 'accepted', scannedAt: at, day: at.slice(0, 10), syncState: 'pending', ...extra };
}

beforeEach(async () => {
  db = new TurnoutDb(`day-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await putTickets(db, [ticket('A', 'vip', ['p1']), ticket('B', 'press'), ticket('C', 'visitor', ['p1'])]);
});
afterEach(() => db.close());

describe('day check-ins', () => {
  it('tallies every desk as synced and this kiosk alone', async () => {
    await db.checkins.bulkAdd([
      ci('A', '2025-09-10T09:00:00.000+09:00'),
      ci('A', '2025-09-10T09:05:00.000+09:00', { deviceId: 'other', syncState: 'conflict' }),
      ci('B', '2025-09-10T10:00:00.000+09:00', { deviceId: 'other', syncState: 'stored', verdict: 'rejected', reason: 'blocked' }),
      ci('C', '2025-09-10T11:00:00.000+09:00', { checkpointId: 'gate' }),
      ci('C', '2025-09-10T12:00:00.000+09:00', { checkpointId: 'gate', direction: 'exit' }),
      ci('B', '2025-09-10T13:00:00.000+09:00', { checkpointId: 'gate', deviceId: 'other', syncState: 'stored' }),
      ci('A', '2025-09-11T00:10:00.000+09:00'), // the next venue day
    ]);
    const { all, mine } = await loadDayTallies(db, { day: '2025-09-10', timeZone: TZ, checkpoints, deviceId: 'me' });
    expect(all.total).toEqual({ scans: 6, accepted: 4, rejected: 1, exits: 1, conflicts: 1, uniquePeople: 3 });
    expect(mine.total).toEqual({ scans: 3, accepted: 2, rejected: 0, exits: 1, conflicts: 0, uniquePeople: 2 });
    expect(all.insideNow).toEqual([{ checkpointId: 'gate', inside: 1 }]);
    expect(all.byCategory.map((c) => [c.category, c.scans])).toEqual([['press', 2], ['vip', 2], ['visitor', 2]]);
    expect(all.byProgramme).toEqual([expect.objectContaining({ programmeId: 'p1', scans: 4, uniquePeople: 2 })]);
    expect(all.byDevice.map((d) => [d.deviceId, d.scans])).toEqual([['me', 3], ['other', 3]]);
    expect(await countDay(db, '2025-09-10')).toBe(6);
  });

  // Both ways of joining tickets: looked up per chunk (a small day) and found by one
  // sweep of the roster (a big day; sweepAbove 0 forces it here).
  it.each([['per chunk', 1000], ['by a roster sweep', 0]])('reads in chunks, never twice, while scans keep arriving (tickets %s)', async (_, sweepAbove) => {
    const rows = Array.from({ length: 25 }, (_, i) => ci(i % 2 ? 'A' : 'B', `2025-09-10T09:${String(i).padStart(2, '0')}:00.000+09:00`, { checkpointId: i % 3 ? 'hall' : 'gate' }));
    await db.checkins.bulkAdd(rows);
    const seen: string[] = [];
    let chunks = 0;
    let late: TicketFacts | undefined;
    for await (const chunk of readDay(db, '2025-09-10', { chunk: 4, sweepAbove })) {
      chunks++;
      seen.push(...chunk.checkins.map((c) => c.id));
      // Every row comes with its ticket.
      for (const c of chunk.checkins) expect(chunk.tickets.has(c.code)).toBe(true);
      if (chunk.tickets.has('A')) expect(chunk.tickets.get('A')?.category).toBe('vip');
      late ??= chunk.tickets.get('LATE');
      // Scans stored meanwhile come in a later chunk (ids are time-ordered); one
      // names a ticket imported after the sweep.
      if (chunks === 2) {
        await db.checkins.add(ci('C', '2025-09-10T09:59:00.000+09:00', { checkpointId: 'gate' }));
        await putTickets(db, [ticket('LATE', 'staff')]);
        await db.checkins.add(ci('LATE', '2025-09-10T09:58:00.000+09:00', { checkpointId: 'hall' }));
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const r of rows) expect(seen).toContain(r.id);
    expect(seen).toHaveLength(rows.length + 2);
    expect(chunks).toBeGreaterThanOrEqual(7);
    expect(late?.category).toBe('staff');
  });
});
