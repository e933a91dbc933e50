// Badges at the desk: the desk's setting (live from IndexedDB), and what the
// verdict and scan screens show of badges — this check-in's badge printing,
// printed, or NOT printed with a retry button (never a silent gap: failures also
// stay in a bar on the scan screen until retried or dismissed, across restarts too:
// badge/persist.ts), and, for someone
// whose badge was issued before, a reprint button that goes through the staff PIN.
import { createContext, useContext, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Ticket } from '../../core/model';
import { badgeJobs, DEFAULT_BADGE_SETTINGS, loadBadgeSettings, type BadgeJob, type BadgeSettings } from '../badge';
import type { TurnoutDb } from '../storage/db';
import type { ScanOutcome } from '../storage/checkin';
import { useBilingual, useKiosk } from './KioskContext';

/** This desk's badge setting; undefined until read. */
export function useBadgeSettings(db: TurnoutDb): BadgeSettings | undefined {
  return useLiveQuery(() => loadBadgeSettings(db), [db]);
}

export function useBadgeJob(key: string | undefined): BadgeJob | undefined {
  return useSyncExternalStore(
    (l) => badgeJobs.subscribe(l),
    () => (key ? badgeJobs.get(key) : undefined),
  );
}

function useFailedBadges(): BadgeJob[] {
  const version = useSyncExternalStore((l) => badgeJobs.subscribe(l), () => badgeJobs.snapshot());
  void version;
  return badgeJobs.failed();
}

export interface BadgeDesk {
  settings: BadgeSettings;
  /** Electron prints silently; a browser opens its print dialog (so "printed" means "dialog opened"). */
  silent: boolean;
  retry(key: string): void;
  dismiss(key: string): void;
  /** Opens the staff PIN, then reprints (a new check-in marked `reprint`). */
  reprint(ticket: Pick<Ticket, 'code' | 'name'>): void;
  /** The ticket whose reprint waits for the staff PIN. */
  pending: Pick<Ticket, 'code' | 'name'> | null;
  clearPending(): void;
}

export const BadgeDeskContext = createContext<BadgeDesk | null>(null);

export function useBadgeDesk(): BadgeDesk {
  return (
    useContext(BadgeDeskContext) ?? {
      settings: DEFAULT_BADGE_SETTINGS,
      silent: false,
      retry: () => {},
      dismiss: () => {},
      reprint: () => {},
      pending: null,
      clearPending: () => {},
    }
  );
}

/** Whether staff may reprint from this verdict: a known, valid ticket, admitted or already checked in. */
function reprintable(outcome: Extract<ScanOutcome, { kind: 'stored' }>): boolean {
  const { ticket, checkIn, verdict } = outcome;
  if (!ticket || ticket.status !== 'valid' || checkIn.direction !== 'entry') return false;
  return checkIn.verdict === 'accepted' || (verdict.verdict === 'rejected' && verdict.reason === 'already_checked_in');
}

/** The badge line of a verdict (nothing at a desk that does not print badges). */
export function BadgeStatus({ outcome }: { outcome: Extract<ScanOutcome, { kind: 'stored' }> }) {
  const { both: line } = useBilingual();
  const desk = useBadgeDesk();
  const job = useBadgeJob(outcome.checkIn.id);
  // A reprint is staff's (behind the PIN, on the desk's screens): never offered to an attendee in self-service.
  const selfService = useKiosk().session?.selfService === true;
  if (!desk.settings.enabled || !outcome.ticket) return null;
  const ticket = outcome.ticket;
  const reprintButton = !selfService && reprintable(outcome) && (
    <button type="button" className="btn btn--ghost badge-status__action" data-testid="badge-reprint" onClick={() => desk.reprint(ticket)}>
      {line('badge.reprint')}
    </button>
  );

  const state = job?.state ?? (outcome.checkIn.badge ? 'printing' : undefined);
  if (state === 'failed') {
    return (
      <div className="badge-status badge-status--failed" role="alert" data-testid="badge-status" data-badge-state="failed">
        <span className="badge-status__text">
          <strong>{line('badge.failed')}</strong>
          <span className="badge-status__detail">{job?.interrupted ? line('badge.interrupted') : job?.error}</span>
        </span>
        <button type="button" className="btn badge-status__action" data-testid="badge-retry" onClick={() => desk.retry(outcome.checkIn.id)}>
          {line('badge.retry')}
        </button>
      </div>
    );
  }
  if (state === 'printing') {
    return <div className="badge-status badge-status--printing" data-testid="badge-status" data-badge-state="printing">{line('badge.printing')}</div>;
  }
  if (state === 'printed') {
    return (
      <div className="badge-status badge-status--printed" data-testid="badge-status" data-badge-state="printed">
        <span>{line(desk.silent ? 'badge.printed' : 'badge.dialog')}</span>
        {reprintButton}
      </div>
    );
  }
  // Self-service: the attendee is told the badge exists (staff reprint it at the desk), with no button.
  if (!reprintButton && !(selfService && reprintable(outcome))) return null;
  return (
    <div className="badge-status badge-status--issued" data-testid="badge-status" data-badge-state="issued">
      <span>{line('badge.issued')}</span>
      {reprintButton}
    </div>
  );
}

/** Badges that did not print, kept on the scan screen after their verdict is gone. */
export function BadgeFailures() {
  const { ko, en, both } = useBilingual();
  const desk = useBadgeDesk();
  const failed = useFailedBadges();
  if (failed.length === 0) return null;
  return (
    <div className="badge-failures" role="alert" data-testid="badge-failures" data-count={failed.length}>
      <strong>
        {ko('badge.pending', { count: failed.length })} · {en('badge.pending', { count: failed.length })}
      </strong>
      <ul>
        {failed.map((j) => (
          <li key={j.key} data-badge-key={j.key}>
            <span className="badge-failures__name">{j.ticket.name}</span>
            <span className="badge-failures__error" data-interrupted={j.interrupted || undefined}>{j.interrupted ? both('badge.interrupted') : j.error}</span>
            <button type="button" className="btn" onClick={() => desk.retry(j.key)}>{ko('badge.retry')} · {en('badge.retry')}</button>
            <button type="button" className="btn btn--ghost" onClick={() => desk.dismiss(j.key)}>{ko('badge.dismiss')} · {en('badge.dismiss')}</button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A printer pictogram drawn inline: no kiosk font is sure to have one. */
export function PrinterIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
      <path d="M6 9V3h12v6" />
      <rect x="2" y="9" width="20" height="8" rx="2" />
      <path d="M6 14h12v7H6z" fill="currentColor" fillOpacity="0.25" />
    </svg>
  );
}
