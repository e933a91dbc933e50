// Start-up: open the database, ask for persistent storage, then either
// - paired: the event config comes from the server (no demo data);
// - a pairing requested in the page URL (`?pair=…`), a first sync to resume, or
//   a revoked kiosk: the pairing screen (no demo data);
// - otherwise: the demo event and roster, as before pairing existed.
// `reload()` runs it again (after pairing, after a revocation).
import { useCallback, useEffect, useRef, useState } from 'react';
import { TurnoutDb, type EventConfig } from '../storage/db';
import { deviceId as loadDeviceId, loadSession, requestPersistence, type Session, type StorageHealth } from '../storage/device';
import { outboxCount } from '../storage/checkin';
import { loadConfig } from '../storage/roster';
import { ensureDemoData } from '../storage/seed';
import { loadPairing, loadRevoked, type Pairing } from '../storage/sync-meta';
import { pairingFromSearch } from '../sync/pairing';
import { recoverAtStart, type RecoveryReport } from '../storage/recovery';
import { reconcilePairingCopy } from '../storage/pairing-copy';
import { getPlatform } from '../platform';

export type Boot =
  | { state: 'loading'; done: number; total: number }
  | { state: 'failed'; error: string }
  | {
      state: 'pair';
      db: TurnoutDb;
      /** This kiosk's local id, for the name it pairs under. */
      localId: string;
      link?: string;
      resume?: Pairing;
      revoked?: { unsent: number; reason: 'revoked' | 'unknown_device' };
      reload(): void;
    }
  | {
      state: 'ready';
      db: TurnoutDb;
      config: EventConfig;
      deviceId: string;
      localId: string;
      session: Session | undefined;
      storage: StorageHealth;
      pairing?: Pairing;
      /** What the start-up recovery from the on-disk journal did (Electron only). */
      recovery?: RecoveryReport;
      reload(): void;
    };

function forgetPairingParams(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has('pair')) return;
  for (const key of ['pair', 'server', 'checkpoint']) url.searchParams.delete(key);
  history.replaceState(history.state, '', url);
}

export function useBoot(rosterSize: number): Boot {
  const [db] = useState(() => new TurnoutDb());
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const [boot, setBoot] = useState<Boot>({ state: 'loading', done: 0, total: rosterSize });
  // A recovery that led to the pairing screen (the roster is re-pulled first) is
  // still reported when the kiosk is ready, one boot later.
  const untold = useRef<RecoveryReport | undefined>(undefined);
  useEffect(() => {
    let live = true;
    (async () => {
      const storage = await requestPersistence();
      // Before anything reads the database: put back what IndexedDB lost, then the
      // pairing if it went with it.
      const fresh = await recoverAtStart(db, getPlatform().journal);
      const copy = await reconcilePairingCopy(db, getPlatform().pairingCopy);
      if (copy.kind === 'failed') console.warn('[turnout] pairing copy:', copy.message);
      const told = fresh && fresh.reasons.length > 0 ? fresh : (untold.current ?? fresh);
      const recovery = withPairingRestored(told, copy.kind === 'restored');
      untold.current = recovery;
      const [pairing, revoked, localId] = await Promise.all([loadPairing(db), loadRevoked(db), loadDeviceId(db)]);
      const link = pairing ? undefined : pairingFromSearch(location.search);
      // A pairing link in the URL is single-use: once paired, drop it so a reload
      // (or a later revocation) never redeems the spent code again.
      if (pairing) forgetPairingParams();
      if (!pairing && (link || revoked)) {
        const unsent = revoked ? await outboxCount(db) : 0;
        if (live) setBoot({ state: 'pair', db, localId, link, ...(revoked ? { revoked: { unsent, reason: revoked.reason ?? 'revoked' } } : {}), reload });
        return;
      }
      if (pairing) {
        const config = await loadConfig(db);
        if (!config) {
          if (live) setBoot({ state: 'pair', db, localId, resume: pairing, reload });
          return;
        }
        const session = await loadSession(db);
        untold.current = undefined;
        if (live) setBoot({ state: 'ready', db, config, deviceId: pairing.deviceId, localId, session, storage, pairing, recovery, reload });
        return;
      }
      await ensureDemoData(db, rosterSize, (done, total) => live && setBoot({ state: 'loading', done, total }));
      const config = await loadConfig(db);
      if (!config) throw new Error('no event configuration');
      const session = await loadSession(db);
      untold.current = undefined;
      if (live) setBoot({ state: 'ready', db, config, deviceId: localId, localId, session, storage, recovery, reload });
    })().catch((err: unknown) => live && setBoot({ state: 'failed', error: err instanceof Error ? err.message : String(err) }));
    return () => {
      live = false;
    };
  }, [db, rosterSize, generation, reload]);
  return boot;
}

/** Adds "the pairing came back from the shell's copy" to what staff are told. */
function withPairingRestored(report: RecoveryReport | undefined, restored: boolean): RecoveryReport | undefined {
  if (!restored) return report;
  const base = report ?? { recovered: 0, intoOutbox: 0, alreadyPresent: 0, days: [], reasons: [] };
  const reason = { code: 'pairing_restored' as const, count: 1, message: "The pairing was restored from the shell's copy; the roster is pulled again" };
  return { ...base, reasons: [...base.reasons.filter((r) => r.code !== 'pairing_restored'), reason] };
}
