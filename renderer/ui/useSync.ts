// The sync engine in React: one engine per pairing, started while mounted and
// stopped on unmount; its status read with useSyncExternalStore so the indicator
// re-renders on every status event. A revocation calls back so the app can go to
// the pairing screen.
import { getPlatform } from '../platform';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { TurnoutDb } from '../storage/db';
import type { Pairing } from '../storage/sync-meta';
import { SyncEngine } from '../sync/engine';
import { dropPairingCopy } from '../storage/pairing-copy';
import type { SyncStatus } from '../sync/status';

export const APP_VERSION = `turnout-kiosk/${(import.meta.env.VITE_APP_VERSION as string | undefined) ?? 'dev'}`;

export function useSyncEngine(db: TurnoutDb, pairing: Pairing | undefined, onRevoked: () => void): SyncEngine | null {
  const engine = useMemo(() => (pairing ? new SyncEngine({ db, pairing, appVersion: APP_VERSION, onAcknowledged: journalAcks() }) : null), [db, pairing]);
  const revoked = useRef(onRevoked);
  useEffect(() => {
    revoked.current = onRevoked;
  }, [onRevoked]);
  useEffect(() => {
    if (!engine) return undefined;
    const off = engine.subscribe((e) => {
      if (e.type === 'revoked') {
        // The shell's copy must not pair this kiosk again after a restart, and the
        // revoked server's key is trusted no longer.
        const platform = getPlatform();
        void Promise.all([dropPairingCopy(platform.pairingCopy), platform.tlsPin?.clear()]).finally(() => revoked.current());
      }
    });
    engine.start();
    return () => {
      off();
      engine.stop();
    };
  }, [engine]);
  return engine;
}

const noSubscribe = () => () => undefined;
const noStatus = () => null;

export function useSyncStatus(engine: SyncEngine | null): SyncStatus | null {
  return useSyncExternalStore(engine ? engine.subscribe : noSubscribe, engine ? engine.getStatus : noStatus);
}

/** The journal's ack channel in Electron (lets acknowledged journal days be compacted); none in a browser. */
function journalAcks(): ((ids: string[]) => Promise<unknown>) | undefined {
  const journal = getPlatform().journal;
  return journal ? (ids) => journal.ack(ids) : undefined;
}
