// The desk's records besides check-ins, as push-records.ts sends them: voids (undo)
// and walk-ins, each with its upload shape and what an acknowledgement does.
import type { CheckInVoid } from '../../core/model';
import { VoidUpload } from '../../core/protocol';
import { markVoidsStored, pendingVoids } from '../storage/voids';
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
