// Daily tallies (core/tally.ts): day boundaries cut in Asia/Seoul around
// midnight, unique people versus scans, inside-now with exits, conflicts
// counted once, per category / programme / hour / device, and the same answer
// whatever order and chunking the rows arrive in.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DayTally, hourlySeries, tallyDay, type TallyRow, type TallyOptions } from '../../../core/tally';

const TZ = 'Asia/Seoul';
const checkpoints: TallyOptions['checkpoints'] = [
  { id: 'main', mode: 'entry' },
  { id: 'hall', mode: 'entry' },
  { id: 'gate', mode: 'entry_exit' },
  { id: 'lecture', mode: 'entry', programmes: ['p1'] },
];
const opts = (day: string, extra: Partial<TallyOptions> = {}): TallyOptions => ({ day, timeZone: TZ, checkpoints, ...extra });
const at = (day: string, hhmm: string) => `${day}T${hhmm}:00.000+09:00`;

function row(code: string, scannedAt: string, extra: Partial<TallyRow> = {}): TallyRow {
  return { code, checkpointId: 'hall', deviceId: 'kiosk-1', direction: 'entry', verdict: 'accepted', scannedAt, state: 'stored', category: 'visitor', programmes: [], ...extra };
}

describe('day boundaries in Asia/Seoul', () => {
  const rows = [
    row('A', '2025-09-10T14:59:59.999Z'), // 23:59:59.999 on the 10th in Seoul
    row('B', '2025-09-10T15:00:00.000Z'), // 00:00 on the 11th in Seoul
    row('C', '2025-09-10T23:30:00.000+09:00'),
    row('D', '2025-09-11T00:00:00.000+09:00'),
    row('E', '2025-09-10T00:00:00.000+09:00'), // the first instant of the 10th
    row('F', '2025-09-09T23:59:59.999+09:00'), // the last instant of the 9th
  ];

  it('cuts days at venue midnight, whatever offset the time is written with', () => {
    const tenth = tallyDay(rows, opts('2025-09-10'));
    expect(tenth.total.scans).toBe(3);
    expect(tenth.byHour.map((h) => [h.hour, h.scans])).toEqual([[0, 1], [23, 2]]);
    const eleventh = tallyDay(rows, opts('2025-09-11'));
    expect(eleventh.total.scans).toBe(2);
    expect(eleventh.byHour).toEqual([expect.objectContaining({ hour: 0, scans: 2, uniquePeople: 2 })]);
    expect(tallyDay(rows, opts('2025-09-09')).total.scans).toBe(1);
  });

  it('leaves out and counts rows of other days and unreadable times', () => {
    const t = new DayTally(opts('2025-09-10')).addAll([...rows, row('X', 'not a time')]);
    expect(t.skipped).toBe(4);
  });

  it('would cut differently in UTC: the zone is the event’s, not the device’s', () => {
    expect(tallyDay(rows, { ...opts('2025-09-10'), timeZone: 'UTC' }).total.scans).toBe(4);
  });
});

describe('unique people versus scans', () => {
  const day = '2025-09-10';
  const rows = [
    row('A', at(day, '09:00')),
    row('A', at(day, '09:30')),
    row('A', at(day, '10:10')),
    row('B', at(day, '09:45')),
    row('C', at(day, '10:00'), { verdict: 'rejected', reason: 'blocked' }),
    row('C', at(day, '10:05'), { verdict: 'rejected', reason: 'blocked' }),
    row('Z', at(day, '10:06'), { verdict: 'rejected', reason: 'unknown_ticket', category: null }),
    row('B', at(day, '11:00'), { direction: 'exit' }),
  ];

  it('counts every scan, admitted entries, and each person once', () => {
    const t = tallyDay(rows, opts(day));
    expect(t.total).toEqual({ scans: 8, accepted: 4, rejected: 3, exits: 1, conflicts: 0, uniquePeople: 2 });
    expect(t.byHour.map((h) => [h.hour, h.scans, h.accepted, h.uniquePeople])).toEqual([
      [9, 3, 3, 2],
      [10, 4, 1, 1],
      [11, 1, 0, 0],
    ]);
    expect(t.byReason).toEqual([{ reason: 'blocked', count: 2 }, { reason: 'unknown_ticket', count: 1 }]);
    expect(t.byCategory.map((c) => c.category)).toEqual(['unknown', 'visitor']);
  });

  it('counts overrides, and rejected rows never make a person', () => {
    const t = tallyDay([row('Q', at(day, '12:00'), { overridden: true, reason: 'expired' }), row('R', at(day, '12:01'), { verdict: 'rejected' })], opts(day));
    expect(t.overrides).toBe(1);
    expect(t.total.uniquePeople).toBe(1);
    expect(t.byReason).toEqual([{ reason: 'unknown', count: 1 }]);
  });
});

describe('inside now at entry/exit checkpoints', () => {
  const day = '2025-09-10';
  const gate = (code: string, hhmm: string, direction: 'entry' | 'exit', extra: Partial<TallyRow> = {}) =>
    row(code, at(day, hhmm), { checkpointId: 'gate', direction, ...extra });

  it('counts people whose last accepted scan at the door is an entry', () => {
    const rows = [
      gate('A', '09:00', 'entry'), gate('A', '10:00', 'exit'), gate('A', '11:00', 'entry'), // back in
      gate('B', '09:00', 'entry'), gate('B', '09:30', 'exit'), // left
      gate('C', '09:10', 'entry'), // in
      gate('D', '09:20', 'exit'), // scanned out only
      gate('E', '09:00', 'entry'), gate('E', '12:00', 'entry', { verdict: 'rejected', reason: 'already_checked_in' }), gate('E', '12:30', 'exit'), // refused scan does not count
      gate('F', '13:00', 'exit'), gate('F', '13:00', 'entry'), // same instant: the cautious reading, inside
      row('G', at(day, '09:00')), // another checkpoint entirely
    ];
    const t = tallyDay(rows, opts(day));
    expect(t.insideNow).toEqual([{ checkpointId: 'gate', inside: 3 }]);
    // Reading the rows backwards (a pull brings other desks' rows late) changes nothing.
    expect(tallyDay([...rows].reverse(), opts(day)).insideNow).toEqual(t.insideNow);
    const gateCounts = t.byCheckpoint.find((c) => c.checkpointId === 'gate');
    expect(gateCounts).toMatchObject({ scans: 12, accepted: 6, exits: 5, rejected: 1, uniquePeople: 5 });
  });

  it('starts from zero each day: yesterday’s entries are not inside today', () => {
    const rows = [row('A', at('2025-09-09', '17:00'), { checkpointId: 'gate' }), gate('B', '08:00', 'entry')];
    expect(tallyDay(rows, opts(day)).insideNow).toEqual([{ checkpointId: 'gate', inside: 1 }]);
  });
});

describe('conflicts', () => {
  const day = '2025-09-10';
  it('a second offline admission is a scan and a conflict, never a second person', () => {
    const rows = [
      row('A', at(day, '09:00'), { checkpointId: 'main', deviceId: 'kiosk-1', state: 'stored' }),
      row('A', at(day, '09:02'), { checkpointId: 'main', deviceId: 'kiosk-2', state: 'conflict' }),
      row('B', at(day, '09:03'), { checkpointId: 'main', deviceId: 'kiosk-2', state: 'pending' }),
    ];
    const t = tallyDay(rows, opts(day));
    expect(t.total).toMatchObject({ scans: 3, accepted: 3, conflicts: 1, uniquePeople: 2 });
    expect(t.byCheckpoint).toEqual([expect.objectContaining({ checkpointId: 'main', conflicts: 1, uniquePeople: 2 })]);
    expect(t.byDevice.map((d) => [d.deviceId, d.scans, d.conflicts])).toEqual([['kiosk-1', 1, 0], ['kiosk-2', 2, 1]]);
    // A rejected or exit row flagged conflict is no admission to flag.
    expect(tallyDay([row('A', at(day, '09:00'), { verdict: 'rejected', state: 'conflict' })], opts(day)).total.conflicts).toBe(0);
  });

  it('this kiosk alone versus all desks as far as synced', () => {
    const rows = [row('A', at(day, '09:00')), row('B', at(day, '09:05'), { deviceId: 'kiosk-2' }), row('A', at(day, '09:06'), { deviceId: 'kiosk-2' })];
    expect(tallyDay(rows, opts(day, { deviceId: 'kiosk-1' })).total).toMatchObject({ scans: 1, uniquePeople: 1 });
    expect(tallyDay(rows, opts(day)).total).toMatchObject({ scans: 3, uniquePeople: 2 });
  });
});

describe('per category, programme and hour', () => {
  const day = '2025-09-10';
  const rows = [
    row('A', at(day, '09:05'), { category: 'vip', programmes: ['p1', 'p2'] }),
    row('A', at(day, '09:15'), { category: 'vip', programmes: ['p1', 'p2'], checkpointId: 'lecture' }),
    row('B', at(day, '10:15'), { category: 'press', programmes: ['p2'], checkpointId: 'lecture', verdict: 'rejected', reason: 'wrong_checkpoint' }),
    row('C', at(day, '10:20'), { category: 'press', programmes: ['p1', 'p1'], checkpointId: 'lecture' }),
  ];
  const t = tallyDay(rows, opts(day));

  it('splits by the ticket’s category', () => {
    expect(t.byCategory.map((c) => [c.category, c.scans, c.accepted, c.uniquePeople])).toEqual([
      ['press', 2, 1, 1],
      ['vip', 2, 2, 1],
    ]);
  });

  it('counts a scan for each programme of its ticket that the checkpoint admits', () => {
    expect(t.byProgramme.map((p) => [p.programmeId, p.scans, p.uniquePeople])).toEqual([
      ['p1', 3, 2],
      ['p2', 1, 1],
    ]);
  });

  it('per checkpoint and hour, and an hourly series with zeros for the chart', () => {
    expect(t.byCheckpointHour.map((r) => [r.checkpointId, r.hour, r.scans])).toEqual([
      ['hall', 9, 1],
      ['lecture', 9, 1],
      ['lecture', 10, 2],
    ]);
    const s = hourlySeries(t);
    expect(s.hours).toHaveLength(24);
    expect(s.scans[9]).toBe(2);
    expect(s.rejected[10]).toBe(1);
    expect(s.accepted.reduce((a, b) => a + b, 0)).toBe(t.total.accepted);
  });
});

describe('order and chunking', () => {
  it('gives the same tallies for any order and any chunking', () => {
    const day = '2025-09-10';
    const rowArb = fc.record({
      code: fc.constantFrom('A', 'B', 'C', 'D'),
      checkpointId: fc.constantFrom('main', 'gate', 'lecture'),
      direction: fc.constantFrom('entry' as const, 'exit' as const),
      verdict: fc.constantFrom('accepted' as const, 'rejected' as const),
      minute: fc.integer({ min: -120, max: 24 * 60 + 120 }),
      conflict: fc.boolean(),
    }).map((r) => row(r.code, new Date(Date.parse(`${day}T00:00:00+09:00`) + r.minute * 60_000).toISOString(), {
      checkpointId: r.checkpointId, direction: r.direction, verdict: r.verdict, state: r.conflict ? 'conflict' : 'stored', programmes: ['p1'],
    }));
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.integer({ min: 1, max: 7 }), (rows, chunk) => {
        const once = tallyDay(rows, opts(day));
        const acc = new DayTally(opts(day));
        const shuffled = [...rows].reverse();
        for (let i = 0; i < shuffled.length; i += chunk) acc.addAll(shuffled.slice(i, i + chunk));
        expect(acc.result()).toEqual(once);
        expect(once.total.scans).toBe(once.byHour.reduce((a, h) => a + h.scans, 0));
        expect(once.total.uniquePeople).toBeLessThanOrEqual(once.total.accepted);
      }),
      { numRuns: 200 },
    );
  });
});
