// Small hooks of the console: the hash route, and loading (optionally
// polling) data from the admin API with errors handed to the shell.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useConsole } from './context';

const subscribeHash = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

/** `#/reports` → `reports`; empty → `reports`. */
export function useRoute(): string {
  const hash = useSyncExternalStore(subscribeHash, () => location.hash);
  return hash.replace(/^#\/?/, '').split('?')[0] || 'reports';
}

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  /** When `data` arrived (epoch ms): ages shown beside it are counted from here. */
  at: number;
  reload(): void;
}

/** Loads with `load` whenever `deps` change, and every `pollMs` when given. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], pollMs?: number): Loaded<T> {
  const { handleError } = useConsole();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  const [at, setAt] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (d) => {
        if (!live) return;
        setData(d);
        setAt(Date.now());
        setError(undefined);
      },
      (err: unknown) => live && setError(handleError(err)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, handleError]);
  useEffect(() => {
    if (!pollMs) return undefined;
    const t = setInterval(() => setTick((n) => n + 1), pollMs);
    return () => clearInterval(t);
  }, [pollMs]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, at, reload };
}
