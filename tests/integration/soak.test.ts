// The soak's short form (tests/soak/): 50 desks — Chromium pages and Node
// kiosks — through fault-proxy lanes, on two server replicas over the
// integration PostgreSQL (SQLite when there is none), a replica killed with
// SIGKILL mid-day, partitions, a desk a day ahead; then the closing count.
// Every assertion is an exact count or invariant; time only bounds the run.
// The full soak (all three upstreams, ten times the scans) is `npm run soak`.

import { describe, expect, inject, it } from 'vitest';
import { checksList, summaryTable } from '../soak/report';
import { SHORT } from '../soak/scales';
import { runSoak } from '../soak/soak';

const pgUrl = inject('pgUrl');

describe('soak, short form', () => {
  const backend = pgUrl ? 'replicas' : 'sqlite';
  it(`an event day on ${backend === 'replicas' ? 'two replicas on PostgreSQL' : 'SQLite'}: nothing lost, nothing doubled, every conflict reported, every outbox empty, memory flat`, async () => {
    const result = await runSoak({ ...SHORT, backend, pgUrl: pgUrl ?? undefined, log: (line) => console.info(line) });
    console.info(`${summaryTable([result])}\n${checksList([result])}`);
    for (const c of result.checks) expect.soft(c.ok, `${c.name}: ${c.detail}`).toBe(true);
    expect(result.checks.length).toBeGreaterThanOrEqual(14);
    expect(result.numbers.desks).toBe(SHORT.scale.kiosks);
  }, 600_000);
});
