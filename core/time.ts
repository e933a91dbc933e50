// Venue-local time: cutting instants into venue days, wall-clock times and
// ISO strings with the venue's offset. Every day boundary and opening hour in
// Turnout is cut here, in the event's IANA zone, never in the device's zone.
// Only Intl is used (no tz database of our own), so it runs in page and Node.

import type { DayKey } from './model';

export type Instant = Date | number | string;

/** Wall-clock fields of an instant in a zone (month 1–12, hour 0–23). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Building an Intl.DateTimeFormat costs far more than using one, and dayKey
// runs for every history entry on every scan: keep one formatter per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23', // never "24" at midnight
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Epoch milliseconds of an instant, or NaN when it cannot be read. */
export function toEpochMs(instant: Instant): number {
  if (instant instanceof Date) return instant.getTime();
  if (typeof instant === 'number') return Number.isFinite(instant) ? instant : NaN;
  if (typeof instant === 'string') return Date.parse(instant);
  return NaN;
}

function requireMs(instant: Instant): number {
  const ms = toEpochMs(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return ms;
}

function wallClockMs(ms: number, timeZone: string): WallClock {
  const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatterFor(timeZone).formatToParts(ms)) {
    switch (p.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        out[p.type] = Number(p.value);
        break;
      default:
        break;
    }
  }
  return out;
}

/** Wall-clock fields of `instant` in `timeZone`. Throws RangeError on a bad instant or zone. */
export function wallClock(instant: Instant, timeZone: string): WallClock {
  return wallClockMs(requireMs(instant), timeZone);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** Venue-local calendar day `YYYY-MM-DD` of `instant`. */
export function dayKey(instant: Instant, timeZone: string): DayKey {
  const w = wallClock(instant, timeZone);
  return `${pad4(w.year)}-${pad2(w.month)}-${pad2(w.day)}`;
}

/** Venue-local wall-clock time `HH:MM` of `instant`. */
export function localTime(instant: Instant, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** Venue-local hour (0–23) of `instant`, for hourly tallies. */
export function hourOf(instant: Instant, timeZone: string): number {
  return wallClock(instant, timeZone).hour;
}

function utcOfWall(w: WallClock): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const d = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second));
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  return d.getTime();
}

/** Offset of `timeZone` from UTC at `ms`, in milliseconds (east positive). */
function offsetMsAt(ms: number, timeZone: string): number {
  const wholeSecond = ms - (((ms % 1000) + 1000) % 1000);
  return utcOfWall(wallClockMs(ms, timeZone)) - wholeSecond;
}

/** UTC offset of `timeZone` at `instant`, in whole minutes (east positive). */
export function offsetMinutes(instant: Instant, timeZone: string): number {
  return Math.round(offsetMsAt(requireMs(instant), timeZone) / 60_000);
}

/**
 * ISO 8601 with the zone's offset at that instant, e.g. `2025-09-10T09:01:02.345+09:00`.
 * The offset is rounded to whole minutes (only pre-1900 local mean times have
 * seconds) and the wall clock is derived from that same offset, so the string
 * always names exactly `instant`.
 */
export function isoWithOffset(instant: Instant, timeZone: string): string {
  const ms = requireMs(instant);
  const off = Math.round(offsetMsAt(ms, timeZone) / 60_000);
  const d = new Date(ms + off * 60_000);
  const abs = Math.abs(off);
  const sign = off < 0 ? '-' : '+';
  return (
    `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}` +
    `T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}` +
    `.${String(d.getUTCMilliseconds()).padStart(3, '0')}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  );
}

/**
 * The instant at which the wall clock in `timeZone` reads the given local time
 * (month 1–12). In an overlap (clocks turned back) it is the earlier instant;
 * in a gap (clocks turned forward) the pre-gap offset is used, landing as far
 * past the gap as the time was into it. Used to read zone-less roster dates.
 */
export function instantFromLocal(local: WallClock & { ms?: number }, timeZone: string): number {
  const guess = utcOfWall(local) + (local.ms ?? 0);
  // Offsets a day either side: real zones change at most once in that span.
  const before = offsetMsAt(guess - 86_400_000, timeZone);
  const after = offsetMsAt(guess + 86_400_000, timeZone);
  if (before === after) return guess - before;
  const earlierFirst = before > after ? [before, after] : [after, before];
  for (const off of earlierFirst) {
    const t = guess - off;
    if (offsetMsAt(t, timeZone) === off) return t;
  }
  return guess - before;
}

/** `HH:MM` (00:00–24:00) as minutes since local midnight, or NaN when malformed. */
export function minutesOfHHMM(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return NaN;
  return h * 60 + min;
}

/**
 * The venue day of `instant` when days start at `dayStart` (`HH:MM`, e.g.
 * `04:00`) instead of midnight: a scan at 01:30 belongs to the day before, so
 * a night event keeps one day for its rules. Absent, `00:00` or malformed:
 * the calendar day (a typo never moves a day). Throws like dayKey().
 */
export function venueDayKey(instant: Instant, timeZone: string, dayStart?: string): DayKey {
  const w = wallClock(instant, timeZone);
  const start = dayStart === undefined ? NaN : minutesOfHHMM(dayStart);
  if (Number.isFinite(start) && start > 0 && start < 24 * 60 && w.hour * 60 + w.minute < start) {
    const prev = new Date(Date.UTC(w.year, w.month - 1, w.day - 1));
    return `${pad4(prev.getUTCFullYear())}-${pad2(prev.getUTCMonth() + 1)}-${pad2(prev.getUTCDate())}`;
  }
  return `${pad4(w.year)}-${pad2(w.month)}-${pad2(w.day)}`;
}
