// Watches free storage: the data folder's disk in Electron (main's statfs guard)
// or the browser's quota. Measured at start, every few minutes, and — at most
// every `minGapMs` — after check-ins, since writes are what fill a disk. Entering
// the critical level pushes a sync at once: what is upstream is safe whatever the
// disk does next; the UI then offers an export. Admitting people never waits on it.
import type { Result, StorageStatus } from '../../core/kiosk-api';

export interface StorageWatchOptions {
  measure: () => Promise<Result<StorageStatus>>;
  /** Called when the level becomes critical (not again while it stays critical); also settable later. */
  onCritical?: () => void;
  now?: () => number;
  /** Least time between two measurements triggered by check-ins. */
  minGapMs?: number;
}

export const STORAGE_WATCH_MS = 2 * 60 * 1000;
export const STORAGE_NUDGE_GAP_MS = 10_000;

export class StorageWatch {
  private status: StorageStatus | null = null;
  private lastAt = -Infinity;
  private inFlight: Promise<StorageStatus | null> | null = null;
  private readonly listeners = new Set<() => void>();

  private onCritical: (() => void) | undefined;

  constructor(private readonly opts: StorageWatchOptions) {
    this.onCritical = opts.onCritical;
  }

  /** Who to tell when the disk turns critical (the sync engine of the moment). */
  setOnCritical(run: (() => void) | undefined): void {
    this.onCritical = run;
  }

  getStatus = (): StorageStatus | null => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Measures now (joining a measurement already running). A failed measurement keeps the last status. */
  check(): Promise<StorageStatus | null> {
    this.inFlight ??= (async () => {
      try {
        this.lastAt = (this.opts.now ?? Date.now)();
        const result = await this.opts.measure();
        if (!result.ok) return this.status;
        const before = this.status?.level;
        this.status = result.value;
        if (result.value.level === 'critical' && before !== 'critical') this.onCritical?.();
        for (const listener of this.listeners) listener();
        return this.status;
      } finally {
        this.inFlight = null;
      }
    })();
    return this.inFlight;
  }

  /** A check-in was written: measure again unless one ran in the last `minGapMs`. */
  nudge(): void {
    const now = (this.opts.now ?? Date.now)();
    if (now - this.lastAt < (this.opts.minGapMs ?? STORAGE_NUDGE_GAP_MS)) return;
    void this.check();
  }
}
