// The organiser's staff PIN reaching kiosks through the event config (real
// upstream on loopback, kiosk databases on fake-indexeddb): a kiosk paired
// after the PIN was set adopts the server's hash and the PIN then verifies
// offline; a PIN changed on the kiosk later survives config refreshes that carry
// the same hash; a newer PIN from the organiser replaces it; a config without a
// hash (none set, or cleared) leaves the kiosk's own PIN alone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, type PairingCopyReceipt } from '../../../core/kiosk-api';
import type { TurnoutDb } from '../../../renderer/storage/db';
import { adoptConfigStaffPin, checkStaffPin, hasStaffPin, hashPin, pinLock, setStaffPin } from '../../../renderer/storage/staff-pin';
import { SyncEngine } from '../../../renderer/sync/engine';
import { pairAndSync } from '../../../renderer/sync/pairing';
import { BUNDLE, EVENT_ID, kioskDb, startUpstream, type Upstream } from './harness';

let up: Upstream;
beforeEach(async () => {
  up = await startUpstream(5);
});
afterEach(() => up.close());

const setServerPin = async (pin: string) => expect((await up.admin(`/v1/admin/events/${EVENT_ID}/staff-pin`, { method: 'PUT', json: { pin } })).status).toBe(200);
/** Any edit to the event changes the config's ETag, so the next sync fetches it again. */
const touchEvent = async (label: string) =>
  expect((await up.admin('/v1/admin/events', { json: { ...BUNDLE, event: { ...BUNDLE.event, name: { ko: label, en: label } } } })).status).toBe(200);
const verifies = async (db: TurnoutDb, pin: string) => (await checkStaffPin(db, pin)).ok;

/** Pairs a fresh kiosk database (first sync included). No shell here: the pairing copy goes nowhere. */
async function newKiosk(upstream: Upstream): Promise<{ db: TurnoutDb; engine(): SyncEngine }> {
  const db = kioskDb();
  const pairingCopy = { save: async () => ok({} as PairingCopyReceipt), load: async () => ok(null), clear: async () => ok(null) };
  const pairing = await pairAndSync(db, await upstream.pairingLink(), { name: 'desk', pairingCopy, engine: { events: null } });
  return { db, engine: () => new SyncEngine({ db, pairing, events: null, heartbeatMs: 0 }) };
}

describe('staff PIN from the event config', () => {
  it('a kiosk paired with an event that has a PIN adopts it, and the PIN verifies offline', async () => {
    await setServerPin('482916');
    const k = await newKiosk(up);
    expect(await hasStaffPin(k.db)).toBe(true);
    expect(await verifies(k.db, '111111')).toBe(false);
    expect(await verifies(k.db, '482916')).toBe(true);
    expect(await pinLock(k.db)).toEqual({ failures: 0, lockedUntil: 0 });
  });

  it('keeps a PIN changed on the kiosk across config refreshes, until the organiser sets a newer one', async () => {
    await setServerPin('482916');
    const k = await newKiosk(up);
    // Staff change the PIN on this kiosk (staff mode's change-PIN flow).
    await setStaffPin(k.db, '5555');
    await touchEvent('renamed');
    expect((await k.engine().syncNow()).ok).toBe(true);
    expect(await verifies(k.db, '5555')).toBe(true);
    expect(await verifies(k.db, '482916')).toBe(false);

    await new Promise((r) => setTimeout(r, 5)); // setAt has ms resolution: the organiser's PIN is strictly newer
    await setServerPin('7777');
    expect((await k.engine().syncNow()).ok).toBe(true);
    expect(await verifies(k.db, '7777')).toBe(true);
    expect(await verifies(k.db, '5555')).toBe(false);
  });

  it('without a hash in the config, the PIN set on the kiosk stays', async () => {
    const k = await newKiosk(up);
    expect(await hasStaffPin(k.db)).toBe(false); // no PIN on the event: setup asks for one
    await setStaffPin(k.db, '2468');
    await touchEvent('again');
    expect((await k.engine().syncNow()).ok).toBe(true);
    expect(await verifies(k.db, '2468')).toBe(true);

    await setServerPin('9999');
    expect((await up.admin(`/v1/admin/events/${EVENT_ID}/staff-pin`, { method: 'DELETE' })).status).toBe(200);
    expect((await k.engine().syncNow()).ok).toBe(true);
    expect(await verifies(k.db, '2468')).toBe(true);
  });

  it('an older config hash does not replace a newer local PIN; the same hash is adopted once', async () => {
    const db = kioskDb();
    const older = { ...(await hashPin('1111', 100_000)), setAt: '2025-09-01T00:00:00.000Z' };
    await setStaffPin(db, '2222', 100_000);
    expect(await adoptConfigStaffPin(db, older)).toBe(false);
    expect(await verifies(db, '2222')).toBe(true);

    const newer = { ...(await hashPin('3333', 100_000)), setAt: new Date(Date.now() + 60_000).toISOString() };
    expect(await adoptConfigStaffPin(db, newer)).toBe(true);
    expect(await adoptConfigStaffPin(db, newer)).toBe(false);
    expect(await verifies(db, '3333')).toBe(true);
    // A weak hash from a config is ignored, not adopted.
    expect(await adoptConfigStaffPin(db, { ...newer, salt: 'AAAA', iterations: 1000, setAt: new Date(Date.now() + 120_000).toISOString() })).toBe(false);
    expect(await verifies(db, '3333')).toBe(true);
    db.close();
  });
});
