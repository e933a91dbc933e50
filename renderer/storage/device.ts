// This kiosk's identity and storage health: a device id made once and kept in
// IndexedDB (never localStorage), the persistent-storage grant, quota and usage.
import { v4 as uuidv4 } from 'uuid';
import { getMeta, setMeta, type TurnoutDb } from './db';

export async function deviceId(db: TurnoutDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta<string>(db, 'deviceId');
    if (existing) return existing;
    const id = `kiosk-${uuidv4().slice(0, 8)}`;
    await setMeta(db, 'deviceId', id);
    return id;
  });
}

export interface StorageHealth {
  persisted: boolean | 'unsupported';
  usage?: number;
  quota?: number;
}

/** Asks the browser not to evict our data under storage pressure, and reports the result. */
export async function requestPersistence(): Promise<StorageHealth> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return { persisted: 'unsupported' };
  const persisted = (await storage.persisted()) || (await storage.persist().catch(() => false));
  const estimate = await storage.estimate().catch(() => undefined);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}

export interface Session {
  checkpointId: string;
  direction: 'entry' | 'exit';
  /** Self-service mode (issue 12): attendees use the kiosk alone; leaving it needs the staff PIN. */
  selfService?: boolean;
  /**
   * Set by pairing (the link's checkpoint), not chosen by staff: the first config
   * pull replaces it, applying the checkpoint's `selfService` (sync/config.ts).
   */
  preset?: boolean;
}

export function loadSession(db: TurnoutDb): Promise<Session | undefined> {
  return getMeta<Session>(db, 'session');
}

export function saveSession(db: TurnoutDb, session: Session): Promise<void> {
  return setMeta(db, 'session', session);
}
