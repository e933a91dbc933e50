// Behind a load balancer or a TLS-terminating proxy (TURNOUT_TRUST_PROXY): the
// client's own address keys the rate limits (pairing's per-IP limit above all,
// or every kiosk would share the proxy's one budget), and pairing links name the
// address the kiosk used (https and the public host, not the proxy's hop to us).
// Without the setting, forwarded headers change nothing, so a client cannot
// forge its way out of a limit.

import { afterEach, describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../../../server/config';
import { EVENT_ID, expectJson, seedEvent, startServer, type TestServer } from './harness';

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
