// A venue deployment for e2e tests, in the test process: the REAL `serve` path
// (server/tls/serve.ts) — HTTPS with HTTP/2 from the venue CA made in a temp data
// folder, the plain-HTTP redirect port, pairing links from the real admin route —
// on SQLite seeded with the demo event and serving the built kiosk at /kiosk/.
// Its only interfaces are loopback ones, so no link or certificate names another
// address; Chromium reaches `venue.test` through --host-resolver-rules (MAP to
// 127.0.0.1): a name that is not loopback to the page, and traffic that stays on it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../../../server/config';
import { openDatabase, type Db } from '../../../server/db/connect';
import { seedDemo } from '../../../server/demo';
import { startServer, type RunningServer } from '../../../server/tls/serve';
import { pinToBase64 } from '../../../server/tls/venue-ca';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { ADMIN_TOKEN, EVENT_ID, builtKiosk, type ServerCheckin } from './upstream';

export const VENUE_HOST = 'venue.test';
const run = promisify(execFile);

export interface Venue {
  /** https://venue.test:PORT — what kiosks use. */
  url: string;
  port: number;
  httpPort: number;
  /** The server key's pin (base64url), as pairing links carry it. */
  pin: string;
  /** The same pin in standard base64, for --ignore-certificate-errors-spki-list. */
  pinBase64: string;
  caPem: string;
  dataDir: string;
  running: RunningServer;
  /** Every request the HTTPS server received: its HTTP version and path. */
  requests(): { httpVersion: string; url: string }[];
  /** A fresh pairing link from the admin API (POST …/pairing-codes). */
  pairingLink(checkpointId: string): Promise<string>;
  checkins(): Promise<ServerCheckin[]>;
  close(): Promise<void>;
}

export async function startVenue(opts: { tickets?: number } = {}): Promise<Venue> {
  const kioskDir = await builtKiosk();
  const dataDir = mkdtempSync(join(tmpdir(), 'turnout-e2e-venue-'));
  const config = loadConfig(
    { TURNOUT_TLS_NAMES: VENUE_HOST },
    { adminToken: ADMIN_TOKEN, logLevel: 'silent', rateLimit: false, host: '127.0.0.1', port: 0, httpPort: 0, kioskDir, dataDir },
  );
  let db: Db | undefined = await openDatabase({ sqlitePath: join(dataDir, 'turnout.sqlite') });
  if (!(await seedDemo(db.db, opts.tickets ?? 500))) throw new Error('demo event not seeded');
  const loopbackOnly = () => ({
    lo: [
      { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4' as const, mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' },
      { address: '::1', netmask: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', family: 'IPv6' as const, mac: '00:00:00:00:00:00', internal: true, cidr: '::1/128', scopeid: 0 },
    ],
  });
  const running = await startServer({ config, db: db.db, interfaces: loopbackOnly, hostname: 'e2e-venue', watchMs: 0 });
  const pin = running.keys!.pin;
  const requests: { httpVersion: string; url: string }[] = [];
  running.app.server.on('request', (req: { httpVersion: string; url: string }) => requests.push({ httpVersion: req.httpVersion, url: req.url }));
  const live = () => {
    if (!db) throw new Error('the venue server is closed');
    return db.db;
  };
  return {
    url: `https://${VENUE_HOST}:${running.port}`,
    port: running.port,
    httpPort: running.httpPort!,
    pin,
    pinBase64: pinToBase64(pin),
    caPem: running.keys!.caCertPem,
    dataDir,
    running,
    requests: () => [...requests],
    async pairingLink(checkpointId) {
      const res = await running.app.inject({
        method: 'POST',
        url: `/v1/admin/events/${EVENT_ID}/pairing-codes`,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        payload: { checkpointId },
      });
      if (res.statusCode !== 200) throw new Error(`pairing code: ${res.statusCode} ${res.body}`);
      return (res.json() as { link: string }).link;
    },
    async checkins() {
      return (await live()
        .selectFrom('checkins')
        .select(['id', 'code', 'device_id', 'checkpoint_id', 'status', 'verdict', 'scanned_at', 'clock_offset_ms'])
        .orderBy('seq')
        .execute()) as ServerCheckin[];
    },
    async close() {
      await running.close();
      await db?.close();
      db = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A HOME with an NSS database trusting the venue CA, made by the provisioning script from the link alone. */
export async function provisionedHome(link: string): Promise<{ home: string; kioskUrl: string; log: string }> {
  const home = mkdtempSync(join(tmpdir(), 'turnout-e2e-home-'));
  const { stdout, stderr } = await run('bash', ['scripts/provision-kiosk.sh', '--resolve', `${VENUE_HOST}:127.0.0.1`, link], {
    env: { ...process.env, HOME: home },
    timeout: 60_000,
  });
  return { home, kioskUrl: stdout.trim(), log: stderr };
}

/**
 * Debian's Chromium with the venue name mapped to loopback. `home`: its NSS
 * database (trust); extra args such as --ignore-certificate-errors-spki-list.
 */
export async function launchVenueChromium(opts: { home?: string; args?: string[]; map?: string[] } = {}): Promise<Browser> {
  // Without a HOME of the caller's, an empty one of its own (no trust), removed with the browser.
  const home = opts.home ?? mkdtempSync(join(tmpdir(), 'turnout-e2e-home-'));
  const rules = [VENUE_HOST, ...(opts.map ?? [])].map((h) => `MAP ${h} 127.0.0.1`).join(', ');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=${rules}`, ...(opts.args ?? [])],
    env: { ...process.env, HOME: home } as Record<string, string>,
  });
  if (!opts.home) browser.on('disconnected', () => rmSync(home, { recursive: true, force: true }));
  return browser;
}
