// Voids (undo) upstream: a desk cancels one of its own check-ins with a record of
// its own, idempotent by the kiosk-made id and pulled by seq like check-ins. The
// check-in row is never changed; every reader that counts or decides (conflicts,
// online decisions, tallies, exports) leaves a voided check-in out by `checkin_id`.
// One void per check-in: a second one, whatever its id, is a `duplicate` of the
// first's effect. A void may arrive before the check-in it names (a push that
// failed half-way): it is stored and takes effect when the check-in comes.

import type { Kysely, Transaction } from 'kysely';
import type { VoidReason } from '../../core/model';
import type { RecordUploadResponse, VoidUpload, VoidWire, VoidsPage } from '../../core/protocol';
import type { Database, VoidsTable } from '../db/schema-types';
import { cursorPage, lockSequence } from '../db/seq';
import { ApiError, unprocessable } from '../errors';

type Db = Kysely<Database> | Transaction<Database>;

export function voidFromRow(r: VoidsTable): VoidWire {
  const v: VoidWire = {
    id: r.id,
    checkinId: r.checkin_id,
    reason: r.reason as VoidReason,
    voidedAt: r.voided_at,
    deviceId: r.device_id,
    seq: Number(r.seq),
  };
  if (r.note !== null) v.note = r.note;
  return v;
}

/** Every device's voids after `after`, oldest first. */
export async function pullVoids(db: Db, eventId: string, after: number, limit: number): Promise<VoidsPage> {
  const rows = await db
    .selectFrom('voids')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  return cursorPage(rows, limit, after, voidFromRow);
}

/**
 * Stores one device's voids in one transaction holding the event's sequence lock.
 * Refused whole (422, nothing stored) when a void names a check-in held upstream
 * that another device made or that belongs to another event: a desk undoes only
 * its own scans (those of a device it replaced at re-pairing included).
 */
export async function storeVoids(
  db: Kysely<Database>,
  scope: { eventId: string; deviceId: string; namespaces?: readonly string[] },
  items: VoidUpload[],
  now: number,
): Promise<RecordUploadResponse['results']> {
  if (items.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const seq = await lockSequence(trx, scope.eventId);
    if (!seq) throw new ApiError(410, 'event_gone', `Event ${scope.eventId} no longer exists`);
    const named = [...new Set(items.map((i) => i.checkinId))];
    const ids = [...new Set(items.map((i) => i.id))];
    const [checkins, byId, byCheckin] = await Promise.all([
      trx.selectFrom('checkins').select(['id', 'event_id', 'device_id']).where('id', 'in', named).execute(),
      trx.selectFrom('voids').select('id').where('id', 'in', ids).execute(),
      trx.selectFrom('voids').select('checkin_id').where('checkin_id', 'in', named).execute(),
    ]);
    const own = new Set(scope.namespaces ?? [scope.deviceId]);
    const foreign = checkins.filter((c) => c.event_id !== scope.eventId || !own.has(c.device_id));
    if (foreign.length > 0) {
      throw unprocessable(`Void of check-in ${foreign[0]!.id}, which this device did not make; nothing was stored`, 'foreign_checkin');
    }
    const seenIds = new Set(byId.map((r) => r.id));
    const voided = new Set(byCheckin.map((r) => r.checkin_id));
    const rows: VoidsTable[] = [];
    const results: RecordUploadResponse['results'] = [];
    for (const item of items) {
      if (seenIds.has(item.id) || voided.has(item.checkinId)) {
        results.push({ id: item.id, status: 'duplicate' });
        continue;
      }
      seenIds.add(item.id);
      voided.add(item.checkinId);
      rows.push({
        id: item.id,
        event_id: scope.eventId,
        seq: seq.next(),
        device_id: scope.deviceId,
        checkin_id: item.checkinId,
        reason: item.reason,
        note: item.note ?? null,
        voided_at: item.voidedAt,
        voided_at_ms: Date.parse(item.voidedAt),
        received_at: now,
      });
      results.push({ id: item.id, status: 'stored' });
    }
    if (rows.length) await trx.insertInto('voids').values(rows).execute();
    await seq.save();
    return results;
  });
}

/** The voids of `checkinIds`, by check-in id (exports). */
export async function voidsOf(db: Db, checkinIds: readonly string[]): Promise<Map<string, VoidsTable>> {
  const out = new Map<string, VoidsTable>();
  for (let i = 0; i < checkinIds.length; i += 1000) {
    const part = checkinIds.slice(i, i + 1000);
    if (part.length === 0) continue;
    for (const r of await db.selectFrom('voids').selectAll().where('checkin_id', 'in', part).execute()) out.set(r.checkin_id, r);
  }
  return out;
}
