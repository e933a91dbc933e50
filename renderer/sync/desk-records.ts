// The desk's records besides check-ins, as push-records.ts sends them: voids (undo)
// and walk-ins, each with its upload shape and what an acknowledgement does.
import type { CheckInVoid } from '../../core/model';
import { VoidUpload, WalkInUpload } from '../../core/protocol';
import type { WalkInRow } from '../storage/db';
import { markVoidsStored, pendingVoids } from '../storage/voids';
import { markWalkInsStored, pendingWalkIns } from '../storage/walkins';
import type { SyncClient } from './client';
import type { RecordKind } from './push-records';

export function toVoidUpload(v: CheckInVoid): VoidUpload {
  const u: VoidUpload = { id: v.id, checkinId: v.checkinId, reason: v.reason, voidedAt: v.voidedAt };
  if (v.note !== undefined) u.note = v.note;
  return u;
}

export function voidRecords(client: SyncClient): RecordKind<CheckInVoid, VoidUpload> {
  return {
    name: 'voids',
    pending: pendingVoids,
    toUpload: toVoidUpload,
    schema: VoidUpload,
    upload: (items) => client.uploadVoids(items),
    acknowledge: (db, results) => markVoidsStored(db, results.map((r) => r.id)),
  };
}

export function toWalkInUpload(w: WalkInRow): WalkInUpload {
  const u: WalkInUpload = {
    id: w.id,
    code: w.code,
    name: w.name,
    company: w.company,
    category: w.category,
    programmes: w.programmes ?? [],
    consents: w.consents,
    consentText: w.consentText,
    checkpointId: w.checkpointId,
    checkinId: w.checkinId,
    registeredAt: w.registeredAt,
  };
  if (w.phone !== undefined) u.phone = w.phone;
  return u;
}

/** Walk-ins go up before check-ins: their check-in names a ticket the server only has once the walk-in is stored. */
export function walkInRecords(client: SyncClient): RecordKind<WalkInRow, WalkInUpload> {
  return {
    name: 'walk-ins',
    pending: pendingWalkIns,
    toUpload: toWalkInUpload,
    schema: WalkInUpload,
    upload: (items) => client.uploadWalkIns(items),
    acknowledge: (db, results) => markWalkInsStored(db, results.map((r) => r.id)),
  };
}
