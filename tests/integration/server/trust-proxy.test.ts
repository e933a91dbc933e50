// Behind a load balancer or a TLS-terminating proxy (TURNOUT_TRUST_PROXY): the
// client's own address keys the rate limits (pairing's per-IP limit above all,
// or every kiosk would share the proxy's one budget), and pairing links name the
// address the kiosk used (https and the public host, not the proxy's hop to us).
// Without the setting, forwarded headers change nothing, so a client cannot
// forge its way out of a limit. The organiser console behind such a proxy: its
// session cookie is Secure (the browser reached HTTPS) and a cookie write from
// the public origin passes the same-origin check.

import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../../../server/config';
import { ADMIN_TOKEN, EVENT_ID, expectJson, seedEvent, startServer, type TestServer } from './harness';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const LIMITS = { max: 1000, pairMax: 3, windowMs: 60_000 };

/** One pairing attempt (an unknown code: 404 until the limit, then 429) from `forwardedFor`. */
const pairFrom = (s: TestServer, forwardedFor: string) =>
  s.call('/v1/devices/pair', { method: 'POST', json: { code: 'NOPE-NOPE-NOPE', name: 'x' }, headers: { 'x-forwarded-for': forwardedFor } });

const linkVia = async (s: TestServer, headers: Record<string, string>) =>
  (await expectJson<{ link: string }>(await s.admin(`/v1/admin/events/${EVENT_ID}/pairing-codes`, { method: 'POST', json: {}, headers }), 200)).link;

const FORWARDED = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'checkin.venue.example' };

describe('TURNOUT_TRUST_PROXY', () => {
  it('parses true/false, a hop count, or proxy addresses and CIDR ranges; anything else is a clear error', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('TRUE')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16,::1,fd00::/8')).toEqual(['10.0.0.5', '10.1.0.0/16', '::1', 'fd00::/8']);
    expect(() => parseTrustProxy('proxy.local')).toThrow(/TURNOUT_TRUST_PROXY: "proxy.local" is not an IP address or CIDR range/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/"10.0.0.0\/33"/);
    expect(() => parseTrustProxy('10.0.0.1/8/8')).toThrow(/TURNOUT_TRUST_PROXY/);
  });

  it('off (the default): forwarded headers are ignored: links name the connection, and one address has one pairing budget', async () => {
    server = await startServer({ kind: 'sqlite' }, { rateLimit: LIMITS });
    await seedEvent(server);
    const link = await linkVia(server, FORWARDED);
    expect(link).toContain(`server=${encodeURIComponent(server.baseUrl)}`);
    // Four "different" clients are one socket address: the fourth attempt is refused.
    const statuses = [];
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) statuses.push((await pairFrom(server, ip)).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
  });

  it('trusting the proxy: links name what the kiosk reached (https, public host); each client has its own pairing budget', async () => {
    server = await startServer({ kind: 'sqlite' }, { rateLimit: LIMITS, trustProxy: ['127.0.0.1'] });
    await seedEvent(server);
    const link = await linkVia(server, FORWARDED);
    expect(link).toContain(`server=${encodeURIComponent('https://checkin.venue.example')}`);
    // Without forwarded headers the connection itself is what the kiosk reached.
    expect(await linkVia(server, {})).toContain(`server=${encodeURIComponent(server.baseUrl)}`);

    const one = [];
    for (let i = 0; i < 4; i++) one.push((await pairFrom(server, '10.0.0.1')).status);
    expect(one).toEqual([404, 404, 404, 429]);
    // Another desk behind the same proxy is not held back by the first one's misses.
    expect((await pairFrom(server, '10.0.0.2')).status).toBe(404);
    // A chain: the address the trusted proxy saw is the client, not what the client claimed.
    expect((await pairFrom(server, '10.0.0.1, 10.0.0.3')).status).toBe(404);
    expect((await pairFrom(server, '10.0.0.9, 10.0.0.1')).status).toBe(429);
  });
});

/**
 * A request as the README's nginx passes it on: Host kept, X-Forwarded-For/-Proto
 * added (Node's fetch would replace Host, so node:http).
 */
function viaProxy(s: TestServer, path: string, headers: Record<string, string>, json?: unknown): Promise<{ status: number; setCookie: string; body: string }> {
  const { port } = new URL(s.baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: Number(port),
        path,
        method: json === undefined ? 'GET' : 'POST',
        headers: { host: 'checkin.venue.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '10.0.0.7', ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, setCookie: (res.headers['set-cookie'] ?? []).join('\n'), body }));
      },
    );
    req.on('error', reject);
    req.end(json === undefined ? undefined : JSON.stringify(json));
  });
}

describe('the organiser console behind a TLS-terminating proxy', () => {
  const ORIGIN = 'https://checkin.venue.example';

  it('trusted: the session cookie is Secure, and a cookie write from the public origin passes', async () => {
    server = await startServer({ kind: 'sqlite' }, { trustProxy: ['127.0.0.1'] });
    await seedEvent(server);
    const login = await viaProxy(server, '/admin/api/login', { origin: ORIGIN }, { token: ADMIN_TOKEN });
    expect(login.status, login.body).toBe(200);
    expect(login.setCookie).toMatch(/; Secure/);
    expect(login.setCookie).toMatch(/; HttpOnly/);
    const cookie = login.setCookie.split(';')[0]!;
    const { csrf } = JSON.parse(login.body) as { csrf: string };
    const made = await viaProxy(server, `/v1/admin/events/${EVENT_ID}/pairing-codes`, { origin: ORIGIN, cookie, 'x-csrf-token': csrf }, {});
    expect(made.status, made.body).toBe(200);
    expect((JSON.parse(made.body) as { link: string }).link).toContain(`server=${encodeURIComponent(ORIGIN)}`);
    // With X-Forwarded-Host instead of Host, the same.
    const forwarded = await server.call('/admin/api/login', { method: 'POST', json: { token: ADMIN_TOKEN }, headers: { ...FORWARDED, origin: ORIGIN } });
    expect(forwarded.status).toBe(200);
    expect(forwarded.headers.get('set-cookie')).toMatch(/; Secure/);
    // Another site's page is still refused.
    const evil = await viaProxy(server, `/v1/admin/events/${EVENT_ID}/pairing-codes`, { origin: 'https://evil.example', cookie, 'x-csrf-token': csrf }, {});
    expect(evil.status).toBe(403);
  });

  it('not trusted: a client claiming X-Forwarded-Proto does not make the cookie Secure on plain HTTP', async () => {
    server = await startServer({ kind: 'sqlite' });
    await seedEvent(server);
    const login = await viaProxy(server, '/admin/api/login', { origin: ORIGIN }, { token: ADMIN_TOKEN });
    expect(login.status, login.body).toBe(200);
    expect(login.setCookie).not.toMatch(/Secure/);
  });
});
