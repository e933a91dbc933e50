// Runs the kiosk's retention wipe (storage/retention.ts) while the kiosk is up: at
// start and every few minutes, so a kiosk left on past the event's retention date
// wipes its personal data without anyone touching it, and a walk-in kept for
// upload is wiped soon after it was sent.
import { useEffect, useRef } from 'react';
import type { TurnoutDb } from '../storage/db';
import { wipeExpiredPersonalData } from '../storage/retention';

export const RETENTION_CHECK_MS = 5 * 60_000;

export function useRetentionWipe(db: TurnoutDb, event: { retainUntil?: string; timeZone: string }, now: () => number): void {
  const { retainUntil, timeZone } = event;
  // The clock read through a ref: a new function identity must not start another pass.
  const clock = useRef(now);
  useEffect(() => {
    clock.current = now;
  }, [now]);
  useEffect(() => {
    if (!retainUntil) return undefined;
    let running = false;
    const run = () => {
      if (running) return;
      running = true;
      wipeExpiredPersonalData(db, { retainUntil, timeZone }, clock.current())
        .catch((err: unknown) => console.warn('retention wipe failed; tried again later', err))
        .finally(() => {
          running = false;
        });
    };
    run();
    const id = setInterval(run, RETENTION_CHECK_MS);
    return () => clearInterval(id);
  }, [db, retainUntil, timeZone]);
}
