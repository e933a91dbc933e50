// The kiosk's help call (issue 12), kept in IndexedDB meta so a press is never
// lost: not to an offline network, not to a reload. It travels on every
// heartbeat (renderer/sync/heartbeat.ts) until the server answers that staff
// cleared it. `sentAt` is set once a heartbeat carrying it was answered, which
// is what lets the screen say "staff have been called" rather than "saved".
import { newCheckInId } from '../../core/ids';
import { getMeta, setMeta, type TurnoutDb } from './db';

export const HELP_META = 'help.call';

export interface StoredHelpCall {
  id: string;
  /** ISO instant on the kiosk's clock. */
  requestedAt: string;
  /** Device-clock ms when the server first acknowledged it; absent until then. */
  sentAt?: number;
}

export async function loadHelpCall(db: TurnoutDb): Promise<StoredHelpCall | undefined> {
  return getMeta<StoredHelpCall>(db, HELP_META);
}

/** Opens a call, or returns the one already open (pressing twice is one call). */
export async function raiseHelpCall(db: TurnoutDb, now: number): Promise<StoredHelpCall> {
  return db.transaction('rw', db.meta, async () => {
    const open = await loadHelpCall(db);
    if (open) return open;
    const call: StoredHelpCall = { id: newCheckInId(), requestedAt: new Date(now).toISOString() };
    await setMeta(db, HELP_META, call);
    return call;
  });
}

/** A heartbeat carrying call `id` was answered: mark it sent, or drop it when staff cleared it. */
export async function settleHelpCall(db: TurnoutDb, id: string, outcome: { cleared: boolean; at: number }): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const open = await loadHelpCall(db);
    if (!open || open.id !== id) return; // a newer press since: it has its own fate
    if (outcome.cleared) await db.meta.delete(HELP_META);
    else if (open.sentAt === undefined) await setMeta(db, HELP_META, { ...open, sentAt: outcome.at });
  });
}
