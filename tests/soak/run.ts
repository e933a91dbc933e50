// `npm run soak`: the event-day soak on SQLite, PostgreSQL and two replicas
// (tests/soak/soak.ts), a summary table printed and written to bench/RESULTS.md.
//   --short          the short form (as in npm test); RESULTS.md is left alone
//   --backend=NAME   sqlite | postgres | replicas (repeatable; default all three)
// PostgreSQL: TURNOUT_TEST_PG_URL, or a throwaway cluster (tests/integration/pg.ts).
// Exits 1 when any check fails.

import { parseArgs } from 'node:util';
import { pgAvailable, startPgCluster, type PgCluster } from '../integration/pg';
import { BACKENDS, type BackendKind } from './backends';
import { checksList, summaryTable, writeSoakResults } from './report';
import { FULL, SHORT } from './scales';
import { runSoak, type SoakResult } from './soak';

const { values } = parseArgs({ options: { short: { type: 'boolean' }, backend: { type: 'string', multiple: true } } });
const sized = values.short ? SHORT : FULL;
const backends = (values.backend ?? BACKENDS) as BackendKind[];
for (const b of backends) if (!BACKENDS.includes(b)) throw new Error(`unknown backend ${b} (${BACKENDS.join(', ')})`);

let cluster: PgCluster | undefined;
let pgUrl = process.env.TURNOUT_TEST_PG_URL;
if (!pgUrl && backends.some((b) => b !== 'sqlite')) {
  if (!pgAvailable()) throw new Error('PostgreSQL 15 is not installed: run with --backend=sqlite, or set TURNOUT_TEST_PG_URL');
  cluster = await startPgCluster();
  pgUrl = cluster.url;
}

const results: SoakResult[] = [];
try {
  for (const backend of backends) {
    const result = await runSoak({ ...sized, backend, pgUrl });
    results.push(result);
    console.log(checksList([result]));
  }
} finally {
  cluster?.stop();
}
const { scale, dayMs, eveningMs } = sized;
const setup =
  `${scale.kiosks} desks at the demo event's checkpoints (${scale.chromium} of them real Chromium pages, the rest the real sync engine on fake-indexeddb in one Node process), ` +
  `roster ${scale.roster.toLocaleString('en')} + ${scale.walkins} walk-ins imported mid-day; day 09:30–17:30 run in ${dayMs >= 60_000 ? `${dayMs / 60_000} min` : `${dayMs / 1000} s`}, ` +
  `each desk through its own fault-proxy lane (≈ 1 request in 6 faulted), 4 single-desk partitions, kill -9 of a server at 55 % of the day, ` +
  `one desk's clock a day ahead; then drain, ${eveningMs / 1000} s of faults with no scans, drain, and the closing count.`;
console.log(`\n${setup}\n\n${summaryTable(results)}`);
if (!values.short) writeSoakResults(results, setup);
process.exitCode = results.every((r) => r.checks.every((c) => c.ok)) ? 0 : 1;
