// What the sync engine keeps about itself in IndexedDB `meta` (never localStorage):
// the pairing (server, device id, bearer token, event), pull cursors, the config
// ETag, the clock-offset estimate, the last successful sync, the quarantine of
// check-ins the server refused, and the "revoked" mark left after a wipe.
import { getMeta, setMeta, type TurnoutDb } from './db';

export interface Pairing {
  /** Base URL of the upstream, http(s), no trailing slash. */
  server: string;
  deviceId: string;
  token: string;
  eventId: string;
  /** Checkpoint preselected by the pairing link or the server, if any. */
  checkpointId: string | null;
  /** The name this kiosk paired under. */
  name: string;
  pairedAt: string;
}

export type Cursor = 'tickets' | 'checkins' | 'voids';

/** Keys of the `meta` rows sync owns. Exported for tests and for the wipe. */
export const SYNC_META = {
  pairing: 'sync.pairing',
  cursorTickets: 'sync.cursor.tickets',
  cursorCheckins: 'sync.cursor.checkins',
  configEtag: 'sync.config.etag',
  signingKeys: 'sync.config.signingKeys',
  clockOffset: 'sync.clockOffsetMs',
  lastSyncAt: 'sync.lastSyncAt',
  quarantine: 'sync.quarantine',
  revoked: 'sync.revoked',
  cursorVoids: 'sync.cursor.voids',
  /** The protocol features the server announced in its config (core/protocol.ts FEATURE_*). */
  features: 'sync.features',
  /** Prefix of the quarantines of desk records (`.voids`, `.walk-ins`) the server refused on their own: kept, retried later. */
  recordQuarantine: 'sync.quarantine.records',
} as const;

export const cursorKey = (which: Cursor) =>
  which === 'tickets' ? SYNC_META.cursorTickets : which === 'checkins' ? SYNC_META.cursorCheckins : SYNC_META.cursorVoids;

/** The features the server announced (none before its first config, or from a server that predates them). */
export async function serverFeatures(db: TurnoutDb): Promise<string[]> {
  const v = await getMeta<string[]>(db, SYNC_META.features);
  return Array.isArray(v) ? v : [];
}

export function loadPairing(db: TurnoutDb): Promise<Pairing | undefined> {
  return getMeta<Pairing>(db, SYNC_META.pairing);
}

export async function getCursor(db: TurnoutDb, which: Cursor): Promise<number> {
  const v = await getMeta<number>(db, cursorKey(which));
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}

/** Estimated (server − device) clock difference, ms; undefined until a heartbeat measured it. */
export async function getClockOffset(db: TurnoutDb): Promise<number | undefined> {
  const v = await getMeta<number>(db, SYNC_META.clockOffset);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function setClockOffset(db: TurnoutDb, ms: number): Promise<void> {
  return setMeta(db, SYNC_META.clockOffset, Math.round(ms));
}

export function getLastSyncAt(db: TurnoutDb): Promise<string | undefined> {
  return getMeta<string>(db, SYNC_META.lastSyncAt);
}

export function setLastSyncAt(db: TurnoutDb, iso: string): Promise<void> {
  return setMeta(db, SYNC_META.lastSyncAt, iso);
}

/** A pending check-in the server refused on its own (400/422): kept, retried later, never blocking others. */
export interface QuarantineEntry {
  error: string;
  at: number;
  retryAt: number;
}
export type Quarantine = Record<string, QuarantineEntry>;

export async function loadQuarantine(db: TurnoutDb): Promise<Quarantine> {
  return (await getMeta<Quarantine>(db, SYNC_META.quarantine)) ?? {};
}

export function saveQuarantine(db: TurnoutDb, q: Quarantine): Promise<void> {
  return setMeta(db, SYNC_META.quarantine, q);
}

export interface RevokedMark {
  at: string;
  /** `revoked`: the organiser cut this kiosk off; `unknown_device`: the server no longer knows its token. */
  reason: 'revoked' | 'unknown_device';
  server: string;
  deviceId: string;
  /** The dead pairing's token and event: proof, at the next pairing, that this kiosk was that device (re-pairing). */
  token?: string;
  eventId?: string;
}

export function loadRevoked(db: TurnoutDb): Promise<RevokedMark | undefined> {
  return getMeta<RevokedMark>(db, SYNC_META.revoked);
}

/** A pairing this kiosk held before: what it claims at the next pairing so its unsent records stay its own. */
/** Meta key of the held records' pairings (storage/held.ts HELD_META; here to keep imports one way). */
const HELD_META_KEY = 'sync.held';

export interface Predecessor {
  server: string;
  deviceId: string;
  token: string;
  eventId?: string;
}

/**
 * The earlier pairings whose records this kiosk may still hold, most recent first:
 * the live pairing (re-paired in place), the revoked one, then those whose records
 * are held for their event. The server links the
 * first of them that belongs to the new code's event and whose token is its own.
 */
export async function predecessors(db: TurnoutDb): Promise<Predecessor[]> {
  const out: Predecessor[] = [];
  const live = await loadPairing(db);
  if (live) out.push({ server: live.server, deviceId: live.deviceId, token: live.token, eventId: live.eventId });
  const dead = await loadRevoked(db);
  if (dead?.token && !out.some((p) => p.deviceId === dead.deviceId)) {
    out.push({ server: dead.server, deviceId: dead.deviceId, token: dead.token, ...(dead.eventId ? { eventId: dead.eventId } : {}) });
  }
  // Pairings whose records are held for their event (storage/held.ts), newest first.
  const held = Object.values((await getMeta<Record<string, Predecessor & { heldAt: string }>>(db, HELD_META_KEY)) ?? {}).sort((a, b) => (a.heldAt < b.heldAt ? 1 : -1));
  for (const h of held) if (h.token && !out.some((p) => p.deviceId === h.deviceId)) out.push({ server: h.server, deviceId: h.deviceId, token: h.token, eventId: h.eventId });
  return out.slice(0, 8);
}
