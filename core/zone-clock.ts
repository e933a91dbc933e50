// Fast venue wall clocks for bulk work (tallies, exports of 100k rows): the
// zone's UTC offset is looked up once per quarter hour of UTC time and cached,
// instead of one Intl formatting per row. Exact for every zone whose offsets and
// transitions fall on quarter hours, which is every zone in use since 1972;
// anything else (local mean time, pre-1972 oddities) falls back to Intl.

import { offsetMinutes, wallClock } from './time';

const QUARTER = 15 * 60_000;
const cache = new Map<string, number>();

function quarterOffsetMs(ms: number, timeZone: string): number | undefined {
  const bucket = Math.floor(ms / QUARTER);
  const key = `${timeZone}|${bucket}`;
  let off = cache.get(key);
  if (off === undefined) {
    const start = offsetMinutes(bucket * QUARTER, timeZone);
    const end = offsetMinutes(bucket * QUARTER + QUARTER - 1, timeZone);
    // A transition inside the quarter hour: no single offset to cache.
    off = start === end && start % 15 === 0 ? start * 60_000 : NaN;
    if (cache.size > 50_000) cache.clear();
    cache.set(key, off);
  }
  return Number.isNaN(off) ? undefined : off;
}

/** A Date whose UTC fields are the wall clock of `ms` in `timeZone` (ms precision). */
export function shiftedToZone(ms: number, timeZone: string): Date {
  const off = quarterOffsetMs(ms, timeZone);
  if (off !== undefined) return new Date(ms + off);
  const w = wallClock(ms, timeZone);
  const d = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second, ((ms % 1000) + 1000) % 1000));
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  return d;
}

/** Venue day `YYYY-MM-DD` and hour (0–23) of `ms` in `timeZone`. */
export function dayAndHour(ms: number, timeZone: string): { day: string; hour: number } {
  const d = shiftedToZone(ms, timeZone);
  const y = d.getUTCFullYear();
  const day = `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  return { day, hour: d.getUTCHours() };
}
