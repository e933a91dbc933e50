// The soak's Node kiosks, in a process of their own (`node --expose-gc --import
// tsx tests/soak/farm.ts`, driven over IPC by tests/soak/soak.ts): each is the
// real storage on fake-indexeddb plus the real sync engine, with its own clock
// running the accelerated day, talking through its own fault-proxy lane. Being
// alone in this process, their heap (after a forced GC) is theirs: the soak
// reads per-kiosk memory from it.

import { getHeapStatistics } from 'node:v8';
import { demoEvent } from '../../core/demo/event';
import type { Direction, VoidReason } from '../../core/model';
import { toEpochMs } from '../../core/time';
import { getCursor } from '../../renderer/storage/sync-meta';
import { voidCheckIn } from '../../renderer/storage/voids';
import { pairNodeKiosk, type NodeKiosk } from '../support/node-kiosk';
import type { ScanPlan, Twin } from './plan';

export interface FarmKiosk {
  index: number;
  name: string;
  link: string;
  checkpointId: string;
  skewMs: number;
  scans: ScanPlan[];
}

export interface FarmClock {
  /** Real epoch ms at which the day opens (VIRTUAL_START on the kiosks' clocks). */
  dayStartReal: number;
  virtualStart: number;
  /** Virtual ms per real ms. */
  accel: number;
  /** Real ms the day lasts. */
  dayMs: number;
}

export type FarmRequest =
  | { type: 'pair'; kiosks: FarmKiosk[]; clock: FarmClock; concurrency: number }
  /** The day starts: the kiosks' clocks are set to `clock` (pairing ran on a provisional one). */
  | { type: 'go'; clock: FarmClock }
  /**
   * While `desk` is cut off (its lane is down before this is sent), it and then
   * `mate` admit each twin; answered once both scanned all. Each scan is stamped
   * with the plan's moment on the desk's clock: on a loaded machine the farm
   * can run seconds late, which is hours of an accelerated day, and the door's
   * opening hours must not decide this.
   */
  | { type: 'twins'; desk: number; mate: number; twins: Twin[] }
  | { type: 'status' }
  | { type: 'kick' }
  | { type: 'memory' }
  | { type: 'verify'; rows: [string, string][] }
  | { type: 'report' }
  | { type: 'stop' };

export interface KioskStatus {
  index: number;
  outbox: number;
  cursor: number;
  scansDone: number;
  scansPlanned: number;
  state: string;
  stopped: boolean;
}

export interface OwnRow {
  id: string;
  code: string;
  checkpointId: string;
  direction: Direction;
  verdict: string;
  reason?: string;
  scannedAt: string;
  clockOffsetMs?: number;
  syncState: string;
}

export interface KioskReport {
  index: number;
  deviceId: string;
  /** Ids recordScan returned as stored, in order. */
  created: string[];
  /** This desk's own rows in its database. */
  own: OwnRow[];
  /** Outcomes of its scans by kind: stored, malformed, store_failed; of its undos: voided, void_<refusal>. */
  outcomes: Record<string, number>;
  /** This desk's own voids (undo) in its database. */
  voids: { id: string; checkinId: string }[];
}

export interface KioskCheck {
  index: number;
  missing: number;
  wrongStatus: number;
  extra: number;
  samples: string[];
}

interface Entry {
  k: NodeKiosk;
  plan: FarmKiosk;
  done: number;
  outcomes: Record<string, number>;
  /** The desk's scans, one at a time as at a real desk (timed and twin scans share it). */
  queue: Promise<unknown>;
}

const kiosks = new Map<number, Entry>();
let clock: FarmClock;

const nowOf = (skewMs: number) => () => clock.virtualStart + (Date.now() - clock.dayStartReal) * clock.accel + skewMs;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

async function pairAll(list: FarmKiosk[], concurrency: number): Promise<{ index: number; deviceId: string }[]> {
  const out: { index: number; deviceId: string }[] = [];
  const queue = [...list];
  const worker = async () => {
    for (let plan = queue.shift(); plan; plan = queue.shift()) {
      const now = nowOf(plan.skewMs);
      const k = await pairNodeKiosk(plan.link, plan.name, {
        now,
        intervalMs: 1500,
        scanDebounceMs: 250,
        // The device clock runs `accel` times faster: a heartbeat every ~5 real seconds.
        heartbeatMs: 5000 * clock.accel,
        backoff: { baseMs: 250, capMs: 4000 },
        timeoutMs: 5000,
      });
      kiosks.set(plan.index, { k, plan, done: 0, outcomes: {}, queue: Promise.resolve() });
      out.push({ index: plan.index, deviceId: k.pairing.deviceId });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

const count = (entry: Entry, outcome: string) => (entry.outcomes[outcome] = (entry.outcomes[outcome] ?? 0) + 1);

/**
 * One scan at the desk, after any it is still busy with; `now` stamps it
 * (default: the desk's clock). With `undo`, staff then void it if it admitted,
 * as the desk's undo does, 20 s later on the desk's clock (stamped from the
 * check-in, not the farm's clock: a loaded farm runs seconds late, which is
 * hours of the accelerated day, and undo is refused after 2 minutes).
 */
function scanAt(entry: Entry, raw: string, direction: Direction, now?: number, undo?: VoidReason): Promise<void> {
  const run = entry.queue.then(async () => {
    const out = await entry.k.scan(raw, { checkpointId: entry.plan.checkpointId, direction, ...(now !== undefined ? { now } : {}) });
    count(entry, out.kind);
    if (!undo || out.kind !== 'stored' || out.checkIn.verdict !== 'accepted') return;
    const v = await voidCheckIn(entry.k.db, {
      checkinId: out.checkIn.id,
      reason: undo,
      deviceId: entry.k.pairing.deviceId,
      now: toEpochMs(out.checkIn.scannedAt) + 20_000,
      timeZone: demoEvent.event.timeZone,
    });
    count(entry, v.ok ? 'voided' : `void_${v.refusal}`);
    entry.k.engine.notifyScan();
  });
  entry.queue = run.catch(() => undefined);
  return run;
}

async function runDesk(entry: Entry): Promise<void> {
  for (const scan of entry.plan.scans) {
    await sleep(clock.dayStartReal + scan.at * clock.dayMs - Date.now());
    await scanAt(entry, scan.raw, scan.direction, undefined, scan.undo);
    entry.done++;
  }
}

async function runTwins(desk: Entry, mate: Entry, twins: Twin[]): Promise<void> {
  const moment = (at: number, e: Entry) => clock.virtualStart + at * clock.dayMs * clock.accel + e.plan.skewMs;
  for (const t of twins) {
    await sleep(clock.dayStartReal + t.deskAt * clock.dayMs - Date.now());
    await scanAt(desk, t.code, 'entry', moment(t.deskAt, desk));
    await scanAt(mate, t.code, 'entry', moment(t.mateAt, mate));
  }
}

async function handle(msg: FarmRequest): Promise<unknown> {
  switch (msg.type) {
    case 'pair':
      clock = msg.clock;
      return pairAll(msg.kiosks, msg.concurrency);
    case 'go':
      clock = msg.clock;
      for (const entry of kiosks.values()) {
        entry.k.engine.start();
        void runDesk(entry).catch((err: unknown) => fatal(err));
      }
      return null;
    case 'twins':
      await runTwins(kiosks.get(msg.desk)!, kiosks.get(msg.mate)!, msg.twins);
      return null;
    case 'status':
      return Promise.all(
        [...kiosks.values()].map(async ({ k, plan, done }): Promise<KioskStatus> => ({
          index: plan.index,
          outbox: await k.outbox(),
          cursor: await getCursor(k.db, 'checkins'),
          scansDone: done,
          scansPlanned: plan.scans.length,
          state: k.engine.getStatus().state,
          stopped: k.engine.isStopped(),
        })),
      );
    case 'kick':
      // The network is back: end every backoff, as the page's `online` event does.
      for (const { k } of kiosks.values()) k.engine.notifyReachable();
      return null;
    case 'memory': {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (!gc) throw new Error('the farm needs --expose-gc');
      gc();
      gc();
      const heap = getHeapStatistics().used_heap_size;
      // What holds the process's event loop (sockets, timers), for the memory log.
      const resources = new Map<string, number>();
      for (const r of process.getActiveResourcesInfo()) resources.set(r, (resources.get(r) ?? 0) + 1);
      return { heapUsed: heap, rss: process.memoryUsage().rss, kiosks: kiosks.size, resources: [...resources].map(([k, n]) => `${k} ${n}`).join(', ') };
    }
    case 'verify': {
      const server = new Map(msg.rows);
      const checks: KioskCheck[] = [];
      for (const { k, plan } of kiosks.values()) {
        const local = new Map((await k.all()).map((c) => [c.id, c.syncState as string]));
        const check: KioskCheck = { index: plan.index, missing: 0, wrongStatus: 0, extra: 0, samples: [] };
        for (const [id, status] of server) {
          const mine = local.get(id);
          if (mine === undefined) check.missing++;
          else if (mine !== status) check.wrongStatus++;
          else continue;
          if (check.samples.length < 3) check.samples.push(`${id}: server ${status}, kiosk ${mine ?? 'missing'}`);
        }
        for (const id of local.keys()) if (!server.has(id)) check.extra++;
        checks.push(check);
      }
      return checks;
    }
    case 'report':
      return Promise.all(
        [...kiosks.values()].map(async ({ k, plan, outcomes }): Promise<KioskReport> => ({
          index: plan.index,
          deviceId: k.pairing.deviceId,
          created: k.created,
          own: (await k.all())
            .filter((c) => c.deviceId === k.pairing.deviceId)
            .map((c) => ({
              id: c.id,
              code: c.code,
              checkpointId: c.checkpointId,
              direction: c.direction,
              verdict: c.verdict,
              ...(c.reason !== undefined ? { reason: c.reason } : {}),
              scannedAt: c.scannedAt,
              ...(c.clockOffsetMs !== undefined ? { clockOffsetMs: c.clockOffsetMs } : {}),
              syncState: c.syncState,
            })),
          outcomes,
          voids: (await k.db.voids.toArray()).filter((v) => v.deviceId === k.pairing.deviceId).map((v) => ({ id: v.id, checkinId: v.checkinId })),
        })),
      );
    case 'stop':
      for (const { k } of kiosks.values()) k.engine.stop();
      setTimeout(() => process.exit(0), 50);
      return null;
  }
}

function fatal(err: unknown): never {
  process.stderr.write(`[soak farm] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
}

process.on('message', (raw: { id: number; msg: FarmRequest }) => {
  handle(raw.msg).then(
    (value) => process.send!({ id: raw.id, ok: true, value }),
    (err: unknown) => process.send!({ id: raw.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
process.on('unhandledRejection', fatal);
process.on('disconnect', () => process.exit(0));
