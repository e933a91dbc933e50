// The server's command line (`npm run server -- <command>`, i.e. `tsx server/cli.ts`):
//   serve [--demo] [--tickets N] [--port N] [--host H]   run the upstream: HTTPS (venue CA,
//                                                          or TURNOUT_TLS_CERT/KEY) and the
//                                                          plain-HTTP redirect port
//   import <eventId> <file.csv|file.xlsx>                  load a roster (CSV or XLSX)
//   pair <eventId> [--checkpoint ID] [--server URL]        pairing QR in the terminal
//   export <eventId> [--out file.csv]                      every check-in as CSV
//   revoke <deviceId>                                      cut a kiosk off
//   staff-pin <eventId> [--clear]                          the event's staff PIN (read
//                                                          from stdin, hidden on a terminal)
//   keys <eventId> [--rotate | --retire KEYID]             the event's signing keys
//   issue <eventId> (--count N [--category C] | --roster FILE) --out DIR
//                                                          signed tickets: QR PNG+SVG each,
//                                                          tickets.csv, sheet.pdf
// Settings come from the environment (server/config.ts).

import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import type { ImportResult } from '../core/protocol';
import { RosterFileError } from '../core/roster-file';
import { loadConfig, sqlitePathFor, type ServerConfig } from './config';
import { openDatabase, type Db } from './db/connect';
import { DEMO_TICKETS, seedDemo } from './demo';
import { exportCheckinsCsv } from './export/checkins-csv';
import { importRosterFile } from './import/roster';
import { pairingLink } from './routes/admin';
import { createPairingCode, revokeDevice } from './repo/devices';
import { getEventBundle, getEventInfo, hashStaffPin, storeStaffPinHash } from './repo/events';
import { pairingServers, venueServers } from './tls/link-servers';
import { leafNames } from './tls/names';
import { startServer, type RunningServer } from './tls/serve';
import { openVenueKeys } from './tls/venue-ca';
import { issueCommand, keysCommand, type CliIo } from './signing/issue-cli';

const USAGE = `usage: tsx server/cli.ts <command>
  serve [--demo] [--tickets N] [--port N] [--host H]
  import <eventId> <file.csv|file.xlsx>
  pair <eventId> [--checkpoint ID] [--server URL]
  export <eventId> [--out file.csv]
  revoke <deviceId>
  staff-pin <eventId> [--clear]     (the PIN is read from stdin)
  keys <eventId> [--rotate | --retire KEYID]
  issue <eventId> (--count N [--category C] | --roster file.csv|file.xlsx) --out DIR`;

const say = (line = '') => process.stdout.write(`${line}\n`);

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const io: CliIo = { say, fail };

function open(config: ServerConfig): Promise<Db> {
  return openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: sqlitePathFor(config) });
}

/** How kiosks reach this server, and the pin of its key, for links printed by the CLI. */
async function linkTarget(config: ServerConfig): Promise<{ servers: string[]; fp?: string }> {
  if (config.publicUrl) return { servers: [config.publicUrl] };
  if (config.tls.mode === 'off') return { servers: [`http://127.0.0.1:${config.port}`] };
  const names = leafNames({ interfaces: networkInterfaces(), hostname: hostname(), extra: config.tls.names });
  const known = venueServers(names, config.tls.names, config.port);
  const servers = pairingServers({ requestOrigin: `https://127.0.0.1:${config.port}`, known });
  // The key is made once and kept (server/tls/venue-ca.ts): the pin is the one `serve` presents.
  const fp = config.tls.mode === 'venue' ? (await openVenueKeys(config.dataDir, hostname())).pin : undefined;
  return { servers, fp };
}

async function serve(values: Record<string, string | boolean | undefined>): Promise<void> {
  const overrides: Partial<ServerConfig> = {};
  if (typeof values.port === 'string') overrides.port = Number(values.port);
  if (typeof values.host === 'string') overrides.host = values.host;
  const config = loadConfig(process.env, overrides);
  // Replicas behind a load balancer each check admin calls against their own
  // token: one made up per process would make every other admin call a 401.
  if (config.databaseUrl && config.adminTokenGenerated) {
    fail('With DATABASE_URL (PostgreSQL), set TURNOUT_ADMIN_TOKEN: every server replica must check the same admin token.');
  }
  const db = await open(config);
  if (values.demo) {
    const tickets = typeof values.tickets === 'string' ? Number(values.tickets) : DEMO_TICKETS;
    const seeded = await seedDemo(db.db, tickets);
    say(seeded ? `Seeded demo event ${seeded} with ${tickets} tickets.` : 'Database has events; demo not seeded.');
  }
  const running = await startServer({ config, db: db.db, say });
  const where = `${running.scheme}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${running.port}`;
  say(`Turnout server on ${where}${running.scheme === 'https' ? ' (HTTPS, HTTP/2)' : ''} (${db.kind}${db.kind === 'sqlite' ? ` at ${sqlitePathFor(config)}` : ''})`);
  for (const line of describeTls(config, running)) say(line);
  if (!existsSync(join(config.kioskDir, 'index.html'))) {
    say(`/kiosk/ is off: no built kiosk page in ${config.kioskDir}. Build it with \`npm run build\` (or point TURNOUT_KIOSK_DIR at a build) and restart.`);
  }
  say(
    existsSync(config.consoleDir)
      ? `Organiser console: ${where.replace('0.0.0.0', '127.0.0.1')}/admin/ (log in with the admin token, or the viewer token to watch only)`
      : 'Organiser console is off: dist-console/ is not built (npm run build).',
  );
  if (!config.keyEncryptionKey) {
    say('Warning: TURNOUT_KEY_ENCRYPTION_KEY is not set, so events\' private signing keys are stored unencrypted in the database. Set it to 32 random bytes (openssl rand -base64 32) to seal them.');
  }
  if (config.adminTokenGenerated) {
    say(`Admin token (set TURNOUT_ADMIN_TOKEN to keep one across restarts):\n  ${config.adminToken}`);
  }
  if (config.viewerTokenGenerated && config.databaseUrl) {
    // A token made up here would open this replica only: the role stays off until it is set.
    say('Viewer role is off: set TURNOUT_VIEWER_TOKEN (the same on every replica) to give staff leads read-only access.');
  } else if (config.viewerTokenGenerated) {
    say(`Viewer token, read-only (set TURNOUT_VIEWER_TOKEN to keep one):\n  ${config.viewerToken}`);
  }
  const stop = async () => {
    await running.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** What `serve` says about TLS at start: the CA, the pin, the names, the plain port. */
function describeTls(config: ServerConfig, running: RunningServer): string[] {
  if (running.scheme === 'http') return ['TLS off (TURNOUT_TLS=off): plain HTTP for the proxy in front, which terminates TLS.'];
  const lines: string[] = [];
  if (running.keys) {
    lines.push(`Venue CA ${running.keys.created ? 'created' : 'kept'} in ${running.keys.dir} (ca.crt); server key pin (fp) ${running.keys.pin}`);
    const names = running.names();
    if (names) {
      lines.push(`Certificate names: ${[...names.dns, ...names.ips].join(', ')}`);
      for (const s of names.skipped) lines.push(`  left out ${s.address}: ${s.why}`);
    }
  } else {
    lines.push(`Certificate from TURNOUT_TLS_CERT ${config.tls.certFile} (pairing links carry no fp)`);
  }
  if (running.httpPort !== null) lines.push(`Plain HTTP on port ${running.httpPort}: 308 to HTTPS, and /ca.crt`);
  lines.push('Pair a kiosk: npm run server -- pair <eventId>; a browser kiosk first runs scripts/provision-kiosk.sh with that link');
  return lines;
}

/**
 * The first line of stdin. On a terminal it is read key by key with echo off,
 * so the PIN shows neither on screen nor (unlike an argument) in shell history.
 */
async function readSecretLine(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    let text = '';
    for await (const chunk of input) {
      text += String(chunk);
      if (text.includes('\n')) break;
    }
    return text.split(/\r?\n/)[0]!.trim();
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  try {
    let line = '';
    for await (const chunk of input) {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return line;
        if (ch === '\u0003') fail('\ncancelled');
        line = ch === '\u007f' || ch === '\b' ? line.slice(0, -1) : line + ch;
      }
    }
    return line;
  } finally {
    input.setRawMode(false);
    input.pause();
    process.stderr.write('\n');
  }
}

async function withDb<T>(fn: (db: Db, config: ServerConfig) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env, { adminToken: 'cli-does-not-need-one' });
  const db = await open(config);
  try {
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      tickets: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      checkpoint: { type: 'string' },
      server: { type: 'string' },
      out: { type: 'string' },
      clear: { type: 'boolean' },
      rotate: { type: 'boolean' },
      count: { type: 'string' },
      category: { type: 'string' },
      roster: { type: 'string' },
      retire: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    say(USAGE);
    return;
  }

  switch (command) {
    case 'serve':
      return serve(values);
    case 'import': {
      const [eventId, file] = args;
      if (!eventId || !file) fail(USAGE);
      return withDb(async ({ db }, config) => {
        const event = (await getEventInfo(db, eventId)) ?? fail(`No event ${eventId}`);
        // Refuse by size before reading a huge file into memory.
        const size = statSync(file).size;
        if (size > config.importBodyLimit) fail(`${file}: ${size} bytes, more than the ${config.importBodyLimit}-byte import limit. Split it into smaller files.`);
        let result: ImportResult;
        try {
          result = await importRosterFile(db, eventId, readFileSync(file), { timeZone: event.timeZone, maxBytes: config.importBodyLimit });
        } catch (err) {
          if (err instanceof RosterFileError) fail(`${file}: ${err.message}`);
          throw err;
        }
        const read = result.format === 'xlsx' ? 'XLSX, first sheet' : `CSV, ${result.encoding ?? 'utf-8'}`;
        say(`${file} (${read}): imported ${result.imported}, updated ${result.updated}, unchanged ${result.unchanged}, errors ${result.errors.length}`);
        for (const e of result.errors) say(`  ${result.format === 'xlsx' ? 'row' : 'line'} ${e.line}: ${e.message}`);
        if (result.errors.length) process.exitCode = 2;
      });
    }
    case 'pair': {
      const [eventId] = args;
      if (!eventId) fail(USAGE);
      return withDb(async ({ db }, config) => {
        const bundle = (await getEventBundle(db, eventId)) ?? fail(`No event ${eventId}`);
        const checkpointId = values.checkpoint ?? null;
        if (checkpointId && !bundle.checkpoints.some((c) => c.id === checkpointId)) fail(`No checkpoint ${checkpointId}`);
        const { code, expiresAt } = await createPairingCode(db, eventId, checkpointId, config.pairingTtlMs);
        const target = values.server ? { servers: [values.server] } : await linkTarget(config);
        const link = pairingLink(target.servers, code, checkpointId, target.fp);
        say(await QRCode.toString(link, { type: 'terminal', small: true }));
        say(link);
        say(`code ${code}, single use, expires ${new Date(expiresAt).toISOString()}`);
      });
    }
    case 'export': {
      const [eventId] = args;
      if (!eventId) fail(USAGE);
      return withDb(async ({ db }) => {
        if (!(await getEventInfo(db, eventId))) fail(`No event ${eventId}`);
        const out = values.out ? createWriteStream(values.out) : process.stdout;
        for await (const chunk of exportCheckinsCsv(db, eventId)) out.write(chunk);
        if (out !== process.stdout) await new Promise<void>((done) => out.end(done));
      });
    }
    case 'revoke': {
      const [deviceId] = args;
      if (!deviceId) fail(USAGE);
      return withDb(async ({ db }) => {
        if (!(await revokeDevice(db, deviceId))) fail(`No device ${deviceId}`);
        say(`revoked ${deviceId}`);
      });
    }
    case 'staff-pin': {
      const [eventId] = args;
      if (!eventId) fail(USAGE);
      return withDb(async ({ db }) => {
        if (!(await getEventInfo(db, eventId))) fail(`No event ${eventId}`);
        if (values.clear) {
          await storeStaffPinHash(db, eventId, null);
          say(`staff PIN of ${eventId} cleared (kiosks keep the one they have)`);
          return;
        }
        const pin = await readSecretLine('Staff PIN (4–12 digits): ');
        if (!/^\d{4,12}$/.test(pin)) fail('The staff PIN must be 4–12 digits.');
        const hash = await hashStaffPin(pin);
        await storeStaffPinHash(db, eventId, hash);
        say(`staff PIN of ${eventId} set at ${hash.setAt}; kiosks adopt it at their next config sync`);
      });
    }
    case 'keys': {
      const [eventId] = args;
      if (!eventId) fail(USAGE);
      return withDb(({ db }, config) => keysCommand(io, db, config.keyEncryptionKey, eventId, { rotate: values.rotate, retire: values.retire }));
    }
    case 'issue': {
      const [eventId] = args;
      if (!eventId || !values.out || Boolean(values.count) === Boolean(values.roster)) fail(USAGE);
      const opts = { out: values.out, count: values.count, category: values.category, roster: values.roster };
      return withDb(({ db }, config) => issueCommand(io, db, { kek: config.keyEncryptionKey, importBodyLimit: config.importBodyLimit }, eventId, opts));
    }
    default:
      fail(`Unknown command ${command}\n${USAGE}`);
  }
}

main().catch((err: unknown) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err)));
