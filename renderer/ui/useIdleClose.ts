// Closes staff mode by itself after a few idle minutes: any touch, click or key
// in the page restarts the count.
import { useEffect, useRef } from 'react';

export const STAFF_IDLE_MS = 3 * 60_000;

export function useIdleClose(onIdle: () => void, ms = STAFF_IDLE_MS): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    let timer = setTimeout(() => latest.current(), ms);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), ms);
    };
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset, { capture: true });
    };
  }, [ms]);
}
