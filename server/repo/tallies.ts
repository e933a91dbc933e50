// Daily tallies for staff (`GET /v1/admin/events/:id/tallies?day=`): per
// checkpoint, venue-local hour and ticket category, counting scans and unique
// people. Aggregated in SQL over the (event_id, day) index; hour and day were
// cut in the venue's zone when each check-in was stored.

import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Tally, TalliesResponse } from '../../core/protocol';
import type { Database } from '../db/schema-types';

type Db = Kysely<Database>;

const ADMIT = sql`c.verdict = 'accepted' and c.direction = 'entry'`;
const CATEGORY = sql<string>`coalesce(t.category, 'unknown')`;

interface Counts {
  scans: unknown;
  accepted: unknown;
  rejected: unknown;
  exits: unknown;
  conflicts: unknown;
  unique_people: unknown;
}

const n = (v: unknown) => Number(v ?? 0);
const tally = (r: Counts): Tally => ({
  scans: n(r.scans),
  accepted: n(r.accepted),
  rejected: n(r.rejected),
  exits: n(r.exits),
  conflicts: n(r.conflicts),
  uniquePeople: n(r.unique_people),
});

function base(db: Db, eventId: string, day: string) {
  return db
    .selectFrom('checkins as c')
    .leftJoin('tickets as t', (j) => j.onRef('t.event_id', '=', 'c.event_id').onRef('t.code', '=', 'c.code'))
    .where('c.event_id', '=', eventId)
    .where('c.day', '=', day)
    .select([
      sql<number>`count(*)`.as('scans'),
      sql<number>`sum(case when ${ADMIT} then 1 else 0 end)`.as('accepted'),
      sql<number>`sum(case when c.verdict = 'rejected' then 1 else 0 end)`.as('rejected'),
      sql<number>`sum(case when c.verdict = 'accepted' and c.direction = 'exit' then 1 else 0 end)`.as('exits'),
      sql<number>`sum(case when ${ADMIT} and c.status = 'conflict' then 1 else 0 end)`.as('conflicts'),
      sql<number>`count(distinct case when ${ADMIT} then c.code end)`.as('unique_people'),
    ]);
}

export async function tallies(db: Db, eventId: string, day: string, timeZone: string): Promise<TalliesResponse> {
  const [total, byCheckpoint, byHour, byCategory, byCheckpointHour] = await Promise.all([
    base(db, eventId, day).executeTakeFirstOrThrow(),
    base(db, eventId, day).select('c.checkpoint_id').groupBy('c.checkpoint_id').orderBy('c.checkpoint_id').execute(),
    base(db, eventId, day).select('c.hour').groupBy('c.hour').orderBy('c.hour').execute(),
    base(db, eventId, day)
      .select(CATEGORY.as('category'))
      .groupBy(CATEGORY as Expression<SqlBool>)
      .orderBy('category')
      .execute(),
    base(db, eventId, day)
      .select(['c.checkpoint_id', 'c.hour'])
      .groupBy(['c.checkpoint_id', 'c.hour'])
      .orderBy('c.checkpoint_id')
      .orderBy('c.hour')
      .execute(),
  ]);
  return {
    eventId,
    day,
    timeZone,
    total: tally(total),
    byCheckpoint: byCheckpoint.map((r) => ({ checkpointId: r.checkpoint_id, ...tally(r) })),
    byHour: byHour.map((r) => ({ hour: Number(r.hour), ...tally(r) })),
    byCategory: byCategory.map((r) => ({ category: r.category, ...tally(r) })),
    byCheckpointHour: byCheckpointHour.map((r) => ({
      checkpointId: r.checkpoint_id,
      hour: Number(r.hour),
      ...tally(r),
    })),
  };
}
