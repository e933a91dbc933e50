// The staff PIN in IndexedDB meta (fake-indexeddb): a salted PBKDF2-SHA256 hash
// (never the PIN), five wrong tries then a lock that doubles, the lock kept
// across a reopen of the database (a page reload), and a right PIN clearing it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { TurnoutDb } from '../../../renderer/storage/db';
import {
  adoptStaffPinHash, checkStaffPin, hashPin, hasStaffPin, lockDelayMs, pinLock, PIN_ITERATIONS, PIN_META, setStaffPin, type PinHash,
} from '../../../renderer/storage/staff-pin';

const FAST = 100_000; // the floor the storage accepts; production uses PIN_ITERATIONS
let factory: IDBFactory;
let name: string;
let db: TurnoutDb;
const open = () => new TurnoutDb(name, { indexedDB: factory, IDBKeyRange });

beforeEach(() => {
  factory = new IDBFactory();
  name = `pin-${Math.random()}`;
  db = open();
});
afterEach(() => db.close());

describe('staff PIN', () => {
  it('stores a salted PBKDF2 hash in meta, never the PIN', async () => {
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(100_000);
    expect(await hasStaffPin(db)).toBe(false);
    expect(await checkStaffPin(db, '2468')).toEqual({ ok: false, reason: 'not_set' });
    await setStaffPin(db, '2468', FAST);
    expect(await hasStaffPin(db)).toBe(true);
    const row = (await db.meta.get(PIN_META.hash))?.value as PinHash;
    expect(row).toMatchObject({ alg: 'PBKDF2-SHA256', iterations: FAST });
    expect(JSON.stringify(row)).not.toContain('2468');
    expect(atob(row.salt)).toHaveLength(16);
    expect(atob(row.hash)).toHaveLength(32);
    // Same PIN, new salt, different hash.
    const again = await hashPin('2468', FAST);
    expect(again.salt).not.toBe(row.salt);
    expect(again.hash).not.toBe(row.hash);
    expect(await checkStaffPin(db, '2468')).toEqual({ ok: true });
  });

  it('refuses PINs that are not 4–12 digits and weak hashes', async () => {
    await expect(setStaffPin(db, '123', FAST)).rejects.toThrow();
    await expect(setStaffPin(db, '12a4', FAST)).rejects.toThrow();
    await expect(adoptStaffPinHash(db, { ...(await hashPin('1234', FAST)), iterations: 1000 })).rejects.toThrow(/100k/);
  });

  it('locks after five wrong PINs with a growing delay, and a reload keeps the lock', async () => {
    await setStaffPin(db, '2468', FAST);
    const t0 = Date.parse('2025-09-10T02:00:00Z');
    for (let i = 1; i <= 4; i++) expect(await checkStaffPin(db, '0000', t0 + i)).toEqual({ ok: false, reason: 'wrong', left: 5 - i, until: 0 });
    expect(await checkStaffPin(db, '1111', t0 + 5)).toEqual({ ok: false, reason: 'wrong', left: 0, until: t0 + 5 + 30_000 });
    // Even the right PIN is not looked at while locked.
    expect(await checkStaffPin(db, '2468', t0 + 1000)).toEqual({ ok: false, reason: 'locked', until: t0 + 5 + 30_000 });

    db.close();
    db = open(); // the page reloaded
    expect(await pinLock(db)).toEqual({ failures: 5, lockedUntil: t0 + 5 + 30_000 });
    expect(await checkStaffPin(db, '2468', t0 + 20_000)).toMatchObject({ reason: 'locked' });

    // After the wait, one more wrong PIN locks twice as long.
    const t1 = t0 + 40_000;
    expect(await checkStaffPin(db, '9999', t1)).toEqual({ ok: false, reason: 'wrong', left: 0, until: t1 + 60_000 });
    expect(await checkStaffPin(db, '2468', t1 + 61_000)).toEqual({ ok: true });
    expect(await pinLock(db)).toEqual({ failures: 0, lockedUntil: 0 });
  });

  it('grows the delay 30 s, 1 min, 2 min… up to 15 min', () => {
    expect([1, 4, 5, 6, 7, 10, 20].map(lockDelayMs)).toEqual([0, 0, 30_000, 60_000, 120_000, 900_000, 900_000]);
  });

  it('counts an attempt before checking it, so closing the page mid-check still counts', async () => {
    await setStaffPin(db, '2468', FAST);
    const pending = checkStaffPin(db, '0000');
    await new Promise((r) => setTimeout(r, 0));
    await pending;
    expect((await pinLock(db)).failures).toBe(1);
    await setStaffPin(db, '1357', FAST); // a new PIN clears the lock
    expect(await pinLock(db)).toEqual({ failures: 0, lockedUntil: 0 });
  });
});
