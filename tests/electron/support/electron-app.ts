// Launching the real Electron kiosk for Playwright's Electron driver. Where no
// Electron binary is installed (npm install here deliberately skips its download),
// every Electron spec skips itself and prints "Electron e2e skipped: no Electron
// binary (…)". Each test gets a fresh data folder (TURNOUT_USER_DATA_DIR), so the
// single-instance lock and IndexedDB never leak between tests.
import { test as base, _electron, type ElectronApplication, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installedElectron } from '../../../scripts/electron-binary';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

// Never require('electron') to find it: since Electron 42 that downloads the binary.
const electron = installedElectron();
let noticePrinted = false;

/** Call at the top of each spec file: skips the file (with a notice) where Electron can't run. */
export function requireElectron(): void {
  if (!electron.path && !noticePrinted) {
    noticePrinted = true;
    console.log(`Electron e2e skipped: no Electron binary (${electron.reason}). To run tests/electron, fetch it (npx install-electron --no, needs network) or set ELECTRON_OVERRIDE_DIST_PATH.`);
  }
  base.skip(!electron.path, `Electron e2e skipped: no Electron binary (${electron.reason ?? ''})`);
}

let built = false;
function ensureBuilt(): void {
  if (built || existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
    built = true;
    return;
  }
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

export interface Kiosk {
  app: ElectronApplication;
  page: Page;
  userData: string;
  /** The main process's log so far. */
  mainLog(): string;
  /** Quit and start again on the same data folder (a restart, an update). */
  restart(): Promise<void>;
}

export interface LaunchOptions {
  /** Extra Chromium/Electron switches (e.g. --host-resolver-rules). */
  args?: string[];
  /** Extra environment (e.g. TURNOUT_KIOSK_QUERY: the page's start parameters). */
  env?: Record<string, string>;
}

export async function launchKiosk(userData = mkdtempSync(join(tmpdir(), 'turnout-electron-')), opts: LaunchOptions = {}): Promise<Kiosk> {
  ensureBuilt();
  const start = async () => {
    const args = [ROOT, ...(opts.args ?? [])];
    // Chromium refuses to start as root with its OS sandbox (CI containers).
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    const app = await _electron.launch({
      executablePath: electron.path,
      args,
      cwd: ROOT,
      env: { ...process.env, TURNOUT_USER_DATA_DIR: userData, ELECTRON_RENDERER_URL: '', ELECTRON_RUN_AS_NODE: '', ...opts.env },
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return { app, page };
  };
  const kiosk: Kiosk = {
    ...(await start()),
    userData,
    mainLog: () => {
      const file = join(userData, 'logs', 'main.log');
      return existsSync(file) ? readFileSync(file, 'utf8') : '';
    },
    async restart() {
      await kiosk.app.close();
      Object.assign(kiosk, await start());
    },
  };
  return kiosk;
}

/** `kiosk`: a freshly launched app per test, closed afterwards. */
export const test = base.extend<{ kiosk: Kiosk }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
  kiosk: async ({}, use) => {
    const kiosk = await launchKiosk();
    await use(kiosk);
    await kiosk.app.close().catch(() => undefined);
  },
});

export { expect } from '@playwright/test';
