// The two statements a check-in upload runs under the event's sequence lock,
// for many rows at once: what is already stored (ids, and the accepted
// check-ins of the tickets concerned) and the insert.
// - Portable: Kysely, IN lists and multi-row VALUES, chunked under the
//   parameter limits.
// - SQLite: the same, but the insert's SQL is written here rather than built
//   value by value by Kysely (that was 6% of an upload).
// - PostgreSQL: one statement each, with arrays. Its planner, without
//   statistics (a new or fast-growing table, before autovacuum analyzed it),
//   plans a 500-value IN list as a sequential scan and scans the day index
//   for the codes: time that grows with the table, paid under the lock. A
//   LATERAL probe per value is an index lookup whatever the statistics say.

import { CompiledQuery, sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { DbKind } from '../db/connect';
import type { CheckinsTable, Database } from '../db/schema-types';

type Db = Kysely<Database> | Transaction<Database>;

/** The columns conflict detection reads, plus what tells which question a row answers. */
export type PriorRow = Pick<
  CheckinsTable,
  'id' | 'event_id' | 'code' | 'checkpoint_id' | 'direction' | 'verdict' | 'scanned_at' | 'scanned_at_ms' | 'override_by' | 'status'
>;

const PRIOR_COLUMNS = [
  'id',
  'event_id',
  'code',
  'checkpoint_id',
  'direction',
  'verdict',
  'scanned_at',
  'scanned_at_ms',
  'override_by',
  'status',
] as const;

/** At most this many values in one IN list (SQLite and PostgreSQL parameter limits). */
const IN_CHUNK = 500;
/** Rows per portable INSERT: 19 columns × 500 stays far below both parameter limits. */
const INSERT_CHUNK = 500;

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/**
 * Rows whose id is in `ids` (any event), then this event's accepted check-ins
 * of `codes` that no void cancels. A row may come twice (it answers both); callers tell them apart.
 */
export async function selectPrior(trx: Db, kind: DbKind | undefined, eventId: string, ids: string[], codes: string[]): Promise<PriorRow[]> {
  if (ids.length === 0 && codes.length === 0) return [];
  if (kind === 'postgres') {
    const cols = sql.join(PRIOR_COLUMNS.map((c) => sql.ref(`c.${c}`)));
    // OFFSET 0 keeps each subquery a per-value probe (it is not pulled up into a join).
    const { rows } = await sql<PriorRow>`
      select ${cols} from unnest(${ids}::text[]) as k(id)
        cross join lateral (select * from checkins where id = k.id offset 0) as c
      union all
      select ${cols} from unnest(${codes}::text[]) as k(code)
        cross join lateral (select * from checkins
          where event_id = ${eventId} and code = k.code and verdict = 'accepted'
            and not exists (select 1 from voids v where v.checkin_id = checkins.id) offset 0) as c`.execute(trx);
    return rows;
  }
  const out: PriorRow[] = [];
  for (const part of chunks(ids, IN_CHUNK)) {
    out.push(...(await trx.selectFrom('checkins').select(PRIOR_COLUMNS).where('id', 'in', part).execute()));
  }
  for (const part of chunks(codes, IN_CHUNK)) {
    out.push(
      ...(await trx
        .selectFrom('checkins')
        .select(PRIOR_COLUMNS)
        .where('event_id', '=', eventId)
        .where('code', 'in', part)
        .where('verdict', '=', 'accepted')
        .where(notVoided)
        .execute()),
    );
  }
  return out;
}

/**
 * A check-in its desk voided (undo) is no admission: conflict checks and online
 * decisions leave it out. (One index probe per row: `voids_checkin`.)
 */
export const notVoided = (eb: ExpressionBuilder<Database, 'checkins'>) =>
  eb.not(eb.exists(eb.selectFrom('voids').select('voids.id').whereRef('voids.checkin_id', '=', 'checkins.id')));

/** Every column of a check-in row with its PostgreSQL array type, in insert order. */
const COLUMNS: [keyof CheckinsTable, string][] = [
  ['id', 'text'],
  ['event_id', 'text'],
  ['seq', 'int8'],
  ['device_id', 'text'],
  ['code', 'text'],
  ['checkpoint_id', 'text'],
  ['direction', 'text'],
  ['verdict', 'text'],
  ['reason', 'text'],
  ['scanned_at', 'text'],
  ['scanned_at_ms', 'int8'],
  ['day', 'text'],
  ['hour', 'int4'],
  ['clock_offset_ms', 'int8'],
  ['override_by', 'text'],
  ['override_reason', 'text'],
  ['status', 'text'],
  ['received_at', 'int8'],
  ['badge', 'text'],
];

const SQLITE_INSERT = `insert into "checkins" (${COLUMNS.map(([c]) => `"${c}"`).join(', ')}) values `;
const SQLITE_TUPLE = `(${COLUMNS.map(() => '?').join(', ')})`;

export async function insertRows(trx: Db, kind: DbKind | undefined, rows: CheckinsTable[]): Promise<void> {
  if (rows.length === 0) return;
  if (kind === 'postgres') {
    // One array per column: 19 parameters however many rows, and no planning of a huge VALUES list.
    const names = sql.join(COLUMNS.map(([c]) => sql.ref(c)));
    const arrays = sql.join(COLUMNS.map(([c, type]) => sql`${rows.map((r) => r[c])}::${sql.raw(type)}[]`));
    await sql`insert into checkins (${names}) select * from unnest(${arrays})`.execute(trx);
    return;
  }
  for (const part of chunks(rows, INSERT_CHUNK)) {
    if (kind !== 'sqlite') {
      await trx.insertInto('checkins').values(part).execute();
      continue;
    }
    const params: unknown[] = [];
    for (const r of part) for (const [c] of COLUMNS) params.push(r[c]);
    await trx.executeQuery(CompiledQuery.raw(SQLITE_INSERT + part.map(() => SQLITE_TUPLE).join(', '), params));
  }
}
