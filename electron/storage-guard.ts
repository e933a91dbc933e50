// Watches the disk under the kiosk's data folder (IndexedDB, the journal, logs):
// `fs.statfs` at start and every few minutes, the journal's size beside it, and a
// level — ok / warning / critical (core/kiosk-journal.ts thresholds). Chromium
// resets a whole IndexedDB when the disk fills (electron#41877), so staff must hear
// about a filling disk long before that. A level change is logged; critical is
// logged at every check. `window.kiosk.storageStatus()` measures afresh.
import { statfs as nodeStatfs } from 'node:fs/promises';
import { STORAGE_THRESHOLDS, storageLevel, type StorageLevel, type StorageStatus, type StorageThresholds } from '../core/kiosk-api';
import type { Cancel, Schedule } from './lifecycle';
import type { Logger } from './log';

/** The fields of fs.StatsFs the guard reads (numbers, or bigints with `{ bigint: true }`). */
export interface StatFsLike {
  bsize: number | bigint;
  blocks: number | bigint;
  bavail: number | bigint;
}

export interface StorageGuardOptions {
  /** The data folder (Electron's userData). */
  dir: string;
  log: Logger;
  schedule: Schedule;
  statfs?: (path: string) => Promise<StatFsLike>;
  /** The journal's size; omitted: reported as no journal. */
  journalSize?: () => Promise<{ bytes: number; files: number }>;
  now?: () => number;
  /** Between background checks; default 5 minutes. */
  intervalMs?: number;
  thresholds?: StorageThresholds;
}

export interface StorageGuard {
  /** Measures now (and logs a level change). */
  check(): Promise<StorageStatus>;
  /** The last measurement, if any. */
  latest(): StorageStatus | null;
  /** A check now, then every `intervalMs`. */
  start(): void;
  stop(): void;
}

export const DEFAULT_GUARD_INTERVAL_MS = 5 * 60 * 1000;

const MiB = 1024 * 1024;

export function createStorageGuard(options: StorageGuardOptions): StorageGuard {
  const statfs = options.statfs ?? ((path: string) => nodeStatfs(path));
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? DEFAULT_GUARD_INTERVAL_MS;
  let last: StorageStatus | null = null;
  let lastLevel: StorageLevel | null = null;
  let cancel: Cancel | null = null;
  let running = false;

  async function check(): Promise<StorageStatus> {
    const fsStat = await statfs(options.dir);
    const freeBytes = Number(fsStat.bavail) * Number(fsStat.bsize);
    const totalBytes = Number(fsStat.blocks) * Number(fsStat.bsize);
    const journal = options.journalSize ? await options.journalSize().catch(() => null) : null;
    const status: StorageStatus = {
      level: storageLevel(freeBytes, totalBytes, options.thresholds ?? STORAGE_THRESHOLDS),
      source: 'disk',
      freeBytes,
      totalBytes,
      journal,
      path: options.dir,
      checkedAt: new Date(now()).toISOString(),
    };
    const figures = { level: status.level, freeMiB: Math.round(freeBytes / MiB), totalMiB: Math.round(totalBytes / MiB), journalBytes: journal?.bytes ?? null, dir: options.dir };
    if (status.level === 'critical') options.log.error('disk almost full: check-ins may soon fail to save', figures);
    else if (status.level !== lastLevel && status.level === 'warning') options.log.warn('disk space low', figures);
    else if (status.level !== lastLevel) options.log.info('disk space', figures);
    lastLevel = status.level;
    last = status;
    return status;
  }

  function loop(): void {
    if (!running) return;
    check()
      .catch((error: unknown) => options.log.warn('disk space check failed', { dir: options.dir, error: String(error) }))
      .finally(() => {
        if (running) cancel = options.schedule(loop, interval);
      });
  }

  return {
    check,
    latest: () => last,
    start() {
      if (running) return;
      running = true;
      loop();
    },
    stop() {
      running = false;
      cancel?.();
      cancel = null;
    },
  };
}
