// Badges that have not printed outlive the page: a renderer crash (Electron reloads
// it), a reload or a power cut must not turn a failed or half-printed badge into a
// silent gap. Every badge job that is not printed (failed, or printing right now)
// is kept in IndexedDB (meta `badge.open`) as the check-in it belongs to and the
// ticket's code only — no name: the ticket is read back from the roster, so the
// retention wipe covers it — and put back, as failed with its retry, at the next
// start. A badge that was printing when the page went away comes back marked
// `interrupted` (whether it came out is unknown: staff look, then retry or dismiss).
import Dexie from 'dexie';
import type { TurnoutDb } from '../storage/db';
import { getMeta, setMeta } from '../storage/db';
import { getTickets } from '../storage/roster-store';
import type { BadgeJob, BadgeJobs } from './jobs';

export const BADGE_OPEN_KEY = 'badge.open';

interface OpenBadge {
  key: string;
  code: string;
  reprint: boolean;
  state: 'failed' | 'printing';
  error?: string;
  attempts: number;
}

const toRow = (j: BadgeJob): OpenBadge => ({
  key: j.key,
  code: j.ticket.code,
  reprint: j.reprint,
  state: j.state === 'printing' ? 'printing' : 'failed',
  ...(j.error !== undefined ? { error: j.error } : {}),
  attempts: j.attempts,
});

/** Puts back the badges kept by an earlier page (each failed; a printing one marked interrupted). */
export async function restoreOpenBadges(db: TurnoutDb, jobs: BadgeJobs): Promise<number> {
  const rows = (await getMeta<OpenBadge[]>(db, BADGE_OPEN_KEY)) ?? [];
  if (!Array.isArray(rows) || rows.length === 0) return 0;
  const tickets = await getTickets(db, [...new Set(rows.map((r) => r.code))]);
  const restored: BadgeJob[] = [];
  for (const r of rows) {
    const t = tickets.get(r.code);
    // A ticket gone from the roster (deleted upstream) has no badge left to print.
    if (!t) continue;
    restored.push({
      key: r.key,
      ticket: { code: t.code, name: t.name, company: t.company, category: t.category },
      reprint: r.reprint,
      state: 'failed',
      attempts: r.attempts,
      ...(r.error !== undefined ? { error: r.error } : {}),
      ...(r.state === 'printing' ? { interrupted: true } : {}),
    });
  }
  jobs.restore(restored);
  return restored.length;
}

/** Keeps `jobs`' open badges in the database from now on; returns the unsubscribe. */
export function keepOpenBadges(db: TurnoutDb, jobs: BadgeJobs, onError: (err: unknown) => void = () => {}): () => void {
  let last = '';
  let writing = Promise.resolve();
  const write = () => {
    const rows = jobs.open().map(toRow);
    const text = JSON.stringify(rows);
    if (text === last) return;
    last = text;
    // In order: the newest state is the one that stays. Outside whatever transaction
    // zone the print was started from (the check-in's), which holds no `meta` table.
    writing = writing.then(() => Dexie.ignoreTransaction(() => setMeta(db, BADGE_OPEN_KEY, rows))).catch(onError);
  };
  write();
  return jobs.subscribe(write);
}

/** Both, in order: what was kept first, then keep from there (the first write must not erase it). */
export function trackOpenBadges(db: TurnoutDb, jobs: BadgeJobs, onError?: (err: unknown) => void): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  void restoreOpenBadges(db, jobs)
    .catch(onError ?? (() => {}))
    .then(() => {
      if (!stopped) stop = keepOpenBadges(db, jobs, onError);
    });
  return () => {
    stopped = true;
    stop?.();
  };
}
