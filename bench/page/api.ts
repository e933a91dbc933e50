// What the bench page (bench/page/sync.ts) offers the Node side through
// `window.turnoutBench`, and the check-ins the sync benches make — as recordScan
// would store them: UUIDv7 id from the scan time, venue-local day and offset,
// one distinct demo ticket each, so no conflict logic is skipped or forced.
import { newCheckInId } from '../../core/ids';
import type { CheckIn } from '../../core/model';
import { demoCode } from '../../core/demo/roster';
import { dayKey, isoWithOffset } from '../../core/time';

export interface RosterSyncResult {
  /** Pair + first sync (heartbeat, config, push, tickets, check-ins), ms. */
  ms: number;
  tickets: number;
  pages: number;
  /** Profile runs only: time in fetch + reading bodies, summed over every request. */
  fetchMs?: number;
}

export interface TimedCount {
  ms: number;
  count: number;
}

export interface DrainResult extends TimedCount {
  /** Upload requests made. */
  requests: number;
  /** Rows still pending afterwards (must be 0). */
  left: number;
}

export interface BenchApi {
  turnoutSync(link: string, pageLimit: number, profile: boolean): Promise<RosterSyncResult>;
  /** Raw Dexie bulkPut into the kiosk schema of every upstream ticket as the engine stores it (fetched first, untimed); `chunk` rows per bulkPut, 0 = one. */
  /** The roster pull again on the database turnoutSync left (a delta after upstream changes). */
  turnoutResync(pageLimit: number): Promise<TimedCount & { tickets: number }>;
  dexieBulkPut(link: string, chunk: number): Promise<TimedCount>;
  /** A day of `checkins` over a `roster` of demo tickets read with its tickets: one roster sweep, and per-chunk lookups. */
  dayRead(roster: number, checkins: number): Promise<{ sweepMs: number; lookupMs: number; rows: number; joined: number }>;
  pouchReplicate(dbUrl: string, batchSize: number): Promise<TimedCount>;
  /** Pairs a fresh kiosk DB, fills its outbox with n check-ins (ticket offset `from`), then drains it with pushOutbox. */
  drainOutbox(link: string, n: number, from: number, batchSize: number): Promise<DrainResult>;
}

declare global {
  interface Window {
    turnoutBench: BenchApi;
  }
}

export const BENCH_CHECKPOINT = 'hall-a';
const TZ = 'Asia/Seoul';
/** 2025-09-10 10:00 at KINTEX; scan i is i × 500 ms later. */
const BASE_MS = Date.parse('2025-09-10T10:00:00+09:00');

/** Check-in i of a desk, as recordScan would store it (pending, in the outbox). */
export function benchCheckIn(i: number, deviceId: string): CheckIn {
  const now = BASE_MS + i * 500;
  return {
    id: newCheckInId(now),
    code: demoCode(i),
    checkpointId: BENCH_CHECKPOINT,
    deviceId,
    direction: 'entry',
    verdict: 'accepted',
    scannedAt: isoWithOffset(now, TZ),
    day: dayKey(now, TZ),
    syncState: 'pending',
  };
}
