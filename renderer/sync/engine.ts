// The sync engine: one pass = heartbeat (when due) → config → push → pull tickets
// → pull check-ins. A failed push never blocks the pull. syncNow() is single-flight
// (concurrent calls join the running pass). Once started it runs after each scan
// (debounced), every intervalMs, and on `online` events; after a failure it backs
// off exponentially with full jitter, honouring Retry-After (a 429 ends the pass at
// once). Reachability comes from real requests, never navigator.onLine. A revoked
// device (or one whose token the server no longer knows) wipes the roster, keeps
// its unsent check-ins and stops.
import type { TurnoutDb } from '../storage/db';
import { outboxCount } from '../storage/checkin';
import { wipeForRevocation } from '../storage/replica';
import { getClockOffset, getLastSyncAt, setLastSyncAt, type Pairing } from '../storage/sync-meta';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { SyncClient } from './client';
import { pullConfig } from './config';
import { asSyncError, isFatal, isUnreachable, SyncError } from './errors';
import { sendHeartbeat } from './heartbeat';
import { loadHelpCall } from '../storage/help';
import { DEFAULT_PULL_LIMIT, pullCheckins, pullTickets, pullVoids, type PullProgress, type PullResult } from './pull';
import { FEATURE_VOIDS, FEATURE_WALKINS } from '../../core/protocol';
import { serverFeatures } from '../storage/sync-meta';
import { voidRecords, walkInRecords } from './desk-records';
import { pushRecords, type RecordPushResult } from './push-records';
import { pushOutbox, type PushResult } from './push';
import type { SyncEvent, SyncProblem, SyncStatus } from './status';

/** Thrown inside a pass to end it early without an error of its own. */
const END_PASS = Symbol('end of pass');

type Timers = { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (handle: unknown) => void };
type EventSource = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export interface EngineOptions {
  db: TurnoutDb;
  pairing: Pairing;
  fetch?: typeof fetch;
  /** The device clock (ms). Default Date.now. */
  now?: () => number;
  random?: () => number;
  appVersion?: string;
  intervalMs?: number;
  heartbeatMs?: number;
  scanDebounceMs?: number;
  backoff?: BackoffPolicy;
  pageLimit?: number;
  batchSize?: number;
  timeoutMs?: number;
  timers?: Timers;
  /** Source of `online` events (the window); null for none. */
  events?: EventSource | null;
  /** Called with the ids upstream acknowledged (the journal's acks). */
  onAcknowledged?: (ids: string[]) => Promise<unknown>;
}

export interface SyncReport {
  ok: boolean;
  configChanged: boolean;
  push?: PushResult;
  tickets?: PullResult;
  checkins?: PullResult;
  /** The desk's voids (undo) pushed, and every desk's voids pulled (servers with feature `voids`). */
  pushVoids?: RecordPushResult;
  /** The desk's walk-ins pushed (servers with feature `walkins`); other desks' arrive as tickets. */
  pushWalkIns?: RecordPushResult;
  voids?: PullResult;
  errors: SyncError[];
  /** The device was revoked (or its token refused) during this pass; the engine stopped. */
  stopped: boolean;
}

export class SyncEngine {
  readonly client: SyncClient;
  readonly pairing: Pairing;
  private readonly db: TurnoutDb;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly timers: Timers;
  private readonly events: EventSource | null;
  private readonly opts: Required<Pick<EngineOptions, 'intervalMs' | 'heartbeatMs' | 'scanDebounceMs' | 'pageLimit' | 'batchSize' | 'appVersion'>> & {
    backoff: BackoffPolicy;
    onAcknowledged?: (ids: string[]) => Promise<unknown>;
  };
  private running: Promise<SyncReport> | null = null;
  private rerun = false;
  private attempt = 0;
  private timer: unknown = undefined;
  private started = false;
  private stopped = false;
  private lastHeartbeatAt = -Infinity;
  private reachable = false;
  private offset: number | undefined;
  private status: SyncStatus = { state: 'offline', outbox: 0 };
  private readonly listeners = new Set<(e: SyncEvent) => void>();
  /** The delay chosen after the last failed pass (tests, diagnostics). */
  lastDelayMs: number | undefined;
  private readonly onOnline = () => {
    if (this.stopped) return;
    this.attempt = 0;
    this.schedule(0);
  };

  constructor(options: EngineOptions) {
    this.db = options.db;
    this.pairing = options.pairing;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    this.events = options.events === undefined ? (typeof window === 'undefined' ? null : window) : options.events;
    this.opts = {
      onAcknowledged: options.onAcknowledged,
      intervalMs: options.intervalMs ?? 15_000,
      heartbeatMs: options.heartbeatMs ?? 30_000,
      scanDebounceMs: options.scanDebounceMs ?? 300,
      pageLimit: options.pageLimit ?? DEFAULT_PULL_LIMIT,
      batchSize: options.batchSize ?? 500,
      appVersion: options.appVersion ?? 'turnout-kiosk',
      backoff: options.backoff ?? DEFAULT_BACKOFF,
    };
    this.client = new SyncClient({ server: options.pairing.server, token: options.pairing.token, fetch: options.fetch, timeoutMs: options.timeoutMs });
  }

  // ── status ────────────────────────────────────────────────────────────────

  getStatus = (): SyncStatus => this.status;

  subscribe = (listener: (e: SyncEvent) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Estimated (server − device) clock difference for new check-ins, once measured. */
  clockOffsetMs(): number | undefined {
    return this.offset;
  }

  /** True when the last contact with the server got an answer (for online decisions). */
  isReachable(): boolean {
    return !this.stopped && (this.status.state === 'online' || (this.status.state === 'syncing' && this.reachable));
  }

  isStopped(): boolean {
    return this.stopped;
  }

  private emit(event: SyncEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch {
        // A broken listener must not break syncing.
      }
    }
  }

  private setStatus(next: SyncStatus): void {
    this.status = { ...next, ...(this.offset !== undefined ? { clockOffsetMs: this.offset } : {}) };
    this.emit({ type: 'status', status: this.status });
  }

  private base() {
    const { outbox, lastSyncAt } = this.status;
    return { outbox, ...(lastSyncAt ? { lastSyncAt } : {}) };
  }

  /** Loads the stored clock offset, last sync and outbox depth into the status. */
  async init(): Promise<void> {
    const [offset, lastSyncAt, outbox] = await Promise.all([getClockOffset(this.db), getLastSyncAt(this.db), outboxCount(this.db)]);
    this.offset = offset;
    this.setStatus({ ...this.status, outbox, ...(lastSyncAt ? { lastSyncAt } : {}) });
  }

  // ── scheduling ────────────────────────────────────────────────────────────

  /** Starts the loop: a pass now, then on scans, on a timer and on `online`. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.events?.addEventListener('online', this.onOnline);
    void this.init().finally(() => this.schedule(0));
  }

  /** Stops the loop (a running pass finishes; nothing is scheduled after it). */
  stop(): void {
    this.started = false;
    this.events?.removeEventListener('online', this.onOnline);
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(ms: number): void {
    if (!this.started || this.stopped) return;
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.syncNow();
    }, ms);
    if (this.status.state === 'offline' || this.status.state === 'error') {
      this.setStatus({ ...this.status, retryAt: this.now() + ms });
    }
  }

  /** A check-in was stored: refresh the outbox count and push soon (not while backing off). */
  notifyScan(): void {
    void outboxCount(this.db).then((outbox) => this.setStatus({ ...this.status, outbox }));
    if (this.running) {
      this.rerun = true;
      return;
    }
    if (this.attempt === 0) this.schedule(this.opts.scanDebounceMs);
  }

  /** A help call was raised: a heartbeat carries it at once (after the running pass, if any). */
  notifyHelp(): void {
    this.lastHeartbeatAt = -Infinity;
    if (this.running) {
      this.rerun = true;
      return;
    }
    void this.syncNow();
  }

  /** An online decision reached the server: end any backoff and sync soon. */
  notifyReachable(): void {
    if (this.attempt > 0 && !this.running) {
      this.attempt = 0;
      this.schedule(this.opts.scanDebounceMs);
    }
  }

  // ── the pass ──────────────────────────────────────────────────────────────

  /** Runs a pass, or joins the running one. */
  syncNow(opts: { onProgress?: (p: PullProgress) => void } = {}): Promise<SyncReport> {
    if (this.running) return this.running;
    if (this.stopped) return Promise.resolve({ ok: false, configChanged: false, errors: [], stopped: true });
    this.clearTimer();
    this.rerun = false;
    const run = (async () => {
      const report = await this.pass(opts.onProgress);
      await this.afterPass(report);
      return report;
    })().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  private async pass(onProgress?: (p: PullProgress) => void): Promise<SyncReport> {
    const report: SyncReport = { ok: false, configChanged: false, errors: [], stopped: false };
    this.reachable = false;
    this.setStatus({ state: 'syncing', ...this.base() });
    const progress = (p: PullProgress) => {
      onProgress?.(p);
      this.setStatus({ state: 'syncing', ...this.base(), progress: p });
    };
    // Runs one step; records its error. Fatal errors end the pass; so does being told
    // to wait (429, or a Retry-After): every further request would only be refused too.
    const step = async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
      try {
        const value = await fn();
        this.reachable = true;
        return value;
      } catch (err) {
        const e = asSyncError(err);
        report.errors.push(e);
        if (!isUnreachable(e)) this.reachable = true;
        if (isFatal(e)) throw e;
        if (e.kind === 'rate_limited' || e.retryAfterMs !== undefined) throw END_PASS;
        return undefined;
      }
    };
    try {
      // While a help call is open every pass beats, so staff's clearing is heard within a pass.
      if (this.now() - this.lastHeartbeatAt >= this.opts.heartbeatMs || (await loadHelpCall(this.db).catch(() => undefined))) {
        const hb = await step(() => sendHeartbeat(this.db, this.client, { now: this.now, appVersion: this.opts.appVersion }));
        if (hb) {
          this.lastHeartbeatAt = this.now();
          this.offset = hb.clockOffsetMs;
        } else if (isUnreachable(report.errors.at(-1))) {
          return report; // the probe found no server: don't spend a timeout on every step
        }
      }
      const config = await step(() => pullConfig(this.db, this.client, this.pairing));
      if (config?.changed) {
        report.configChanged = true;
        this.emit({ type: 'config' });
      }
      const features = await serverFeatures(this.db);
      // Walk-ins before check-ins: a walk-in's check-in names the ticket its upload makes.
      if (features.includes(FEATURE_WALKINS)) {
        report.pushWalkIns = await step(() => pushRecords(this.db, walkInRecords(this.client), { now: this.now, batchSize: this.opts.batchSize }));
      }
      // Push before pull, but whatever happens to the push, the pull runs.
      report.push = await step(() => pushOutbox(this.db, this.client, { batchSize: this.opts.batchSize, now: this.now, onAcknowledged: this.opts.onAcknowledged }));
      // Voids after check-ins (a void names a check-in), each only to a server that speaks it.
      if (features.includes(FEATURE_VOIDS)) {
        report.pushVoids = await step(() => pushRecords(this.db, voidRecords(this.client), { now: this.now, batchSize: this.opts.batchSize }));
      }
      report.tickets = await step(() => pullTickets(this.db, this.client, { limit: this.opts.pageLimit, onProgress: progress }));
      if (!report.tickets && isUnreachable(report.errors.at(-1))) return report;
      report.checkins = await step(() => pullCheckins(this.db, this.client, { limit: this.opts.pageLimit, onProgress: progress }));
      if (features.includes(FEATURE_VOIDS)) {
        report.voids = await step(() => pullVoids(this.db, this.client, { limit: this.opts.pageLimit, onProgress: progress }));
      }
      report.ok = report.errors.length === 0;
      if (report.ok) {
        const at = new Date(this.now()).toISOString();
        await setLastSyncAt(this.db, at);
        this.status = { ...this.status, lastSyncAt: at };
      }
      return report;
    } catch (err) {
      if (err === END_PASS) return report;
      await this.handleFatal(asSyncError(err));
      report.stopped = true;
      return report;
    }
  }

  /** Revoked, or a token the server no longer knows: the pairing is dead either way. */
  private async handleFatal(err: SyncError): Promise<void> {
    this.stopped = true;
    this.stop();
    const unsent = await wipeForRevocation(this.db, {
      at: new Date(this.now()).toISOString(),
      reason: err.kind === 'device_revoked' ? 'revoked' : 'unknown_device',
      server: this.pairing.server,
      deviceId: this.pairing.deviceId,
      // Kept so the next pairing can claim this device's unsent walk-ins and voids.
      token: this.pairing.token,
      eventId: this.pairing.eventId,
    });
    this.status = { ...this.status, outbox: unsent };
    this.emit({ type: 'revoked', unsent });
  }

  private async afterPass(report: SyncReport): Promise<void> {
    const outbox = await outboxCount(this.db).catch(() => this.status.outbox);
    const base = { ...this.base(), outbox };
    const last = report.errors.at(-1);
    const problem = (e: SyncError): SyncProblem => ({ kind: e.kind, message: e.message, at: this.now() });
    if (report.stopped) {
      this.setStatus({ state: 'error', ...base, lastError: problem(last ?? new SyncError('auth', 'stopped')), stopped: true });
      return;
    }
    if (report.ok) {
      this.attempt = 0;
      this.setStatus({ state: 'online', ...base });
      this.schedule(this.rerun ? this.opts.scanDebounceMs : this.opts.intervalMs);
      return;
    }
    this.attempt++;
    const retryAfter = Math.max(0, ...report.errors.map((e) => e.retryAfterMs ?? 0));
    const delay = backoffDelay(this.attempt, this.opts.backoff, this.random, retryAfter || undefined);
    const offline = report.errors.every((e) => isUnreachable(e));
    const shown = last ? problem(last) : undefined;
    if (offline) this.setStatus({ state: 'offline', ...base, ...(shown ? { lastError: shown } : {}) });
    else this.setStatus({ state: 'error', ...base, lastError: shown ?? problem(new SyncError('server', 'sync failed')) });
    this.lastDelayMs = delay;
    this.schedule(delay);
  }
}
