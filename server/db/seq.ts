// The per-event change sequence that pull cursors (`after=SEQ`) walk.
//
// Sequence numbers must become visible in increasing order, or a pull could
// move its cursor past a number whose transaction had not committed yet and
// skip that row for ever. So every writing transaction first UPDATEs the
// event's counter row: on PostgreSQL that row lock is held until commit, so
// writers of one event run one after another and commit in sequence order;
// on SQLite Kysely runs every transaction on one connection behind a mutex,
// and the UPDATE being the first statement takes the write lock up front.
// Taking this lock first in every writer also rules out lock-order deadlocks,
// and it is the "transaction-level lock" that online decisions rely on.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema-types';

const counterName = (eventId: string) => `seq:${eventId}`;

export class Sequence {
  private current: number;

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly name: string,
    value: number,
    /** What the counter row already holds (value plus any reservation). */
    private stored = value,
  ) {
    this.current = value;
  }

  /** The next number; strictly greater than every number committed before. */
  next(): number {
    this.current += 1;
    return this.current;
  }

  /** Writes the counter back when more were used than reserved; call before the transaction commits. */
  async save(): Promise<void> {
    if (this.current <= this.stored) return;
    await this.trx.updateTable('counters').set({ value: this.current }).where('name', '=', this.name).execute();
    this.stored = this.current;
  }
}

/**
 * Locks the event's sequence for the rest of `trx`; null when the event has no
 * counter (unknown event). `reserve` numbers are claimed in the same statement,
 * so a writer that knows how many it needs skips the final write; numbers it
 * does not use are gaps, which cursors never mind (only the order matters).
 */
export async function lockSequence(trx: Transaction<Database>, eventId: string, reserve = 0): Promise<Sequence | null> {
  const name = counterName(eventId);
  const row = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', reserve) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirst();
  if (!row) return null;
  const value = Number(row.value);
  return new Sequence(trx, name, value - reserve, value);
}

/** Creates the event's counter if missing (inside the event-creating transaction). */
export async function ensureSequence(db: Kysely<Database> | Transaction<Database>, eventId: string): Promise<void> {
  await db
    .insertInto('counters')
    .values({ name: counterName(eventId), value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/**
 * Shapes rows fetched with `limit + 1` (ordered by seq, after `after`) into a pull
 * page: the extra row only says there is more; `next` is the last seq handed out.
 */
export function cursorPage<R, T extends { seq: number }>(rows: R[], limit: number, after: number, map: (row: R) => T): { items: T[]; next: number; more: boolean } {
  const items = rows.slice(0, limit).map(map);
  return { items, next: items.length ? items[items.length - 1]!.seq : after, more: rows.length > limit };
}
