// One venue day of check-ins, read through the `[day+id]` index in chunks, each
// resuming after the last id read (its own short read transaction, so a scan
// never waits behind a staff report), joined with the tickets they name. Feeds the daily tallies
// (core/tally.ts) — this kiosk alone and every desk as far as synced, since
// pulled check-ins of other devices live in the same table — and the exports.
import Dexie from 'dexie';
import type { CheckIn, CheckInVoid, Checkpoint, Ticket } from '../../core/model';
import { DayTally, type DayTallies, type TallyRow } from '../../core/tally';
import type { TurnoutDb } from './db';
import { eachTicket, getTickets } from './roster-store';

export const DAY_CHUNK = 2000;

/** What exports and tallies need of a ticket. */
export interface TicketFacts {
  name: string;
  company: string;
  category: string;
  programmes: string[];
}

export interface DayChunk {
  checkins: CheckIn[];
  tickets: Map<string, TicketFacts>;
  /** The voids (undo) of this chunk's check-ins, by check-in id. */
  voids: Map<string, CheckInVoid>;
}

const dayRange = (db: TurnoutDb, day: string) =>
  db.checkins.where('[day+id]').between([day, Dexie.minKey], [day, Dexie.maxKey], true, true);

/** The day's check-ins after id `after` (all from the start when undefined), `limit` of them in id order. */
const dayPage = (db: TurnoutDb, day: string, after: string | undefined, limit: number) =>
  db.checkins
    .where('[day+id]')
    .between([day, after ?? Dexie.minKey], [day, Dexie.maxKey], after === undefined, true)
    .limit(limit)
    .toArray();

/** How many check-ins (every device's) this kiosk holds for `day`. */
export function countDay(db: TurnoutDb, day: string): Promise<number> {
  return dayRange(db, day).count();
}

const factsOf = (t: Ticket): TicketFacts => ({ name: t.name, company: t.company, category: t.category, programmes: t.programmes });

/**
 * Above this many check-ins a day's tickets are found by one sweep of the roster
 * rather than per chunk: a chunk of 2000 check-ins names tickets in ~1,300 of
 * 2,000 roster chunks (200k tickets), so per-chunk lookups would read the roster
 * over and over. The sweep keeps the facts of the day's tickets only.
 */
export const SWEEP_ABOVE = 4000;

/** The facts of every ticket the day's check-ins name: their codes first, then one pass over the roster. */
async function sweepFacts(db: TurnoutDb, day: string, chunk: number): Promise<Map<string, TicketFacts>> {
  const codes = new Set<string>();
  for (let after: string | undefined; ; ) {
    const rows = await dayPage(db, day, after, chunk);
    for (const r of rows) codes.add(r.code);
    if (rows.length < chunk) break;
    after = rows[rows.length - 1]!.id;
  }
  const facts = new Map<string, TicketFacts>();
  await eachTicket(db, (t) => {
    if (codes.has(t.code)) facts.set(t.code, factsOf(t));
  });
  return facts;
}

/**
 * The day's check-ins in chunks, each with its tickets, in id order. Ids are
 * time-ordered (core/ids.ts), so a scan stored meanwhile lands after the rows
 * read and comes in a later chunk; no row is read twice.
 */
export async function* readDay(
  db: TurnoutDb,
  day: string,
  { chunk = DAY_CHUNK, sweepAbove = SWEEP_ABOVE }: { chunk?: number; sweepAbove?: number } = {},
): AsyncGenerator<DayChunk> {
  const swept = (await countDay(db, day)) > sweepAbove ? await sweepFacts(db, day, chunk) : undefined;
  for (let after: string | undefined; ; ) {
    const { rows, tickets, voids } = await db.transaction('r', db.checkins, db.roster, db.voids, async () => {
      const rows = await dayPage(db, day, after, chunk);
      const voids = new Map<string, CheckInVoid>();
      for (const v of await db.voids.bulkGet(rows.map((r) => r.id))) if (v) voids.set(v.checkinId, v);
      const codes = [...new Set(rows.map((r) => r.code))];
      const tickets = new Map<string, TicketFacts>();
      // A code first seen after the sweep (a scan meanwhile) is looked up.
      const missing = swept ? codes.filter((c) => !swept.has(c)) : codes;
      for (const [code, t] of await getTickets(db, missing)) tickets.set(code, factsOf(t));
      if (swept) for (const code of codes) {
        const f = swept.get(code);
        if (f) tickets.set(code, f);
      }
      return { rows, tickets, voids };
    });
    if (rows.length > 0) yield { checkins: rows, tickets, voids };
    if (rows.length < chunk) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** A stored check-in as the tallies read it. */
export function tallyRow(c: CheckIn, t: TicketFacts | undefined, voided = false): TallyRow {
  return {
    voided,
    code: c.code,
    checkpointId: c.checkpointId,
    deviceId: c.deviceId,
    direction: c.direction,
    verdict: c.verdict,
    reason: c.reason,
    scannedAt: c.scannedAt,
    state: c.syncState,
    overridden: c.override !== undefined,
    category: t?.category,
    programmes: t?.programmes,
  };
}

export interface KioskTallies {
  /** Every desk, as far as this kiosk has synced. */
  all: DayTallies;
  /** This kiosk's own scans. */
  mine: DayTallies;
}

/**
 * The day's tallies for every desk and for this device, from one pass over the
 * index. `insideAt` (now, when the day shown is today): "inside now" counts each
 * entry/exit door's venue day at that instant; a door with a day start (04:00)
 * also reads the calendar day it spills into or began on, for its count only.
 */
export async function loadDayTallies(
  db: TurnoutDb,
  opts: { day: string; timeZone: string; checkpoints: readonly Checkpoint[]; deviceId: string; insideAt?: number },
): Promise<KioskTallies> {
  const base = { day: opts.day, timeZone: opts.timeZone, checkpoints: opts.checkpoints, insideAt: opts.insideAt };
  const all = new DayTally(base);
  const mine = new DayTally({ ...base, deviceId: opts.deviceId });
  for (const day of [opts.day, ...all.doorDays()]) {
    for await (const { checkins, tickets, voids } of readDay(db, day)) {
      for (const c of checkins) {
        const row = tallyRow(c, tickets.get(c.code), voids.has(c.id));
        all.add(row);
        mine.add(row);
      }
    }
  }
  return { all: all.result(), mine: mine.result() };
}
