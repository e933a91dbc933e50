// The roster upstream: imports (insert or update, a new seq only for rows that
// changed), status changes (revoke, block, delete → tombstone) and the
// paged pull by seq that kiosks follow (DESIGN.md "Sync protocol v1").

import type { Kysely, Transaction } from 'kysely';
import type { Category, Ticket, TicketStatus } from '../../core/model';
import type { TicketWire, TicketsPage } from '../../core/protocol';
import type { Database, TicketsTable } from '../db/schema-types';
import { cursorPage, lockSequence } from '../db/seq';

type Db = Kysely<Database> | Transaction<Database>;

/** A roster row to import; without status, an existing ticket keeps its own. */
export type TicketInput = Omit<Ticket, 'seq' | 'status'> & { status?: TicketStatus };

/** Roster rows from a CSV carry no status of their own: drop the parser's default `valid`. */
export function withoutStatus(tickets: readonly Ticket[]): TicketInput[] {
  return tickets.map(({ status: _status, seq: _seq, ...rest }) => rest);
}

export interface ImportCounts {
  imported: number;
  updated: number;
  unchanged: number;
}

export function ticketFromRow(r: TicketsTable): TicketWire {
  const t: TicketWire = {
    code: r.code,
    name: r.name,
    company: r.company,
    category: r.category as Category,
    programmes: JSON.parse(r.programmes) as string[],
    status: r.status as TicketStatus,
    seq: Number(r.seq),
  };
  if (r.valid_from !== null) t.validFrom = r.valid_from;
  if (r.valid_until !== null) t.validUntil = r.valid_until;
  if (r.note !== null && r.note !== '') t.note = r.note;
  if (r.factor_hash !== null) t.factorHash = r.factor_hash;
  if (r.birth_hash !== null) t.birthHash = r.birth_hash;
  return t;
}

/** A ticket as the admin API shows it: without its phone and birth-date hashes, which only kiosks need. */
export function adminTicket(t: TicketWire): TicketWire {
  const { factorHash: _hash, birthHash: _birth, ...rest } = t;
  return rest;
}

export async function getTicket(db: Db, eventId: string, code: string): Promise<TicketWire | null> {
  const r = await db
    .selectFrom('tickets')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('code', '=', code)
    .executeTakeFirst();
  return r ? ticketFromRow(r) : null;
}

/** Roster changes after `after`, oldest first; tombstones (revoked, deleted) included. */
export async function pullTickets(db: Db, eventId: string, after: number, limit: number): Promise<TicketsPage> {
  const rows = await db
    .selectFrom('tickets')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  return cursorPage(rows, limit, after, ticketFromRow);
}

type Row = Omit<TicketsTable, 'seq' | 'updated_at'>;

function toRow(eventId: string, t: TicketInput, status: TicketStatus): Row {
  return {
    event_id: eventId,
    code: t.code,
    name: t.name,
    company: t.company,
    category: t.category,
    programmes: JSON.stringify(t.programmes),
    valid_from: t.validFrom ?? null,
    valid_until: t.validUntil ?? null,
    status,
    note: t.note ? t.note : null,
    // A roster row is the whole ticket: re-imported without phone_last4 (birth_date), it has no such factor.
    factor_hash: t.factorHash ?? null,
    birth_hash: t.birthHash ?? null,
  };
}

const FIELDS = ['name', 'company', 'category', 'programmes', 'valid_from', 'valid_until', 'status', 'note', 'factor_hash', 'birth_hash'] as const;
const sameRow = (a: Row, b: Row) => FIELDS.every((f) => a[f] === b[f]);

const CHUNK = 500;

/**
 * Inserts new tickets and updates changed ones in one transaction. Later rows
 * with the same code win. Tickets absent from `inputs` are left alone.
 */
export async function importTickets(
  db: Kysely<Database>,
  eventId: string,
  inputs: TicketInput[],
  now = Date.now(),
): Promise<ImportCounts> {
  const byCode = new Map<string, TicketInput>();
  for (const t of inputs) byCode.set(t.code, t);
  const codes = [...byCode.keys()];
  const counts: ImportCounts = { imported: 0, updated: 0, unchanged: 0 };

  await db.transaction().execute(async (trx) => {
    const seq = await lockSequence(trx, eventId);
    if (!seq) throw new Error(`Unknown event ${eventId}`);
    for (let i = 0; i < codes.length; i += CHUNK) {
      const chunk = codes.slice(i, i + CHUNK);
      const existing = new Map(
        (
          await trx
            .selectFrom('tickets')
            .selectAll()
            .where('event_id', '=', eventId)
            .where('code', 'in', chunk)
            .execute()
        ).map((r) => [r.code, r]),
      );
      const writes: TicketsTable[] = [];
      for (const code of chunk) {
        const input = byCode.get(code)!;
        const old = existing.get(code);
        // A code that comes back in the roster is live again; revoked/blocked stay so.
        const keep = old && old.status !== 'deleted' ? (old.status as TicketStatus) : 'valid';
        const row = toRow(eventId, input, input.status ?? keep);
        if (old && sameRow(row, old)) {
          counts.unchanged += 1;
          continue;
        }
        if (old) counts.updated += 1;
        else counts.imported += 1;
        writes.push({ ...row, seq: seq.next(), updated_at: now });
      }
      if (writes.length) {
        await trx
          .insertInto('tickets')
          .values(writes)
          .onConflict((oc) =>
            oc.columns(['event_id', 'code']).doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              company: eb.ref('excluded.company'),
              category: eb.ref('excluded.category'),
              programmes: eb.ref('excluded.programmes'),
              valid_from: eb.ref('excluded.valid_from'),
              valid_until: eb.ref('excluded.valid_until'),
              status: eb.ref('excluded.status'),
              note: eb.ref('excluded.note'),
              factor_hash: eb.ref('excluded.factor_hash'),
              birth_hash: eb.ref('excluded.birth_hash'),
              seq: eb.ref('excluded.seq'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      }
    }
    await seq.save();
  });
  return counts;
}

/** Sets a ticket's status with a new seq (so kiosks pull it); null when the ticket is unknown. */
export async function setTicketStatus(
  db: Kysely<Database>,
  eventId: string,
  code: string,
  status: TicketStatus,
  now = Date.now(),
): Promise<TicketWire | null> {
  return db.transaction().execute(async (trx) => {
    const seq = await lockSequence(trx, eventId);
    if (!seq) return null;
    const old = await getTicket(trx, eventId, code);
    if (!old) return null;
    if (old.status === status) return old;
    const next = seq.next();
    await trx
      .updateTable('tickets')
      .set({ status, seq: next, updated_at: now })
      .where('event_id', '=', eventId)
      .where('code', '=', code)
      .execute();
    await seq.save();
    return { ...old, status, seq: next };
  });
}

export async function countTickets(db: Db, eventId: string): Promise<number> {
  const r = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
