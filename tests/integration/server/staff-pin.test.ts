// The event's staff PIN on the server: the admin route hashes it (salted
// PBKDF2-SHA256, never stored or answered in clear), the kiosk config carries
// the hash — optional, so a config without it stays valid — and the hash
// verifies with WebCrypto exactly as the kiosk checks it. The demo seed's PIN
// is the one the e2e tests type; a bundle upsert leaves the PIN alone.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigResponse, STAFF_PIN_ITERATIONS, type StaffPinHash } from '../../../core/protocol';
import { DEMO_STAFF_PIN, seedDemo } from '../../../server/demo';
import { getStaffPinHash } from '../../../server/repo/events';
import type { StaffPinState } from '../../../server/routes/admin';
import { backends, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, testEvent, type TestServer } from './harness';

/** The kiosk's check (renderer/storage/staff-pin.ts), with WebCrypto. */
async function webCryptoVerifies(pin: string, h: StaffPinHash): Promise<boolean> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: Buffer.from(h.salt, 'base64'), iterations: h.iterations }, key, 256);
  return Buffer.from(bits).toString('base64') === h.hash;
}

describe.each(backends())('staff PIN in the event config ($kind)', (backend) => {
  let s: TestServer;
  let token: string;
  const config = async (etag?: string) => s.call('/v1/sync/config', { token, headers: etag ? { 'if-none-match': etag } : {} });

  beforeAll(async () => {
    s = await startServer(backend);
    await seedEvent(s);
    ({ token } = await pairDevice(s, 'Desk 1'));
  });
  afterAll(() => s.close());

  it('is absent from the config until the organiser sets one', async () => {
    const res = await config();
    const body = ConfigResponse.parse(await expectJson(res, 200));
    expect(body).not.toHaveProperty('staffPin');
  });

  it('is set through the admin route and then carried, hashed, by the config', async () => {
    const before = (await config()).headers.get('etag')!;
    const state = await expectJson<StaffPinState>(await s.admin(`/v1/admin/events/${EVENT_ID}/staff-pin`, { method: 'PUT', json: { pin: '482916' } }), 200);
    expect(state).toMatchObject({ eventId: EVENT_ID, staffPin: { iterations: STAFF_PIN_ITERATIONS } });
    expect(JSON.stringify(state)).not.toContain('482916');

    // The config changed, so a kiosk's If-None-Match no longer answers 304.
    const res = await config(before);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(before);
    const { staffPin } = ConfigResponse.parse(await res.json());
    expect(staffPin).toMatchObject({ alg: 'PBKDF2-SHA256', iterations: STAFF_PIN_ITERATIONS, setAt: state.staffPin!.setAt });
    expect(Buffer.from(staffPin!.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(staffPin!.hash, 'base64')).toHaveLength(32);
    expect(await webCryptoVerifies('482916', staffPin!)).toBe(true);
    expect(await webCryptoVerifies('482917', staffPin!)).toBe(false);

    // Stored hashed only.
    const row = await s.db.db.selectFrom('events').select('staff_pin').where('id', '=', EVENT_ID).executeTakeFirstOrThrow();
    expect(row.staff_pin).not.toContain('482916');
  });

  it('survives an event upsert, and a new PIN gets a new salt', async () => {
    const first = (await getStaffPinHash(s.db.db, EVENT_ID))!;
    await expectJson(await s.admin('/v1/admin/events', { method: 'POST', json: testEvent() }), 200);
    expect(await getStaffPinHash(s.db.db, EVENT_ID)).toEqual(first);
    await expectJson(await s.admin(`/v1/admin/events/${EVENT_ID}/staff-pin`, { method: 'PUT', json: { pin: '482916' } }), 200);
    const second = (await getStaffPinHash(s.db.db, EVENT_ID))!;
    expect(second.salt).not.toBe(first.salt);
    expect(await webCryptoVerifies('482916', second)).toBe(true);
  });

  it('refuses bad PINs, unknown events and callers without the admin token', async () => {
    for (const pin of ['123', '12a4', '1234567890123', 1234]) {
      const res = await s.admin(`/v1/admin/events/${EVENT_ID}/staff-pin`, { method: 'PUT', json: { pin } });
      expect(res.status).toBe(400);
    }
    expect((await s.admin('/v1/admin/events/nope/staff-pin', { method: 'PUT', json: { pin: '1234' } })).status).toBe(404);
    expect((await s.call(`/v1/admin/events/${EVENT_ID}/staff-pin`, { method: 'PUT', json: { pin: '1234' } })).status).toBe(401);
    expect((await s.call(`/v1/admin/events/${EVENT_ID}/staff-pin`, { method: 'PUT', token, json: { pin: '1234' } })).status).toBe(401);
  });

  it('is cleared through the admin route, and the config omits it again', async () => {
    const state = await expectJson<StaffPinState>(await s.admin(`/v1/admin/events/${EVENT_ID}/staff-pin`, { method: 'DELETE' }), 200);
    expect(state).toEqual({ eventId: EVENT_ID, staffPin: null });
    expect(ConfigResponse.parse(await (await config()).json())).not.toHaveProperty('staffPin');
  });
});

describe('demo seed', () => {
  it('gives the demo event the PIN the e2e tests and screenshots type', async () => {
    const s = await startServer({ kind: 'sqlite' });
    try {
      const eventId = (await seedDemo(s.db.db, 10))!;
      const hash = (await getStaffPinHash(s.db.db, eventId))!;
      expect(DEMO_STAFF_PIN).toBe('2468');
      expect(await webCryptoVerifies(DEMO_STAFF_PIN, hash)).toBe(true);
    } finally {
      await s.close();
    }
  });
});
