// Start-up: open the database, ask for persistent storage, make sure an event and
// roster are present (demo data until a server is paired), restore the session.
import { useEffect, useState } from 'react';
import { TurnoutDb, type EventConfig } from '../storage/db';
import { deviceId as loadDeviceId, loadSession, requestPersistence, type Session, type StorageHealth } from '../storage/device';
import { loadConfig } from '../storage/roster';
import { ensureDemoData } from '../storage/seed';

export type Boot =
  | { state: 'loading'; done: number; total: number }
  | { state: 'failed'; error: string }
  | { state: 'ready'; db: TurnoutDb; config: EventConfig; deviceId: string; session: Session | undefined; storage: StorageHealth };

export function useBoot(rosterSize: number): Boot {
  const [boot, setBoot] = useState<Boot>({ state: 'loading', done: 0, total: rosterSize });
  useEffect(() => {
    const db = new TurnoutDb();
    let live = true;
    (async () => {
      const storage = await requestPersistence();
      await ensureDemoData(db, rosterSize, (done, total) => live && setBoot({ state: 'loading', done, total }));
      const config = await loadConfig(db);
      if (!config) throw new Error('no event configuration');
      const [id, session] = await Promise.all([loadDeviceId(db), loadSession(db)]);
      if (live) setBoot({ state: 'ready', db, config, deviceId: id, session, storage });
    })().catch((err: unknown) => live && setBoot({ state: 'failed', error: err instanceof Error ? err.message : String(err) }));
    return () => {
      live = false;
    };
  }, [rosterSize]);
  return boot;
}
