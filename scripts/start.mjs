#!/usr/bin/env node
// `npm start`: the kiosk with the demo event. In Electron where its binary exists;
// otherwise the kiosk is served on loopback and opened in Chromium's app mode
// (the same page, the same IndexedDB path), and its URL is printed.
import { existsSync, mkdirSync, statSync, readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = (cmd, args, opts = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const built = join(root, 'dist-renderer', 'index.html');
const stale = !existsSync(built) || Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'core'))) > statSync(built).mtimeMs;
if (stale) {
  console.log('[turnout] building the kiosk page…');
  await run('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
}

const electron = electronBinary();
if (electron && !process.env.TURNOUT_NO_ELECTRON) {
  console.log('[turnout] starting the Electron kiosk');
  await run('npx', ['electron-vite', 'build']);
  await run(electron, ['.'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
  process.exit(0);
}

console.log('[turnout] no Electron binary here: serving the kiosk for Chromium instead.');
const { preview } = await import('vite');
const port = Number(process.env.TURNOUT_KIOSK_PORT ?? 4173);
const server = await preview({
  configFile: join(root, 'renderer', 'vite.config.ts'),
  preview: { host: '127.0.0.1', port, strictPort: false },
  logLevel: 'warn',
});
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`[turnout] kiosk: ${url}`);

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (chromium && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.TURNOUT_NO_BROWSER) {
  const profile = join(root, '.turnout-data', 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  const args = [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-sync', '--start-fullscreen'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const browser = spawn(chromium, args, { stdio: 'ignore' });
  browser.on('exit', () => {
    console.log('[turnout] browser closed; the kiosk is still served at', url, '(Ctrl+C to stop)');
  });
} else {
  console.log('[turnout] open that URL in Chromium (no display or browser found to open it for you).');
}
