// roster-sync: a kiosk's first roster sync — the REAL engine (pairAndSync: pair,
// heartbeat, config, push, tickets by cursor in pages each committed with its
// cursor, check-ins) running in the bench page in Debian's Chromium against the
// real upstream (SQLite, N demo tickets) — beside two peers in the same run:
// PouchDB replicating the same N docs from express-pouchdb (in-memory) into
// IndexedDB, and a raw Dexie bulkPut of the very rows the engine stores. The
// engine and the raw write alternate for a few rounds and their medians are
// compared. Each run gets a fresh Chromium profile (an origin's databases share
// one LevelDB).
import { demoRosterChunks } from '../core/demo/roster';
import { DEFAULT_PULL_LIMIT } from '../renderer/sync/pull';
import { importTickets } from '../server/repo/tickets';
import { serveBenchPage, type BenchPage } from './page-server';
import { startPouchUpstream } from './pouch-server';
import { fmtMs, percentile, type Row } from './results';
import { startUpstream } from './upstream';

/** Alternating rounds of the engine and the raw write (BENCH_ROUNDS). */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

const median = (xs: number[]): number => percentile(xs, 50);

/** Docs per _changes / _bulk_get round: Turnout's page size (PouchDB's default, 100, was ~2× slower). */
const POUCH_BATCH = Number(process.env.BENCH_POUCH_BATCH ?? DEFAULT_PULL_LIMIT);

export async function benchRosterSync(size = 200_000): Promise<Row[]> {
  const k = `${size / 1000}k`;
  const t0 = performance.now();
  const up = await startUpstream({ tickets: size });
  const pouch = await startPouchUpstream(size);
  console.log(`  upstreams seeded in ${fmtMs(performance.now() - t0)} (${pouch.docs} PouchDB docs)`);
  const pages = await serveBenchPage();
  const fresh = async <T>(run: (b: BenchPage) => Promise<T>): Promise<T> => {
    const b = await pages.open();
    try {
      return await run(b);
    } finally {
      await b.close();
    }
  };
  try {
    const profile = Boolean(process.env.BENCH_PROFILE);
    // The engine and the raw write run in alternation, ROUNDS times each, and the
    // medians are compared: on a shared 2-core machine one pair of runs minutes
    // apart swung the ratio between 1.2× and 1.9×.
    const turnoutMs: number[] = [];
    const rawMs: number[] = [];
    let pagesSeen = 0;
    let deltaMs = NaN;
    for (let round = 0; round < ROUNDS; round++) {
      const link = await up.pairingLink();
      const { turnout, delta } = await fresh(async ({ page }) => {
        const turnout = await page.evaluate(([l, n, p]) => window.turnoutBench.turnoutSync(l, n, p), [link, DEFAULT_PULL_LIMIT, profile] as const);
        if (round > 0) return { turnout, delta: undefined };
        // The organiser re-imports the roster with every ticket changed: each gets a
        // new seq, in the CSV's order, and the kiosk pulls all of them again.
        const changed = [...demoRosterChunks(size, size)][0]!.map(({ status: _s, seq: _q, ...t }) => ({ ...t, note: 'updated roster' }));
        const counts = await importTickets(up.db.db, up.eventId, changed);
        if (counts.updated !== size) throw new Error(`roster-sync: re-import updated ${counts.updated}`);
        const delta = await page.evaluate(([n]) => window.turnoutBench.turnoutResync(n), [DEFAULT_PULL_LIMIT] as const);
        return { turnout, delta };
      });
      if (turnout.tickets !== size) throw new Error(`roster-sync: ${turnout.tickets} tickets stored, expected ${size}`);
      if (delta) {
        if (delta.count !== size || delta.tickets !== size) throw new Error(`roster-sync: delta pulled ${delta.count}, holds ${delta.tickets}`);
        deltaMs = delta.ms;
        console.log(`  delta after a re-import changing every ticket: ${fmtMs(delta.ms)}`);
      }
      // Pull reads the next page while the current one is written: fetch time overlaps the writes.
      const fetchNote = turnout.fetchMs !== undefined ? `, ${fmtMs(turnout.fetchMs)} in fetch + body (overlapping the writes)` : '';
      console.log(`  round ${round + 1}: Turnout ${fmtMs(turnout.ms)}, ${turnout.pages} pages${fetchNote}`);
      turnoutMs.push(turnout.ms);
      pagesSeen = turnout.pages;

      const rawLink = await up.pairingLink();
      const raw = await fresh(({ page }) => page.evaluate(([l]) => window.turnoutBench.dexieBulkPut(l, 0), [rawLink] as const));
      if (raw.count !== size) throw new Error(`roster-sync: raw bulkPut stored ${raw.count}`);
      console.log(`  round ${round + 1}: raw Dexie bulkPut ${fmtMs(raw.ms)}`);
      rawMs.push(raw.ms);
    }
    const turnout = { ms: median(turnoutMs), pages: pagesSeen };
    const raw = { ms: median(rawMs) };
    const ratios = turnoutMs.map((t, i) => t / rawMs[i]!);
    const spread = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×`;

    const peer = await fresh(({ page }) =>
      page.evaluate(([u, b]) => window.turnoutBench.pouchReplicate(u, b), [pouch.dbUrl, POUCH_BATCH] as const));
    if (peer.count !== size) throw new Error(`roster-sync: PouchDB replicated ${peer.count} docs`);
    console.log(`  PouchDB: ${fmtMs(peer.ms)}`);

    const speedup = peer.ms / turnout.ms;
    const overRaw = turnout.ms / raw.ms;
    const pouchName =
      `PouchDB 9 (pouchdb-browser, idb adapter) replicating from express-pouchdb 4.2 on pouchdb-adapter-memory ` +
      `(what pouchdb-server --in-memory runs), batch_size ${POUCH_BATCH}`;
    return [
      {
        name: `roster-sync: first sync of ${k} tickets into IndexedDB (real engine in Chromium, SQLite upstream)`,
        figure: `${fmtMs(turnout.ms)} (median of ${ROUNDS}: ${turnoutMs.map(fmtMs).join(', ')}; ${turnout.pages} pages of ${DEFAULT_PULL_LIMIT})`,
        budget: '≤ 20 s',
        pass: turnout.ms <= 20_000,
        peer: pouchName,
        peerFigure: fmtMs(peer.ms),
      },
      {
        name: `roster-sync: speed-up over PouchDB replication of the same ${k} docs`,
        figure: `${speedup.toFixed(1)}× faster`,
        budget: '≥ 5×',
        pass: speedup >= 5,
        peer: pouchName,
        peerFigure: fmtMs(peer.ms),
      },
      {
        name: `roster-sync: first sync vs raw Dexie bulkPut of the same ${k} tickets`,
        figure: `${overRaw.toFixed(2)}× the raw write (medians of ${ROUNDS} alternating runs; per round ${spread})`,
        budget: '≤ 1.5×',
        pass: overRaw <= 1.5,
        peer: 'Dexie 4 bulkPut of the records the engine stores (chunks of 50 tickets with their codes and keys), into the kiosk schema (one call, strict durability)',
        peerFigure: `${fmtMs(raw.ms)} (median of ${rawMs.map(fmtMs).join(', ')})`,
      },
      {
        name: `roster-sync: delta pull after a re-import changed all ${k} tickets (each row replaced in its chunk)`,
        figure: fmtMs(deltaMs),
        budget: 'informational',
        pass: undefined,
      },
    ];
  } finally {
    await pages.close();
    await pouch.close();
    await up.close();
  }
}
