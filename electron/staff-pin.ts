// The staff PIN gate in main. Trust model: the kiosk page is the only caller (IPC
// checks the sender's origin), but the page runs attendee-facing UI, so main does
// not take its word for "staff said quit". At setup the page registers the staff
// PIN; main keeps only a salted PBKDF2-SHA256 hash (shell-settings.json, 0600).
// Quitting and changing shell settings need that PIN again, compared in constant
// time, with a lock-out after 5 wrong tries (30 s, doubling to 15 min) so a 4–6
// digit PIN can't be brute-forced through the bridge. Changing the PIN needs the
// current one. Forgotten PIN: an administrator with OS access deletes the
// `staffPin` entry from shell-settings.json (documented; no back door in the app).
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { fail, ok, type Result } from '../core/kiosk-api';
import type { PinRecord } from './settings';

const pbkdf2Async = promisify(pbkdf2);

export const PIN_ITERATIONS = 300_000;
export const MAX_FAILURES = 5;
export const BASE_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;

export async function hashPin(pin: string, iterations = PIN_ITERATIONS, salt: Buffer = randomBytes(16)): Promise<PinRecord> {
  const hash = await pbkdf2Async(pin, salt, iterations, 32, 'sha256');
  return { algo: 'pbkdf2-sha256', iterations, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export async function verifyPin(pin: string, record: PinRecord): Promise<boolean> {
  const expected = Buffer.from(record.hash, 'base64');
  const actual = await pbkdf2Async(pin, Buffer.from(record.salt, 'base64'), record.iterations, expected.length, 'sha256');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface PinGateDeps {
  load: () => PinRecord | null;
  save: (record: PinRecord) => Promise<void>;
  now: () => number;
  iterations?: number;
}

export interface PinGate {
  isSet(): boolean;
  /** First registration needs nothing; a change needs the current PIN. */
  register(pin: string, currentPin?: string): Promise<Result<null>>;
  check(pin: string): Promise<Result<null>>;
}

export function createPinGate(deps: PinGateDeps): PinGate {
  let failures = 0;
  let lockedUntil = 0;

  const check = async (pin: string): Promise<Result<null>> => {
    const record = deps.load();
    if (!record) return fail('pin_not_set', 'No staff PIN is registered on this kiosk yet');
    const now = deps.now();
    if (now < lockedUntil) {
      return fail('pin_locked', `Too many wrong PINs; try again in ${Math.ceil((lockedUntil - now) / 1000)} s`);
    }
    if (await verifyPin(pin, record)) {
      failures = 0;
      return ok(null);
    }
    failures += 1;
    if (failures >= MAX_FAILURES) {
      lockedUntil = deps.now() + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - MAX_FAILURES));
      return fail('pin_locked', `Wrong PIN; locked for ${Math.ceil((lockedUntil - deps.now()) / 1000)} s`);
    }
    return fail('bad_pin', `Wrong PIN (${MAX_FAILURES - failures} tries left)`);
  };

  return {
    isSet: () => deps.load() !== null,
    check,
    async register(pin, currentPin) {
      if (deps.load()) {
        if (currentPin === undefined) return fail('bad_pin', 'Changing the staff PIN needs the current PIN');
        const allowed = await check(currentPin);
        if (!allowed.ok) return allowed;
      }
      await deps.save(await hashPin(pin, deps.iterations));
      return ok(null);
    },
  };
}
