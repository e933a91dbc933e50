// Finds the Electron executable for `npm start` and the Electron e2e tests
// without letting `require('electron')` fetch one behind our back: since
// Electron 42 the npm package downloads its binary lazily on first require (no
// more postinstall), which on an offline machine means a failed download and a
// stack trace every time. Tests never download; `npm start` may, once, quietly.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export type ElectronBinary = { path: string; reason?: undefined } | { path?: undefined; reason: string };

function packageDir(): string | undefined {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** The installed Electron executable, or why there is none. Never downloads. */
export function installedElectron(): ElectronBinary {
  const dir = packageDir();
  if (!dir) return { reason: 'the electron package is not installed' };
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathTxt = join(dir, 'path.txt');
  const relative = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : undefined;
  if (!override && !relative) return { reason: 'Electron downloads its binary on first run and none was downloaded (no network here?)' };
  const path = override ? join(override, relative || 'electron') : join(dir, 'dist', relative!);
  return existsSync(path) ? { path } : { reason: `${path} does not exist` };
}

/**
 * The Electron executable, downloading it first (Electron's own installer,
 * output kept quiet) when none is installed and downloads are allowed.
 */
export function electronForStart(allowDownload = process.env.TURNOUT_ELECTRON_DOWNLOAD !== '0'): ElectronBinary {
  const found = installedElectron();
  if (found.path || !allowDownload) return found;
  const dir = packageDir();
  if (!dir) return found;
  const r = spawnSync(process.execPath, [join(dir, 'install.js')], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) {
    const last = `${r.stderr ?? ''}${r.stdout ?? ''}`.trim().split('\n').find((l) => /error/i.test(l)) ?? 'download failed';
    return { reason: `the Electron download failed (${last.trim().slice(0, 160)})` };
  }
  return installedElectron();
}
