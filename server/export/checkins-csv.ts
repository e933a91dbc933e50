// `export.csv`: one row per scan of an event (rejections, exits and conflicts
// included) with the columns DESIGN.md names, streamed page by page so a large
// event is never held in memory whole.

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema-types';
import { allCheckins } from '../repo/checkins';
import { deviceNames } from '../repo/devices';
import { getCheckpoints } from '../repo/events';
import { BOM, csvRow } from './csv';

export const EXPORT_COLUMNS = [
  'id',
  'code',
  'name',
  'company',
  'category',
  'checkpoint',
  'checkpoint_name',
  'device',
  'device_name',
  'direction',
  'verdict',
  'reason',
  'override_by',
  'override_reason',
  'scanned_at',
  'day',
  'status',
  'seq',
] as const;

/** The export as text chunks: BOM and header first, then a chunk per page of check-ins. */
export async function* exportCheckinsCsv(db: Kysely<Database>, eventId: string): AsyncGenerator<string> {
  const [checkpoints, devices] = await Promise.all([getCheckpoints(db, eventId), deviceNames(db, eventId)]);
  yield BOM + csvRow(EXPORT_COLUMNS);
  for await (const rows of allCheckins(db, eventId)) {
    const codes = [...new Set(rows.map((r) => r.code))];
    const people = new Map<string, { name: string; company: string; category: string }>();
    for (let i = 0; i < codes.length; i += 1000) {
      const found = await db
        .selectFrom('tickets')
        .select(['code', 'name', 'company', 'category'])
        .where('event_id', '=', eventId)
        .where('code', 'in', codes.slice(i, i + 1000))
        .execute();
      for (const t of found) people.set(t.code, t);
    }
    let chunk = '';
    for (const r of rows) {
      const t = people.get(r.code);
      chunk += csvRow([
        r.id,
        r.code,
        t?.name,
        t?.company,
        t?.category,
        r.checkpoint_id,
        checkpoints.get(r.checkpoint_id)?.name.ko,
        r.device_id,
        devices.get(r.device_id),
        r.direction,
        r.verdict,
        r.reason,
        r.override_by,
        r.override_reason,
        r.scanned_at,
        r.day,
        r.status,
        Number(r.seq),
      ]);
    }
    yield chunk;
  }
}
