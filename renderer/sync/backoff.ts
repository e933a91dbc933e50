// Retry timing after failed syncs: exponential backoff with full jitter (a uniform
// draw in [0, min(cap, base·2^attempt)]), so a venue's worth of kiosks coming back
// at once do not hammer the server in step; a server's Retry-After is a floor.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 60_000 };

/**
 * Delay before retry number `attempt` (1 = first retry after one failure).
 * `random` is injectable for tests; `retryAfterMs` (from 429/503) is honoured as a minimum.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
  retryAfterMs?: number,
): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(30, attempt - 1)));
  const jittered = Math.floor(Math.min(1, Math.max(0, random())) * exp);
  return Math.max(jittered, retryAfterMs ?? 0);
}
