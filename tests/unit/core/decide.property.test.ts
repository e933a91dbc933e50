// Property tests for decide(): replaying random scan sequences through the
// rules must never admit twice where the rule forbids it, exits always pass,
// and decide is total and deterministic (and blind to history order).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decide } from '../../../core/decide';
import { dayKey, isoWithOffset, venueDayKey } from '../../../core/time';
import { CATEGORIES, type Checkpoint, type CheckpointRule, type Direction, type HistoryEntry, type Ticket } from '../../../core/model';

const TZ = 'Asia/Seoul';
const BASE = Date.parse('2025-09-08T00:00:00+09:00');
const SPAN = 5 * 86_400_000;
const ticket: Ticket = { code: 'T-1', name: 'n', company: 'c', category: 'visitor', programmes: ['p1'], status: 'valid', seq: 0 };
const cp = (rule: CheckpointRule, mode: Checkpoint['mode']): Checkpoint => ({ id: 'a', eventId: 'e', name: { ko: 'a', en: 'a' }, rule, mode });

const scan = fc.record({
  t: fc.integer({ min: BASE, max: BASE + SPAN }),
  direction: fc.constantFrom<Direction>('entry', 'exit'),
  checkpointId: fc.constantFrom('a', 'b'),
});

/** Feed scans through decide in the given order, each verdict joining the history. */
function replay(checkpoint: Checkpoint, scans: { t: number; direction: Direction; checkpointId: string }[]): HistoryEntry[] {
  const history: HistoryEntry[] = [];
  for (const s of scans) {
    const here = { ...checkpoint, id: s.checkpointId };
    const v = decide({ ticket, checkpoint: here, timeZone: TZ, direction: s.direction, history, now: s.t });
    history.push({ checkpointId: s.checkpointId, direction: s.direction, verdict: v.verdict, scannedAt: isoWithOffset(s.t, TZ) });
  }
  return history;
}

const acceptedEntriesAtA = (hist: HistoryEntry[]) =>
  hist.filter((e) => e.checkpointId === 'a' && e.direction === 'entry' && e.verdict === 'accepted');

describe('decide properties', () => {
  it('(1) once, entry mode: at most one accepted entry, whatever the order and clocks', () => {
    fc.assert(
      fc.property(fc.array(scan, { maxLength: 40 }), (scans) => {
        expect(acceptedEntriesAtA(replay(cp('once', 'entry'), scans)).length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('(2) once_per_day, entry mode: at most one accepted entry per venue-local day', () => {
    fc.assert(
      fc.property(fc.array(scan, { maxLength: 40 }), (scans) => {
        const days = acceptedEntriesAtA(replay(cp('once_per_day', 'entry'), scans)).map((e) => dayKey(e.scannedAt, TZ));
        expect(new Set(days).size).toBe(days.length);
      }),
    );
  });

  it('(3) exits are always accepted for a valid known ticket', () => {
    const hhmm = fc.tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const anyCheckpoint = fc.record({
      rule: fc.constantFrom<CheckpointRule>('once', 'once_per_day', 'unlimited'),
      mode: fc.constantFrom<Checkpoint['mode']>('entry', 'entry_exit'),
      categories: fc.option(fc.subarray([...CATEGORIES]), { nil: undefined }),
      programmes: fc.option(fc.subarray(['p1', 'p2', 'p3']), { nil: undefined }),
      hours: fc.option(fc.record({ default: fc.array(fc.record({ open: hhmm, close: hhmm }), { maxLength: 2 }) }), { nil: undefined }),
    });
    const validity = fc.option(fc.integer({ min: BASE - SPAN, max: BASE + 2 * SPAN }).map((t) => new Date(t).toISOString()), { nil: undefined });
    fc.assert(
      fc.property(anyCheckpoint, validity, validity, fc.array(scan, { maxLength: 20 }), fc.integer({ min: BASE, max: BASE + SPAN }), (c, from, until, scans, now) => {
        const checkpoint: Checkpoint = { ...cp(c.rule, c.mode), ...c };
        const history = replay(checkpoint, scans);
        const t: Ticket = { ...ticket, validFrom: from, validUntil: until };
        expect(decide({ ticket: t, checkpoint, timeZone: TZ, direction: 'exit', history, now }).verdict).toBe('accepted');
      }),
    );
  });

  it('(4) never throws, is deterministic and ignores history order, for any input', () => {
    const junk = fc.oneof(fc.string(), fc.constantFrom('2025-09-10T10:00:00+09:00', '2025-09-10', '', 'nope'));
    const entry = fc.record({
      checkpointId: fc.constantFrom('a', 'b'),
      direction: fc.constantFrom<Direction>('entry', 'exit'),
      verdict: fc.constantFrom<'accepted' | 'rejected'>('accepted', 'rejected'),
      scannedAt: fc.oneof(junk, fc.integer({ min: BASE, max: BASE + SPAN }).map((t) => isoWithOffset(t, TZ))),
    });
    const anyTicket = fc.option(
      fc.record({
        code: fc.string(), name: fc.string(), company: fc.string(),
        category: fc.constantFrom(...CATEGORIES),
        programmes: fc.array(fc.constantFrom('p1', 'p2')),
        validFrom: fc.option(junk, { nil: undefined }), validUntil: fc.option(junk, { nil: undefined }),
        status: fc.constantFrom<Ticket['status']>('valid', 'revoked', 'blocked', 'deleted'),
        note: fc.option(fc.string(), { nil: undefined }), seq: fc.nat(),
      }),
      { nil: undefined },
    );
    const window = fc.record({ open: junk, close: junk });
    const anyCheckpoint = fc.record({
      id: fc.constantFrom('a', 'b'), eventId: fc.string(), name: fc.constant({ ko: 'a', en: 'a' }),
      rule: fc.constantFrom<CheckpointRule>('once', 'once_per_day', 'unlimited'),
      mode: fc.constantFrom<Checkpoint['mode']>('entry', 'entry_exit'),
      categories: fc.option(fc.subarray([...CATEGORIES]), { nil: undefined }),
      programmes: fc.option(fc.array(fc.constantFrom('p1', 'p2', 'p3')), { nil: undefined }),
      hours: fc.option(
        fc.record({ default: fc.option(fc.array(window), { nil: undefined }), days: fc.option(fc.dictionary(junk, fc.array(window)), { nil: undefined }) }),
        { nil: undefined },
      ),
    });
    const now = fc.oneof(fc.integer({ min: BASE - SPAN, max: BASE + 2 * SPAN }), fc.constant(NaN), fc.date({ noInvalidDate: false }));
    fc.assert(
      fc.property(
        anyTicket, anyCheckpoint, fc.constantFrom(TZ, 'UTC', 'America/New_York', 'Not/AZone', ''),
        fc.constantFrom<Direction>('entry', 'exit'), fc.array(entry, { maxLength: 12 }), now,
        fc.constantFrom<'valid' | 'invalid' | undefined>('valid', 'invalid', undefined),
        (t, c, timeZone, direction, history, n, signature) => {
          const input = { ticket: t, checkpoint: c, timeZone, direction, history, now: n, signature };
          const a = decide(input);
          expect(decide(input)).toEqual(a);
          expect(decide({ ...input, history: [...history].reverse() })).toEqual(a);
          expect(['accepted', 'rejected']).toContain(a.verdict);
        },
      ),
    );
  });

  it('(5) entry_exit: within a venue day, accepted entries and exits never show two entries in a row', () => {
    fc.assert(
      fc.property(fc.constantFrom<CheckpointRule>('once', 'once_per_day', 'unlimited'), fc.array(scan, { maxLength: 40 }), (rule, raw) => {
        // One desk's clock: scans come in time order.
        const scans = [...raw].sort((x, y) => x.t - y.t);
        const accepted = replay(cp(rule, 'entry_exit'), scans).filter((e) => e.checkpointId === 'a' && e.verdict === 'accepted');
        for (let i = 1; i < accepted.length; i++) {
          const prev = accepted[i - 1]!;
          const cur = accepted[i]!;
          if (dayKey(prev.scannedAt, TZ) !== dayKey(cur.scannedAt, TZ)) continue;
          expect(prev.direction === 'entry' && cur.direction === 'entry').toBe(false);
        }
        // With `once` not even across days: yesterday's entry still counts.
        if (rule === 'once') expect(accepted.filter((e, i) => e.direction === 'entry' && accepted[i - 1]?.direction === 'entry').length).toBe(0);
      }),
    );
  });

  // Rules from issue 14: caps, day start, no re-entry. `dayStart` is drawn from
  // midnight, 04:00 and none, so a cap is checked on the venue day it runs on.
  const dayStart = fc.constantFrom<string | undefined>(undefined, '00:00', '04:00', '06:30');
  const cap = fc.integer({ min: 1, max: 4 });

  it('(6) caps: at most N admissions in total (once) or per venue day (once_per_day), any order and clocks', () => {
    fc.assert(
      fc.property(fc.constantFrom<CheckpointRule>('once', 'once_per_day'), cap, dayStart, fc.array(scan, { maxLength: 40 }), (rule, n, start, scans) => {
        const checkpoint: Checkpoint = { ...cp(rule, 'entry'), maxAdmissions: n, ...(start ? { dayStart: start } : {}) };
        const entries = acceptedEntriesAtA(replay(checkpoint, scans));
        if (rule === 'once') expect(entries.length).toBeLessThanOrEqual(n);
        const perDay = new Map<string, number>();
        for (const e of entries) perDay.set(venueDayKey(e.scannedAt, TZ, start), (perDay.get(venueDayKey(e.scannedAt, TZ, start)) ?? 0) + 1);
        for (const count of perDay.values()) expect(count).toBeLessThanOrEqual(n);
      }),
    );
  });

  it('(7) a cap is reached: N entries in a row on one venue day are admitted, the next is refused', () => {
    fc.assert(
      fc.property(cap, dayStart, fc.integer({ min: 0, max: 20 * 60 }), (n, start, offsetMin) => {
        const checkpoint: Checkpoint = { ...cp('once_per_day', 'entry'), maxAdmissions: n, ...(start ? { dayStart: start } : {}) };
        // Scans a minute apart from 07:00 local: all on one venue day, whatever the day start.
        const t0 = Date.parse('2025-09-09T07:00:00+09:00') + Math.min(offsetMin, 16 * 60) * 60_000;
        const hist = replay(checkpoint, Array.from({ length: n + 1 }, (_, i) => ({ t: t0 + i * 60_000, direction: 'entry' as const, checkpointId: 'a' })));
        expect(hist.map((e) => e.verdict)).toEqual([...Array<string>(n).fill('accepted'), 'rejected']);
      }),
    );
  });

  it('(8) no re-entry: on a venue day, no accepted entry follows an accepted exit; the inside rule holds', () => {
    fc.assert(
      fc.property(fc.constantFrom<CheckpointRule>('once', 'once_per_day', 'unlimited'), dayStart, fc.array(scan, { maxLength: 40 }), (rule, start, raw) => {
        const scans = [...raw].sort((x, y) => x.t - y.t);
        const checkpoint: Checkpoint = { ...cp(rule, 'entry_exit'), noReentry: true, ...(start ? { dayStart: start } : {}) };
        const accepted = replay(checkpoint, scans).filter((e) => e.checkpointId === 'a' && e.verdict === 'accepted');
        const exitedOn = new Set<string>();
        let prev: HistoryEntry | undefined;
        for (const e of accepted) {
          const day = venueDayKey(e.scannedAt, TZ, start);
          if (e.direction === 'exit') exitedOn.add(day);
          else {
            expect(exitedOn.has(day)).toBe(false);
            if (prev && venueDayKey(prev.scannedAt, TZ, start) === day) expect(prev.direction).toBe('exit');
          }
          prev = e;
        }
      }),
    );
  });

  it('(9) with a day start, a night on one venue day behaves as one day across midnight', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20 * 60, max: 27 * 60 + 59 }), fc.integer({ min: 20 * 60, max: 27 * 60 + 59 }), (a, b) => {
        // Two scans between 20:00 and 03:59 the next morning, in time order.
        const [x, y] = a <= b ? [a, b] : [b, a];
        const base = Date.parse('2025-09-09T00:00:00+09:00');
        const scans = [x, y].map((m) => ({ t: base + m * 60_000, direction: 'entry' as const, checkpointId: 'a' }));
        const night = replay({ ...cp('once_per_day', 'entry'), dayStart: '04:00' }, scans);
        expect(night.map((e) => e.verdict)).toEqual(['accepted', 'rejected']);
      }),
    );
  });
});
