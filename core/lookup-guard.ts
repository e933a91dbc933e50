// How many private-lookup misses a self-service kiosk allows before it pauses
// the search by name. The second factor is short (10,000 phone endings; some
// 3,650 birth dates in a decade), so without a limit someone standing at the
// kiosk with a known name could try them one by one: to check a stranger in,
// or to learn that the stranger is registered ("Is this you? 김*현"). Counted per
// device, across sessions (a new session is one touch away), over a sliding
// window; a hit never counts. The numbers let a busy kiosk's honest typos pass
// (a miss every few minutes) and slow a search by hand to ~45 tries an hour.
// Pure: the kiosk keeps the log in memory (an attendee cannot restart it).

export interface LookupGuardPolicy {
  /** Misses allowed in the window; the next one... */
  maxMisses: number;
  windowMs: number;
  /** ...pauses the search by name for this long. */
  pauseMs: number;
}

export const LOOKUP_GUARD: LookupGuardPolicy = { maxMisses: 6, windowMs: 5 * 60_000, pauseMs: 3 * 60_000 };

export interface LookupGuardState {
  /** Times of the misses still inside the window. */
  misses: readonly number[];
  /** While `now` is before this, the search by name is paused (0: not paused). */
  pausedUntil: number;
}

export const NO_MISSES: LookupGuardState = Object.freeze({ misses: Object.freeze([]) as readonly number[], pausedUntil: 0 });

/** Whether the search by name is paused at `now`, and until when. */
export function lookupPausedUntil(state: LookupGuardState, now: number): number | null {
  return now < state.pausedUntil ? state.pausedUntil : null;
}

/**
 * The state after a miss at `now`. The miss that makes `maxMisses` inside the
 * window starts a pause and clears the count: after the pause, the next person
 * gets the whole allowance again.
 */
export function recordLookupMiss(state: LookupGuardState, now: number, policy: LookupGuardPolicy = LOOKUP_GUARD): LookupGuardState {
  const misses = [...state.misses.filter((t) => t > now - policy.windowMs && t <= now), now];
  if (misses.length >= policy.maxMisses) return { misses: [], pausedUntil: now + policy.pauseMs };
  return { misses, pausedUntil: state.pausedUntil };
}
