// The self-service lookup's attempt limit (core/lookup-guard.ts): six misses in
// five minutes pause the search by name for three; older misses slide out; the
// pause clears the count; a clock set back does not count the future.
import { describe, expect, it } from 'vitest';
import { LOOKUP_GUARD, NO_MISSES, lookupPausedUntil, recordLookupMiss, type LookupGuardState } from '../../../core/lookup-guard';

const MIN = 60_000;
const T0 = Date.parse('2025-09-10T11:00:00+09:00');
const missAt = (times: number[], from: LookupGuardState = NO_MISSES) => times.reduce((s, t) => recordLookupMiss(s, t), from);

describe('lookup guard', () => {
  it('allows five misses in the window, and the sixth pauses the search for three minutes', () => {
    const five = missAt([0, 1, 2, 3, 4].map((i) => T0 + i * 20_000));
    expect(lookupPausedUntil(five, T0 + 100_000)).toBeNull();
    const six = recordLookupMiss(five, T0 + 100_000);
    expect(lookupPausedUntil(six, T0 + 100_000)).toBe(T0 + 100_000 + 3 * MIN);
    expect(lookupPausedUntil(six, T0 + 100_000 + 3 * MIN - 1)).not.toBeNull();
    expect(lookupPausedUntil(six, T0 + 100_000 + 3 * MIN)).toBeNull();
  });

  it('lets misses older than the window slide out: one every minute never pauses', () => {
    const state = missAt(Array.from({ length: 60 }, (_, i) => T0 + i * MIN));
    expect(lookupPausedUntil(state, T0 + 60 * MIN)).toBeNull();
    expect(state.misses.length).toBeLessThan(LOOKUP_GUARD.maxMisses);
  });

  it('gives the whole allowance back after a pause', () => {
    const paused = missAt([0, 1, 2, 3, 4, 5].map((i) => T0 + i * 1000));
    const after = T0 + 5000 + 3 * MIN;
    expect(lookupPausedUntil(paused, after)).toBeNull();
    const five = missAt([1, 2, 3, 4, 5].map((i) => after + i * 1000), paused);
    expect(lookupPausedUntil(five, after + 5000)).toBeNull();
    expect(lookupPausedUntil(recordLookupMiss(five, after + 6000), after + 6000)).not.toBeNull();
  });

  it('does not count misses stamped after now (the kiosk clock set back)', () => {
    const ahead = missAt([1, 2, 3, 4, 5].map((i) => T0 + 10 * MIN + i));
    const back = recordLookupMiss(ahead, T0);
    expect(back.misses).toEqual([T0]);
    expect(lookupPausedUntil(back, T0)).toBeNull();
  });

  it('takes another policy', () => {
    const strict = { maxMisses: 2, windowMs: MIN, pauseMs: 10 * MIN };
    const one = recordLookupMiss(NO_MISSES, T0, strict);
    expect(lookupPausedUntil(recordLookupMiss(one, T0 + 1, strict), T0 + 1)).toBe(T0 + 1 + 10 * MIN);
    expect(lookupPausedUntil(recordLookupMiss(one, T0 + MIN, strict), T0 + MIN)).toBeNull();
  });
});
