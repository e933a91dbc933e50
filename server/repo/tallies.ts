// Daily tallies for staff (`GET /v1/admin/events/:id/tallies?day=`): the
// kiosk's own tally functions (core/tally.ts) fed with the day's check-ins in
// pages over the (event_id, day) index, each joined with its ticket's category
// and programmes. One definition of "scan", "person", "inside" and "conflict"
// for kiosk and server, so a desk's numbers and the organiser's agree.

import type { Kysely } from 'kysely';
import type { TalliesResponse } from '../../core/protocol';
import { DayTally } from '../../core/tally';
import type { Database } from '../db/schema-types';
import { getCheckpoints } from './events';

type Db = Kysely<Database>;

const PAGE = 5000;

/**
 * `insideAt` (now, when `day` is today): "inside now" counts each entry/exit
 * door's venue day at that instant; a door with a day start also reads the
 * calendar day its venue day spills into or began on (core/tally doorDays()).
 */
export async function tallies(db: Db, eventId: string, day: string, timeZone: string, insideAt?: number): Promise<TalliesResponse> {
  const checkpoints = [...(await getCheckpoints(db, eventId)).values()];
  const acc = new DayTally({ day, timeZone, checkpoints, insideAt });
  for (const d of [day, ...acc.doorDays()]) await feedDay(db, acc, eventId, d);
  return { eventId, ...acc.result() };
}

async function feedDay(db: Db, acc: DayTally, eventId: string, day: string): Promise<void> {
  let after = -1;
  for (;;) {
    const rows = await db
      .selectFrom('checkins as c')
      .leftJoin('tickets as t', (j) => j.onRef('t.event_id', '=', 'c.event_id').onRef('t.code', '=', 'c.code'))
      // At most one void per check-in (unique index), so the join never doubles a row.
      .leftJoin('voids as v', 'v.checkin_id', 'c.id')
      .where('c.event_id', '=', eventId)
      .where('c.day', '=', day)
      .where('c.seq', '>', after)
      .orderBy('c.seq')
      .limit(PAGE)
      .select([
        'c.seq', 'c.code', 'c.checkpoint_id', 'c.device_id', 'c.direction', 'c.verdict', 'c.reason',
        'c.scanned_at', 'c.status', 'c.override_by', 't.category', 't.programmes', 'v.id as void_id',
      ])
      .execute();
    for (const r of rows) {
      acc.add({
        code: r.code,
        checkpointId: r.checkpoint_id,
        deviceId: r.device_id,
        direction: r.direction === 'exit' ? 'exit' : 'entry',
        verdict: r.verdict === 'accepted' ? 'accepted' : 'rejected',
        reason: r.reason,
        scannedAt: r.scanned_at,
        state: r.status,
        overridden: r.override_by !== null,
        voided: r.void_id !== null,
        category: r.category,
        programmes: r.programmes ? (JSON.parse(r.programmes) as string[]) : [],
      });
    }
    if (rows.length < PAGE) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
}
