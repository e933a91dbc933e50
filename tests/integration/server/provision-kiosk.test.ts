// scripts/provision-kiosk.sh against a real venue server on loopback: it installs
// the venue CA only after the served key matches the link's fp and the leaf chains
// to a name-constrained CA — into an NSS database (certutil) or as a Chromium
// policy — and refuses, changing nothing, otherwise. (Chromium trusting what it
// installed is tested in tests/e2e/venue-https.spec.ts.)
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPairingLink } from '../../../core/pairing-link';
import { loadConfig } from '../../../server/config';
import { openDatabase, type Db } from '../../../server/db/connect';
import { seedDemo } from '../../../server/demo';
import { startServer, type RunningServer } from '../../../server/tls/serve';
import { createCa, issueLeaf, spkiPin } from '../../../server/tls/venue-ca';

const run = promisify(execFile);
let dir: string;
let db: Db;
let running: RunningServer;
let link: string;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function provision(args: string[], home: string): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run('bash', ['scripts/provision-kiosk.sh', ...args], { env: { ...process.env, HOME: home }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const home = () => mkdtempSync(join(dir, 'home-'));
const nssList = async (db: string) => (await run('certutil', ['-L', '-d', `sql:${db}`])).stdout;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'turnout-provision-'));
  const config = loadConfig({ TURNOUT_TLS_NAMES: 'venue.test' }, { adminToken: 'provision-admin-token-0123456789', logLevel: 'silent', rateLimit: false, host: '127.0.0.1', port: 0, httpPort: 0, dataDir: dir, kioskDir: join(dir, 'none') });
  db = await openDatabase({ sqlitePath: join(dir, 'turnout.sqlite') });
  await seedDemo(db.db, 10);
  running = await startServer({ config, db: db.db, watchMs: 0, hostname: 'venue', interfaces: () => ({}) });
  link = formatPairingLink({ servers: [`https://venue.test:${running.port}`], code: 'ABCDEFGHJK', checkpointId: 'info-desk', fp: running.keys!.pin });
});

afterAll(async () => {
  await running?.close();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('provision-kiosk.sh', () => {
  it('checks the served key against fp, then installs the CA into the NSS database and prints the kiosk URL', async () => {
    const h = home();
    const out = await provision(['--resolve', 'venue.test:127.0.0.1', link], h);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain(`presents the pinned key (${running.keys!.pin})`);
    expect(out.stdout.trim()).toBe(`https://venue.test:${running.port}/kiosk/?pair=${encodeURIComponent(link)}`);
    const listed = await nssList(join(h, '.pki', 'nssdb'));
    expect(listed).toMatch(/Turnout venue CA [0-9A-F]{16}\s+C,,/);
    // The certificate in the database is the server's CA.
    const exported = (await run('certutil', ['-L', '-d', `sql:${join(h, '.pki', 'nssdb')}`, '-n', listed.match(/Turnout venue CA [0-9A-F]{16}/)![0], '-a'])).stdout;
    expect(new X509Certificate(exported).fingerprint256).toBe(new X509Certificate(running.keys!.caCertPem).fingerprint256);
    // Running it again replaces, not duplicates.
    expect((await provision(['--resolve', 'venue.test:127.0.0.1', link], h)).code).toBe(0);
    expect((await nssList(join(h, '.pki', 'nssdb'))).match(/Turnout venue CA/g)).toHaveLength(1);
  });

  it('tries the servers in order: an unreachable first one is skipped', async () => {
    const twoServers = formatPairingLink({ servers: ['https://127.0.0.1:9', `https://127.0.0.1:${running.port}`], code: 'ABCDEFGHJK', fp: running.keys!.pin });
    const out = await provision([twoServers], home());
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain('no TLS answer from https://127.0.0.1:9');
  });

  it('writes a Chromium managed policy with the CA and its constraints', async () => {
    const policyDir = join(home(), 'policies');
    const out = await provision(['--policy', policyDir, '--resolve', 'venue.test:127.0.0.1', link], home());
    expect(out.code, out.stderr).toBe(0);
    const policy = JSON.parse(readFileSync(join(policyDir, 'turnout-venue-ca.json'), 'utf8')) as {
      CACertificatesWithConstraints: { certificate: string; constraints: { permitted_dns_names: string[]; permitted_cidrs: string[] } }[];
    };
    const [entry] = policy.CACertificatesWithConstraints;
    expect(new X509Certificate(Buffer.from(entry!.certificate, 'base64')).fingerprint256).toBe(new X509Certificate(running.keys!.caCertPem).fingerprint256);
    expect(entry!.constraints.permitted_dns_names).toEqual(['localhost', 'local', 'internal', 'home.arpa', 'test', 'lan']);
    expect(entry!.constraints.permitted_cidrs).toEqual([
      '10.0.0.0/8',
      '172.16.0.0/12',
      '192.168.0.0/16',
      '127.0.0.0/8',
      '169.254.0.0/16',
      '0:0:0:0:0:0:0:1/128',
      'fc00:0:0:0:0:0:0:0/7',
      'fe80:0:0:0:0:0:0:0/10',
    ]);
  });

  it('refuses, installing nothing, when the server presents another key than the link pins', async () => {
    const h = home();
    const wrong = link.replace(/fp=[^&]+/, `fp=${'A'.repeat(43)}`);
    const out = await provision(['--resolve', 'venue.test:127.0.0.1', wrong], h);
    expect(out.code).toBe(3);
    expect(out.stderr).toContain('but the link pins AAAA');
    expect(existsSync(join(h, '.pki'))).toBe(false);
  });

  it('refuses a link without fp, and a server that does not answer', async () => {
    const noPin = formatPairingLink({ servers: `https://venue.test:${running.port}`, code: 'ABCDEFGHJK' });
    expect(await provision([noPin], home())).toMatchObject({ code: 2, stderr: expect.stringContaining('the link has no fp') });
    const dead = formatPairingLink({ servers: ['https://127.0.0.1:9'], code: 'ABCDEFGHJK', fp: running.keys!.pin });
    expect(await provision([dead], home())).toMatchObject({ code: 5 });
    expect(await provision([], home())).toMatchObject({ code: 2 });
  });

  it('refuses a CA without name constraints even when the key matches (its key could impersonate any site)', async () => {
    const ca = await createCa({ label: 'unconstrained', unconstrained: true });
    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const cert = await issueLeaf({ caKeyPem: ca.keyPem, caCertPem: ca.certPem, leafKeyPem: key, names: { dns: ['localhost'], ips: ['127.0.0.1'] } });
    const server = createServer({ key, cert }, (req, res) => (req.url === '/ca.crt' ? res.end(ca.certPem) : res.writeHead(404).end()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const h = home();
      const bad = formatPairingLink({ servers: [`https://127.0.0.1:${(server.address() as AddressInfo).port}`], code: 'ABCDEFGHJK', fp: spkiPin(cert) });
      const out = await provision([bad], h);
      expect(out.code).toBe(4);
      expect(out.stderr).toContain('no name constraints');
      expect(existsSync(join(h, '.pki'))).toBe(false);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
