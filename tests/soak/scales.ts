// The soak's two sizes. Both: 50 desks, the demo event's checkpoints, every
// fault, a kill -9, partitions, a desk a day ahead. The full soak (`npm run
// soak`) runs a longer day with ten times the scans on all three upstreams; the
// short form (in `npm test`, tests/integration/soak.test.ts) runs one day on
// the two replicas (SQLite without PostgreSQL): about 3 minutes on this 2-core
// machine while others' tests ran beside it. Time only bounds its phases.

import type { SoakOptions } from './soak';

type Sized = Omit<SoakOptions, 'backend' | 'pgUrl' | 'log'>;

export const FULL: Sized = {
  scale: { kiosks: 50, chromium: 3, roster: 5000, scansPerKiosk: 160, scansPerPage: 60, walkins: 200, seed: 20250910 },
  dayMs: 6 * 60_000,
  eveningMs: 60_000,
  drainTimeoutMs: 5 * 60_000,
};

export const SHORT: Sized = {
  scale: { kiosks: 50, chromium: 2, roster: 600, scansPerKiosk: 16, scansPerPage: 10, walkins: 30, seed: 20250910 },
  dayMs: 40_000,
  eveningMs: 8_000,
  drainTimeoutMs: 180_000,
};
