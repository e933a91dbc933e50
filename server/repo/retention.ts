// Retention upstream: once an event's `retain_until` day is over (venue time), the
// personal data of its tickets (name, company, note) and walk-ins (name, company,
// phone) is blanked in place. Codes, categories, programmes and every check-in stay,
// so tallies and exports keep their anonymous counts. Idempotent: run at start,
// every few minutes, and by the organiser (`POST /v1/admin/retention/purge`).

import type { Kysely } from 'kysely';
import { retentionPassed } from '../../core/retention';
import type { Database } from '../db/schema-types';

export interface PurgeResult {
  eventId: string;
  tickets: number;
  walkIns: number;
}

/** Blanks the personal data of every event whose retention date has passed at `now`. */
export async function purgeExpired(db: Kysely<Database>, now: number): Promise<PurgeResult[]> {
  const events = await db.selectFrom('events').select(['id', 'time_zone', 'retain_until']).where('retain_until', 'is not', null).execute();
  const out: PurgeResult[] = [];
  for (const e of events) {
    if (!retentionPassed(e.retain_until, e.time_zone, now)) continue;
    const result = await db.transaction().execute(async (trx) => {
      const tickets = await trx
        .updateTable('tickets')
        .set({ name: '', company: '', note: null, factor_hash: null, birth_hash: null, updated_at: now })
        .where('event_id', '=', e.id)
        .where((eb) => eb.or([eb('name', '!=', ''), eb('company', '!=', ''), eb('note', 'is not', null), eb('factor_hash', 'is not', null), eb('birth_hash', 'is not', null)]))
        .executeTakeFirst();
      const walkIns = await trx
        .updateTable('walkins')
        .set({ name: '', company: '', phone: null, name_key: '', purged_at: now })
        .where('event_id', '=', e.id)
        .where('purged_at', 'is', null)
        .executeTakeFirst();
      return { eventId: e.id, tickets: Number(tickets.numUpdatedRows), walkIns: Number(walkIns.numUpdatedRows) };
    });
    out.push(result);
  }
  return out;
}
