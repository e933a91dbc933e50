// Staff mode's data: the chosen day's tallies for every desk and for this kiosk
// (one indexed pass, renderer/storage/day-checkins.ts), reloaded when the day
// changes, on demand, and every REFRESH_MS while staff mode is open — not on
// every scan, so a busy desk never pays for a report nobody is looking at.
import { useCallback, useEffect, useState } from 'react';
import { dayKey } from '../../core/time';
import { loadDayTallies, type KioskTallies } from '../storage/day-checkins';
import { useKiosk } from './KioskContext';

export const REFRESH_MS = 15_000;

export interface StaffTallies {
  data: KioskTallies | null;
  loading: boolean;
  /** When the numbers were read, on the kiosk's clock (rehearsal included). */
  updatedAt: number | null;
  refresh(): void;
}

export function useStaffTallies(day: string): StaffTallies {
  const { db, config, deviceId, now } = useKiosk();
  const [state, setState] = useState<{ data: KioskTallies | null; key: string; updatedAt: number | null }>({ data: null, key: '', updatedAt: null });
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    const key = `${day}|${tick}`;
    // Today's "inside now" is judged at this moment: a door whose venue day starts at
    // 04:00 still counts the night's entries at 01:00 (core/tally.ts insideAt).
    const at = now();
    const insideAt = dayKey(at, config.event.timeZone) === day ? at : undefined;
    void loadDayTallies(db, { day, timeZone: config.event.timeZone, checkpoints: config.checkpoints, deviceId, insideAt }).then((data) => {
      if (live) setState({ data, key, updatedAt: now() });
    });
    const timer = setTimeout(() => live && setTick((n) => n + 1), REFRESH_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [db, config, deviceId, day, tick, now]);

  const current = state.data?.all.day === day ? state.data : null;
  return { data: current, loading: state.key !== `${day}|${tick}`, updatedAt: state.updatedAt, refresh };
}
