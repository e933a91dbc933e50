// "Inside now" with a checkpoint's day start (issue 14): at a door whose venue
// day starts at 04:00, people who came in at 22:00 are still inside at 01:30
// (the count no longer lapses at midnight), a past day's "not out" is its whole
// venue day, and 04:00 starts the next count. Checkpoints without a day start
// keep the midnight cut.
import { describe, expect, it } from 'vitest';
import { DayTally, tallyDay, type TallyOptions, type TallyRow } from '../../../core/tally';

const TZ = 'Asia/Seoul';
const D = '2025-09-10';
const D1 = '2025-09-11';
const at = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00.000+09:00`);
const iso = (day: string, hhmm: string) => `${day}T${hhmm}:00.000+09:00`;
const row = (code: string, scannedAt: string, extra: Partial<TallyRow> = {}): TallyRow => ({
  code, checkpointId: 'club', deviceId: 'k1', direction: 'entry', verdict: 'accepted', scannedAt, state: 'stored', ...extra,
});
const night = (dayStart?: string): TallyOptions['checkpoints'] => [{ id: 'club', mode: 'entry_exit', ...(dayStart ? { dayStart } : {}) }];

// A night at the club: A at 22:00, B 23:30 and out at 00:30, C 01:00, D out with no entry at 02:00;
// E's entry was voided; F came back the next evening at 21:00.
const rows = [
  row('A', iso(D, '22:00')),
  row('B', iso(D, '23:30')),
  row('B', iso(D1, '00:30'), { direction: 'exit' }),
  row('C', iso(D1, '01:00')),
  row('D', iso(D1, '02:00'), { direction: 'exit' }),
  row('E', iso(D1, '01:10'), { voided: true }),
  row('G', iso(D1, '02:30'), { verdict: 'rejected', reason: 'already_checked_in' }),
  row('F', iso(D1, '21:00')),
];
const inside = (t: ReturnType<typeof tallyDay>) => t.insideNow.find((r) => r.checkpointId === 'club')?.inside;

describe('inside now with a 04:00 day start', () => {
  it('at 01:30 today (calendar day 11) counts the night that began on the 10th: A and C', () => {
    const t = tallyDay(rows, { day: D1, timeZone: TZ, checkpoints: night('04:00'), insideAt: at(D1, '01:30') });
    expect(inside(t)).toBe(2);
    // The day's other counts stay calendar-day counts: the 10th's rows are not scans of the 11th.
    expect(t.total.scans).toBe(5);
  });

  it('without a day start the count lapses at midnight, as before: only C', () => {
    const tonight = rows.filter((r) => r.code !== 'F');
    expect(inside(tallyDay(tonight, { day: D1, timeZone: TZ, checkpoints: night(), insideAt: at(D1, '01:30') }))).toBe(1);
    expect(inside(tallyDay(tonight, { day: D1, timeZone: TZ, checkpoints: night('04:00'), insideAt: at(D1, '01:30') }))).toBe(2);
  });

  it('04:00 starts the next venue day: only F (came in at 21:00) counts', () => {
    expect(inside(tallyDay(rows, { day: D1, timeZone: TZ, checkpoints: night('04:00'), insideAt: at(D1, '04:00') }))).toBe(1);
    expect(inside(tallyDay(rows, { day: D1, timeZone: TZ, checkpoints: night('04:00'), insideAt: at(D1, '03:59') }))).toBe(2);
  });

  it('a past day without insideAt: "not out" is that whole venue day, 04:00 to 04:00', () => {
    const past = [row('X', iso(D, '23:00')), row('Y', iso(D1, '00:30')), row('Z', iso(D, '03:00'))];
    // 04:00 door: X and Y (Z came in during the night before, venue day the 9th).
    expect(inside(tallyDay(past, { day: D, timeZone: TZ, checkpoints: night('04:00') }))).toBe(2);
    // Midnight door: X and Z, the calendar day 10.
    const t = tallyDay(past, { day: D, timeZone: TZ, checkpoints: night() });
    expect(inside(t)).toBe(2);
    expect(inside(tallyDay(past.slice(0, 2), { day: D, timeZone: TZ, checkpoints: night() }))).toBe(1);
  });

  it('says which other calendar days its rows come from', () => {
    expect(new DayTally({ day: D1, timeZone: TZ, checkpoints: night('04:00'), insideAt: at(D1, '01:30') }).doorDays()).toEqual([D]);
    expect(new DayTally({ day: D1, timeZone: TZ, checkpoints: night('04:00'), insideAt: at(D1, '05:00') }).doorDays()).toEqual(['2025-09-12']);
    expect(new DayTally({ day: D, timeZone: TZ, checkpoints: night('04:00') }).doorDays()).toEqual([D1]);
    expect(new DayTally({ day: D1, timeZone: TZ, checkpoints: night(), insideAt: at(D1, '01:30') }).doorDays()).toEqual([]);
    expect(new DayTally({ day: D1, timeZone: TZ, checkpoints: night('garbage') }).doorDays()).toEqual([]);
  });
});
