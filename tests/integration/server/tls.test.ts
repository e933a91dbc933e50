// The venue HTTPS of `serve` (server/tls/serve.ts) on loopback: the venue CA and
// its leaf as Node's TLS client sees them (chain, names, validity, HTTP/2 and
// HTTP/1.1), the key and pin kept across restarts and address changes with the
// leaf swapped live, the plain port that only redirects and serves /ca.crt,
// pairing links with the pin, an operator's certificate (no pin), TLS off on
// loopback only, and `serve` saying when /kiosk/ is off.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as h2connect } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import type { NetworkInterfaceInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { NameConstraints } from '@peculiar/asn1-x509';
import { AsnConvert } from '@peculiar/asn1-schema';
import * as x509 from '@peculiar/x509';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePairingLink } from '../../../core/pairing-link';
import { loadConfig, type ServerConfig } from '../../../server/config';
import { openDatabase, type Db } from '../../../server/db/connect';
import { seedDemo } from '../../../server/demo';
import { PERMITTED_DNS_SUFFIXES, PERMITTED_IP_RANGES } from '../../../server/tls/names';
import { startServer, type RunningServer } from '../../../server/tls/serve';
import { createCa, issueLeaf, spkiPin } from '../../../server/tls/venue-ca';

const ADMIN = 'tls-test-admin-token-0123456789';
const DAY = 86_400_000;

const nic = (address: string): NetworkInterfaceInfo =>
  (address.includes(':')
    ? { address, family: 'IPv6', netmask: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', mac: '00:00:00:00:00:00', internal: true, cidr: `${address}/128`, scopeid: 0 }
    : { address, family: 'IPv4', netmask: '255.0.0.0', mac: '00:00:00:00:00:00', internal: true, cidr: `${address}/8` }) as NetworkInterfaceInfo;

interface Started {
  running: RunningServer;
  db: Db;
  dir: string;
  config: ServerConfig;
}

const open: Started[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const s of open.splice(0)) {
    await s.running.close();
    await s.db.close();
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'turnout-tls-'));
  dirs.push(d);
  return d;
}

async function start(env: NodeJS.ProcessEnv, opts: { dir?: string; addresses?: () => string[]; host?: string } = {}): Promise<Started> {
  const dir = opts.dir ?? tempDir();
  const config = loadConfig(env, { adminToken: ADMIN, logLevel: 'silent', rateLimit: false, host: opts.host ?? '127.0.0.1', port: 0, httpPort: 0, dataDir: dir, kioskDir: join(dir, 'no-kiosk') });
  const db = await openDatabase({ sqlitePath: join(dir, 'turnout.sqlite') });
  await seedDemo(db.db, 10);
  const addresses = opts.addresses ?? (() => ['127.0.0.1']);
  const running = await startServer({ config, db: db.db, watchMs: 0, hostname: 'venue-laptop', interfaces: () => ({ lo: addresses().map(nic) }) });
  const s = { running, db, dir, config };
  open.push(s);
  return s;
}

/** What a TLS client sees at 127.0.0.1:port for `servername`: the leaf, whether the CA verifies it, the ALPN protocol. */
function peer(port: number, servername: string, ca?: string): Promise<{ leaf: X509Certificate; authorized: boolean; error?: string; alpn: string | false | null }> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, servername, ca, rejectUnauthorized: false, ALPNProtocols: ['h2', 'http/1.1'] }, () => {
      const leaf = socket.getPeerX509Certificate()!;
      resolve({ leaf, authorized: socket.authorized, error: socket.authorizationError?.toString(), alpn: socket.alpnProtocol });
      socket.end();
    });
    socket.on('error', reject);
  });
}

function h2(port: number, path: string, ca: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const session = h2connect(`https://localhost:${port}`, { ca });
    session.on('error', reject);
    const headers: Record<string, string> = { ':method': init.method ?? 'GET', ':path': path };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const req = session.request(headers);
    let status = 0;
    let body = '';
    req.on('response', (h) => (status = Number(h[':status'])));
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      session.close();
      resolve({ status, body });
    });
    req.on('error', reject);
    req.end(init.body === undefined ? undefined : JSON.stringify(init.body));
  });
}

function http1(port: number, path: string, ca: string): Promise<{ status: number; version: string }> {
  return new Promise((resolve, reject) => {
    // Node's https client speaks HTTP/1.1 only: the server must still answer it.
    const req = httpsRequest({ host: '127.0.0.1', servername: 'localhost', port, path, ca }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, version: res.httpVersion }));
    });
    req.on('error', reject);
    req.end();
  });
}

const sans = (cert: X509Certificate) => (cert.subjectAltName ?? '').split(', ').sort();

describe('venue HTTPS (serve)', () => {
  it('makes a name-constrained P-256 venue CA and a ≤397-day serverAuth leaf for every name, served over HTTP/2 and HTTP/1.1', async () => {
    const { running } = await start({ TURNOUT_TLS_NAMES: 'venue.test,10.9.8.7' }, { addresses: () => ['127.0.0.1', '::1', '192.168.0.10', '203.0.113.9'] });
    const keys = running.keys!;
    const ca = new X509Certificate(keys.caCertPem);
    const seen = await peer(running.port, 'venue.test', keys.caCertPem);
    expect(seen.authorized).toBe(true);
    expect(seen.alpn).toBe('h2');
    expect(seen.leaf.verify(ca.publicKey)).toBe(true);
    expect(seen.leaf.checkIssued(ca)).toBe(true);
    expect(sans(seen.leaf)).toEqual(
      ['DNS:localhost', 'DNS:venue-laptop.local', 'DNS:venue.test', 'IP Address:10.9.8.7', 'IP Address:127.0.0.1', 'IP Address:192.168.0.10', 'IP Address:0:0:0:0:0:0:0:1'].sort(),
    );
    expect(sans(seen.leaf).join()).not.toContain('203.0.113.9'); // a public address would void the leaf under the constraints
    expect(running.names()!.skipped).toEqual([{ address: '203.0.113.9', why: 'not a private, loopback or link-local address' }]);
    expect(Date.parse(seen.leaf.validTo) - Date.parse(seen.leaf.validFrom)).toBeLessThanOrEqual(397 * DAY);
    expect(seen.leaf.ca).toBe(false);
    expect(seen.leaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']); // serverAuth
    expect(seen.leaf.checkHost('venue.test')).toBe('venue.test');
    expect(seen.leaf.checkIP('192.168.0.10')).toBe('192.168.0.10');
    expect(seen.leaf.checkHost('www.example.com')).toBeUndefined();
    expect(spkiPin(seen.leaf)).toBe(keys.pin);

    expect(ca.ca).toBe(true);
    const parsed = new x509.X509Certificate(keys.caCertPem);
    expect(parsed.publicKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(parsed.signatureAlgorithm).toMatchObject({ name: 'ECDSA', hash: { name: 'SHA-256' } });
    expect(parsed.getExtension(x509.BasicConstraintsExtension)).toMatchObject({ ca: true, pathLength: 0, critical: true });
    const constraints = parsed.getExtension('2.5.29.30')!;
    expect(constraints.critical).toBe(true);
    const permitted = AsnConvert.parse(constraints.value, NameConstraints).permittedSubtrees!.map((t) => t.base.dNSName ?? t.base.iPAddress);
    expect(permitted).toEqual([...PERMITTED_DNS_SUFFIXES, ...PERMITTED_IP_RANGES]);

    // HTTP/2, and HTTP/1.1 for clients that only speak that.
    expect(await h2(running.port, '/healthz', keys.caCertPem)).toEqual({ status: 200, body: '{"ok":true}' });
    expect(await http1(running.port, '/healthz', keys.caCertPem)).toEqual({ status: 200, version: '1.1' });
  });

  it('keeps the CA and the key across a restart (same pin, new leaf)', async () => {
    const first = await start({});
    const dir = first.dir;
    const before = await peer(first.running.port, 'localhost', first.running.keys!.caCertPem);
    expect(first.running.keys!.created).toBe(true);
    await first.running.close();
    await first.db.close();
    open.splice(open.indexOf(first), 1);

    const again = await start({}, { dir });
    expect(again.running.keys!.created).toBe(false);
    expect(again.running.keys!.caCertPem).toBe(first.running.keys!.caCertPem);
    expect(again.running.keys!.pin).toBe(first.running.keys!.pin);
    const after = await peer(again.running.port, 'localhost', again.running.keys!.caCertPem);
    expect(after.authorized).toBe(true);
    expect(after.leaf.serialNumber).not.toBe(before.leaf.serialNumber);
    expect(spkiPin(after.leaf)).toBe(spkiPin(before.leaf));
  });

  it('re-issues the leaf when the addresses change and swaps it into the running server; the pin stays', async () => {
    let addresses = ['127.0.0.1', '192.168.0.10'];
    const { running } = await start({}, { addresses: () => addresses });
    const ca = running.keys!.caCertPem;
    const before = await peer(running.port, 'localhost', ca);
    expect(await running.refresh()).toBe(false); // nothing changed: same leaf
    addresses = ['127.0.0.1', '192.168.7.20'];
    expect(await running.refresh()).toBe(true);
    const after = await peer(running.port, 'localhost', ca);
    expect(after.authorized).toBe(true);
    expect(after.leaf.serialNumber).not.toBe(before.leaf.serialNumber);
    expect(after.leaf.checkIP('192.168.7.20')).toBe('192.168.7.20');
    expect(after.leaf.checkIP('192.168.0.10')).toBeUndefined();
    expect(spkiPin(after.leaf)).toBe(running.keys!.pin);
  });

  it('the plain port serves /ca.crt and 308-redirects everything else to HTTPS, never the API', async () => {
    const { running } = await start({});
    const plain = `http://127.0.0.1:${running.httpPort}`;
    const ca = await fetch(`${plain}/ca.crt`);
    expect(ca.status).toBe(200);
    expect(ca.headers.get('content-type')).toBe('application/x-x509-ca-cert');
    expect(await ca.text()).toBe(running.keys!.caCertPem);
    for (const [method, path] of [['GET', '/v1/sync/config'], ['POST', '/v1/devices/pair'], ['GET', '/kiosk/?at=1'], ['GET', '/dashboard']] as const) {
      const res = await fetch(`${plain}${path}`, { method, redirect: 'manual', ...(method === 'POST' ? { body: '{"code":"ABCDEFGH","name":"x"}', headers: { 'content-type': 'application/json' } } : {}) });
      expect(res.status, path).toBe(308);
      expect(res.headers.get('location'), path).toBe(`https://127.0.0.1:${running.port}${path}`);
      expect(await res.text(), path).toMatch(/^Turnout speaks HTTPS/);
    }
    // /ca.crt over HTTPS too.
    expect((await h2(running.port, '/ca.crt', running.keys!.caCertPem)).body).toBe(running.keys!.caCertPem);
  });

  it('pairing links carry v=1, the venue servers and the pin of the key the server presents', async () => {
    const { running } = await start({ TURNOUT_TLS_NAMES: 'venue.test' }, { addresses: () => ['127.0.0.1', '192.168.0.10'] });
    const ca = running.keys!.caCertPem;
    const res = await h2(running.port, '/v1/admin/events/icw2025/pairing-codes', ca, { method: 'POST', token: ADMIN, body: { checkpointId: 'info-desk' } });
    expect(res.status).toBe(200);
    const parsed = parsePairingLink((JSON.parse(res.body) as { link: string }).link);
    expect(parsed).toMatchObject({
      ok: true,
      link: { version: 1, servers: [`https://venue.test:${running.port}`, `https://192.168.0.10:${running.port}`], fp: running.keys!.pin, checkpointId: 'info-desk' },
    });
    const served = await peer(running.port, 'venue.test', ca);
    expect(spkiPin(served.leaf)).toBe(parsed.ok && parsed.link.fp);
  });

  it("an operator's certificate (TURNOUT_TLS_CERT/KEY) is served as is: no venue CA, no pin in links", async () => {
    const dir = tempDir();
    const ca = await createCa({ label: 'operator', unconstrained: true });
    const keyPem = (await import('node:crypto')).generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const certPem = await issueLeaf({ caKeyPem: ca.keyPem, caCertPem: ca.certPem, leafKeyPem: keyPem, names: { dns: ['checkin.example.org', 'localhost'], ips: [] } });
    writeFileSync(join(dir, 'cert.pem'), certPem);
    writeFileSync(join(dir, 'key.pem'), keyPem);
    const { running } = await start({ TURNOUT_TLS_CERT: join(dir, 'cert.pem'), TURNOUT_TLS_KEY: join(dir, 'key.pem'), TURNOUT_PUBLIC_URL: 'https://checkin.example.org' });
    expect(running.keys).toBeUndefined();
    const seen = await peer(running.port, 'checkin.example.org', ca.certPem);
    expect(seen.authorized).toBe(true);
    expect(seen.leaf.serialNumber).toBe(new X509Certificate(certPem).serialNumber);
    const res = await h2(running.port, '/v1/admin/events/icw2025/pairing-codes', ca.certPem, { method: 'POST', token: ADMIN, body: {} });
    const link = (JSON.parse(res.body) as { link: string }).link;
    expect(link).toMatch(/^turnout:\/\/pair\?server=https%3A%2F%2Fcheckin\.example\.org&code=/);
    expect(link).not.toContain('fp=');
    expect((await fetch(`http://127.0.0.1:${running.httpPort}/ca.crt`)).status).toBe(404);
    expect((await h2(running.port, '/ca.crt', ca.certPem)).status).toBe(404);

    // A key that is not the certificate's is refused at start, with the reason.
    const otherKey = (await import('node:crypto')).generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    writeFileSync(join(dir, 'other.pem'), otherKey);
    await expect(start({ TURNOUT_TLS_CERT: join(dir, 'cert.pem'), TURNOUT_TLS_KEY: join(dir, 'other.pem') })).rejects.toThrow(/does not belong to the certificate/);
  });

  it('TLS settings that cannot work are refused with what to do', async () => {
    expect(() => loadConfig({ TURNOUT_TLS_CERT: '/x.pem' })).toThrow(/go together/);
    expect(() => loadConfig({ TURNOUT_TLS: 'maybe' })).toThrow(/only be "off"/);
    expect(() => loadConfig({ TURNOUT_TLS_NAMES: 'checkin.kintex.co.kr' })).toThrow(/outside the venue CA's names/);
    expect(loadConfig({ TURNOUT_HTTP_PORT: 'off' }).httpPort).toBeNull();
    expect(loadConfig({}).httpPort).toBe(8780);
    // TURNOUT_TLS=off: plain HTTP, on loopback or behind a named proxy only.
    await expect(start({ TURNOUT_TLS: 'off' }, { host: '0.0.0.0' })).rejects.toThrow(/loopback host only.*TURNOUT_TRUST_PROXY/);
    const { running } = await start({ TURNOUT_TLS: 'off' });
    expect(running.scheme).toBe('http');
    expect((await fetch(`http://127.0.0.1:${running.port}/healthz`)).status).toBe(200);
  });
});

describe('`serve` at start', () => {
  it('says that /kiosk/ is off without a built page, and how to build it', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'serve'], {
      env: { ...process.env, TURNOUT_DATA_DIR: dir, TURNOUT_PORT: '0', TURNOUT_HTTP_PORT: '0', TURNOUT_HOST: '127.0.0.1', TURNOUT_KIOSK_DIR: join(dir, 'none'), TURNOUT_LOG_LEVEL: 'silent', TURNOUT_ADMIN_TOKEN: ADMIN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          out += String(c);
          if (out.includes('/kiosk/ is off')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${out}`)));
      });
    } finally {
      child.kill('SIGTERM');
    }
    expect(out).toMatch(/Turnout server on https:\/\/127\.0\.0\.1:\d+ \(HTTPS, HTTP\/2\)/);
    expect(out).toMatch(/server key pin \(fp\) [A-Za-z0-9_-]{43}/);
    expect(out).toContain(`/kiosk/ is off: no built kiosk page in ${join(dir, 'none')}. Build it with \`npm run build\``);
  }, 90_000);
});
