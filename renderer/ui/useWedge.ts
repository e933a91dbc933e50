// Owns a screen's USB-scanner listener for as long as the screen is up.
// Attached once, not per render: re-attaching disposes the detector, and a
// re-render mid-burst (a sync tick, the recent strip, a new callback identity)
// would drop the keys so far and split one scan into two codes. The newest
// handler is read through a ref instead.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { attachWedge } from '../scan/wedge-attach';
import type { WedgeScan } from '../scan/wedge';

export function useWedge(onScan: (code: string, scan: WedgeScan) => void, enabled = true): void {
  const latest = useRef(onScan);
  useLayoutEffect(() => {
    latest.current = onScan;
  });
  useEffect(() => (enabled ? attachWedge(window, (code, scan) => latest.current(code, scan)) : undefined), [enabled]);
}
