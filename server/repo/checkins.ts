// Check-ins upstream: idempotent batch upload (the kiosk-made id is the key:
// a repeat is `duplicate`, never a second row), many devices' uploads stored
// in one transaction (ingest.ts gathers them), conflict marking (see
// conflicts.ts) and the paged pull of every device's check-ins by seq.

import type { Kysely, Transaction } from 'kysely';
import type { Checkpoint, RejectReason } from '../../core/model';
import type { CheckinUpload, CheckinWire, CheckinsPage, UploadStatus } from '../../core/protocol';
import type { CheckinsTable, Database } from '../db/schema-types';
import { cursorPage, type Sequence } from '../db/seq';
import type { DbKind } from '../db/connect';
import { insertRows, selectPrior } from './checkins-sql';
import { isConflict, remarkedBy, type Admission } from './conflicts';
import { venueDayHour } from './venue-clock';

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
  if (r.badge === 'printed' || r.badge === 'reprint') c.badge = r.badge;
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
  const { day, hour } = venueDayHour(ms, scope.timeZone);
  return {
    id: item.id,
    event_id: scope.eventId,
    seq,
    device_id: scope.deviceId,
    code: item.code,
    checkpoint_id: item.checkpointId,
    direction: item.direction,
    verdict: item.verdict,
    // An override keeps the refusal staff admitted through: the export shows what was overridden.
    reason: item.verdict === 'rejected' || item.override ? (item.reason ?? null) : null,
    scanned_at: item.scannedAt,
    scanned_at_ms: ms,
    day,
    hour,
    clock_offset_ms: item.clockOffsetMs ?? null,
    override_by: item.override?.by ?? null,
    override_reason: item.override?.reason ?? null,
    status: 'stored',
    received_at: now,
    badge: item.badge ?? null,
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

/**
 * What is already stored, in as few statements as the dialect allows (each
 * is paid under the sequence lock): which of `ids` exist (in any event), and
 * the accepted check-ins of `codes` in this event, by code (each code gets a
 * list, shared by the items of that code that follow).
 */
async function priorRows(trx: Db, kind: DbKind | undefined, eventId: string, ids: string[], codes: string[]) {
  const asked = new Set(ids);
  const known = new Set<string>();
  const histories = new Map<string, Admission[]>(codes.map((c) => [c, []]));
  const inHistory = new Set<string>();
  // Voids already upstream for this call's ids (fresh or re-sent): a void may come before its check-in.
  const voided = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    for (const v of await trx.selectFrom('voids').select('checkin_id').where('checkin_id', 'in', part).execute()) voided.add(v.checkin_id);
  }
  for (const r of await selectPrior(trx, kind, eventId, ids, codes)) {
    if (asked.has(r.id)) known.add(r.id);
    const history = r.event_id === eventId && r.verdict === 'accepted' && !voided.has(r.id) ? histories.get(r.code) : undefined;
    if (history && !inHistory.has(r.id)) {
      inHistory.add(r.id);
      history.push(admissionOf(r));
    }
  }
  return { known, histories, voided };
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

/** One device's upload: the checkpoints are known to the event. */
export interface Upload {
  deviceId: string;
  items: CheckinUpload[];
}

export type UploadResult = { id: string; status: UploadStatus }[];

/**
 * Stores uploads of one event inside `trx`, which holds the event's sequence
 * (`seq`, taken with lockSequence). Uploads are applied in order: an id seen
 * earlier (stored before, or earlier in this call) is `duplicate`. Conflicts
 * are judged against every check-in known once this call's rows are in (by
 * scannedAt, not arrival); admissions already stored only go stored → conflict.
 * Results come back per upload, in item order.
 */
export async function storeUploads(
  trx: Transaction<Database>,
  seq: Sequence,
  scope: Omit<DeviceScope, 'deviceId'>,
  uploads: Upload[],
  now: number,
  /** Picks the statements (checkins-sql.ts; db/connect dialectOf); portable ones when undefined. */
  kind?: DbKind,
): Promise<UploadResult[]> {
  const all = uploads.flatMap((u) => u.items);
  if (all.length === 0) return uploads.map(() => []);
  const ids = [...new Set(all.map((i) => i.id))];
  const codes = [...new Set(all.filter((i) => i.verdict === 'accepted').map((i) => i.code))];
  const { known: seen, histories, voided } = await priorRows(trx, kind, scope.eventId, ids, codes);
  // New ids only, first occurrence wins (a batch, or two uploads, may repeat an id).
  const fresh: { item: CheckinUpload; scope: DeviceScope }[] = [];
  for (const u of uploads) {
    const own: DeviceScope = { ...scope, deviceId: u.deviceId };
    for (const item of u.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      fresh.push({ item, scope: own });
    }
  }

  // Every new admission joins its ticket's history before any is judged, so
  // what arrives together is judged together whatever its order in the upload
  // (item by item, an entry re-marked a later re-entry before the exit uploaded
  // beside it was seen, and rows never go back). Then each stored or new
  // admission of those tickets is judged against all of it.
  const rows = fresh.map((f) => toRow(f.scope, f.item, seq.next(), now));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const touched = new Set<string>();
  for (const row of rows) {
    if (row.verdict !== 'accepted' || voided.has(row.id) || !scope.checkpoints.has(row.checkpoint_id)) continue;
    histories.get(row.code)!.push(admissionOf(row));
    touched.add(row.code);
  }
  const remarked: string[] = [];
  for (const code of touched) {
    const history = histories.get(code)!;
    for (const h of history) {
      const cp = scope.checkpoints.get(h.checkpointId);
      if (h.status !== 'stored' || !cp || !isConflict(h, cp, scope.timeZone, history)) continue;
      h.status = 'conflict';
      const own = byId.get(h.id);
      // A row of this call is simply written as a conflict; a stored one is re-marked.
      if (own) own.status = 'conflict';
      else remarked.push(h.id);
    }
  }
  await insertRows(trx, kind, rows);
  await markConflicts(trx, seq, remarked);

  const written = new Set<string>();
  return uploads.map((u) =>
    u.items.map((i) => {
      const row = byId.get(i.id);
      if (!row || written.has(i.id)) return { id: i.id, status: 'duplicate' as const };
      written.add(i.id);
      return { id: i.id, status: row.status as 'stored' | 'conflict' };
    }),
  );
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
