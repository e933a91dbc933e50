// Help calls upstream (issue 12), on SQLite and PostgreSQL: a kiosk's heartbeat
// carries its open call, the admin device list shows it, staff clear it, and the
// kiosk hears "cleared" on its next heartbeat — even a kiosk that was offline
// while staff cleared it and reports the same call again (it must not come back).
// Older kiosks (no `help` field) never change the flag; a viewer cannot clear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevicesResponse, HeartbeatResponse, HelpClearResponse } from '../../../core/protocol';
import { backends, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, type TestServer } from './harness';

const VIEWER_TOKEN = 'test-viewer-token-0123456789';

describe.each(backends())('help calls ($kind)', (backend) => {
  let s: TestServer;
  let a: { deviceId: string; token: string };
  let b: { deviceId: string; token: string };
  beforeAll(async () => {
    s = await startServer(backend, { viewerToken: VIEWER_TOKEN });
    await seedEvent(s);
    a = await pairDevice(s, 'Kiosk A');
    b = await pairDevice(s, 'Desk B');
  });
  afterAll(() => s.close());

  const beat = async (token: string, help?: unknown) =>
    expectJson<HeartbeatResponse>(
      await s.call('/v1/sync/heartbeat', {
        method: 'POST',
        token,
        json: { outboxDepth: 0, appVersion: 't', clock: new Date().toISOString(), ...(help !== undefined ? { help } : {}) },
      }),
      200,
    );
  const devices = async () => (await expectJson<DevicesResponse>(await s.admin(`/v1/admin/devices?eventId=${EVENT_ID}`), 200)).devices;
  const helpOf = async (id: string) => (await devices()).find((d) => d.id === id)?.help;
  const clear = (id: string, json: object = {}) => s.admin(`/v1/admin/devices/${id}/help/clear`, { method: 'POST', json });

  it('a call on a heartbeat shows on its device only; an older kiosk (no help field) changes nothing', async () => {
    const call = { id: 'call-1', requestedAt: '2025-09-10T11:02:00.000+09:00' };
    const res = await beat(a.token, call);
    expect(res.helpCleared).toBeUndefined();
    expect(await helpOf(a.deviceId)).toEqual({ id: 'call-1', requestedAt: '2025-09-10T02:02:00.000Z' });
    expect(await helpOf(b.deviceId)).toBeUndefined();
    await beat(a.token); // an older kiosk's heartbeat, or one without the field
    expect((await helpOf(a.deviceId))?.id).toBe('call-1');
  });

  it('staff clear it; the kiosk still reporting it (it was offline) is told it is cleared and the flag stays down', async () => {
    expect(await expectJson<HelpClearResponse>(await clear(a.deviceId, { id: 'call-1' }), 200)).toEqual({ id: a.deviceId, cleared: true });
    expect(await helpOf(a.deviceId)).toBeUndefined();
    const res = await beat(a.token, { id: 'call-1', requestedAt: '2025-09-10T11:02:00.000+09:00' });
    expect(res.helpCleared).toBe('call-1');
    expect(await helpOf(a.deviceId)).toBeUndefined();
    // Clearing again is harmless.
    expect(await expectJson<HelpClearResponse>(await clear(a.deviceId), 200)).toEqual({ id: a.deviceId, cleared: false });
  });

  it('a new press raises a new call; clearing an older id leaves the newer one up; the kiosk may withdraw its own', async () => {
    await beat(a.token, { id: 'call-2', requestedAt: '2025-09-10T11:10:00.000+09:00' });
    expect(await expectJson<HelpClearResponse>(await clear(a.deviceId, { id: 'call-1' }), 200)).toMatchObject({ cleared: false });
    expect((await helpOf(a.deviceId))?.id).toBe('call-2');
    await beat(a.token, null);
    expect(await helpOf(a.deviceId)).toBeUndefined();
  });

  it('refuses a bad call (400) and changes nothing; a viewer cannot clear (403); an unknown device is 404', async () => {
    await beat(b.token, { id: 'call-b', requestedAt: '2025-09-10T11:20:00.000+09:00' });
    const bad = await s.call('/v1/sync/heartbeat', { method: 'POST', token: b.token, json: { outboxDepth: 0, appVersion: 't', clock: new Date().toISOString(), help: { id: '', requestedAt: 'yesterday' } } });
    expect(bad.status).toBe(400);
    expect((await helpOf(b.deviceId))?.id).toBe('call-b');
    const viewer = await s.call(`/v1/admin/devices/${b.deviceId}/help/clear`, { method: 'POST', token: VIEWER_TOKEN, json: {} });
    expect(viewer.status).toBe(403);
    expect((await helpOf(b.deviceId))?.id).toBe('call-b');
    expect((await clear('no-such-device')).status).toBe(404);
    expect((await s.admin(`/v1/admin/devices/${b.deviceId}/help/clear`, { method: 'POST', json: { id: 'call-b', extra: 1 } })).status).toBe(400);
    expect((await helpOf(b.deviceId))?.id).toBe('call-b');
  });
});
