// While a dialog waits for a scan of its own (a staff card for an override, a
// form that must not be left by a stray scan), scanner input goes to it instead
// of becoming a check-in. App's scanner listener asks `take(code)` first; a
// dialog claims input with useScanCapture() for as long as it is mounted.
import { createContext, useContext, useEffect, useRef } from 'react';

export interface ScanCapture {
  /** Routes scans to `handler` until the returned release is called (the latest claim wins). */
  claim(handler: (code: string) => void): () => void;
  /** True when a claim took the code. */
  take(code: string): boolean;
}

export function createScanCapture(): ScanCapture {
  const handlers: ((code: string) => void)[] = [];
  return {
    claim(handler) {
      handlers.push(handler);
      return () => {
        const i = handlers.lastIndexOf(handler);
        if (i >= 0) handlers.splice(i, 1);
      };
    },
    take(code) {
      const handler = handlers.at(-1);
      if (!handler) return false;
      handler(code);
      return true;
    },
  };
}

export const ScanCaptureContext = createContext<ScanCapture | null>(null);

/** Claims scanner input for `handler` while mounted (no-op outside a provider). */
export function useScanCapture(handler: (code: string) => void): void {
  const capture = useContext(ScanCaptureContext);
  const current = useRef(handler);
  useEffect(() => {
    current.current = handler;
  }, [handler]);
  useEffect(() => capture?.claim((code) => current.current(code)), [capture]);
}
