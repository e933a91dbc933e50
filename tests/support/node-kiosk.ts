// A kiosk without a page: the real storage (renderer/storage on fake-indexeddb)
// and the real sync engine (renderer/sync), paired by a real pairing link. What
// the page does around a scan is done here the same way: recordScan (decide and
// store in one transaction, the verdict only after commit), then the engine is
// nudged. Used by the replica test and the soak; no test-runner imports.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { CheckIn, Direction } from '../../core/model';
import { outboxCount, recordScan, type ScanOutcome } from '../../renderer/storage/checkin';
import { TurnoutDb } from '../../renderer/storage/db';
import { loadConfig } from '../../renderer/storage/roster';
import type { Pairing } from '../../renderer/storage/sync-meta';
import { SyncEngine, type EngineOptions } from '../../renderer/sync/engine';
import { pairAndSync } from '../../renderer/sync/pairing';

/** A fresh kiosk database on its own in-memory IndexedDB. */
export function kioskDb(): TurnoutDb {
  return new TurnoutDb(`kiosk-${Math.random().toString(36).slice(2)}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

export type EngineSettings = Omit<EngineOptions, 'db' | 'pairing'>;

export interface NodeKiosk {
  name: string;
  db: TurnoutDb;
  pairing: Pairing;
  engine: SyncEngine;
  /** Ids of every check-in this kiosk stored (whatever the verdict). */
  created: string[];
  /** Decides and stores one scan as the page does, then nudges the engine. */
  scan(raw: string, opts: { checkpointId: string; direction?: Direction; now?: number }): Promise<ScanOutcome>;
  outbox(): Promise<number>;
  /** Every check-in in this kiosk's database (its own and those pulled). */
  all(): Promise<CheckIn[]>;
}

/**
 * Pairs a new kiosk with `link` and runs its first sync (through `engine.fetch`
 * when given), then builds its long-lived engine (not started: call
 * `engine.start()` for the page's loop, or `engine.syncNow()` for single passes).
 */
export async function pairNodeKiosk(link: string, name: string, engine: EngineSettings = {}): Promise<NodeKiosk> {
  const db = kioskDb();
  const pairing = await pairAndSync(db, link, { name, fetch: engine.fetch, now: engine.now, engine: { ...engine, events: null } });
  const eng = new SyncEngine({ heartbeatMs: 0, ...engine, db, pairing, events: null });
  const created: string[] = [];
  const config = (await loadConfig(db))!;
  return {
    name,
    db,
    pairing,
    engine: eng,
    created,
    async scan(raw, opts) {
      const checkpoint = config.checkpoints.find((c) => c.id === opts.checkpointId);
      if (!checkpoint) throw new Error(`${name}: no checkpoint ${opts.checkpointId}`);
      const offset = eng.clockOffsetMs();
      const out = await recordScan(db, {
        raw,
        checkpoint,
        timeZone: config.event.timeZone,
        deviceId: pairing.deviceId,
        direction: opts.direction ?? 'entry',
        now: opts.now ?? (engine.now ?? Date.now)(),
        ...(offset !== undefined ? { clockOffsetMs: offset } : {}),
      });
      if (out.kind === 'stored') {
        created.push(out.checkIn.id);
        eng.notifyScan();
      }
      return out;
    },
    outbox: () => outboxCount(db),
    all: () => db.checkins.toArray(),
  };
}
