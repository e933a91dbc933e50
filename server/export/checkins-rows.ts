// The rows of the event export, shared by export.csv and export.xlsx: one row
// per scan (rejections, exits and conflicts included) in seq order, joined with
// the ticket, checkpoint and device names, page by page so a large event is
// never held in memory whole.

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema-types';
import { allCheckins } from '../repo/checkins';
import { deviceNames } from '../repo/devices';
import { getCheckpoints } from '../repo/events';
import { voidsOf } from '../repo/voids';
import { walkInsOf } from '../repo/walkins';

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
  'badge',
  // Appended 2026-12 (undo): when and why the desk voided the check-in; empty otherwise.
  'voided_at',
  'void_reason',
  // Appended 2026-12 (walk-ins): when the ticket was registered at a desk, and the
  // code of an earlier walk-in that is possibly the same person; empty otherwise.
  'walk_in_registered_at',
  'possible_duplicate_of',
] as const;

/** Index of a column in EXPORT_COLUMNS (for typing cells). */
export const COLUMN = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, i])) as Record<(typeof EXPORT_COLUMNS)[number], number>;

export type ExportCell = string | number | null | undefined;

/** Pages of export rows, cells in EXPORT_COLUMNS order (`scanned_at` as sent: ISO 8601 with offset). */
export async function* exportRows(db: Kysely<Database>, eventId: string): AsyncGenerator<ExportCell[][]> {
  const [checkpoints, devices] = await Promise.all([getCheckpoints(db, eventId), deviceNames(db, eventId)]);
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
    const [voids, walkIns] = await Promise.all([voidsOf(db, rows.map((r) => r.id)), walkInsOf(db, eventId, codes)]);
    yield rows.map((r) => {
      const t = people.get(r.code);
      const v = voids.get(r.id);
      const w = walkIns.get(r.code);
      return [
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
        r.badge,
        v?.voided_at,
        v ? (v.note ? `${v.reason}: ${v.note}` : v.reason) : undefined,
        w?.registered_at,
        w?.duplicate_of,
      ];
    });
  }
}
