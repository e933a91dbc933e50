// The soak's two sizes. Both: 50 desks, the demo event's checkpoints, every
// fault, a kill -9, partitions, a desk a day ahead. The full soak (`npm run
// soak`) runs a longer day with ten times the scans on all three upstreams; the
// short form (in `npm test`, tests/integration/soak.test.ts) runs one day on
// the two replicas (SQLite without PostgreSQL) with one Chromium page, 10 scans
// a desk and a 30 s day: it must stay under 3 minutes inside a loaded full
// `npx vitest run` on this shared 2-core machine. Time only bounds its phases.

import type { SoakOptions } from './soak';

type Sized = Omit<SoakOptions, 'backend' | 'pgUrl' | 'log'>;

export const FULL: Sized = {
  scale: { kiosks: 50, chromium: 3, roster: 5000, scansPerKiosk: 160, scansPerPage: 60, walkins: 200, seed: 20250910 },
  dayMs: 6 * 60_000,
  eveningMs: 60_000,
  eveningSamples: 12,
  drainTimeoutMs: 5 * 60_000,
};

export const SHORT: Sized = {
  scale: { kiosks: 50, chromium: 1, roster: 600, scansPerKiosk: 10, scansPerPage: 8, walkins: 30, seed: 20250910 },
  dayMs: 30_000,
  eveningMs: 10_000,
  eveningSamples: 5,
  drainTimeoutMs: 180_000,
};
