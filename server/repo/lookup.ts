// Read models of the organiser console: ticket search (code prefix, or name /
// company containing the text), one ticket with every scan of it, the days an
// event has scans on, and conflicts paired with the admission they repeated.

import { sql, type Kysely } from 'kysely';
import type { CheckinWire, ConflictPair, TicketWire } from '../../core/protocol';
import type { CheckinsTable, Database } from '../db/schema-types';
import { checkinFromRow } from './checkins';
import { adminTicket, ticketFromRow } from './tickets';

type Db = Kysely<Database>;

/** `%`, `_` and the escape character itself match literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchTickets(db: Db, eventId: string, q: string, limit: number): Promise<{ items: TicketWire[]; more: boolean }> {
  const text = likeEscape(q.toLowerCase());
  // SQLite has no default LIKE escape character; PostgreSQL's is the same backslash.
  const like = (column: 'code' | 'name' | 'company', pattern: string) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
  const rows = await db
    .selectFrom('tickets')
    .selectAll()
    .where('event_id', '=', eventId)
    .where((eb) =>
      eb.or([
        eb('code', '=', q),
        like('code', `${text}%`),
        like('name', `%${text}%`),
        like('company', `%${text}%`),
      ]),
    )
    .orderBy('name')
    .orderBy('code')
    .limit(limit + 1)
    .execute();
  return { items: rows.slice(0, limit).map((r) => adminTicket(ticketFromRow(r))), more: rows.length > limit };
}

/** Every scan of one ticket code, oldest first (by scan time, then id). */
export async function ticketCheckins(db: Db, eventId: string, code: string): Promise<CheckinWire[]> {
  const rows = await db
    .selectFrom('checkins')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('code', '=', code)
    .orderBy('scanned_at_ms')
    .orderBy('id')
    .execute();
  return rows.map(checkinFromRow);
}

export async function daysWithScans(db: Db, eventId: string): Promise<{ day: string; scans: number }[]> {
  const rows = await db
    .selectFrom('checkins')
    .select(['day', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .groupBy('day')
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ day: r.day, scans: Number(r.n) }));
}

/**
 * The day's conflicts, each with the admission it repeated: the latest accepted
 * entry of the same code at the same checkpoint, scanned before it, that was
 * itself stored (not a conflict). For `once` that is the first admission, for
 * `once_per_day` the day's first, at entry/exit doors the entry still inside.
 */
export async function conflictPairs(db: Db, eventId: string, day: string): Promise<ConflictPair[]> {
  const conflicts = await db
    .selectFrom('checkins')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('day', '=', day)
    .where('status', '=', 'conflict')
    .orderBy('scanned_at_ms')
    .orderBy('id')
    .execute();
  if (conflicts.length === 0) return [];
  const codes = [...new Set(conflicts.map((c) => c.code))];
  const firsts: CheckinsTable[] = [];
  const names = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    firsts.push(
      ...(await db
        .selectFrom('checkins')
        .selectAll()
        .where('event_id', '=', eventId)
        .where('code', 'in', chunk)
        .where('status', '=', 'stored')
        .where('verdict', '=', 'accepted')
        .where('direction', '=', 'entry')
        .execute()),
    );
    const tickets = await db.selectFrom('tickets').select(['code', 'name']).where('event_id', '=', eventId).where('code', 'in', chunk).execute();
    for (const t of tickets) names.set(t.code, t.name);
  }
  const ms = (r: { scanned_at_ms: number }) => Number(r.scanned_at_ms);
  return conflicts.map((c) => {
    let first: CheckinsTable | undefined;
    for (const f of firsts) {
      if (f.code !== c.code || f.checkpoint_id !== c.checkpoint_id) continue;
      const isBefore = ms(f) < ms(c) || (ms(f) === ms(c) && f.id < c.id);
      if (isBefore && (!first || ms(f) > ms(first) || (ms(f) === ms(first) && f.id > first.id))) first = f;
    }
    return {
      code: c.code,
      name: names.get(c.code) ?? null,
      checkpointId: c.checkpoint_id,
      first: first ? checkinFromRow(first) : null,
      conflict: checkinFromRow(c),
    };
  });
}
