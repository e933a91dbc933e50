// The staff PIN, kept in IndexedDB `meta` (never localStorage) as a salted
// PBKDF2-SHA256 hash (WebCrypto), and its lock: every attempt is counted
// before the PIN is even checked, and from the 5th wrong one on the pad locks
// for a delay that doubles each time. Both are persisted, so a reload neither
// resets the count nor shortens a lock. Lock times are real time (Date.now),
// never the rehearsal clock, which restarts on every reload.
// The PIN comes from setup, from staff mode's change-PIN flow, or from the
// event's config (the organiser's PIN, hashed by the server in the same format):
// a config hash the kiosk has not adopted before replaces an older local PIN.
import { PinSchema } from '../../core/kiosk-api';
import { STAFF_PIN_ITERATIONS, type StaffPinHash } from '../../core/protocol';
import { getMeta, setMeta, type TurnoutDb } from './db';

export const PIN_META = { hash: 'staff.pin', lock: 'staff.pinLock', fromConfig: 'staff.pinFromConfig' } as const;
/** OWASP's figure for PBKDF2-HMAC-SHA256 (2023); ~0.15 s on a kiosk-class CPU. Shared with the server. */
export const PIN_ITERATIONS = STAFF_PIN_ITERATIONS;
export const FREE_TRIES = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export interface PinHash {
  alg: 'PBKDF2-SHA256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64 of 32 bytes */
  hash: string;
  setAt: string;
}

export interface PinLock {
  /** Wrong (or unfinished) attempts since the last right one. */
  failures: number;
  /** Epoch ms until which no attempt is taken; 0 when open. */
  lockedUntil: number;
}

export type PinCheck =
  | { ok: true }
  | { ok: false; reason: 'not_set' }
  | { ok: false; reason: 'locked'; until: number }
  | { ok: false; reason: 'wrong'; left: number; until: number };

/** Lock length after `failures` wrong attempts: none for the first four, then 30 s, 1 min, 2 min… up to 15 min. */
export function lockDelayMs(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - FREE_TRIES));
}

const b64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** A fresh salted hash of `pin` (throws on a PIN that is not 4–12 digits). */
export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
  PinSchema.parse(pin);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { alg: 'PBKDF2-SHA256', iterations, salt: b64(salt), hash: b64(await derive(pin, salt, iterations)), setAt: new Date().toISOString() };
}

function validHash(v: unknown): v is PinHash {
  const h = v as PinHash | undefined;
  return !!h && h.alg === 'PBKDF2-SHA256' && Number.isInteger(h.iterations) && h.iterations >= 100_000 && typeof h.salt === 'string' && typeof h.hash === 'string';
}

export async function hasStaffPin(db: TurnoutDb): Promise<boolean> {
  return validHash(await getMeta(db, PIN_META.hash));
}

/** Sets (or replaces) the PIN and clears the lock. */
export async function setStaffPin(db: TurnoutDb, pin: string, iterations = PIN_ITERATIONS): Promise<void> {
  await adoptStaffPinHash(db, await hashPin(pin, iterations));
}

/** Takes a PIN hash made elsewhere (e.g. the event's config when the kiosk is paired). */
export async function adoptStaffPinHash(db: TurnoutDb, hash: PinHash): Promise<void> {
  if (!validHash(hash)) throw new Error('not a PBKDF2-SHA256 PIN hash with at least 100k iterations');
  await db.transaction('rw', db.meta, async () => {
    await setMeta(db, PIN_META.hash, hash);
    await setMeta(db, PIN_META.lock, { failures: 0, lockedUntil: 0 } satisfies PinLock);
  });
}

const sameHash = (a: PinHash | undefined, b: PinHash): boolean => !!a && a.salt === b.salt && a.hash === b.hash;

/**
 * Adopts the staff PIN hash carried by the event's config, unless this kiosk
 * already adopted that very hash (staff may have changed the PIN here since:
 * a config refresh must not undo that) or its local PIN was set later than
 * the config's. True when the kiosk's PIN changed.
 */
export async function adoptConfigStaffPin(db: TurnoutDb, fromConfig: StaffPinHash): Promise<boolean> {
  if (!validHash(fromConfig)) return false;
  return db.transaction('rw', db.meta, async () => {
    const [current, adopted] = await Promise.all([getMeta<PinHash>(db, PIN_META.hash), getMeta<PinHash>(db, PIN_META.fromConfig)]);
    if (sameHash(current, fromConfig) || sameHash(adopted, fromConfig)) return false;
    const localAt = validHash(current) ? Date.parse(current.setAt) : NaN;
    if (Number.isFinite(localAt) && !(Date.parse(fromConfig.setAt) > localAt)) return false;
    await adoptStaffPinHash(db, fromConfig);
    await setMeta(db, PIN_META.fromConfig, fromConfig);
    return true;
  });
}

export async function pinLock(db: TurnoutDb): Promise<PinLock> {
  const v = await getMeta<PinLock>(db, PIN_META.lock);
  return { failures: Number(v?.failures) || 0, lockedUntil: Number(v?.lockedUntil) || 0 };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * Checks a PIN. The attempt is written down (and any lock it earns) before the
 * slow hash runs, so closing the page mid-check still counts it; a right PIN
 * then clears the count.
 */
export async function checkStaffPin(db: TurnoutDb, pin: string, now = Date.now()): Promise<PinCheck> {
  const stored = await getMeta<PinHash>(db, PIN_META.hash);
  if (!validHash(stored)) return { ok: false, reason: 'not_set' };
  const attempt = await db.transaction('rw', db.meta, async (): Promise<{ locked: true; until: number } | { locked: false; next: PinLock }> => {
    const lock = await pinLock(db);
    if (lock.lockedUntil > now) return { locked: true, until: lock.lockedUntil };
    const failures = lock.failures + 1;
    const next: PinLock = { failures, lockedUntil: lockDelayMs(failures) > 0 ? now + lockDelayMs(failures) : 0 };
    await setMeta(db, PIN_META.lock, next);
    return { locked: false, next };
  });
  if (attempt.locked) return { ok: false, reason: 'locked', until: attempt.until };
  const right = PinSchema.safeParse(pin).success && sameBytes(await derive(pin, unb64(stored.salt), stored.iterations), unb64(stored.hash));
  if (right) {
    await setMeta(db, PIN_META.lock, { failures: 0, lockedUntil: 0 } satisfies PinLock);
    return { ok: true };
  }
  const { failures, lockedUntil } = attempt.next;
  return { ok: false, reason: 'wrong', left: Math.max(0, FREE_TRIES - failures), until: lockedUntil };
}
