// outbox-drain: a kiosk that was offline comes back with 20k check-ins in its
// outbox (rows as recordScan stores them, put straight into its IndexedDB) and
// the REAL engine's push (pushOutbox: batches of 500, each acknowledged in one
// transaction) drains it to the real upstream (SQLite, 200k demo tickets), in
// the bench page in Debian's Chromium. Peer, same page and server: the same push
// one request per check-in (batchSize 1), on a sample, scaled to 20k.
import { MAX_UPLOAD_ITEMS } from '../core/protocol';
import { serveBenchPage } from './page-server';
import { fmtMs, type Row } from './results';
import { startUpstream } from './upstream';

export async function benchOutboxDrain(n = 20_000, sample = 2_000): Promise<Row[]> {
  const up = await startUpstream({ tickets: 200_000 });
  const pages = await serveBenchPage();
  try {
    // Each desk in a fresh Chromium profile (an origin's databases share one LevelDB).
    const drain = async (link: string, count: number, from: number, batch: number) => {
      const { page, close } = await pages.open();
      try {
        return await page.evaluate(([l, c, f, b]) => window.turnoutBench.drainOutbox(l, c, f, b), [link, count, from, batch] as const);
      } finally {
        await close();
      }
    };

    const turnout = await drain(await up.pairingLink(), n, 0, MAX_UPLOAD_ITEMS);
    const stored = await up.countCheckins();
    if (turnout.left !== 0 || turnout.count !== n || stored !== n) {
      throw new Error(`outbox-drain: ${turnout.count} acknowledged, ${turnout.left} left, ${stored} upstream (expected ${n})`);
    }
    console.log(`  Turnout: ${fmtMs(turnout.ms)} for ${n} in ${turnout.requests} requests`);

    // The naive peer's tickets (100 000+) never overlap the first desk's, so neither run meets conflicts.
    const naive = await drain(await up.pairingLink(), sample, 100_000, 1);
    const total = await up.countCheckins();
    if (naive.left !== 0 || naive.count !== sample || total !== n + sample) {
      throw new Error(`outbox-drain peer: ${naive.count} acknowledged, ${naive.left} left, ${total - n} upstream (expected ${sample})`);
    }
    const scaled = (naive.ms * n) / sample;
    console.log(`  one request per check-in: ${fmtMs(naive.ms)} for ${sample} (${(naive.ms / sample).toFixed(2)} ms each)`);
    return [
      {
        name: `outbox-drain: ${n / 1000}k check-ins pushed and acknowledged (real engine in Chromium, IndexedDB → SQLite upstream)`,
        figure: `${fmtMs(turnout.ms)} (${turnout.requests} requests of ≤ ${MAX_UPLOAD_ITEMS}; upstream holds each once)`,
        budget: '≤ 10 s',
        pass: turnout.ms <= 10_000,
        peer: `one request per check-in (same pushOutbox, batchSize 1), ${sample / 1000}k sample scaled ×${n / sample}`,
        peerFigure: `${fmtMs(scaled)} (${(naive.ms / sample).toFixed(2)} ms per check-in)`,
      },
    ];
  } finally {
    await pages.close();
    await up.close();
  }
}
