// App-level behaviour: unknown routes and admin auth answer with the error
// body, the built kiosk is served at /kiosk/ when its folder exists, and
// events are validated before they are stored.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminEventsResponse } from '../../../core/protocol';
import { backends, EVENT_ID, expectJson, seedEvent, startServer, testEvent, type TestServer } from './harness';

describe.each(backends())('app ($kind)', (backend) => {
  let s: TestServer;
  let kiosk: string;
  beforeAll(async () => {
    kiosk = mkdtempSync(join(tmpdir(), 'turnout-kiosk-'));
    mkdirSync(join(kiosk, 'assets'));
    writeFileSync(join(kiosk, 'index.html'), '<!doctype html><title>Turnout kiosk</title>');
    writeFileSync(join(kiosk, 'assets', 'app.js'), 'console.log(1)');
    s = await startServer(backend, { kioskDir: kiosk });
    await seedEvent(s);
  });
  afterAll(async () => {
    await s.close();
    rmSync(kiosk, { recursive: true, force: true });
  });

  it('serves the built kiosk at /kiosk/', async () => {
    const index = await s.call('/kiosk/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Turnout kiosk');
    expect((await s.call('/kiosk/assets/app.js')).status).toBe(200);
  });

  it('lets a kiosk on another origin (Electron app://kiosk) call the API: CORS preflight', async () => {
    const pre = await s.call('/v1/sync/checkins', {
      method: 'OPTIONS',
      headers: { origin: 'app://kiosk', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('app://kiosk');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
    const get = await s.call('/healthz', { headers: { origin: 'app://kiosk' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('app://kiosk');
  });

  it('answers unknown routes and missing admin auth with the error body', async () => {
    const missing = await s.call('/v1/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    const noAuth = await s.call('/v1/admin/events');
    expect(noAuth.status).toBe(401);
    expect((await noAuth.json()).error.code).toBe('unauthorized');
  });

  it('lists events with programmes and checkpoints (id, name, rule)', async () => {
    const { events } = await expectJson<AdminEventsResponse>(await s.admin('/v1/admin/events'), 200);
    expect(events).toHaveLength(1);
    expect(events[0]!.event.id).toBe(EVENT_ID);
    expect(events[0]!.checkpoints[0]).toMatchObject({ id: 'main', name: { ko: 'main 입구' }, rule: 'once' });
    expect(events[0]!.programmes.map((p) => p.id)).toEqual(['p1']);
  });

  it('refuses inconsistent events with 400 and stores nothing', async () => {
    const bad = testEvent();
    bad.event.id = 'ev2';
    const res = await s.admin('/v1/admin/events', { method: 'POST', json: bad });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain('belongs to event ev1');
    const zone = testEvent();
    zone.event.timeZone = 'Mars/Olympus';
    expect((await s.admin('/v1/admin/events', { method: 'POST', json: zone })).status).toBe(400);
    const { events } = await expectJson<AdminEventsResponse>(await s.admin('/v1/admin/events'), 200);
    expect(events.map((e) => e.event.timeZone)).toEqual(['Asia/Seoul']);
  });
});
