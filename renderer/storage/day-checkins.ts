// One venue day of check-ins, read through the `[day+checkpointId]` index in
// chunks (each its own short read transaction, so a scan never waits behind a
// staff report), joined with the tickets they name. Feeds the daily tallies
// (core/tally.ts) — this kiosk alone and every desk as far as synced, since
// pulled check-ins of other devices live in the same table — and the exports.
import Dexie from 'dexie';
import type { CheckIn, Checkpoint } from '../../core/model';
import { DayTally, type DayTallies, type TallyRow } from '../../core/tally';
import type { TurnoutDb } from './db';

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
}

const dayRange = (db: TurnoutDb, day: string) =>
  db.checkins.where('[day+checkpointId]').between([day, Dexie.minKey], [day, Dexie.maxKey], true, true);

/** How many check-ins (every device's) this kiosk holds for `day`. */
export function countDay(db: TurnoutDb, day: string): Promise<number> {
  return dayRange(db, day).count();
}

/**
 * The day's check-ins in chunks, each with its tickets. A scan stored meanwhile
 * can shift later rows by one: rows already seen are skipped by id, so none is
 * counted twice and none is missed.
 */
export async function* readDay(db: TurnoutDb, day: string, chunk = DAY_CHUNK): AsyncGenerator<DayChunk> {
  const seen = new Set<string>();
  for (let offset = 0; ; offset += chunk) {
    const { rows, tickets } = await db.transaction('r', db.checkins, db.tickets, async () => {
      const rows = await dayRange(db, day).offset(offset).limit(chunk).toArray();
      const codes = [...new Set(rows.map((r) => r.code))];
      const found = await db.tickets.bulkGet(codes);
      const tickets = new Map<string, TicketFacts>();
      found.forEach((t) => {
        if (t) tickets.set(t.code, { name: t.name, company: t.company, category: t.category, programmes: t.programmes });
      });
      return { rows, tickets };
    });
    const fresh = rows.filter((r) => !seen.has(r.id));
    for (const r of fresh) seen.add(r.id);
    if (fresh.length > 0) yield { checkins: fresh, tickets };
    if (rows.length < chunk) return;
  }
}

/** A stored check-in as the tallies read it. */
export function tallyRow(c: CheckIn, t: TicketFacts | undefined): TallyRow {
  return {
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

/** The day's tallies for every desk and for this device, from one pass over the index. */
export async function loadDayTallies(
  db: TurnoutDb,
  opts: { day: string; timeZone: string; checkpoints: readonly Checkpoint[]; deviceId: string },
): Promise<KioskTallies> {
  const base = { day: opts.day, timeZone: opts.timeZone, checkpoints: opts.checkpoints };
  const all = new DayTally(base);
  const mine = new DayTally({ ...base, deviceId: opts.deviceId });
  for await (const { checkins, tickets } of readDay(db, opts.day)) {
    for (const c of checkins) {
      const row = tallyRow(c, tickets.get(c.code));
      all.add(row);
      mine.add(row);
    }
  }
  return { all: all.result(), mine: mine.result() };
}
