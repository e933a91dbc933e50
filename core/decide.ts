// The check-in rules (DESIGN.md "Deciding"): one pure function from a ticket,
// a checkpoint, the ticket's history and the time to a verdict, plus the two
// readings of history that other modules share with it (who is inside, which
// accepted entries are admissions). No I/O, no clock: `now` is an argument, so
// every kiosk and the server reach the same verdict from the same facts.

import type {
  Checkpoint,
  DayKey,
  Direction,
  HistoryEntry,
  CheckpointMode,
  OpeningWindow,
  RejectReason,
  Ticket,
  Verdict,
} from './model';
import { minutesOfHHMM, toEpochMs, venueDayKey, wallClock, type Instant, type WallClock } from './time';

export interface DecideInput {
  ticket: Ticket | undefined;
  checkpoint: Checkpoint;
  /** The event's IANA zone: days and opening hours are cut here. */
  timeZone: string;
  direction: Direction;
  /** Every known check-in of THIS ticket code, any checkpoint, any device, any order. */
  history: readonly HistoryEntry[];
  now: Date | number;
  /** For signed codes, verified by the caller. */
  signature?: 'valid' | 'invalid';
}

/** A history entry placed in time. `t` is -Infinity when `scannedAt` cannot be read. */
interface Placed {
  entry: HistoryEntry;
  t: number;
}

// History arrives from many devices in any order. Sort by instant; at the same
// instant an exit sorts before an entry, so a tie leaves the person "inside"
// (the cautious reading for anti-passback). Unreadable times sort first so they
// never decide the latest state; they still count for `once`.
function byTime(a: Placed, b: Placed): number {
  if (a.t !== b.t) return a.t < b.t ? -1 : 1;
  if (a.entry.direction === b.entry.direction) return 0;
  return a.entry.direction === 'exit' ? -1 : 1;
}

function place(entry: HistoryEntry): Placed {
  const t = toEpochMs(entry.scannedAt);
  return { entry, t: Number.isNaN(t) ? -Infinity : t };
}

/** Accepted events at one checkpoint, oldest first. */
function acceptedAt(history: readonly HistoryEntry[], checkpointId: string): Placed[] {
  const out: Placed[] = [];
  for (const e of history) {
    if (e.verdict === 'accepted' && e.checkpointId === checkpointId) out.push(place(e));
  }
  return out.sort(byTime);
}

/** Venue day of a placed entry (days start at `dayStart`), or undefined when its time cannot be read. */
function dayOf(p: Placed, timeZone: string, dayStart?: string): DayKey | undefined {
  if (!Number.isFinite(p.t)) return undefined;
  try {
    return venueDayKey(p.t, timeZone, dayStart);
  } catch {
    return undefined;
  }
}

/**
 * Whether the ticket's holder is inside at an entry/exit checkpoint: their
 * latest accepted event there is an entry. With `at`, an entry from an earlier
 * venue day does not count: people who left by an unscanned door yesterday are
 * not "inside" this morning, and the live count starts from zero each day.
 */
export function insideNow(
  history: readonly HistoryEntry[],
  checkpointId: string,
  at?: { now: Instant; timeZone: string; dayStart?: string },
): boolean {
  const last = acceptedAt(history, checkpointId).at(-1);
  if (!last || last.entry.direction !== 'entry') return false;
  if (!at) return true;
  const nowMs = toEpochMs(at.now);
  if (Number.isNaN(nowMs)) return true;
  try {
    return dayOf(last, at.timeZone, at.dayStart) === venueDayKey(nowMs, at.timeZone, at.dayStart);
  } catch {
    return true;
  }
}

/**
 * Whether an accepted entry counts as an admission in the tallies. At an
 * `entry` checkpoint every accepted entry does. At an `entry_exit` checkpoint
 * coming back after scanning out the same venue day is a re-entry, not a new
 * admission; the first entry of a new day is one. `history` is the same
 * ticket's history (it may include `entry` itself).
 */
export function isAdmission(
  entry: HistoryEntry,
  history: readonly HistoryEntry[],
  opts: { mode: CheckpointMode; timeZone: string; dayStart?: string },
): boolean {
  if (entry.verdict !== 'accepted' || entry.direction !== 'entry') return false;
  if (opts.mode !== 'entry_exit') return true;
  const self = place(entry);
  let previous: Placed | undefined;
  for (const p of acceptedAt(history, entry.checkpointId)) {
    if (p.entry === entry || byTime(p, self) >= 0) break;
    previous = p;
  }
  if (!previous || previous.entry.direction !== 'exit') return true;
  const day = dayOf(self, opts.timeZone, opts.dayStart);
  return day === undefined || dayOf(previous, opts.timeZone, opts.dayStart) !== day;
}

function nonEmpty(s: string | undefined): string | undefined {
  const t = typeof s === 'string' ? s.trim() : '';
  return t.length > 0 ? t : undefined;
}

/** Category and programme restrictions; absent or empty lists admit everyone. */
function admits(checkpoint: Checkpoint, ticket: Ticket): boolean {
  const cats = checkpoint.categories;
  if (cats && cats.length > 0 && !cats.includes(ticket.category)) return false;
  const progs = checkpoint.programmes;
  if (progs && progs.length > 0 && !ticket.programmes.some((p) => progs.includes(p))) return false;
  return true;
}

/**
 * Opening hours on a venue day. A listed day's windows override `default`; a
 * day listed with [] is closed. With no hours, or no entry for the day and no
 * default, the door is open. Windows are local [open, close) and do not cross
 * midnight (write 22:00–24:00 and 00:00–02:00 on the next day); a malformed or
 * inverted window matches nothing, so a typo closes rather than opens a door.
 */
function isOpen(hours: Checkpoint['hours'], day: DayKey, local: WallClock): boolean {
  if (!hours) return true;
  const listed = hours.days && Object.hasOwn(hours.days, day) ? hours.days[day] : undefined;
  const windows: OpeningWindow[] | undefined = listed ?? hours.default;
  if (!windows) return true;
  const minute = local.hour * 60 + local.minute;
  return windows.some((w) => minutesOfHHMM(w.open) <= minute && minute < minutesOfHHMM(w.close));
}

/** The entry cap: a whole number ≥ 1; anything else reads as 1 (the strictest). */
function capOf(checkpoint: Checkpoint): number {
  const n = checkpoint.maxAdmissions;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : 1;
}

/**
 * Admissions so far (`mine`: accepted events at the checkpoint, oldest first):
 * at entry-only doors every accepted entry; at entry/exit doors every entry
 * but a re-entry, i.e. one right after an exit on a venue day that already
 * had an admission. Stricter than isAdmission() for an exit with no entry
 * before it, so a cap can only err on the side of refusing.
 */
function admissionsOf(mine: readonly Placed[], checkpoint: Checkpoint, timeZone: string): Placed[] {
  const entries = mine.filter((p) => p.entry.direction === 'entry');
  if (checkpoint.mode !== 'entry_exit') return entries;
  const out: Placed[] = [];
  let prev: Placed | undefined;
  let admittedOn: DayKey | undefined;
  for (const p of mine) {
    if (p.entry.direction === 'entry') {
      const day = dayOf(p, timeZone, checkpoint.dayStart);
      const reentry =
        prev?.entry.direction === 'exit' && day !== undefined && admittedOn === day && dayOf(prev, timeZone, checkpoint.dayStart) === day;
      if (!reentry) {
        out.push(p);
        admittedOn = day;
      }
    }
    prev = p;
  }
  return out;
}

function alreadyCheckedIn(input: DecideInput, today: DayKey): boolean {
  const { checkpoint, timeZone } = input;
  const { dayStart } = checkpoint;
  const mine = acceptedAt(input.history, checkpoint.id);
  if (checkpoint.mode === 'entry_exit') {
    const last = mine.at(-1);
    // Anti-passback: still inside this venue day, whatever the rule.
    if (last?.entry.direction === 'entry' && dayOf(last, timeZone, dayStart) === today) return true;
    if (last?.entry.direction === 'exit') {
      // Scanned out: coming back is a re-entry, not a new admission, unless the
      // checkpoint forbids it. A cap needs the rule to count admissions, so an
      // exit from an earlier venue day then leads to the rule like any entry.
      const sameDay = dayOf(last, timeZone, dayStart) === today;
      if (sameDay) return checkpoint.noReentry === true;
      if (checkpoint.noReentry !== true && checkpoint.maxAdmissions === undefined) return false;
    }
  }
  if (checkpoint.rule === 'unlimited') return false;
  const admissions = admissionsOf(mine, checkpoint, timeZone);
  const cap = capOf(checkpoint);
  if (checkpoint.rule === 'once_per_day') {
    return admissions.filter((p) => dayOf(p, timeZone, dayStart) === today).length >= cap;
  }
  // 'once' and unknown rules (read as the strictest): admissions ever, whatever
  // their time: another device's clock may run ahead of ours.
  return admissions.length >= cap;
}

/**
 * Decide one scan. Checks run in a fixed order and the first failure is the
 * reason: signature, unknown (or deleted) ticket, revoked, blocked; then exits
 * are accepted; then, for entries only, checkpoint restrictions, validity
 * period ([validFrom, validUntil)), opening hours, and the checkpoint rule.
 *
 * Revoked and blocked tickets are refused at exits too: the desk must see the
 * red screen and fetch the holder, and the refused exit is still recorded.
 * Exits skip everything after that: nobody is kept in because a door closed,
 * a ticket expired or they never scanned in.
 *
 * `attention` carries the ticket's note on every verdict for a known ticket.
 * Never throws: an unreadable `now`, zone or validity bound fails closed.
 */
export function decide(input: DecideInput): Verdict {
  const { ticket, checkpoint, timeZone, direction, now, signature } = input;
  const attention = ticket && ticket.status !== 'deleted' ? nonEmpty(ticket.note) : undefined;
  const reject = (reason: RejectReason): Verdict =>
    attention === undefined ? { verdict: 'rejected', reason } : { verdict: 'rejected', reason, attention };
  const accepted: Verdict = attention === undefined ? { verdict: 'accepted' } : { verdict: 'accepted', attention };

  if (signature === 'invalid') return reject('invalid_signature');
  if (!ticket || ticket.status === 'deleted') return reject('unknown_ticket');
  if (ticket.status === 'revoked') return reject('revoked');
  if (ticket.status === 'blocked') return reject('blocked');
  // A status this build does not know is not a licence to enter.
  if (ticket.status !== 'valid') return reject('unknown_ticket');

  if (direction === 'exit') return accepted;

  if (!admits(checkpoint, ticket)) return reject('wrong_checkpoint');

  const nowMs = toEpochMs(now);
  let local: WallClock;
  try {
    local = wallClock(nowMs, timeZone);
  } catch {
    // No readable clock or zone: we cannot tell whether the door is open.
    return reject('closed_now');
  }

  if (ticket.validFrom !== undefined) {
    const from = Date.parse(ticket.validFrom);
    if (Number.isNaN(from) || nowMs < from) return reject('not_yet_valid');
  }
  if (ticket.validUntil !== undefined) {
    const until = Date.parse(ticket.validUntil);
    if (Number.isNaN(until) || nowMs >= until) return reject('expired');
  }

  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const calendarDay: DayKey = `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;
  if (!isOpen(checkpoint.hours, calendarDay, local)) return reject('closed_now');

  // The rules' day runs from the checkpoint's day start (midnight by default).
  if (alreadyCheckedIn(input, venueDayKey(nowMs, timeZone, checkpoint.dayStart))) return reject('already_checked_in');
  return accepted;
}
