// The cached quarter-hour offsets of core/zone-clock.ts agree with Intl
// (core/time.ts) everywhere, DST transitions and :30/:45 zones included.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayKey, wallClock } from '../../../core/time';
import { dayAndHour, shiftedToZone } from '../../../core/zone-clock';

const ZONES = ['Asia/Seoul', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'UTC'];

describe('zone clock', () => {
  it('matches Intl for any instant 1990–2040 in zones with DST and odd offsets', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...ZONES), (ms, tz) => {
        const w = wallClock(ms, tz);
        const d = shiftedToZone(ms, tz);
        expect([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]).toEqual([w.year, w.month, w.day, w.hour, w.minute, w.second]);
        expect(d.getUTCMilliseconds()).toBe(ms % 1000);
        expect(dayAndHour(ms, tz)).toEqual({ day: dayKey(ms, tz), hour: w.hour });
      }),
      { numRuns: 3000 },
    );
  });

  it('is exact on both sides of a transition', () => {
    // New York, 2025-03-09 02:00 EST → 03:00 EDT (07:00Z).
    const t = Date.UTC(2025, 2, 9, 7, 0, 0);
    expect(shiftedToZone(t - 1, 'America/New_York').toISOString()).toBe('2025-03-09T01:59:59.999Z');
    expect(shiftedToZone(t, 'America/New_York').toISOString()).toBe('2025-03-09T03:00:00.000Z');
    expect(dayAndHour(Date.parse('2025-09-10T15:00:00Z'), 'Asia/Seoul')).toEqual({ day: '2025-09-11', hour: 0 });
  });
});
