// `npm start`: the kiosk against an embedded upstream with demo data, no setup.
// 1. builds the kiosk page when its sources changed;
// 2. starts the server on SQLite in .turnout-data/, seeding the demo event once —
//    plain HTTP on loopback only (a venue runs `npm run server -- serve`: HTTPS);
// 3. makes a single-use pairing code and hands the kiosk its link, so it pairs
//    itself (a kiosk already paired with this server keeps its pairing);
// 4. runs the kiosk in Electron where its binary exists, otherwise opens the
//    server's /kiosk/ in Chromium's app mode — and prints the URL either way,
//    with the organiser console's URL and the tokens to log in there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildApp } from '../server/app';
import { loadConfig, sqlitePathFor } from '../server/config';
import { openDatabase } from '../server/db/connect';
import { seedDemo } from '../server/demo';
import { createPairingCode } from '../server/repo/devices';
import { pairingLink } from '../server/routes/admin';
import { demoEvent } from '../core/demo/event';
import { electronForStart } from './electron-binary';

const root = resolve(import.meta.dirname, '..');
const say = (line: string) => console.log(`[turnout] ${line}`);
/** The demo event happened in September 2025; the kiosk runs a visible rehearsal clock on its third day. */
const REHEARSAL_AT = '2025-09-10T10:30:00+09:00';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds a page (the kiosk, the organiser console) when its sources are newer than its build. */
function buildIfStale(what: string, src: string, out: string): void {
  const index = join(root, out, 'index.html');
  if (existsSync(index) && Math.max(newest(join(root, src)), newest(join(root, 'core'))) <= statSync(index).mtimeMs) return;
  say(`building the ${what}…`);
  const r = spawnSync('npx', ['vite', 'build', '--config', `${src}/vite.config.ts`, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const host = process.env.TURNOUT_HOST ?? '127.0.0.1';
if (!['127.0.0.1', '::1', 'localhost'].includes(host)) {
  // Plain HTTP carries device tokens and attendees' names: never off this machine.
  say(`npm start serves plain HTTP on loopback only (TURNOUT_HOST is ${host}). For kiosks on other machines run the venue server: npm run server -- serve --demo (HTTPS; see README "Deploying at a venue").`);
  process.exit(1);
}
buildIfStale('kiosk page', 'renderer', 'dist-renderer');
buildIfStale('organiser console', 'console', 'dist-console');
const config = loadConfig(process.env, {
  host,
  port: Number(process.env.TURNOUT_PORT ?? 8787),
  kioskDir: join(root, 'dist-renderer'),
  consoleDir: join(root, 'dist-console'),
  // The console is for the URLs above; request logs only when asked for.
  logLevel: process.env.TURNOUT_LOG_LEVEL ?? 'warn',
});
mkdirSync(config.dataDir, { recursive: true });
const db = await openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: sqlitePathFor(config) });
if (await seedDemo(db.db)) say(`seeded the demo event (${demoEvent.event.name.en})`);
const app = await buildApp({ db: db.db, config });
try {
  await app.listen({ port: config.port, host: config.host });
} catch (err) {
  if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
  // Most often a Turnout already running (npm start twice): say so, not a stack trace.
  say(`port ${config.port} on ${config.host} is in use (another npm start still running?); stop it, or set TURNOUT_PORT`);
  await db.close();
  process.exit(1);
}
const server = `http://127.0.0.1:${config.port}`;
const { code } = await createPairingCode(db.db, demoEvent.event.id, 'info-desk', config.pairingTtlMs);
const link = pairingLink(server, code, 'info-desk');
const query = new URLSearchParams({ pair: link, at: REHEARSAL_AT }).toString();
const kioskUrl = `${server}/kiosk/?${query}`;

say(`upstream ${server} (${db.kind}${db.kind === 'sqlite' ? `, ${sqlitePathFor(config)}` : ''})`);
// Tokens are typed at the console's login form, never put in a URL (history, logs, Referer).
say(`console   ${server}/admin/`);
say(`  admin token  ${config.adminToken}${config.adminTokenGenerated ? '  (new each start; set TURNOUT_ADMIN_TOKEN to keep one)' : ''}`);
say(`  viewer token ${config.viewerToken}${config.viewerTokenGenerated ? '  (read-only; set TURNOUT_VIEWER_TOKEN to keep one)' : ''}`);
say(`kiosk     ${kioskUrl}`);

const stop = async (code = 0) => {
  await app.close();
  await db.close();
  process.exit(code);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

const found = process.env.TURNOUT_NO_ELECTRON ? { reason: 'TURNOUT_NO_ELECTRON is set' } : electronForStart();
const electron = found.path;
if (electron) {
  say('starting the Electron kiosk');
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) await stop(built.status ?? 1);
  const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit', env: { ...process.env, TURNOUT_KIOSK_QUERY: query } });
  child.on('exit', () => void stop());
} else {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (chromium && display && !process.env.TURNOUT_NO_BROWSER) {
    say(`no Electron here (${found.reason}): opening the kiosk in Chromium app mode`);
    const profile = join(config.dataDir, 'chromium-profile');
    const args = [`--app=${kioskUrl}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-sync', '--start-maximized'];
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    spawn(chromium, args, { stdio: 'ignore' }).on('exit', () => say(`browser closed; still serving ${kioskUrl} (Ctrl+C stops)`));
  } else {
    say(`no Electron here (${found.reason}) and no display/Chromium to open: open the kiosk URL above in a browser (Ctrl+C stops).`);
  }
}
