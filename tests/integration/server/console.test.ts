// The organiser console's access rules on a real server (SQLite and
// PostgreSQL): the token is exchanged at /admin/api/login for an HttpOnly,
// SameSite=Strict session cookie (no Secure on loopback HTTP); every write made
// with the cookie needs the session's CSRF token and this origin; the viewer
// token and viewer sessions read but never write (403); the admin bearer token
// still works for scripts without CSRF; /dashboard?token= no longer logs in.
// Also the admin routes the console added: device rename/move, ticket lookup,
// days with scans, conflicts pair by pair, long-lived pairing codes.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConflictsResponse, DeviceInfo, EventDaysResponse, TicketDetail, TicketSearchResponse } from '../../../core/protocol';
import { ADMIN_TOKEN, backends, checkin, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, testEvent, type TestServer } from './harness';

const VIEWER_TOKEN = 'test-viewer-token-0123456789';

async function login(s: TestServer, token: string, headers: Record<string, string> = {}) {
  const res = await s.call('/admin/api/login', { method: 'POST', json: { token }, headers });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0]!;
  return { res, setCookie, cookie, body: res.status === 200 ? ((await res.json()) as { role: string; csrf: string }) : null };
}

describe.each(backends())('console sessions, CSRF and the viewer role ($kind)', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    // No built console here, whatever the checkout holds: the not-built page is tested below.
    s = await startServer(backend, { viewerToken: VIEWER_TOKEN, consoleDir: join(tmpdir(), 'turnout-no-console') });
    await seedEvent(s);
  });
  afterAll(() => s.close());

  it('exchanges the admin token for an HttpOnly SameSite=Strict cookie, and refuses a wrong token', async () => {
    const wrong = await login(s, 'not-the-token-at-all');
    expect(wrong.res.status).toBe(401);
    expect(((await wrong.res.json()) as { error: { code: string } }).error.code).toBe('bad_token');
    expect(wrong.setCookie).toBe('');

    const ok = await login(s, ADMIN_TOKEN);
    expect(ok.res.status).toBe(200);
    expect(ok.body).toMatchObject({ role: 'admin', csrf: expect.any(String) });
    expect(ok.setCookie).toMatch(/^turnout_console=[\w-]{40,};/);
    expect(ok.setCookie).toContain('HttpOnly');
    expect(ok.setCookie).toContain('SameSite=Strict');
    expect(ok.setCookie).toContain('Path=/');
    // Loopback HTTP (npm start): a Secure cookie would never be sent back.
    expect(ok.setCookie).not.toContain('Secure');
    // The cookie never holds the token, and the database never holds the cookie.
    expect(ok.cookie).not.toContain(ADMIN_TOKEN);
    const rows = await s.db.db.selectFrom('console_sessions').selectAll().execute();
    expect(rows.some((r) => r.id_hash === ok.cookie.split('=')[1])).toBe(false);

    const session = await expectJson<{ role: string; csrf: string }>(await s.call('/admin/api/session', { headers: { cookie: ok.cookie } }), 200);
    expect(session).toMatchObject({ role: 'admin', csrf: ok.body!.csrf });
    expect((await s.call('/v1/admin/events', { headers: { cookie: ok.cookie } })).status).toBe(200);
  });

  it('refuses a cookie write without the CSRF token, with a wrong one, or from another origin', async () => {
    const { cookie, body } = await login(s, ADMIN_TOKEN);
    const write = (headers: Record<string, string>) =>
      s.call('/v1/admin/events', { method: 'POST', json: testEvent(), headers: { cookie, ...headers } });
    const none = await write({});
    expect(none.status).toBe(403);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('csrf');
    expect((await write({ 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await write({ 'x-csrf-token': body!.csrf, origin: 'https://evil.example' })).status).toBe(403);
    expect((await write({ 'x-csrf-token': body!.csrf, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // Another session's token is not this session's.
    const other = await login(s, ADMIN_TOKEN);
    expect((await write({ 'x-csrf-token': other.body!.csrf })).status).toBe(403);
    expect((await write({ 'x-csrf-token': body!.csrf, origin: s.baseUrl, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('refuses a login posted from another site (login CSRF)', async () => {
    expect((await login(s, ADMIN_TOKEN, { origin: 'https://evil.example' })).res.status).toBe(403);
  });

  it('keeps the admin bearer token working for scripts, without CSRF', async () => {
    expect((await s.admin('/v1/admin/events', { method: 'POST', json: testEvent() })).status).toBe(200);
  });

  it('lets the viewer read but refuses every write with 403, by token and by session', async () => {
    const viewer = (path: string, init: RequestInit & { json?: unknown } = {}) => s.call(path, { ...init, token: VIEWER_TOKEN });
    expect((await viewer('/v1/admin/events')).status).toBe(200);
    expect((await viewer(`/v1/admin/events/${EVENT_ID}/tallies?day=2025-09-10`)).status).toBe(200);
    expect((await viewer('/v1/admin/devices')).status).toBe(200);
    const writes: [string, string, unknown][] = [
      ['POST', '/v1/admin/events', testEvent()],
      ['POST', `/v1/admin/events/${EVENT_ID}/pairing-codes`, {}],
      ['PATCH', `/v1/admin/events/${EVENT_ID}/tickets/T-001`, { status: 'revoked' }],
      ['PUT', `/v1/admin/events/${EVENT_ID}/staff-pin`, { pin: '1357' }],
    ];
    for (const [method, path, json] of writes) {
      const res = await viewer(path, { method, json });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('read_only');
    }
    const csvRes = await s.call(`/v1/admin/events/${EVENT_ID}/tickets/import`, {
      method: 'POST', token: VIEWER_TOKEN, body: 'code,name\nV-1,Eve', headers: { 'content-type': 'text/csv' },
    });
    expect(csvRes.status).toBe(403);

    const { cookie, body } = await login(s, VIEWER_TOKEN);
    expect(body!.role).toBe('viewer');
    expect((await s.call('/v1/admin/events', { headers: { cookie } })).status).toBe(200);
    const res = await s.call(`/v1/admin/events/${EVENT_ID}/tickets/T-001`, {
      method: 'PATCH', json: { status: 'revoked' }, headers: { cookie, 'x-csrf-token': body!.csrf },
    });
    expect(res.status).toBe(403);
    const t = await expectJson<TicketDetail>(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/T-001`), 200);
    expect(t.ticket.status).toBe('valid');
  });

  it('ends a session at logout, and when the token it was opened with changes', async () => {
    const { cookie, body } = await login(s, ADMIN_TOKEN);
    expect((await s.call('/admin/api/logout', { method: 'POST', headers: { cookie } })).status).toBe(403);
    const out = await s.call('/admin/api/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': body!.csrf } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await s.call('/admin/api/session', { headers: { cookie } })).status).toBe(401);
    expect((await s.call('/v1/admin/events', { headers: { cookie } })).status).toBe(401);

    const again = await login(s, ADMIN_TOKEN);
    const rotated = await startServer({ kind: 'sqlite' }, { adminToken: 'another-admin-token-0123456789' });
    try {
      // Same database rows, new token: copy the session over and see it refused.
      const rows = await s.db.db.selectFrom('console_sessions').selectAll().execute();
      await rotated.db.db.insertInto('console_sessions').values(rows).execute();
      expect((await rotated.call('/admin/api/session', { headers: { cookie: again.cookie } })).status).toBe(401);
      expect((await s.call('/admin/api/session', { headers: { cookie: again.cookie } })).status).toBe(200);
    } finally {
      await rotated.close();
    }
  });

  it('no longer takes ?token= at /dashboard: it redirects to the console without the token', async () => {
    const res = await s.call(`/dashboard?token=${ADMIN_TOKEN}`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/admin/#/devices');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await s.call(`/v1/admin/events?token=${ADMIN_TOKEN}`)).status).toBe(401);
  });

  it('says the console is not built instead of a bare 404, under the strict CSP', async () => {
    const res = await s.call('/admin/');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('npm run build');
  });
});

describe.each(backends())('admin routes added for the console ($kind)', (backend) => {
  let s: TestServer;
  let desk: { deviceId: string; token: string };
  beforeAll(async () => {
    s = await startServer(backend, { viewerToken: VIEWER_TOKEN });
    await seedEvent(s);
    desk = await pairDevice(s, 'Desk A', 'main');
    const other = await pairDevice(s, 'Desk B', 'main');
    const items = [
      checkin({ code: 'T-001', scannedAt: '2025-09-10T09:00:00+09:00' }),
      checkin({ code: 'T-003', checkpointId: 'daily', scannedAt: '2025-09-11T09:00:00+09:00' }),
    ];
    await expectJson(await s.call('/v1/sync/checkins', { method: 'POST', token: desk.token, json: { items } }), 200);
    // Desk B admitted T-001 offline at the same `once` door an hour later: a conflict.
    const late = [checkin({ code: 'T-001', scannedAt: '2025-09-10T10:00:00+09:00' }), checkin({ code: 'T-003', checkpointId: 'daily', scannedAt: '2025-09-11T09:05:00+09:00' })];
    await expectJson(await s.call('/v1/sync/checkins', { method: 'POST', token: other.token, json: { items: late } }), 200);
  });
  afterAll(() => s.close());

  it('renames a desk and moves it to another checkpoint of its event; refuses an unknown checkpoint', async () => {
    const patched = await expectJson<DeviceInfo>(await s.admin(`/v1/admin/devices/${desk.deviceId}`, { method: 'PATCH', json: { name: '  Hall A desk 1 ', checkpointId: 'hall' } }), 200);
    expect(patched).toMatchObject({ name: 'Hall A desk 1', checkpointId: 'hall', assignedCheckpointId: 'hall' });
    expect((await s.admin(`/v1/admin/devices/${desk.deviceId}`, { method: 'PATCH', json: { checkpointId: 'nope' } })).status).toBe(422);
    expect((await s.admin(`/v1/admin/devices/${desk.deviceId}`, { method: 'PATCH', json: {} })).status).toBe(400);
    expect((await s.admin(`/v1/admin/devices/${desk.deviceId}`, { method: 'PATCH', json: { name: 'x', extra: 1 } })).status).toBe(400);
    expect((await s.admin('/v1/admin/devices/no-such-device', { method: 'PATCH', json: { name: 'x' } })).status).toBe(404);
    const config = await expectJson<{ deviceCheckpointId: string }>(await s.call('/v1/sync/config', { token: desk.token }), 200);
    expect(config.deviceCheckpointId).toBe('hall');
    // The kiosk's heartbeat still reports the door it works at; the organiser's assignment stands beside it.
    await expectJson(await s.call('/v1/sync/heartbeat', { method: 'POST', token: desk.token, json: { outboxDepth: 0, appVersion: 't', clock: new Date().toISOString(), checkpointId: 'main' } }), 200);
    const listed = await expectJson<{ devices: DeviceInfo[] }>(await s.admin('/v1/admin/devices'), 200);
    expect(listed.devices.find((d) => d.id === desk.deviceId)).toMatchObject({ checkpointId: 'main', assignedCheckpointId: 'hall' });
    const again = await expectJson<{ deviceCheckpointId: string }>(await s.call('/v1/sync/config', { token: desk.token }), 200);
    expect(again.deviceCheckpointId).toBe('hall');
  });

  it('finds tickets by code prefix or by part of a name or company, and shows a ticket with its scans', async () => {
    const byCode = await expectJson<TicketSearchResponse>(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets?q=t-00`), 200);
    expect(byCode.items.map((t) => t.code).sort()).toEqual(['T-001', 'T-002', 'T-003', 'T-004']);
    const byName = await expectJson<TicketSearchResponse>(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets?q=${encodeURIComponent('철현')}`), 200);
    expect(byName.items.map((t) => t.code)).toEqual(['T-001']);
    const byCompany = await expectJson<TicketSearchResponse>(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets?q=northwind`), 200);
    expect(byCompany.items.map((t) => t.code)).toEqual(['T-003']);
    // LIKE wildcards typed by a user match literally.
    expect((await expectJson<TicketSearchResponse>(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets?q=%25`), 200)).items).toEqual([]);
    expect((await s.admin(`/v1/admin/events/${EVENT_ID}/tickets`)).status).toBe(400);

    const detail = await expectJson<TicketDetail>(await s.call(`/v1/admin/events/${EVENT_ID}/tickets/T-001`, { token: VIEWER_TOKEN }), 200);
    expect(detail.ticket.name).toBe('김철현');
    expect(detail.checkins.map((c) => [c.scannedAt, c.status])).toEqual([
      ['2025-09-10T09:00:00+09:00', 'stored'],
      ['2025-09-10T10:00:00+09:00', 'conflict'],
    ]);
    expect((await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/NOPE`)).status).toBe(404);
  });

  it('lists the days with scans and the venue today', async () => {
    const days = await expectJson<EventDaysResponse>(await s.admin(`/v1/admin/events/${EVENT_ID}/days`), 200);
    expect(days.days).toEqual([{ day: '2025-09-10', scans: 2 }, { day: '2025-09-11', scans: 2 }]);
    expect(days.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lists conflicts pair by pair: each with the admission it repeated', async () => {
    const c10 = await expectJson<ConflictsResponse>(await s.admin(`/v1/admin/events/${EVENT_ID}/conflicts?day=2025-09-10`), 200);
    expect(c10.items).toHaveLength(1);
    expect(c10.items[0]).toMatchObject({ code: 'T-001', name: '김철현', checkpointId: 'main' });
    expect(c10.items[0]!.first?.scannedAt).toBe('2025-09-10T09:00:00+09:00');
    expect(c10.items[0]!.first?.deviceId).toBe(desk.deviceId);
    expect(c10.items[0]!.conflict.scannedAt).toBe('2025-09-10T10:00:00+09:00');
    expect(c10.items[0]!.conflict.deviceId).not.toBe(desk.deviceId);
    const c11 = await expectJson<ConflictsResponse>(await s.admin(`/v1/admin/events/${EVENT_ID}/conflicts?day=2025-09-11`), 200);
    expect(c11.items.map((p) => [p.code, p.checkpointId, p.first?.scannedAt])).toEqual([['T-003', 'daily', '2025-09-11T09:00:00+09:00']]);
    expect((await s.admin(`/v1/admin/events/${EVENT_ID}/conflicts?day=10-09-2025`)).status).toBe(400);
  });

  it('makes pairing codes that live as long as asked (printed sheets), within 1 min–24 h', async () => {
    s.clock.now = Date.parse('2025-09-09T08:00:00Z');
    try {
      const pc = await expectJson<{ expiresAt: string }>(await s.admin(`/v1/admin/events/${EVENT_ID}/pairing-codes`, { method: 'POST', json: { checkpointId: 'main', ttlSeconds: 8 * 3600 } }), 200);
      expect(pc.expiresAt).toBe('2025-09-09T16:00:00.000Z');
      expect((await s.admin(`/v1/admin/events/${EVENT_ID}/pairing-codes`, { method: 'POST', json: { ttlSeconds: 7 * 86400 } })).status).toBe(400);
    } finally {
      s.clock.now = null;
    }
  });
});

describe('the session cookie over HTTPS', () => {
  it('is Secure when the request came over HTTPS', async () => {
    const { sessionCookie } = await import('../../../server/console/cookie');
    expect(sessionCookie('v', { maxAgeS: 60, secure: true })).toMatch(/; Secure/);
    expect(sessionCookie('v', { maxAgeS: 60, secure: false })).not.toMatch(/Secure/);
  });
});
