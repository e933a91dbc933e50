// Keeps the shell's copy of the pairing (Electron main, encrypted with safeStorage)
// in step with the one in IndexedDB. At start, after the journal recovery: a
// database that lost its pairing (Chromium reset it) gets the copy back, so the
// kiosk re-pulls its roster by the normal first sync instead of waiting for a new
// pairing code; a pairing only IndexedDB has (paired by an older version) is
// copied out. A revoked kiosk never restores: its mark wins and the copy goes.
// The copy is a convenience: failing to keep one never fails pairing or start-up.
import type { PlatformPairingCopy } from '../platform/types';
import type { TurnoutDb } from './db';
import { loadPairing, loadRevoked, SYNC_META, type Pairing } from './sync-meta';

export type PairingCopyOutcome =
  | { kind: 'none' } // no shell copy here (browser), or nothing to do
  | { kind: 'restored'; pairing: Pairing } // IndexedDB had lost it; put back from the copy
  | { kind: 'copied' } // IndexedDB had one the shell lacked
  | { kind: 'in_step' }
  | { kind: 'failed'; message: string };

/** Writes the copy after a pairing; a failure is returned for the log, never thrown. */
export async function keepPairingCopy(copy: PlatformPairingCopy | undefined, pairing: Pairing): Promise<string | null> {
  if (!copy) return null;
  try {
    const saved = await copy.save(pairing);
    return saved.ok ? null : saved.error.message;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Forgets the copy (revocation). */
export async function dropPairingCopy(copy: PlatformPairingCopy | undefined): Promise<void> {
  if (!copy) return;
  try {
    await copy.clear();
  } catch {
    // The revoked mark in IndexedDB already stops a restore; see reconcile below.
  }
}

export async function reconcilePairingCopy(db: TurnoutDb, copy: PlatformPairingCopy | undefined): Promise<PairingCopyOutcome> {
  if (!copy) return { kind: 'none' };
  try {
    const [local, revoked, kept] = await Promise.all([loadPairing(db), loadRevoked(db), copy.load()]);
    if (!kept.ok) return { kind: 'failed', message: kept.error.message };
    const shell = kept.value;
    if (revoked) {
      // Revoked while the copy could not be removed: remove it now, never restore it.
      if (shell) await copy.clear();
      return { kind: 'none' };
    }
    if (local) {
      if (shell && shell.deviceId === local.deviceId && shell.token === local.token) return { kind: 'in_step' };
      const saved = await copy.save(local);
      return saved.ok ? { kind: 'copied' } : { kind: 'failed', message: saved.error.message };
    }
    if (!shell) return { kind: 'none' };
    const pairing: Pairing = { ...shell };
    // Put back as it was, not as a new pairing (savePairing would drop the check-ins
    // the journal just restored as acknowledged); cursors start at 0, so the roster
    // and the other desks' check-ins are pulled again.
    await db.transaction('rw', db.meta, async () => {
      await db.meta.put({ key: SYNC_META.pairing, value: pairing });
      if (pairing.checkpointId && !(await db.meta.get('session'))) {
        await db.meta.put({ key: 'session', value: { checkpointId: pairing.checkpointId, direction: 'entry', preset: true } });
      }
    });
    return { kind: 'restored', pairing };
  } catch (err) {
    return { kind: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}
