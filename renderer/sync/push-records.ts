// Push of the desk's own records besides check-ins — voids (undo) and walk-ins —
// with the check-in outbox's guarantees (push.ts): each is sent until the server
// acknowledged its id (upload is idempotent by id, so a retry after a cut reply
// stores nothing twice), in batches of ≤ 500, oldest first. A batch the server
// refuses as a whole (400/422/413) is split until the culprit stands alone; that
// record is set aside (still pending, retried every 10 minutes) and never blocks
// the rest. Only sent to a server that announced the kind's feature in its config.
import type { z } from 'zod';
import { MAX_UPLOAD_ITEMS } from '../../core/protocol';
import type { TurnoutDb } from '../storage/db';
import { getMeta, setMeta } from '../storage/db';
import { SYNC_META, type Quarantine } from '../storage/sync-meta';
import { SyncError } from './errors';

export interface RecordKind<R extends { id: string }, U> {
  /** For messages: `voids`, `walk-ins`. */
  name: string;
  pending(db: TurnoutDb): Promise<R[]>;
  toUpload(record: R): U;
  schema: z.ZodType<U>;
  upload(items: U[]): Promise<{ results: { id: string; status: string }[] }>;
  /** Applies the server's answers; returns how many records left the outbox. */
  acknowledge(db: TurnoutDb, results: { id: string; status: string }[]): Promise<number>;
}

export interface RecordPushResult {
  sent: number;
  acknowledged: number;
  quarantined: number;
}

export async function pushRecords<R extends { id: string }, U>(
  db: TurnoutDb,
  kind: RecordKind<R, U>,
  opts: { now?: () => number; batchSize?: number; quarantineRetryMs?: number } = {},
): Promise<RecordPushResult> {
  const now = opts.now ?? Date.now;
  const batch = Math.max(1, Math.min(MAX_UPLOAD_ITEMS, opts.batchSize ?? MAX_UPLOAD_ITEMS));
  const retryMs = opts.quarantineRetryMs ?? 10 * 60_000;
  const result: RecordPushResult = { sent: 0, acknowledged: 0, quarantined: 0 };
  const records = await kind.pending(db);
  const key = `${SYNC_META.recordQuarantine}.${kind.name}`;
  const quarantine = (await getMeta<Quarantine>(db, key)) ?? {};
  let dirty = false;
  // Entries of records no longer pending (acknowledged meanwhile, or wiped) go.
  const live = new Set(records.map((r) => r.id));
  for (const id of Object.keys(quarantine)) {
    if (!live.has(id)) {
      delete quarantine[id];
      dirty = true;
    }
  }
  const t = now();
  const fresh = records.filter((r) => !quarantine[r.id]);
  const due = records.filter((r) => quarantine[r.id] && quarantine[r.id]!.retryAt <= t);
  const setAside = (id: string, error: string) => {
    quarantine[id] = { error, at: now(), retryAt: now() + retryMs };
    dirty = true;
    result.quarantined++;
  };

  const send = async (items: { id: string; body: U }[]): Promise<void> => {
    if (items.length === 0) return;
    try {
      const res = await kind.upload(items.map((i) => i.body));
      result.sent += items.length;
      const asked = new Set(items.map((i) => i.id));
      const answers = res.results.filter((r) => asked.has(r.id));
      result.acknowledged += await kind.acknowledge(db, answers);
      for (const a of answers) {
        if (quarantine[a.id]) {
          delete quarantine[a.id];
          dirty = true;
        }
      }
    } catch (err) {
      if (!(err instanceof SyncError) || !(err.kind === 'too_large' || (err.kind === 'rejected' && (err.status === 400 || err.status === 422)))) throw err;
      if (items.length === 1) return setAside(items[0]!.id, err.message);
      const half = Math.ceil(items.length / 2);
      await send(items.slice(0, half));
      await send(items.slice(half));
    }
  };

  try {
    for (const [group, size] of [[fresh, batch], [due, 1]] as const) {
      for (let i = 0; i < group.length; i += size) {
        const items: { id: string; body: U }[] = [];
        for (const r of group.slice(i, i + size)) {
          const parsed = kind.schema.safeParse(kind.toUpload(r));
          if (parsed.success) items.push({ id: r.id, body: parsed.data });
          else setAside(r.id, `invalid ${kind.name} record: ${parsed.error.issues[0]?.message ?? 'schema'}`);
        }
        await send(items);
      }
    }
  } finally {
    if (dirty) await setMeta(db, key, quarantine);
  }
  return result;
}
