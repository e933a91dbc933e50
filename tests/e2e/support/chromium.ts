// Launching Debian's Chromium for tests: the flags this machine needs (no sandbox as
// root, no background networking on a closed network) and profiles we can kill -9.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No Chromium found (tried ${candidates.join(', ')}); install Debian's chromium package.`);
  return found;
}

export function fakeCameraArgs(y4m: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`];
}

export interface OwnedBrowser {
  browser: Browser;
  process: ChildProcess;
  /** SIGKILL the whole browser: no shutdown, no flush — a power cut as far as Chromium knows. */
  kill(): Promise<void>;
}

/**
 * Starts Chromium ourselves (headless, persistent profile) and connects over CDP, so
 * the test holds the real process and can kill -9 it.
 */
export async function launchOwned(profileDir: string, extraArgs: string[] = []): Promise<OwnedBrowser> {
  const portFile = join(profileDir, 'DevToolsActivePort');
  // A killed browser leaves its old port file behind; never read a stale one.
  rmSync(portFile, { force: true });
  const child = spawn(chromiumPath(), [
    ...CHROMIUM_ARGS,
    '--headless=new',
    `--user-data-dir=${profileDir}`,
    '--remote-debugging-port=0',
    '--window-size=1280,800',
    ...extraArgs,
    'about:blank',
  ], { stdio: 'ignore', detached: true });
  let port: string | undefined;
  for (let i = 0; i < 200 && !port; i++) {
    await sleep(50);
    if (existsSync(portFile)) port = readFileSync(portFile, 'utf8').split('\n')[0];
  }
  if (!port) {
    child.kill('SIGKILL');
    throw new Error('Chromium did not open its DevTools port');
  }
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  return {
    browser,
    process: child,
    async kill() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // The negative pid signals the process group: the browser and every child process.
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
  };
}
