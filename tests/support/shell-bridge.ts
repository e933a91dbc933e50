// The Electron shell's side of `window.kiosk`, for a page in plain Chromium. No
// Electron binary can run on this machine, so the one part that is faked is the
// transport: instead of the preload and ipcMain, `page.exposeBinding` carries each
// call to main's REAL handlers (electron/ipc.ts: sender check and zod validation),
// which run the REAL journal (fsync'd files in a temp folder), the REAL storage
// guard and the REAL pairing vault (without safeStorage: plain, owner-only). Only
// the disk's size can be overridden, so a test can make the disk "fill up"; and a
// test may stand in for the printer (`services.printBadge` / `listPrinters`), the
// one device this machine does not have.
// Used by e2e tests (tests/e2e) and by the scan-to-verdict bench with the journal on.
import { mkdtempSync, rmSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { fail, KIOSK_CHANNELS } from '../../core/kiosk-api';
import { Journal } from '../../electron/journal';
import { memoryLogger } from '../../electron/log';
import { createPairingVault } from '../../electron/pairing-vault';
import { createPinGate } from '../../electron/staff-pin';
import { createStorageGuard } from '../../electron/storage-guard';
import type { ShellServices } from '../../electron/ipc';
import { registeredHandlers, stubShellServices } from './shell-services';

export interface ShellBridge {
  /** The kiosk's data folder (journal/, pairing.json). */
  dir: string;
  journal: Journal;
  /** Pretend the data folder's disk has this many bytes free (of `total`); undefined: the real statfs. */
  setDisk(disk: { freeBytes: number; totalBytes: number } | undefined): void;
  /** Calls main made, by method, in order. */
  calls: string[];
  close(): Promise<void>;
}

const BINDING = '__turnoutShell';

/**
 * Installs `window.kiosk` on every page of `target` (before any script runs).
 * `appOrigin`: the origin main trusts (the page's own: the upstream's /kiosk/ or the
 * preview server), checked against each calling frame exactly as main checks it.
 */
export async function installShellBridge(
  target: BrowserContext | Page,
  appOrigin: string,
  dir = mkdtempSync(join(tmpdir(), 'turnout-shell-')),
  services: Partial<Pick<ShellServices, 'printBadge' | 'listPrinters'>> = {},
): Promise<ShellBridge> {
  const log = memoryLogger();
  const journal = new Journal({ dir: join(dir, 'journal'), log });
  let disk: { freeBytes: number; totalBytes: number } | undefined;
  const guard = createStorageGuard({
    dir,
    log,
    journalSize: () => journal.size(),
    schedule: () => () => undefined, // measured on each call; no background loop needed here
    statfs: async (path) => (disk ? { bsize: 1, blocks: disk.totalBytes, bavail: disk.freeBytes } : statfs(path)),
  });
  const byChannel = registeredHandlers(
    stubShellServices({
      info: () => ({ appName: 'Turnout', appVersion: '0.0.0-bridge', electronVersion: '', chromeVersion: '', os: process.platform, osRelease: '', arch: process.arch, hostname: 'bridge', locale: 'ko', packaged: false }),
      pin: createPinGate({ load: () => null, save: async () => undefined, now: Date.now }),
      saveFile: async () => fail('unsupported', 'saving files is not bridged in tests'),
      printBadge: async () => fail('unsupported', 'printing is not bridged in tests'),
      checkExportDir: async () => 'not bridged',
      journal,
      storageStatus: () => guard.check(),
      pairingVault: createPairingVault({ file: join(dir, 'pairing.json'), log }),
      ...services,
    }),
    appOrigin,
    log,
  );
  const methodOf = new Map<string, string>(Object.entries(KIOSK_CHANNELS).map(([method, channel]) => [channel, method]));
  const calls: string[] = [];

  await target.exposeBinding(BINDING, async (source, channel: string, ...args: unknown[]) => {
    const listener = byChannel.get(channel);
    if (!listener) return fail('internal', `no handler for ${channel}`);
    calls.push(methodOf.get(channel) ?? channel);
    const frame = source.frame;
    return listener({ senderFrame: { url: frame.url(), parent: frame.parentFrame() } }, ...args);
  });
  await target.addInitScript(
    ({ binding, channels }) => {
      const call = (globalThis as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[binding]!;
      const api = Object.fromEntries(
        Object.entries(channels).map(([method, channel]) => [method, (...args: unknown[]) => call(channel, ...args)]),
      );
      Object.defineProperty(window, 'kiosk', { value: Object.freeze(api), configurable: false, writable: false });
    },
    { binding: BINDING, channels: KIOSK_CHANNELS },
  );

  return {
    dir,
    journal,
    setDisk: (d) => {
      disk = d;
    },
    calls,
    async close() {
      await journal.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

