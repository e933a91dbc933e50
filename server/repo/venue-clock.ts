// Venue-local day and hour of stored check-ins, as core/time's dayKey and
// hourOf cut them, but cheap enough for bulk ingest: Intl formatToParts costs
// microseconds per call and every stored row needs both. A zone's UTC offset
// is remembered per UTC hour; when it is the same at both ends of that hour
// (no transition inside), any instant in it is cut with plain arithmetic.
// Hours holding a transition, and instants outside 1900–9000 (era and
// proleptic-calendar corners), go to core/time every time.

import type { DayKey } from '../../core/model';
import { dayKey, hourOf, wallClock } from '../../core/time';

const HOUR = 3_600_000;
const FAST_FROM = Date.UTC(1900, 0, 1);
const FAST_UNTIL = Date.UTC(9000, 0, 1);
/** Enough for years of hours in a few zones; cleared whole when full (scan times are arbitrary input). */
const MAX_ENTRIES = 50_000;

/** Zone offset at `ms` in ms (east positive), whole seconds as Intl reports the wall clock. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const wholeSecond = ms - (((ms % 1000) + 1000) % 1000);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - wholeSecond;
}

/** zone → UTC hour number → offset, or null when the offset changes inside that hour. */
const offsets = new Map<string, Map<number, number | null>>();
let entries = 0;

function steadyOffset(ms: number, timeZone: string): number | null {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const h = Math.floor(ms / HOUR);
  let off = zone.get(h);
  if (off === undefined) {
    const start = offsetAt(h * HOUR, timeZone);
    off = start === offsetAt(h * HOUR + HOUR - 1, timeZone) ? start : null;
    if (entries >= MAX_ENTRIES) {
      offsets.clear();
      offsets.set(timeZone, (zone = new Map()));
      entries = 0;
    }
    zone.set(h, off);
    entries++;
  }
  return off;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Venue-local `YYYY-MM-DD` and hour (0–23) of `ms`; equal to core/time dayKey and hourOf. */
export function venueDayHour(ms: number, timeZone: string): { day: DayKey; hour: number } {
  const off = ms >= FAST_FROM && ms < FAST_UNTIL ? steadyOffset(ms, timeZone) : null;
  if (off === null) return { day: dayKey(ms, timeZone), hour: hourOf(ms, timeZone) };
  const d = new Date(ms + off);
  return {
    day: `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`,
    hour: d.getUTCHours(),
  };
}
