// `npm run bench`: every benchmark in one run on one machine, each figure beside
// its budget and its peer; the table goes to bench/RESULTS.md. Exits non-zero when
// a budget is missed. `npm run bench -- kiosk` runs one section.
import { benchBadge } from './badge';
import { benchDayRead } from './day-read';
import { benchDecode } from './decode';
import { benchQrCorpus } from './qr-corpus';
import { benchJournal } from './journal';
import { benchIngest } from './ingest';
import { benchKiosk } from './kiosk';
import { benchOutboxDrain } from './outbox-drain';
import { benchRosterSync } from './roster-sync';
import { benchSelfService } from './self-service';
import { benchSigned } from './signed';
import { benchXlsx } from './xlsx';
import { printRow, writeResults, type Row } from './results';

const sections: Record<string, () => Promise<Row[]>> = {
  decode: () => benchDecode(),
  'qr-corpus': () => benchQrCorpus(),
  kiosk: () => benchKiosk(Number(process.env.BENCH_ROSTER ?? 200_000)),
  journal: () => benchJournal(),
  xlsx: () => benchXlsx(Number(process.env.BENCH_CHECKINS ?? 100_000)),
  'roster-sync': () => benchRosterSync(Number(process.env.BENCH_ROSTER ?? 200_000)),
  'outbox-drain': () => benchOutboxDrain(),
  'day-read': () => benchDayRead(Number(process.env.BENCH_ROSTER ?? 200_000)),
  ingest: () => benchIngest(),
  badge: () => benchBadge(),
  'self-service': () => benchSelfService(Number(process.env.BENCH_ROSTER ?? 200_000)),
  signed: () => benchSigned(Number(process.env.BENCH_ROSTER ?? 200_000)),
};

const wanted = process.argv.slice(2).filter((a) => a in sections);
const rows: Row[] = [];
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n== ${name}`);
  const got = await run();
  got.forEach(printRow);
  rows.push(...got);
}
writeResults(rows);
const over = rows.filter((r) => r.pass === false);
console.log(`\n${rows.length} figures, ${over.length} over budget; written to bench/RESULTS.md`);
process.exit(over.length > 0 ? 1 : 0);
