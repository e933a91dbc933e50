// Owns repeat suppression for the camera path. A QR held in front of the
// camera decodes on every frame (10–15 times a second); only the first read
// should become a check-in. The window runs from the verdict, not the first
// read, so a slow decision can't let a burst of reads through behind it.
// The USB-scanner path is NOT deduped: staff who scan the same code twice on
// purpose must see `already_checked_in`.

export interface Dedupe {
  /**
   * Whether a decoded code should be acted on now. True for a code never seen,
   * a different code from the last one, or the same code once its window has
   * passed. While a code is pending (accepted, no verdict yet) its repeats are
   * refused too.
   */
  shouldAccept(code: string): boolean;
  /** The code's verdict is on screen: start its quiet window now. */
  markVerdict(code: string): void;
  /** Forget everything (e.g. the checkpoint changed). */
  clear(): void;
}

/** How long a pending code (accepted, verdict not yet marked) blocks its repeats, at most. */
const PENDING_LIMIT_MS = 30_000;

export function createDedupe(windowMs = 3000, now: () => number = () => performance.now()): Dedupe {
  // code -> time until which it is ignored. Kept small: entries past their
  // window are pruned on every call, so a long day can't grow it.
  const quietUntil = new Map<string, number>();

  const prune = (t: number): void => {
    for (const [code, until] of quietUntil) {
      if (until <= t) quietUntil.delete(code);
    }
  };

  return {
    shouldAccept(code: string): boolean {
      const t = now();
      prune(t);
      if (quietUntil.has(code)) return false;
      // Pending until its verdict; bounded so a verdict that never comes
      // (an error path that forgot markVerdict) can't block a ticket all day.
      quietUntil.set(code, t + Math.max(windowMs, PENDING_LIMIT_MS));
      return true;
    },
    markVerdict(code: string): void {
      quietUntil.set(code, now() + windowMs);
    },
    clear(): void {
      quietUntil.clear();
    },
  };
}
