// Daily tallies as pure functions: one venue day of check-ins (cut in the
// event's zone) counted per checkpoint, hour, category, programme and device,
// with unique people beside scans, "inside now" at entry/exit doors and
// rejections by reason. Rows are fed in any order and in chunks (an IndexedDB
// cursor on the kiosk, SQL pages on the server), so neither side holds more
// than the sets of codes it counts. Shared by the kiosk and the server.

import { insideNow } from './decide';
import type { CheckIn, CheckpointMode, DayKey, HistoryEntry, RejectReason } from './model';
import { minutesOfHHMM, toEpochMs } from './time';
import { dayAndHour, shiftedToZone } from './zone-clock';

/**
 * One check-in as the tallies read it. `state` is the kiosk's sync state or the
 * server's status; only `conflict` matters here. `category` and `programmes`
 * come from the ticket (absent for unknown codes).
 */
export interface TallyRow {
  code: string;
  checkpointId: string;
  deviceId: string;
  direction: CheckIn['direction'];
  verdict: CheckIn['verdict'];
  reason?: RejectReason | string | null;
  scannedAt: string;
  state?: string | null;
  overridden?: boolean;
  /** Undone by its desk (a void names it): counted only in `voided`, never as a scan, person or entry. */
  voided?: boolean;
  category?: string | null;
  programmes?: readonly string[] | null;
}

/**
 * Counts for one slice of a day (the protocol's `Tally`). `scans`: every scan,
 * rejections and exits included; `accepted`: admitted entries; `exits`: accepted
 * exits; `conflicts`: admitted entries upstream flagged `conflict` (a second
 * offline admission — a scan and an entry, but never a second person);
 * `uniquePeople`: distinct tickets among admitted entries.
 */
export interface Counts {
  scans: number;
  accepted: number;
  rejected: number;
  exits: number;
  conflicts: number;
  uniquePeople: number;
}

export interface DayTallies {
  day: DayKey;
  timeZone: string;
  total: Counts;
  byCheckpoint: (Counts & { checkpointId: string })[];
  /** Only hours with scans, ascending (venue-local 0–23). */
  byHour: (Counts & { hour: number })[];
  byCategory: (Counts & { category: string })[];
  /** A scan counts for each programme of its ticket that its checkpoint admits. */
  byProgramme: (Counts & { programmeId: string })[];
  byDevice: (Counts & { deviceId: string })[];
  byCheckpointHour: (Counts & { checkpointId: string; hour: number })[];
  /** Rejected scans by reason, most frequent first. */
  byReason: { reason: string; count: number }[];
  /**
   * Entry/exit checkpoints: people whose last accepted scan there this venue day
   * is an entry. A checkpoint's venue day runs from its `dayStart` (midnight by
   * default), so its rows may come from the next calendar day too.
   */
  insideNow: { checkpointId: string; inside: number }[];
  /** Admissions staff forced through a rejection. */
  overrides: number;
  /** Check-ins of the day their desk voided (undo); they count nowhere else. */
  voided: number;
}

export interface TallyOptions {
  day: DayKey;
  timeZone: string;
  /** Checkpoint modes and programme lists; unknown checkpoints count as `entry` with no programme filter. */
  checkpoints: readonly { id: string; mode: CheckpointMode; programmes?: readonly string[]; dayStart?: string }[];
  /**
   * "Inside now" at this instant: each entry/exit checkpoint counts the venue day
   * that contains it (at 01:00 with a 04:00 day start, the day before). Absent:
   * the venue day `day` (a past day's "not out"). Its rows may lie on other
   * calendar days than `day` (doorDays() says which): feed them too; they count
   * only there.
   */
  insideAt?: number;
  /** Count only this device's scans ("this kiosk alone"). */
  deviceId?: string;
}

class Slice {
  scans = 0;
  accepted = 0;
  rejected = 0;
  exits = 0;
  conflicts = 0;
  readonly people = new Set<string>();

  add(row: TallyRow): void {
    this.scans++;
    if (row.verdict === 'rejected') this.rejected++;
    else if (row.direction === 'exit') this.exits++;
    else {
      this.accepted++;
      this.people.add(row.code);
      if (row.state === 'conflict') this.conflicts++;
    }
  }

  counts(): Counts {
    const { scans, accepted, rejected, exits, conflicts } = this;
    return { scans, accepted, rejected, exits, conflicts, uniquePeople: this.people.size };
  }
}

function slice(map: Map<string, Slice>, key: string): Slice {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Slice()));
  return s;
}

/** A slice map as a list sorted by key (hours are zero-padded, so they sort as numbers). */
function listed<T extends object>(map: Map<string, Slice>, label: (key: string) => T): (Counts & T)[] {
  return [...map]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, s]) => ({ ...label(k), ...s.counts() }));
}

/** Accumulates one day's tallies from rows fed in any order and any number of chunks. */
export class DayTally {
  private readonly total = new Slice();
  private readonly checkpoint = new Map<string, Slice>();
  private readonly hour = new Map<string, Slice>();
  private readonly category = new Map<string, Slice>();
  private readonly programme = new Map<string, Slice>();
  private readonly device = new Map<string, Slice>();
  private readonly checkpointHour = new Map<string, Slice>();
  private readonly reasons = new Map<string, number>();
  /** Accepted scans at entry/exit checkpoints, per checkpoint and code. */
  private readonly doors = new Map<string, Map<string, HistoryEntry[]>>();
  private readonly modes = new Map<string, CheckpointMode>();
  /** Entry/exit checkpoints: the venue day "inside now" counts, and its start in minutes (0 = midnight). */
  private readonly doorDay = new Map<string, { day: DayKey; start: number }>();
  private readonly admitted = new Map<string, ReadonlySet<string>>();
  private overrides = 0;
  private voided = 0;
  /** Rows outside the day (or with an unreadable time) that were left out. */
  skipped = 0;

  constructor(private readonly opts: TallyOptions) {
    for (const cp of opts.checkpoints) {
      this.modes.set(cp.id, cp.mode);
      if (cp.mode === 'entry_exit') this.doorDay.set(cp.id, doorDayOf(cp.dayStart, opts));
      if (cp.programmes && cp.programmes.length > 0) this.admitted.set(cp.id, new Set(cp.programmes));
    }
  }

  add(row: TallyRow): void {
    if (this.opts.deviceId !== undefined && row.deviceId !== this.opts.deviceId) return;
    const ms = toEpochMs(row.scannedAt);
    if (Number.isNaN(ms)) {
      this.skipped++;
      return;
    }
    const local = dayAndHour(ms, this.opts.timeZone);
    if (!row.voided && row.verdict === 'accepted') this.addToDoor(row, ms, local.day);
    if (local.day !== this.opts.day) {
      this.skipped++;
      return;
    }
    // A voided check-in never happened as far as any count goes, "inside now" included.
    if (row.voided) {
      this.voided++;
      return;
    }
    const hour = String(local.hour).padStart(2, '0');
    this.total.add(row);
    slice(this.checkpoint, row.checkpointId).add(row);
    slice(this.hour, hour).add(row);
    slice(this.category, row.category ?? 'unknown').add(row);
    slice(this.device, row.deviceId).add(row);
    slice(this.checkpointHour, `${row.checkpointId}\u0000${hour}`).add(row);
    const only = this.admitted.get(row.checkpointId);
    for (const p of new Set(row.programmes ?? [])) if (!only || only.has(p)) slice(this.programme, p).add(row);

    if (row.verdict === 'rejected') {
      const reason = row.reason ?? 'unknown';
      this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    } else {
      if (row.overridden) this.overrides++;
    }
  }

  /** An accepted scan at an entry/exit door joins its code's history when it falls in the door's venue day. */
  private addToDoor(row: TallyRow, ms: number, calendarDay: DayKey): void {
    const door = this.doorDay.get(row.checkpointId);
    if (!door) return;
    const day = door.start === 0 ? calendarDay : venueDayOf(ms, this.opts.timeZone, door.start);
    if (day !== door.day) return;
    let codes = this.doors.get(row.checkpointId);
    if (!codes) this.doors.set(row.checkpointId, (codes = new Map()));
    const history = codes.get(row.code) ?? [];
    history.push({ checkpointId: row.checkpointId, direction: row.direction, verdict: 'accepted', scannedAt: row.scannedAt });
    codes.set(row.code, history);
  }

  /**
   * Calendar days whose rows "inside now" needs besides `day` (entry/exit doors
   * with a day start: their venue day spans two calendar days). Callers that
   * read rows by calendar day feed these too.
   */
  doorDays(): DayKey[] {
    const out = new Set<DayKey>();
    for (const { day, start } of this.doorDay.values()) {
      if (start === 0) {
        out.add(day);
        continue;
      }
      out.add(day);
      out.add(nextDay(day));
    }
    out.delete(this.opts.day);
    return [...out].sort();
  }

  addAll(rows: Iterable<TallyRow>): this {
    for (const r of rows) this.add(r);
    return this;
  }

  result(): DayTallies {
    const insideNowList: { checkpointId: string; inside: number }[] = [];
    for (const [id, mode] of [...this.modes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (mode !== 'entry_exit') continue;
      let inside = 0;
      // Each code's own history, read with the same rule decide() uses for anti-passback.
      for (const history of this.doors.get(id)?.values() ?? []) if (insideNow(history, id)) inside++;
      insideNowList.push({ checkpointId: id, inside });
    }
    return {
      day: this.opts.day,
      timeZone: this.opts.timeZone,
      total: this.total.counts(),
      byCheckpoint: listed(this.checkpoint, (checkpointId) => ({ checkpointId })),
      byHour: listed(this.hour, (h) => ({ hour: Number(h) })),
      byCategory: listed(this.category, (category) => ({ category })),
      byProgramme: listed(this.programme, (programmeId) => ({ programmeId })),
      byDevice: listed(this.device, (deviceId) => ({ deviceId })),
      byCheckpointHour: listed(this.checkpointHour, (k) => {
        const [checkpointId = '', hour = '0'] = k.split('\u0000');
        return { checkpointId, hour: Number(hour) };
      }),
      byReason: [...this.reasons]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([reason, count]) => ({ reason, count })),
      insideNow: insideNowList,
      overrides: this.overrides,
      voided: this.voided,
    };
  }
}

/** A day start as minutes after midnight: 0 when absent, midnight or malformed (as core/time's venueDayKey). */
function startMinutes(dayStart: string | undefined): number {
  const m = dayStart === undefined ? NaN : minutesOfHHMM(dayStart);
  return Number.isFinite(m) && m > 0 && m < 24 * 60 ? m : 0;
}

function nextDay(day: DayKey): DayKey {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** venueDayKey() through the cached zone clock (tallies read 100k rows): the calendar day of the wall clock `start` minutes earlier. */
function venueDayOf(ms: number, timeZone: string, start: number): DayKey {
  return new Date(shiftedToZone(ms, timeZone).getTime() - start * 60_000).toISOString().slice(0, 10);
}

/** Which venue day a door's "inside now" counts (TallyOptions.insideAt). */
function doorDayOf(dayStart: string | undefined, opts: TallyOptions): { day: DayKey; start: number } {
  const start = startMinutes(dayStart);
  if (opts.insideAt === undefined || !Number.isFinite(opts.insideAt)) return { day: opts.day, start };
  return { day: start === 0 ? dayAndHour(opts.insideAt, opts.timeZone).day : venueDayOf(opts.insideAt, opts.timeZone, start), start };
}

/** The tallies of `opts.day` from every row given (rows of other days are left out). */
export function tallyDay(rows: Iterable<TallyRow>, opts: TallyOptions): DayTallies {
  return new DayTally(opts).addAll(rows).result();
}

/** All 24 hours, zeros included: what an hourly chart plots. */
export function hourlySeries(t: Pick<DayTallies, 'byHour'>): { hours: number[]; scans: number[]; accepted: number[]; rejected: number[] } {
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const at = new Map(t.byHour.map((h) => [h.hour, h]));
  return {
    hours,
    scans: hours.map((h) => at.get(h)?.scans ?? 0),
    accepted: hours.map((h) => at.get(h)?.accepted ?? 0),
    rejected: hours.map((h) => at.get(h)?.rejected ?? 0),
  };
}
