// Prints N demo tickets as a roster CSV on stdout (header + exactly N rows), streamed:
//   npx tsx scripts/make-roster.ts 2000 > roster.csv
//   npx tsx scripts/make-roster.ts 200000 --seed 7 --include-inactive > big.csv
// The CSV has no status column, so revoked/blocked tickets are skipped (the rows are
// the first N valid tickets); --include-inactive prints tickets 0..N-1 whatever their status.
import { once } from 'node:events';
import { demoTicket } from '../core/demo/roster';
import { rosterCsvHeader, rosterCsvRow } from '../core/demo/roster-csv';

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: make-roster.ts N [--seed S] [--include-inactive]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let n: number | undefined;
let seed: number | undefined;
let includeInactive = false;
for (let k = 0; k < args.length; k++) {
  const a = args[k] as string;
  if (a === '--include-inactive') includeInactive = true;
  else if (a === '--seed') seed = Number(args[++k]);
  else if (/^\d+$/.test(a) && n === undefined) n = Number(a);
  else usage(`unexpected argument: ${a}`);
}
if (n === undefined) usage('missing N');
if (seed !== undefined && !Number.isSafeInteger(seed)) usage('--seed needs an integer');

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

await write(rosterCsvHeader());
const opts = seed === undefined ? {} : { seed };
let batch: string[] = [];
for (let i = 0, rows = 0; rows < n; i++) {
  const row = rosterCsvRow(demoTicket(i, opts), { includeInactive });
  if (!row) continue;
  batch.push(row);
  rows++;
  if (batch.length === 5000) {
    await write(batch.join(''));
    batch = [];
  }
}
await write(batch.join(''));
