// The on-disk check-in journal on this machine's disk: append latency of 2,000
// check-ins, each flushed with fsync before it resolves (a verdict waits for it),
// beside better-sqlite3 with synchronous=FULL inserting the same rows one commit
// each, and appendFileSync without fsync (not durable: the floor). Then reading
// 100,000 lines back, as a start-up recovery does.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { newCheckInId } from '../core/ids';
import type { CheckIn } from '../core/model';
import { Journal } from '../electron/journal';
import { encodeLine } from '../electron/journal-format';
import { fmtMs, percentile, type Row } from './results';

const COUNT = 2000;
const BUDGET_P95_MS = 20;

function checkIns(n: number): CheckIn[] {
  const start = Date.parse('2025-09-10T00:00:00Z');
  return Array.from({ length: n }, (_, i) => ({
    id: newCheckInId(start + i),
    code: `ICW25-${String(i).padStart(6, '0')}`,
    checkpointId: 'hall-a',
    deviceId: 'kiosk-1',
    direction: 'entry',
    verdict: 'accepted',
    scannedAt: new Date(start + i * 1000).toISOString().replace('Z', '+00:00'),
    day: '2025-09-10',
    syncState: 'pending',
  }));
}

async function time(rows: CheckIn[], run: (c: CheckIn) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (const c of rows) {
    const t0 = performance.now();
    await run(c);
    out.push(performance.now() - t0);
  }
  return out;
}

/** Sub-millisecond figures keep two decimals (fmtMs rounds to 0.1 ms). */
const fine = (ms: number) => (ms < 1 ? `${ms.toFixed(2)} ms` : fmtMs(ms));
const p50p95 = (ms: number[]) => `${fine(percentile(ms, 50))} / ${fine(percentile(ms, 95))}`;

export async function benchJournal(): Promise<Row[]> {
  const root = mkdtempSync(join(tmpdir(), 'turnout-bench-journal-'));
  try {
    const rows = checkIns(COUNT);

    const journal = new Journal({ dir: join(root, 'journal') });
    await journal.append(checkIns(1)[0]!); // open the day file outside the timing, as a running kiosk has
    const journalMs = await time(rows, (c) => journal.append(c));
    await journal.close();

    const db = new Database(join(root, 'peer.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE checkins (id TEXT PRIMARY KEY, day TEXT NOT NULL, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO checkins (id, day, body) VALUES (?, ?, ?)');
    const sqliteMs = await time(rows, (c) => insert.run(c.id, c.day, JSON.stringify(c)));
    db.close();

    const plain = join(root, 'plain.jsonl');
    const plainMs = await time(rows, (c) => appendFileSync(plain, encodeLine('c', c)));

    // Start-up read-back: 100k lines over 4 days.
    const big = join(root, 'big');
    const many = checkIns(100_000);
    mkdirSync(big);
    for (let d = 0; d < 4; d += 1) {
      const day = `2025-09-1${d}`;
      writeFileSync(join(big, `${day}.jsonl`), many.slice(d * 25_000, (d + 1) * 25_000).map((c) => encodeLine('c', { ...c, day })).join(''));
    }
    const t0 = performance.now();
    const dump = await new Journal({ dir: big }).readAll();
    const readMs = performance.now() - t0;
    if (dump.entries.length !== 100_000) throw new Error(`read back ${dump.entries.length} entries`);

    return [
      {
        name: `journal append p50 / p95, ${COUNT} check-ins, fsync each (${tmpdir()} disk)`,
        figure: p50p95(journalMs),
        budget: `p95 ≤ ${BUDGET_P95_MS} ms (scan-to-verdict p95 ≤ 50 ms)`,
        pass: percentile(journalMs, 95) <= BUDGET_P95_MS,
        peer: 'better-sqlite3 12, WAL, synchronous=FULL, one commit per row',
        peerFigure: p50p95(sqliteMs),
      },
      {
        name: `journal line append without fsync (appendFileSync, not durable: the floor), p50 / p95`,
        figure: p50p95(plainMs),
        budget: 'informational',
      },
      {
        name: 'journal read-back at start, 100k lines over 4 days (checksums verified)',
        figure: fmtMs(readMs),
        budget: 'informational',
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
