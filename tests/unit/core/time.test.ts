// Venue-local time: day keys, wall clock, ISO with offset, local → instant.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayKey, hourOf, instantFromLocal, isoWithOffset, localTime, minutesOfHHMM, offsetMinutes } from '../../../core/time';
import { newCheckInId } from '../../../core/ids';

const SEOUL = 'Asia/Seoul';

describe('dayKey', () => {
  it.each([
    ['2025-09-10T23:59:59.999+09:00', '2025-09-10'],
    ['2025-09-11T00:00:00.000+09:00', '2025-09-11'],
    // 15:00Z on the 10th is already midnight of the 11th in Seoul.
    ['2025-09-10T15:00:00.000Z', '2025-09-11'],
    ['2025-09-10T14:59:59.999Z', '2025-09-10'],
    // Same UTC day, two Seoul days.
    ['2025-09-10T00:30:00Z', '2025-09-10'],
    ['2025-09-10T20:30:00Z', '2025-09-11'],
  ])('%s → %s in Seoul', (instant, day) => {
    expect(dayKey(instant, SEOUL)).toBe(day);
    expect(dayKey(new Date(instant), SEOUL)).toBe(day);
    expect(dayKey(Date.parse(instant), SEOUL)).toBe(day);
  });

  it('cuts in the zone asked for, not the device zone', () => {
    expect(dayKey('2025-09-10T02:00:00Z', 'America/Los_Angeles')).toBe('2025-09-09');
    expect(dayKey('2025-09-10T02:00:00Z', 'UTC')).toBe('2025-09-10');
  });

  it('throws on an unreadable instant or zone', () => {
    expect(() => dayKey('nope', SEOUL)).toThrow(RangeError);
    expect(() => dayKey(NaN, SEOUL)).toThrow(RangeError);
    expect(() => dayKey(0, 'Not/AZone')).toThrow(RangeError);
  });
});

describe('localTime and hourOf', () => {
  it('reads the venue wall clock, midnight as 00', () => {
    expect(localTime('2025-09-10T15:00:00Z', SEOUL)).toBe('00:00');
    expect(localTime('2025-09-10T00:01:59Z', SEOUL)).toBe('09:01');
    expect(hourOf('2025-09-10T15:00:00Z', SEOUL)).toBe(0);
    expect(hourOf('2025-09-10T14:59:59Z', SEOUL)).toBe(23);
  });
});

describe('isoWithOffset', () => {
  it.each([
    ['2025-09-10T00:01:02.345Z', SEOUL, '2025-09-10T09:01:02.345+09:00'],
    ['2025-09-10T00:00:00Z', 'UTC', '2025-09-10T00:00:00.000+00:00'],
    ['2025-01-15T12:00:00Z', 'America/New_York', '2025-01-15T07:00:00.000-05:00'],
    ['2025-07-15T12:00:00Z', 'America/New_York', '2025-07-15T08:00:00.000-04:00'],
    ['2025-03-30T00:59:59.999Z', 'Europe/Berlin', '2025-03-30T01:59:59.999+01:00'],
    ['2025-03-30T01:00:00Z', 'Europe/Berlin', '2025-03-30T03:00:00.000+02:00'],
    ['2025-09-10T00:00:00Z', 'Asia/Kolkata', '2025-09-10T05:30:00.000+05:30'],
    ['2025-09-10T00:00:00Z', 'Asia/Kathmandu', '2025-09-10T05:45:00.000+05:45'],
    ['2025-09-10T00:00:00Z', 'America/St_Johns', '2025-09-09T21:30:00.000-02:30'],
  ])('%s in %s', (instant, tz, iso) => {
    expect(isoWithOffset(instant, tz)).toBe(iso);
  });

  it('always names the same instant, in any zone (DST included)', () => {
    const zones = [SEOUL, 'UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...zones), (ms, tz) => {
        const iso = isoWithOffset(ms, tz);
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
        expect(Date.parse(iso)).toBe(ms);
        expect(iso.slice(0, 10)).toBe(dayKey(ms, tz));
        expect(iso.slice(11, 16)).toBe(localTime(ms, tz));
      }),
    );
  });

  it('reports the offset in minutes', () => {
    expect(offsetMinutes('2025-09-10T00:00:00Z', SEOUL)).toBe(540);
    expect(offsetMinutes('2025-01-10T00:00:00Z', 'America/New_York')).toBe(-300);
  });
});

describe('instantFromLocal', () => {
  const at = (tz: string, y: number, mo: number, d: number, h: number, mi: number) =>
    isoWithOffset(instantFromLocal({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0 }, tz), tz);

  it('reads plain local times', () => {
    expect(at(SEOUL, 2025, 9, 10, 0, 0)).toBe('2025-09-10T00:00:00.000+09:00');
    expect(at('America/New_York', 2025, 7, 1, 9, 0)).toBe('2025-07-01T09:00:00.000-04:00');
  });
  it('takes the earlier instant in an overlap', () => {
    expect(at('America/New_York', 2025, 11, 2, 1, 30)).toBe('2025-11-02T01:30:00.000-04:00');
    expect(at('Europe/Berlin', 2025, 10, 26, 2, 30)).toBe('2025-10-26T02:30:00.000+02:00');
  });
  it('lands past a gap', () => {
    expect(at('America/New_York', 2025, 3, 9, 2, 30)).toBe('2025-03-09T03:30:00.000-04:00');
    expect(at('Europe/Berlin', 2025, 3, 30, 2, 30)).toBe('2025-03-30T03:30:00.000+02:00');
  });
});

describe('minutesOfHHMM', () => {
  it.each([
    ['00:00', 0], ['09:30', 570], ['23:59', 1439], ['24:00', 1440],
    ['24:01', NaN], ['9:30', NaN], ['12:60', NaN], ['', NaN], ['ab:cd', NaN],
  ])('%s → %s', (s, m) => {
    expect(minutesOfHHMM(s)).toBe(m);
  });
});

describe('newCheckInId', () => {
  it('makes time-ordered UUIDv7s', () => {
    const a = newCheckInId(Date.UTC(2025, 8, 10));
    const b = newCheckInId(Date.UTC(2025, 8, 10, 0, 0, 1));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(newCheckInId()).not.toBe(newCheckInId());
  });
});
