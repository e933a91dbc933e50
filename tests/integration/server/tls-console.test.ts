// The organiser console's session over the real venue HTTPS of `serve`
// (server/tls/serve.ts), as a browser at https://venue.test:PORT uses it: the
// login over HTTP/2 (and HTTP/1.1) sets a cookie that is Secure as well as
// HttpOnly and SameSite=Strict; the session reads; a cookie write passes the
// same-origin check against HTTP/2's :authority and makes a pairing link with
// the pin; another origin and a missing CSRF token are refused; logging out
// clears the cookie, Secure too; the plain-HTTP port never takes a login.
// Everything connects to 127.0.0.1; venue.test is only the name sent (SNI,
// :authority, Host, Origin).
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as h2connect, type IncomingHttpHeaders } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import type { NetworkInterfaceInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePairingLink } from '../../../core/pairing-link';
import { loadConfig } from '../../../server/config';
import { openDatabase, type Db } from '../../../server/db/connect';
import { seedDemo } from '../../../server/demo';
import { startServer, type RunningServer } from '../../../server/tls/serve';

const ADMIN = 'tls-console-admin-token-0123456789';
const VIEWER = 'tls-console-viewer-token-0123456789';
const NAME = 'venue.test';

let dir: string;
let db: Db;
let running: RunningServer;
let ca: string;
let authority: string;
let origin: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'turnout-tls-console-'));
  const config = loadConfig(
    { TURNOUT_TLS_NAMES: NAME },
    { adminToken: ADMIN, viewerToken: VIEWER, logLevel: 'silent', rateLimit: false, host: '127.0.0.1', port: 0, httpPort: 0, dataDir: dir, kioskDir: join(dir, 'none'), consoleDir: join(dir, 'none') },
  );
  db = await openDatabase({ sqlitePath: join(dir, 'turnout.sqlite') });
  await seedDemo(db.db, 10);
  const lo = { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' } as NetworkInterfaceInfo;
  running = await startServer({ config, db: db.db, watchMs: 0, hostname: 'venue-laptop', interfaces: () => ({ lo: [lo] }) });
  ca = running.keys!.caCertPem;
  authority = `${NAME}:${running.port}`;
  origin = `https://${authority}`;
});

afterAll(async () => {
  await running?.close();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One HTTP/2 request to 127.0.0.1 as https://venue.test:PORT, verified against the venue CA. */
function h2(path: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const session = h2connect(`https://127.0.0.1:${running.port}`, { ca, servername: NAME });
    session.on('error', reject);
    const req = session.request({
      ':method': init.method ?? 'GET',
      ':path': path,
      ':authority': authority,
      ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    });
    let headers: IncomingHttpHeaders = {};
    let body = '';
    req.on('response', (h) => (headers = h));
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      session.close();
      resolve({ status: Number(headers[':status']), headers, body });
    });
    req.on('error', reject);
    req.end(init.json === undefined ? undefined : JSON.stringify(init.json));
  });
}

/** The same over HTTP/1.1 (Node's https client), for clients that do not speak HTTP/2. */
function http1(path: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Answer & { version: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        servername: NAME,
        port: running.port,
        path,
        method: init.method ?? 'GET',
        ca,
        headers: { host: authority, ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body, version: res.httpVersion }));
      },
    );
    req.on('error', reject);
    req.end(init.json === undefined ? undefined : JSON.stringify(init.json));
  });
}

const setCookieOf = (a: Answer): string => {
  const v = a.headers['set-cookie'];
  return (Array.isArray(v) ? v : v ? [v] : []).join('\n');
};
const attributes = (setCookie: string) => setCookie.split(/;\s*/).slice(1).map((a) => a.split('=')[0]!.toLowerCase()).sort();

async function login(token: string): Promise<{ cookie: string; setCookie: string; csrf: string; role: string }> {
  const res = await h2('/admin/api/login', { method: 'POST', json: { token }, headers: { origin, 'sec-fetch-site': 'same-origin' } });
  expect(res.status, res.body).toBe(200);
  const setCookie = setCookieOf(res);
  const { csrf, role } = JSON.parse(res.body) as { csrf: string; role: string };
  return { cookie: setCookie.split(';')[0]!, setCookie, csrf, role };
}

describe('the console over venue HTTPS', () => {
  it('logs in over HTTP/2 with a Secure, HttpOnly, SameSite=Strict cookie, and the session reads', async () => {
    const { cookie, setCookie, csrf, role } = await login(ADMIN);
    expect(role).toBe('admin');
    expect(setCookie).toMatch(/^turnout_console=[\w-]{40,};/);
    expect(attributes(setCookie)).toEqual(['httponly', 'max-age', 'path', 'samesite', 'secure']);
    expect(setCookie).toContain('SameSite=Strict');

    const session = await h2('/admin/api/session', { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(JSON.parse(session.body)).toMatchObject({ role: 'admin', csrf });
    expect((await h2('/v1/admin/events', { headers: { cookie } })).status).toBe(200);
  });

  it('over HTTP/1.1 too: the cookie is Secure', async () => {
    const res = await http1('/admin/api/login', { method: 'POST', json: { token: VIEWER }, headers: { origin } });
    expect(res.version).toBe('1.1');
    expect(res.status, res.body).toBe(200);
    expect(attributes(setCookieOf(res))).toContain('secure');
  });

  it('a cookie write from this origin (HTTP/2 :authority) makes a pairing link with the pin; another origin or no CSRF token is refused', async () => {
    const { cookie, csrf } = await login(ADMIN);
    const path = '/v1/admin/events/icw2025/pairing-codes';
    const json = { checkpointId: 'info-desk' };

    const made = await h2(path, { method: 'POST', json, headers: { cookie, origin, 'sec-fetch-site': 'same-origin', 'x-csrf-token': csrf } });
    expect(made.status, made.body).toBe(200);
    const parsed = parsePairingLink((JSON.parse(made.body) as { link: string }).link);
    expect(parsed).toMatchObject({ ok: true, link: { version: 1, servers: [origin], fp: running.keys!.pin, checkpointId: 'info-desk' } });

    const codes = async () => (await db.db.selectFrom('pairing_codes').select('code').execute()).length;
    const before = await codes();
    const refusals: [Record<string, string>, number, string][] = [
      [{ cookie, origin: 'https://evil.test', 'x-csrf-token': csrf }, 403, 'cross_site'],
      [{ cookie, origin: `https://${NAME}:1`, 'x-csrf-token': csrf }, 403, 'cross_site'], // same name, other port: another origin
      [{ cookie, origin, 'sec-fetch-site': 'same-site', 'x-csrf-token': csrf }, 403, 'cross_site'],
      [{ cookie, origin }, 403, 'csrf'],
    ];
    for (const [headers, status, code] of refusals) {
      const res = await h2(path, { method: 'POST', json, headers });
      expect(res.status, JSON.stringify(headers)).toBe(status);
      expect((JSON.parse(res.body) as { error: { code: string } }).error.code, JSON.stringify(headers)).toBe(code);
    }
    expect(await codes()).toBe(before);
  });

  it('logging out ends the session and clears the cookie with the same attributes', async () => {
    const { cookie, csrf } = await login(ADMIN);
    const out = await h2('/admin/api/logout', { method: 'POST', json: {}, headers: { cookie, origin, 'x-csrf-token': csrf } });
    expect(out.status).toBe(200);
    const cleared = setCookieOf(out);
    expect(cleared).toMatch(/^turnout_console=;/);
    expect(cleared).toContain('Max-Age=0');
    expect(attributes(cleared)).toContain('secure');
    expect((await h2('/admin/api/session', { headers: { cookie } })).status).toBe(401);
  });

  it('the plain-HTTP port sends the console to HTTPS and never takes a login', async () => {
    const plain = `http://127.0.0.1:${running.httpPort}`;
    const page = await fetch(`${plain}/admin/`, { redirect: 'manual' });
    expect(page.status).toBe(308);
    expect(page.headers.get('location')).toBe(`https://127.0.0.1:${running.port}/admin/`);
    const sessions = async () => (await db.db.selectFrom('console_sessions').select('id_hash').execute()).length;
    const before = await sessions();
    const res = await fetch(`${plain}/admin/api/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: ADMIN }) });
    expect(res.status).toBe(308);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await sessions()).toBe(before);
  });
});
