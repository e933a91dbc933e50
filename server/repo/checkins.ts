// Check-ins upstream: idempotent batch upload (the kiosk-made id is the key:
// a repeat is `duplicate`, never a second row), conflict marking (see
// conflicts.ts) and the paged pull of every device's check-ins by seq.

import type { Kysely, Transaction } from 'kysely';
import type { Checkpoint, RejectReason } from '../../core/model';
import type { CheckinUpload, CheckinWire, CheckinsPage, UploadStatus } from '../../core/protocol';
import { dayKey, hourOf } from '../../core/time';
import type { CheckinsTable, Database } from '../db/schema-types';
import { cursorPage, lockSequence, type Sequence } from '../db/seq';
import { isConflict, remarkedBy, type Admission } from './conflicts';

type Db = Kysely<Database> | Transaction<Database>;

export interface DeviceScope {
  eventId: string;
  deviceId: string;
  timeZone: string;
  checkpoints: Map<string, Checkpoint>;
}

export function checkinFromRow(r: CheckinsTable): CheckinWire {
  const c: CheckinWire = {
    id: r.id,
    code: r.code,
    checkpointId: r.checkpoint_id,
    direction: r.direction as CheckinWire['direction'],
    verdict: r.verdict as CheckinWire['verdict'],
    scannedAt: r.scanned_at,
    deviceId: r.device_id,
    day: r.day,
    status: r.status as CheckinWire['status'],
    seq: Number(r.seq),
  };
  if (r.reason !== null) c.reason = r.reason as RejectReason;
  if (r.clock_offset_ms !== null) c.clockOffsetMs = Number(r.clock_offset_ms);
  if (r.override_by !== null) c.override = { by: r.override_by, reason: r.override_reason ?? '' };
  return c;
}

/** Every device's check-ins after `after`, oldest first. */
export async function pullCheckins(db: Db, eventId: string, after: number, limit: number): Promise<CheckinsPage> {
  const rows = await db
    .selectFrom('checkins')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  return cursorPage(rows, limit, after, checkinFromRow);
}

export function toRow(scope: DeviceScope, item: CheckinUpload, seq: number, now: number): CheckinsTable {
  const ms = Date.parse(item.scannedAt);
  return {
    id: item.id,
    event_id: scope.eventId,
    seq,
    device_id: scope.deviceId,
    code: item.code,
    checkpoint_id: item.checkpointId,
    direction: item.direction,
    verdict: item.verdict,
    reason: item.verdict === 'rejected' ? (item.reason ?? null) : null,
    scanned_at: item.scannedAt,
    scanned_at_ms: ms,
    day: dayKey(ms, scope.timeZone),
    hour: hourOf(ms, scope.timeZone),
    clock_offset_ms: item.clockOffsetMs ?? null,
    override_by: item.override?.by ?? null,
    override_reason: item.override?.reason ?? null,
    status: 'stored',
    received_at: now,
  };
}

const admissionOf = (r: Pick<CheckinsTable, 'id' | 'checkpoint_id' | 'direction' | 'verdict' | 'scanned_at' | 'scanned_at_ms' | 'override_by' | 'status'>): Admission => ({
  id: r.id,
  checkpointId: r.checkpoint_id,
  direction: r.direction as Admission['direction'],
  verdict: r.verdict as Admission['verdict'],
  scannedAt: r.scanned_at,
  ms: Number(r.scanned_at_ms),
  override: r.override_by !== null,
  status: r.status as Admission['status'],
});

/** Accepted check-ins of these codes, grouped by code. */
async function acceptedHistory(trx: Db, eventId: string, codes: string[]): Promise<Map<string, Admission[]>> {
  const out = new Map<string, Admission[]>(codes.map((c) => [c, []]));
  if (codes.length === 0) return out;
  const rows = await trx
    .selectFrom('checkins')
    .select(['id', 'code', 'checkpoint_id', 'direction', 'verdict', 'scanned_at', 'scanned_at_ms', 'override_by', 'status'])
    .where('event_id', '=', eventId)
    .where('code', 'in', codes)
    .where('verdict', '=', 'accepted')
    .execute();
  for (const r of rows) out.get(r.code)?.push(admissionOf(r));
  return out;
}

/**
 * Records `row` inside a transaction that holds the event's sequence lock:
 * marks it `conflict` when the rules say so and re-marks later admissions it
 * now precedes. `history` is this ticket's accepted check-ins and is updated.
 * Returns the ids re-marked.
 */
export function placeAdmission(
  row: CheckinsTable,
  cp: Checkpoint | undefined,
  timeZone: string,
  history: Admission[],
): Admission[] {
  if (row.verdict !== 'accepted' || !cp) return [];
  const me = admissionOf(row);
  history.push(me);
  if (row.direction !== 'entry') return [];
  if (isConflict(me, cp, timeZone, history)) {
    me.status = 'conflict';
    row.status = 'conflict';
  }
  const remarked = remarkedBy(me, cp, timeZone, history);
  for (const r of remarked) r.status = 'conflict';
  return remarked;
}

export async function markConflicts(trx: Transaction<Database>, seq: Sequence, ids: string[]): Promise<void> {
  for (const id of ids) {
    await trx.updateTable('checkins').set({ status: 'conflict', seq: seq.next() }).where('id', '=', id).execute();
  }
}

/**
 * Stores a batch (checkpoints already validated) in one transaction.
 * Results come back in the order of `items`.
 */
export async function uploadCheckins(
  db: Kysely<Database>,
  scope: DeviceScope,
  items: CheckinUpload[],
  now = Date.now(),
): Promise<{ id: string; status: UploadStatus }[]> {
  if (items.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const seq = await lockSequence(trx, scope.eventId);
    if (!seq) throw new Error(`Unknown event ${scope.eventId}`);
    const ids = [...new Set(items.map((i) => i.id))];
    const known = new Set(
      (await trx.selectFrom('checkins').select('id').where('id', 'in', ids).execute()).map((r) => r.id),
    );
    // New ids only, first occurrence wins (a batch may repeat an id).
    const seen = new Set(known);
    const fresh: CheckinUpload[] = [];
    for (const item of items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      fresh.push(item);
    }
    const histories = await acceptedHistory(trx, scope.eventId, [
      ...new Set(fresh.filter((i) => i.verdict === 'accepted').map((i) => i.code)),
    ]);

    const rows: CheckinsTable[] = [];
    const remarked = new Set<string>();
    for (const item of fresh) {
      const row = toRow(scope, item, seq.next(), now);
      const history = histories.get(item.code) ?? [];
      for (const r of placeAdmission(row, scope.checkpoints.get(item.checkpointId), scope.timeZone, history)) {
        remarked.add(r.id);
      }
      rows.push(row);
    }
    // Rows of this batch that a later item re-marked are simply written as conflicts.
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of [...remarked]) {
      const own = byId.get(id);
      if (own) {
        own.status = 'conflict';
        remarked.delete(id);
      }
    }
    if (rows.length) await trx.insertInto('checkins').values(rows).execute();
    await markConflicts(trx, seq, [...remarked]);
    await seq.save();

    const written = new Set<string>();
    return items.map((i) => {
      const row = byId.get(i.id);
      if (!row || written.has(i.id)) return { id: i.id, status: 'duplicate' as const };
      written.add(i.id);
      return { id: i.id, status: row.status as 'stored' | 'conflict' };
    });
  });
}

/** Every check-in of an event in seq order, in pages (exports). */
export async function* allCheckins(db: Db, eventId: string, pageSize = 5000): AsyncGenerator<CheckinsTable[]> {
  let after = -1;
  for (;;) {
    const rows = await db
      .selectFrom('checkins')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = Number(rows[rows.length - 1]!.seq);
    if (rows.length < pageSize) return;
  }
}
