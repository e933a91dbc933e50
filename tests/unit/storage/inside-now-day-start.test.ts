// The kiosk's staff tallies (renderer/storage/day-checkins.ts over IndexedDB)
// with a 04:00 day start: at 01:30 the night's guests are still "inside now",
// read from the calendar day the night began on, while the day's scan counts
// stay the calendar day's; at a midnight door the count lapses as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { TurnoutDb } from '../../../renderer/storage/db';
import { loadDayTallies } from '../../../renderer/storage/day-checkins';
import { putTickets } from '../../../renderer/storage/roster';
import { newCheckInId } from '../../../core/ids';
import { dayKey } from '../../../core/time';
import type { CheckIn, Checkpoint, Ticket } from '../../../core/model';

const TZ = 'Asia/Seoul';
const club = (dayStart?: string): Checkpoint => ({
  id: 'club', eventId: 'e', name: { ko: '클럽', en: 'Club' }, rule: 'once_per_day', mode: 'entry_exit', ...(dayStart ? { dayStart } : {}),
});
const ticket = (code: string): Ticket => ({ code, name: code, company: 'Co', category: 'visitor', programmes: [], status: 'valid', seq: 0 });
let db: TurnoutDb;
let n = 0;
function ci(code: string, at: string, extra: Partial<CheckIn> = {}): CheckIn {
  const ms = Date.parse(at);
  // `day` as the kiosk stores it (renderer/storage/checkin.ts): the calendar day in the venue's zone.
  return { id: newCheckInId(ms + n++), code, checkpointId: 'club', deviceId: 'me', direction: 'entry', verdict: 'accepted', scannedAt: at, day: dayKey(ms, TZ), syncState: 'pending', ...extra };
}

beforeEach(async () => {
  db = new TurnoutDb(`night-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await putTickets(db, ['A', 'B', 'C'].map(ticket));
  await db.checkins.bulkAdd([
    ci('A', '2025-09-10T22:00:00.000+09:00'),
    ci('B', '2025-09-10T23:00:00.000+09:00', { deviceId: 'other', syncState: 'stored' }),
    ci('B', '2025-09-11T00:20:00.000+09:00', { direction: 'exit', deviceId: 'other', syncState: 'stored' }),
    ci('C', '2025-09-11T01:00:00.000+09:00'),
  ]);
});
afterEach(() => db.close());

const now = Date.parse('2025-09-11T01:30:00.000+09:00');

describe('inside now on the kiosk with a 04:00 day start', () => {
  it('does not lapse at midnight: at 01:30 A (in since 22:00) and C are inside, B left', async () => {
    const { all, mine } = await loadDayTallies(db, { day: '2025-09-11', timeZone: TZ, checkpoints: [club('04:00')], deviceId: 'me', insideAt: now });
    expect(all.insideNow).toEqual([{ checkpointId: 'club', inside: 2 }]);
    expect(mine.insideNow).toEqual([{ checkpointId: 'club', inside: 2 }]);
    // Scans of the calendar day 11 only: B's exit and C's entry.
    expect(all.total).toMatchObject({ scans: 2, accepted: 1, exits: 1 });
  });

  it('a midnight door lapses as before: only C', async () => {
    const { all } = await loadDayTallies(db, { day: '2025-09-11', timeZone: TZ, checkpoints: [club()], deviceId: 'me', insideAt: now });
    expect(all.insideNow).toEqual([{ checkpointId: 'club', inside: 1 }]);
  });

  it('from 04:00 the next venue day counts afresh', async () => {
    const later = Date.parse('2025-09-11T04:00:00.000+09:00');
    const { all } = await loadDayTallies(db, { day: '2025-09-11', timeZone: TZ, checkpoints: [club('04:00')], deviceId: 'me', insideAt: later });
    expect(all.insideNow).toEqual([{ checkpointId: 'club', inside: 0 }]);
  });
});
