// The self-service session's time limit (WCAG 2.2.1 "Timing Adjustable"): after
// `idleMs` without a touch, key or scan, a countdown of `warnMs` (at least 20 s)
// is shown; any touch or key during it extends the session — as often as the
// person likes, there is no cap — and when it runs out `onReset` wipes the session.
// The key that extends is spent on that, as a touch on the overlay is: it never
// also types a digit or presses a control under the warning (the scanner's
// listener, attached before, still sees it).
// Time is read from Date.now() on a short tick, so a throttled or frozen timer
// never shortens the warning (and Playwright's page.clock drives it in tests).
import { useEffect, useRef, useState } from 'react';

/** Seconds shown before the wipe: WCAG 2.2.1 asks for at least 20 to respond. */
export const WARN_MS = 20_000;
/** Idle time before the warning while someone is using the kiosk. */
export const SESSION_IDLE_MS = 40_000;
/** A verdict is read in a few seconds; the name on it should not linger for the next person. */
export const VERDICT_IDLE_MS = 8_000;
const TICK_MS = 250;

export interface IdleState {
  warning: boolean;
  /** Whole seconds left before the wipe (only meaningful while warning). */
  secondsLeft: number;
  /** Times the person extended the session from the warning. */
  extensions: number;
}

export function useIdleReset(onReset: () => void, idleMs = SESSION_IDLE_MS, warnMs = WARN_MS): IdleState {
  // Every phase change comes from a touch or a scan (key events), so one clock of
  // "last activity" serves the whole session.
  const [clock, setClock] = useState(() => ({ last: Date.now(), now: Date.now(), extensions: 0 }));
  const latest = useRef({ onReset, idleMs, warnMs });
  useEffect(() => {
    latest.current = { onReset, idleMs, warnMs };
  }, [onReset, idleMs, warnMs]);

  useEffect(() => {
    let last = Date.now();
    let done = false;
    const activity = (e: Event) => {
      const t = Date.now();
      const extended = t - last >= latest.current.idleMs;
      if (extended && e.type === 'keydown') {
        e.preventDefault();
        e.stopPropagation();
      }
      last = t;
      setClock((c) => ({ last: t, now: t, extensions: c.extensions + (extended ? 1 : 0) }));
    };
    const events = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, activity, { passive: e !== 'keydown', capture: true });
    const id = setInterval(() => {
      const t = Date.now();
      setClock((c) => ({ ...c, now: t }));
      if (!done && t - last >= latest.current.idleMs + latest.current.warnMs) {
        done = true;
        latest.current.onReset();
      }
    }, TICK_MS);
    return () => {
      clearInterval(id);
      for (const e of events) window.removeEventListener(e, activity, { capture: true });
    };
  }, []);

  const idle = clock.now - clock.last;
  return {
    warning: idle >= idleMs,
    secondsLeft: Math.max(0, Math.ceil((idleMs + warnMs - idle) / 1000)),
    extensions: clock.extensions,
  };
}
