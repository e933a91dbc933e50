// The outbox seen from sync: the pending check-ins in id order (UUIDv7, so scan
// order), and marking them with the server's answer. A row leaves the outbox only
// here, only for an id the server acknowledged, in one transaction per batch.
import type { CheckIn, SyncState } from '../../core/model';
import type { TurnoutDb } from './db';

/** Ids of every pending check-in, ascending (the syncState index is ordered by primary key within a value). */
export function pendingIds(db: TurnoutDb): Promise<string[]> {
  return db.checkins.where('syncState').equals('pending').primaryKeys();
}

/** The still-pending rows among `ids`, in the order of `ids`. */
export async function pendingRows(db: TurnoutDb, ids: string[]): Promise<CheckIn[]> {
  const rows = await db.checkins.bulkGet(ids);
  return rows.filter((r): r is CheckIn => r !== undefined && r.syncState === 'pending');
}

export type Ack = 'stored' | 'duplicate' | 'conflict';

/**
 * Applies upload results. `stored`/`duplicate` → acknowledged (`stored`), `conflict`
 * → `conflict`. A `duplicate` never downgrades a row the pull already marked
 * `conflict`. Ids not in the table are ignored. Returns how many rows left the outbox.
 */
export async function markAcknowledged(db: TurnoutDb, results: { id: string; status: Ack }[]): Promise<number> {
  if (results.length === 0) return 0;
  return db.transaction('rw', db.checkins, async () => {
    const rows = await db.checkins.bulkGet(results.map((r) => r.id));
    let left = 0;
    const updates: { key: string; changes: { syncState: SyncState } }[] = [];
    results.forEach((r, i) => {
      const row = rows[i];
      if (!row) return;
      const next: SyncState = r.status === 'conflict' ? 'conflict' : row.syncState === 'conflict' ? 'conflict' : 'stored';
      if (row.syncState === 'pending') left++;
      if (row.syncState !== next) updates.push({ key: r.id, changes: { syncState: next } });
    });
    if (updates.length) await db.checkins.bulkUpdate(updates);
    return left;
  });
}

/** True when this kiosk holds an unsent check-in of `code` (upstream cannot know it yet). */
export async function hasPendingFor(db: TurnoutDb, code: string): Promise<boolean> {
  return (await db.checkins.where('code').equals(code).filter((c) => c.syncState === 'pending').count()) > 0;
}
