// Badge print jobs and their outcome, kept until a badge is out: printing,
// printed, or failed — a failure stays listed (with its error) until a retry
// prints it or staff dismiss it, so a badge that did not come out is never a
// silent gap, even after the verdict on screen moved on to the next person.
// One job per check-in (its id is the key): asking again for the same check-in
// while it prints does nothing, so a double tap never prints two badges.
import type { PrintOutcome, Result } from '../../core/kiosk-api';
import type { BadgeTicket } from './print';

export type BadgeJobState = 'printing' | 'printed' | 'failed';

export interface BadgeJob {
  /** The check-in this badge belongs to. */
  key: string;
  ticket: BadgeTicket;
  reprint: boolean;
  state: BadgeJobState;
  /** Why the last attempt failed. */
  error?: string;
  attempts: number;
  /** The printer that took it (null: the default printer or the browser's dialog). */
  printerName?: string | null;
  /** Restored after a restart that came while it was printing: whether it came out is unknown. */
  interrupted?: boolean;
}

export type PrintOne = (ticket: BadgeTicket) => Promise<Result<PrintOutcome>>;

export class BadgeJobs {
  private readonly jobs = new Map<string, BadgeJob>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  /** Jobs kept after they printed (for the screen's "printed" line); failures are never dropped. */
  constructor(private readonly keepPrinted = 20) {}

  get(key: string): BadgeJob | undefined {
    return this.jobs.get(key);
  }

  /** Failed badges, oldest first. */
  failed(): BadgeJob[] {
    return [...this.jobs.values()].filter((j) => j.state === 'failed');
  }

  /** Changes with every state change (for useSyncExternalStore). */
  snapshot(): number {
    return this.version;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Prints `ticket`'s badge for check-in `key`. A job already printing or printed
   * for that key is returned as it is (no second badge); a failed one is retried.
   */
  async print(key: string, ticket: BadgeTicket, print: PrintOne, opts: { reprint?: boolean } = {}): Promise<BadgeJob> {
    const existing = this.jobs.get(key);
    if (existing && existing.state !== 'failed') return existing;
    const job: BadgeJob = { key, ticket, reprint: opts.reprint ?? existing?.reprint ?? false, state: 'printing', attempts: (existing?.attempts ?? 0) + 1 };
    this.set(job);
    let result: Result<PrintOutcome>;
    try {
      result = await print(ticket);
    } catch (error) {
      result = { ok: false, error: { code: 'print_failed', message: error instanceof Error ? error.message : String(error) } };
    }
    const done: BadgeJob = result.ok
      ? { ...job, state: 'printed', printerName: result.value.printerName }
      : { ...job, state: 'failed', error: result.error.message, interrupted: false };
    this.set(done);
    this.trim();
    return done;
  }

  /**
   * Puts back badges that had not printed when the page went away (renderer crash,
   * reload, power): each as failed, so it is listed with a retry again. A key this
   * page already tracks is left as it is.
   */
  restore(jobs: BadgeJob[]): void {
    let changed = false;
    for (const j of jobs) {
      if (this.jobs.has(j.key)) continue;
      this.jobs.set(j.key, { ...j, state: 'failed' });
      changed = true;
    }
    if (changed) this.changed();
  }

  /** Jobs that have not printed (failed, or printing right now), oldest first: what must outlive the page. */
  open(): BadgeJob[] {
    return [...this.jobs.values()].filter((j) => j.state !== 'printed');
  }

  /** Staff gave up on a failed badge (the person left, or was served another way). */
  dismiss(key: string): void {
    if (this.jobs.get(key)?.state !== 'failed') return;
    this.jobs.delete(key);
    this.changed();
  }

  private set(job: BadgeJob): void {
    this.jobs.delete(job.key); // re-insert: the map stays in order of last change
    this.jobs.set(job.key, job);
    this.changed();
  }

  private trim(): void {
    const printed = [...this.jobs.values()].filter((j) => j.state === 'printed');
    for (const j of printed.slice(0, Math.max(0, printed.length - this.keepPrinted))) this.jobs.delete(j.key);
  }

  private changed(): void {
    this.version += 1;
    for (const l of this.listeners) l();
  }
}
