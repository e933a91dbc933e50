// day-read: what staff tallies and exports read — a venue day of check-ins (100k,
// spread over a 200k demo roster) joined with their tickets, through the real
// storage code (renderer/storage/day-checkins.ts readDay) in Debian's Chromium.
// The roster is stored in chunks, so a big day's tickets are found by one sweep
// of the roster; the peer, same page and data, looks them up chunk by chunk
// through the `codes` index, as a small day does.
import { serveBenchPage } from './page-server';
import { fmtMs, type Row } from './results';

export async function benchDayRead(roster = 200_000, checkins = 100_000): Promise<Row[]> {
  const pages = await serveBenchPage();
  try {
    const { page, close } = await pages.open();
    try {
      const r = await page.evaluate(([n, c]) => window.turnoutBench.dayRead(n, c), [roster, checkins] as const);
      if (r.rows !== checkins || r.joined !== checkins) throw new Error(`day-read: ${r.rows} rows, ${r.joined} joined (expected ${checkins})`);
      console.log(`  sweep ${fmtMs(r.sweepMs)}, per-chunk lookups ${fmtMs(r.lookupMs)}`);
      return [
        {
          name: `day read for tallies and exports: ${checkins / 1000}k check-ins joined with their tickets, ${roster / 1000}k roster (one roster sweep)`,
          figure: fmtMs(r.sweepMs),
          budget: 'informational',
          peer: 'the same read with tickets looked up per chunk of 2000 check-ins through the codes index',
          peerFigure: fmtMs(r.lookupMs),
        },
      ];
    } finally {
      await close();
    }
  } finally {
    await pages.close();
  }
}
