// Badge printing for every desk flow — the one entry point the scan path, walk-in
// registration (desk) and self-service mode call once a check-in is stored:
//
//   const job = await printBadgeFor(ticket, { db, checkInId, event, reprint });
//
// It reads this device's setting (setup: on/off, stock, printer), renders the
// badge in the page, prints it (Electron: silent, to the chosen printer; browser:
// the print dialog), and tracks it in `badgeJobs` under the check-in's id, so the
// verdict screen shows "printing / printed / not printed — retry" (ui/BadgeStatus)
// and failures stay listed until retried or dismissed. `null` when this desk does
// not print badges. The record's mark is the caller's part: pass `badge: 'print'`
// (or `'reprint'`, behind the staff PIN) in the ScanRequest that stores it.
import type { LocalizedText } from '../../core/model';
import type { TurnoutDb } from '../storage/db';
import type { Platform } from '../platform';
import { BadgeJobs, type BadgeJob } from './jobs';
import { printBadge, type BadgeTicket } from './print';
import { loadBadgeSettings, type BadgeSettings } from './settings';

export type { BadgeJob, BadgeJobState } from './jobs';
export type { BadgeTicket } from './print';
export type { BadgeSettings } from './settings';
export { BADGE_TEMPLATES, BADGE_TEMPLATE_IDS, type BadgeTemplateId } from './templates';
export { DEFAULT_BADGE_SETTINGS, loadBadgeSettings, saveBadgeSettings } from './settings';

/** This page's badge jobs (one kiosk, one queue of badges). */
export const badgeJobs = new BadgeJobs();

export interface PrintBadgeForOptions {
  db: TurnoutDb;
  /** The stored check-in this badge belongs to (the job's key; retries use it). */
  checkInId: string;
  /** The event, for the small line on the badge. */
  event?: LocalizedText;
  reprint?: boolean;
  /** Settings already at hand (else read from the database). */
  settings?: BadgeSettings;
  platform?: Platform;
  jobs?: BadgeJobs;
}

export async function printBadgeFor(ticket: BadgeTicket, opts: PrintBadgeForOptions): Promise<BadgeJob | null> {
  const settings = opts.settings ?? (await loadBadgeSettings(opts.db));
  if (!settings.enabled) return null;
  const jobs = opts.jobs ?? badgeJobs;
  return jobs.print(opts.checkInId, ticket, (t) => printBadge(t, settings, { event: opts.event, platform: opts.platform }), { reprint: opts.reprint });
}

/** Prints a failed badge again with today's settings. */
export async function retryBadge(key: string, opts: Omit<PrintBadgeForOptions, 'checkInId' | 'reprint'>): Promise<BadgeJob | null> {
  const jobs = opts.jobs ?? badgeJobs;
  const job = jobs.get(key);
  if (!job || job.state !== 'failed') return job ?? null;
  return printBadgeFor(job.ticket, { ...opts, checkInId: key, reprint: job.reprint, jobs });
}
