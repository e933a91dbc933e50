// Pairing and device auth: single-use, expiring codes; the contract's link
// format; wrong and revoked tokens; heartbeat and the devices list.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevicesResponse, PairingCode } from '../../../core/protocol';
import { backends, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, type TestServer } from './harness';

describe.each(backends())('pairing and device auth ($kind)', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer(backend, { publicUrl: 'https://turnout.example:8443' });
    await seedEvent(s);
  });
  afterAll(() => s.close());

  it('issues a code with the contract link, usable once', async () => {
    const pc = await expectJson<PairingCode>(
      await s.admin(`/v1/admin/events/${EVENT_ID}/pairing-codes`, { method: 'POST', json: { checkpointId: 'main' } }),
      200,
    );
    expect(pc.code).toMatch(/^[A-Z2-9]{10}$/);
    expect(pc.link).toBe(
      `turnout://pair?server=${encodeURIComponent('https://turnout.example:8443')}&code=${pc.code}&checkpoint=main`,
    );
    expect(Date.parse(pc.expiresAt)).toBeGreaterThan(Date.now());

    const first = await expectJson<{ deviceId: string; token: string; eventId: string; checkpointId: string }>(
      await s.call('/v1/devices/pair', { method: 'POST', json: { code: pc.code.toLowerCase(), name: 'Desk 1' } }),
      200,
    );
    expect(first).toMatchObject({ eventId: EVENT_ID, checkpointId: 'main' });
    expect(first.token.length).toBeGreaterThan(30);

    const again = await s.call('/v1/devices/pair', { method: 'POST', json: { code: pc.code, name: 'Desk 2' } });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('pairing_code_used');

    // The token is stored hashed only.
    const row = await s.db.db.selectFrom('devices').selectAll().where('id', '=', first.deviceId).executeTakeFirstOrThrow();
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(first.token);
  });

  it('concurrent redemptions of one code pair exactly one device', async () => {
    const pc = await expectJson<PairingCode>(await s.admin(`/v1/admin/events/${EVENT_ID}/pairing-codes`, { method: 'POST' }), 200);
    expect(pc.link).not.toContain('checkpoint=');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => s.call('/v1/devices/pair', { method: 'POST', json: { code: pc.code, name: `race ${i}` } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
  });

  it('refuses expired and unknown codes', async () => {
    const t0 = Date.now();
    s.clock.now = t0;
    const pc = await expectJson<PairingCode>(await s.admin(`/v1/admin/events/${EVENT_ID}/pairing-codes`, { method: 'POST' }), 200);
    s.clock.now = t0 + s.config.pairingTtlMs + 1;
    const res = await s.call('/v1/devices/pair', { method: 'POST', json: { code: pc.code, name: 'late' } });
    s.clock.now = null;
    expect(res.status).toBe(410);
    expect(await res.json()).toEqual({ error: { code: 'pairing_code_expired', message: expect.any(String) } });

    const unknown = await s.call('/v1/devices/pair', { method: 'POST', json: { code: 'ZZZZZZZZZZ', name: 'x' } });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('pairing_code_unknown');
  });

  it('rejects a pairing code for an unknown checkpoint with 422', async () => {
    const res = await s.admin(`/v1/admin/events/${EVENT_ID}/pairing-codes`, { method: 'POST', json: { checkpointId: 'nope' } });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('unknown_checkpoint');
  });

  it('answers 401 to a missing or wrong token, and admin routes refuse device tokens', async () => {
    const { token } = await pairDevice(s, 'auth desk');
    for (const t of [undefined, 'tod_wrong']) {
      const res = await s.call('/v1/sync/config', t ? { token: t } : {});
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    }
    expect((await s.call('/v1/admin/devices', { token })).status).toBe(401);
    expect((await s.call('/v1/sync/config', { token: s.config.adminToken })).status).toBe(401);
    expect((await s.call('/v1/sync/config', { token })).status).toBe(200);
  });

  it('a revoked device gets 401 device_revoked', async () => {
    const { deviceId, token } = await pairDevice(s, 'stolen tablet');
    await expectJson(await s.admin(`/v1/admin/devices/${deviceId}/revoke`, { method: 'POST' }), 200);
    for (const [path, init] of [
      ['/v1/sync/tickets', {}],
      ['/v1/sync/checkins', { method: 'POST', json: { items: [] } }],
    ] as const) {
      const res = await s.call(path, { token, ...init });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('device_revoked');
    }
  });

  it('heartbeat updates the device row and returns the server time', async () => {
    const { deviceId, token } = await pairDevice(s, 'Desk HB', 'hall');
    const clock = new Date(Date.now() - 5000).toISOString();
    const hb = await expectJson<{ serverTime: string; clockOffsetMs: number }>(
      await s.call('/v1/sync/heartbeat', {
        method: 'POST',
        token,
        json: { outboxDepth: 7, lastSyncAt: new Date().toISOString(), appVersion: '0.1.0', clock },
      }),
      200,
    );
    expect(Math.abs(Date.parse(hb.serverTime) - Date.now())).toBeLessThan(5000);
    expect(hb.clockOffsetMs).toBeGreaterThanOrEqual(4000);

    const { devices } = await expectJson<DevicesResponse>(await s.admin('/v1/admin/devices'), 200);
    const mine = devices.find((d) => d.id === deviceId)!;
    expect(mine).toMatchObject({ name: 'Desk HB', outboxDepth: 7, appVersion: '0.1.0', checkpointId: 'hall', revoked: false });
    expect(mine.lastSeenAt).not.toBeNull();
    expect(devices.find((d) => d.name === 'stolen tablet')?.revoked).toBe(true);
  });
});
