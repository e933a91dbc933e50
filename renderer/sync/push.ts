// Push: upload the outbox in batches of ≤ 500, oldest id first. A row leaves the
// outbox only when the server acknowledged its id; a batch that fails leaves every
// row pending, and a crash mid-batch is safe because upload is idempotent by id.
// One bad row never freezes the rest: a batch the server refuses as a whole (400,
// 422) or as too large (413) is split in halves until the culprit stands alone; it
// is then quarantined (still pending, still counted, retried later) and the others go on.
import { MAX_UPLOAD_ITEMS, CheckinUpload } from '../../core/protocol';
import type { CheckIn } from '../../core/model';
import type { TurnoutDb } from '../storage/db';
import { markAcknowledged, pendingIds, pendingRows, type Ack } from '../storage/outbox';
import { loadQuarantine, saveQuarantine, type Quarantine } from '../storage/sync-meta';
import type { SyncClient } from './client';
import { SyncError } from './errors';

export interface PushOptions {
  batchSize?: number;
  /** Device clock, for quarantine retry times. */
  now?: () => number;
  /** How long a refused row waits before it is tried again, ms. */
  quarantineRetryMs?: number;
  /** Tells the on-disk journal (Electron) which lines upstream now holds, so old days can be compacted. */
  onAcknowledged?: (ids: string[]) => Promise<unknown>;
}

export interface PushResult {
  /** Rows sent at least once in this push. */
  sent: number;
  /** Rows that left the outbox. */
  acknowledged: number;
  conflicts: number;
  /** Rows refused on their own, kept pending for a later retry. */
  quarantined: number;
}

/** The upload form of a stored check-in (the device comes from the token upstream). */
export function toUpload(c: CheckIn): CheckinUpload {
  const u: CheckinUpload = {
    id: c.id,
    code: c.code,
    checkpointId: c.checkpointId,
    direction: c.direction,
    verdict: c.verdict,
    scannedAt: c.scannedAt,
  };
  if (c.reason !== undefined) u.reason = c.reason;
  if (c.clockOffsetMs !== undefined) u.clockOffsetMs = Math.round(c.clockOffsetMs);
  if (c.override !== undefined) u.override = c.override;
  if (c.badge !== undefined) u.badge = c.badge;
  return u;
}

/** Uploads every eligible pending row. Throws the first error that is not about one row (network, 5xx, 429, auth…). */
export async function pushOutbox(db: TurnoutDb, client: SyncClient, opts: PushOptions = {}): Promise<PushResult> {
  const batchSize = Math.max(1, Math.min(MAX_UPLOAD_ITEMS, opts.batchSize ?? MAX_UPLOAD_ITEMS));
  const now = opts.now ?? Date.now;
  const retryMs = opts.quarantineRetryMs ?? 10 * 60_000;
  const result: PushResult = { sent: 0, acknowledged: 0, conflicts: 0, quarantined: 0 };

  const ids = await pendingIds(db);
  const quarantine = await loadQuarantine(db);
  let quarantineDirty = pruneQuarantine(quarantine, ids);
  const t = now();
  // Healthy rows first; quarantined rows only when their retry is due, one by one, last.
  const fresh = ids.filter((id) => !quarantine[id]);
  const due = ids.filter((id) => quarantine[id] && quarantine[id].retryAt <= t);

  const quarantineRow = (id: string, error: string) => {
    quarantine[id] = { error, at: now(), retryAt: now() + retryMs };
    quarantineDirty = true;
    result.quarantined++;
  };

  const send = async (items: CheckinUpload[]): Promise<void> => {
    if (items.length === 0) return;
    try {
      const res = await client.upload(items);
      result.sent += items.length;
      const asked = new Set(items.map((i) => i.id));
      // Only answers about ids we sent count; anything else is ignored, never applied.
      const acks = res.results.filter((r) => asked.has(r.id)) as { id: string; status: Ack }[];
      result.acknowledged += await markAcknowledged(db, acks);
      // Best effort: a journal that misses an ack only keeps its lines longer.
      if (opts.onAcknowledged && acks.length) await opts.onAcknowledged(acks.map((a) => a.id)).catch(() => undefined);
      result.conflicts += acks.filter((a) => a.status === 'conflict').length;
      for (const a of acks) {
        if (quarantine[a.id]) {
          delete quarantine[a.id];
          quarantineDirty = true;
        }
      }
    } catch (err) {
      if (!isAboutTheRows(err)) throw err;
      if (items.length === 1) {
        quarantineRow(items[0]!.id, (err as SyncError).message);
        return;
      }
      const half = Math.ceil(items.length / 2);
      await send(items.slice(0, half));
      await send(items.slice(half));
    }
  };

  try {
    for (const [group, size] of [[fresh, batchSize], [due, 1]] as const) {
      for (let i = 0; i < group.length; i += size) {
        const rows = await pendingRows(db, group.slice(i, i + size));
        const items: CheckinUpload[] = [];
        for (const row of rows) {
          // A row that cannot be valid on the wire is never sent: it would only poison its batch.
          const parsed = CheckinUpload.safeParse(toUpload(row));
          if (parsed.success) items.push(parsed.data);
          else quarantineRow(row.id, `invalid check-in: ${parsed.error.issues[0]?.message ?? 'schema'}`);
        }
        await send(items);
      }
    }
  } finally {
    if (quarantineDirty) await saveQuarantine(db, quarantine);
  }
  return result;
}

/** 413, or 400/422 (invalid request, unknown checkpoint): the batch's content was refused, not the call. */
function isAboutTheRows(err: unknown): boolean {
  if (!(err instanceof SyncError)) return false;
  return err.kind === 'too_large' || (err.kind === 'rejected' && (err.status === 400 || err.status === 422));
}

/** Drops quarantine entries of rows no longer pending. True when something changed. */
function pruneQuarantine(q: Quarantine, pending: string[]): boolean {
  const live = new Set(pending);
  let changed = false;
  for (const id of Object.keys(q)) {
    if (!live.has(id)) {
      delete q[id];
      changed = true;
    }
  }
  return changed;
}
