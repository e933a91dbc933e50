// Undo on the kiosk: the void records (DESIGN.md "Additions of 2026-12-05"). A void
// is its own row, keyed by the check-in it cancels, written with strict durability
// before the desk says "undone"; the check-in itself is never changed. Readers that
// decide or count ask `voidedAmong` for the check-ins they read and leave those out.
// Pending voids are the void outbox; pulled voids of other desks arrive stored.
import Dexie from 'dexie';
import { UNDO_LAST, undoRefusal, type UndoRefusal } from '../../core/desk-rules';
import { newCheckInId } from '../../core/ids';
import type { CheckIn, CheckInVoid, VoidReason } from '../../core/model';
import { dayKey, isoWithOffset } from '../../core/time';
import type { TurnoutDb } from './db';
import { cursorKey } from './sync-meta';

/** The ids among `checkinIds` that a void cancels: one bulkGet, whatever their number. */
export async function voidedAmong(db: TurnoutDb, checkinIds: readonly string[]): Promise<Set<string>> {
  if (checkinIds.length === 0) return new Set();
  const found = await db.voids.bulkGet([...checkinIds]);
  const out = new Set<string>();
  for (const v of found) if (v) out.add(v.checkinId);
  return out;
}

/** `history` without the check-ins a void cancels: what decide() and the tallies may see. */
export async function withoutVoided<T extends { id: string }>(db: TurnoutDb, history: T[]): Promise<T[]> {
  if (history.length === 0) return history;
  const voided = await voidedAmong(db, history.map((c) => c.id));
  return voided.size === 0 ? history : history.filter((c) => !voided.has(c.id));
}

/** This desk's latest check-ins, newest first (the `[deviceId+id]` index: ids are time-ordered). */
export function latestOfDevice(db: TurnoutDb, deviceId: string, limit: number): Promise<CheckIn[]> {
  return db.checkins
    .where('[deviceId+id]')
    .between([deviceId, Dexie.minKey], [deviceId, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

export interface RecentRow {
  checkIn: CheckIn;
  void?: CheckInVoid;
}

/** The recent strip: this desk's last `limit` check-ins with their voids, newest first. */
export async function recentOfDevice(db: TurnoutDb, deviceId: string, limit: number): Promise<RecentRow[]> {
  return db.transaction('r', db.checkins, db.voids, async () => {
    const rows = await latestOfDevice(db, deviceId, limit);
    const voids = await db.voids.bulkGet(rows.map((r) => r.id));
    return rows.map((checkIn, i) => (voids[i] ? { checkIn, void: voids[i] } : { checkIn }));
  });
}

export interface VoidRequest {
  checkinId: string;
  reason: VoidReason;
  note?: string;
  deviceId: string;
  now: number;
  timeZone: string;
}

export type VoidOutcome = { ok: true; void: CheckInVoid } | { ok: false; refusal: UndoRefusal | 'unknown' | 'not_latest' };

/**
 * Voids one of this desk's check-ins, if the desk may (core/desk-rules.ts: its own,
 * admitted, among its last UNDO_LAST, within UNDO_WINDOW_MS). Checked and written
 * in one read-write transaction with strict durability: two taps never void twice,
 * and "undone" is shown only for a void that is on disk.
 */
export async function voidCheckIn(db: TurnoutDb, req: VoidRequest): Promise<VoidOutcome> {
  return db.transaction('rw', db.checkins, db.voids, async (): Promise<VoidOutcome> => {
    const c = await db.checkins.get(req.checkinId);
    if (!c) return { ok: false, refusal: 'unknown' };
    const already = (await db.voids.get(c.id)) !== undefined;
    const refusal = undoRefusal(c, req.deviceId, req.now, already);
    if (refusal) return { ok: false, refusal };
    const latest = await latestOfDevice(db, req.deviceId, UNDO_LAST);
    if (!latest.some((r) => r.id === c.id)) return { ok: false, refusal: 'not_latest' };
    const record: CheckInVoid = {
      id: newCheckInId(req.now),
      checkinId: c.id,
      code: c.code,
      deviceId: req.deviceId,
      reason: req.reason,
      voidedAt: isoWithOffset(req.now, req.timeZone),
      day: dayKey(req.now, req.timeZone),
      syncState: 'pending',
    };
    const note = req.note?.trim();
    if (note) record.note = note.slice(0, 500);
    await db.voids.add(record);
    return { ok: true, void: record };
  });
}

/** Voids not yet acknowledged upstream, oldest first. */
export async function pendingVoids(db: TurnoutDb): Promise<CheckInVoid[]> {
  const rows = await db.voids.where('syncState').equals('pending').toArray();
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function pendingVoidCount(db: TurnoutDb): Promise<number> {
  return db.voids.where('syncState').equals('pending').count();
}

/** True when this desk holds an unsent void of a check-in of `code` (upstream cannot know it yet). */
export async function hasPendingVoidFor(db: TurnoutDb, code: string): Promise<boolean> {
  return (await db.voids.where('syncState').equals('pending').filter((v) => v.code === code).count()) > 0;
}

/** Marks voids the server acknowledged (stored or duplicate); ids not held are ignored. */
export async function markVoidsStored(db: TurnoutDb, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return db.transaction('rw', db.voids, async () => {
    let n = 0;
    for (const id of ids) {
      n += await db.voids.where('id').equals(id).modify({ syncState: 'stored' });
    }
    return n;
  });
}

/** A pulled void (any desk's). `code` is filled in from the check-in when this kiosk holds it. */
export interface PulledVoid {
  id: string;
  checkinId: string;
  deviceId: string;
  reason: VoidReason;
  note?: string;
  voidedAt: string;
  day: string;
}

/**
 * Stores a page of pulled voids and moves the voids cursor, in one transaction. A
 * void already held (our own, echoed back) only leaves the outbox; a second void of
 * one check-in changes nothing (the first one stands).
 */
export async function applyVoidsPage(db: TurnoutDb, items: readonly PulledVoid[], next: number): Promise<number> {
  return db.transaction('rw', db.voids, db.checkins, db.meta, async () => {
    let added = 0;
    if (items.length) {
      const [held, checkins] = await Promise.all([
        db.voids.bulkGet(items.map((v) => v.checkinId)),
        db.checkins.bulkGet(items.map((v) => v.checkinId)),
      ]);
      const rows: CheckInVoid[] = [];
      const acked: string[] = [];
      const seen = new Set<string>();
      items.forEach((v, i) => {
        const have = held[i];
        if (have) {
          if (have.id === v.id && have.syncState === 'pending') acked.push(v.id);
          return;
        }
        if (seen.has(v.checkinId)) return;
        seen.add(v.checkinId);
        const row: CheckInVoid = { ...v, code: checkins[i]?.code ?? '', syncState: 'stored' };
        if (v.note === undefined) delete row.note;
        rows.push(row);
      });
      if (rows.length) await db.voids.bulkAdd(rows);
      for (const id of acked) await db.voids.where('id').equals(id).modify({ syncState: 'stored' });
      added = rows.length;
    }
    await db.meta.put({ key: cursorKey('voids'), value: next });
    return added;
  });
}
