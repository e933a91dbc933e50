// Wires the keyboard-wedge detector (wedge.ts) to a window's keydowns: listens
// in the capture phase, and keeps a recognised burst's keys away from whatever
// has focus.

import { WedgeDetector, type WedgeOptions, type WedgeScan } from './wedge';

/** What `attachWedge` listens on; a Window satisfies it (and so does a bare EventTarget in tests). */
export type WedgeTarget = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export interface AttachWedgeOptions extends WedgeOptions {
  /**
   * Also stop a suppressed key from propagating past the window, so the
   * focused field's own handlers (e.g. a search box submitting on Enter) never
   * see scanner keys. Default true.
   */
  stopPropagation?: boolean;
}

/**
 * Listen for scanner bursts on `target`'s keydowns (capture phase, so we see
 * them before any focused element). Returns a function that detaches.
 */
export function attachWedge(
  target: WedgeTarget,
  onScan: (code: string, scan: WedgeScan) => void,
  opts: AttachWedgeOptions = {},
): () => void {
  const detector = new WedgeDetector((scan) => onScan(scan.code, scan), opts);
  const listener = (e: Event): void => {
    if (detector.handle(e as KeyboardEvent)) {
      e.preventDefault();
      if (opts.stopPropagation !== false) e.stopPropagation();
    }
  };
  target.addEventListener('keydown', listener, { capture: true });
  let attached = true;
  return () => {
    if (!attached) return;
    attached = false;
    target.removeEventListener('keydown', listener, { capture: true });
    detector.dispose();
  };
}
