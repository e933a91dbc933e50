// Group commit of check-in uploads. Every writer of an event holds its
// sequence lock for a whole transaction (db/seq.ts), so concurrent uploads of
// one event run one after another anyway; paying BEGIN, the lock, the lookups
// and COMMIT once per upload is what capped ingest. Here uploads queue per
// event and one transaction stores every upload waiting when it starts, in
// arrival order (the first copy of an id wins; conflicts are judged with
// everything the transaction knows, see storeUploads).
// Nobody is answered before that transaction commits: a 200 still means the
// rows are stored. There is no timer: a transaction starts one event-loop turn
// after an upload arrives (so requests already read from the sockets join it),
// and under load it gathers the uploads that arrived while the previous one ran.
// Should a shared transaction fail, each of its uploads is retried alone, so
// one upload's failure is never another's.

import type { Kysely } from 'kysely';
import { dialectOf } from '../db/connect';
import type { Database } from '../db/schema-types';
import { lockSequence } from '../db/seq';
import { ApiError, unprocessable } from '../errors';
import { storeUploads, type Upload, type UploadResult } from './checkins';
import { getCheckpoints, getEventInfo } from './events';

/** Items per shared transaction (at least one upload always goes, whatever its size). */
const MAX_GROUP_ITEMS = 2000;

interface Waiting extends Upload {
  resolve(results: UploadResult): void;
  reject(err: unknown): void;
}

export interface Ingest {
  /** Stores a device's upload (items already schema-valid); resolves after commit. */
  submit(eventId: string, upload: Upload): Promise<UploadResult>;
}

export function createIngest(db: Kysely<Database>, now: () => number): Ingest {
  const kind = dialectOf(db);
  const queues = new Map<string, Waiting[]>();
  const draining = new Set<string>();

  function takeGroup(queue: Waiting[]): Waiting[] {
    let n = 0;
    let items = 0;
    while (n < queue.length && (n === 0 || items + queue[n]!.items.length <= MAX_GROUP_ITEMS)) {
      items += queue[n]!.items.length;
      n++;
    }
    return queue.splice(0, n);
  }

  /**
   * One transaction for `take()`'s uploads, taken once the transaction has
   * begun (so it gathers everything queued while waiting for the connection).
   * Uploads refused (event gone, unknown checkpoint) are answered at once:
   * they store nothing. Returns the uploads to retry alone when it failed.
   */
  async function runGroup(eventId: string, take: () => Waiting[]): Promise<Waiting[]> {
    // Read outside the lock, as a lone upload did; on PostgreSQL on other pooled
    // connections while this one begins. (SQLite queues them first on its one connection.)
    const lookups = Promise.all([getEventInfo(db, eventId), getCheckpoints(db, eventId)]);
    lookups.catch(() => undefined); // awaited below; a failure is the transaction's
    let group: Waiting[] | null = null;
    try {
      const stored = await db.transaction().execute(async (trx) => {
        group = take();
        // Claim a number per item with the lock: duplicates leave gaps, which cursors never mind.
        const seq = await lockSequence(trx, eventId, group.reduce((n, w) => n + w.items.length, 0));
        const [event, checkpoints] = await lookups;
        if (!seq || !event) {
          const gone = new ApiError(410, 'event_gone', `Event ${eventId} no longer exists`);
          for (const w of group.splice(0)) w.reject(gone);
          return [];
        }
        const accepted: Waiting[] = [];
        for (const w of group) {
          const unknown = [...new Set(w.items.map((i) => i.checkpointId))].filter((id) => !checkpoints.has(id));
          if (unknown.length === 0) accepted.push(w);
          else w.reject(unprocessable(`Unknown checkpoint(s): ${unknown.join(', ')}; nothing was stored`, 'unknown_checkpoint'));
        }
        group = accepted;
        const scope = { eventId, timeZone: event.timeZone, checkpoints };
        const results = await storeUploads(trx, seq, scope, accepted, now(), kind);
        await seq.save();
        return accepted.map((w, i) => () => w.resolve(results[i]!));
      });
      // Committed: now every upload of the group may hear "stored".
      for (const answer of stored) answer();
      return [];
    } catch (err) {
      const failed: Waiting[] = group ?? take();
      if (failed.length <= 1) {
        for (const w of failed) w.reject(err);
        return [];
      }
      return failed;
    }
  }

  async function drain(eventId: string): Promise<void> {
    draining.add(eventId);
    try {
      for (;;) {
        const queue = queues.get(eventId);
        if (!queue || queue.length === 0) break;
        // Without this turn, on SQLite every upload went alone: each request's token
        // lookup waits on the one connection, so none had reached the queue yet.
        await new Promise((r) => setImmediate(r));
        const retry = await runGroup(eventId, () => takeGroup(queue));
        for (const w of retry) await runGroup(eventId, () => [w]);
      }
    } finally {
      draining.delete(eventId);
      if (!queues.get(eventId)?.length) queues.delete(eventId);
    }
  }

  return {
    submit(eventId, upload) {
      return new Promise<UploadResult>((resolve, reject) => {
        let queue = queues.get(eventId);
        if (!queue) queues.set(eventId, (queue = []));
        queue.push({ ...upload, resolve, reject });
        if (!draining.has(eventId)) void drain(eventId);
      });
    },
  };
}
