// On the self-service attract screen: how many badges did not print (a failed or
// cut-off print whose attendee has walked away), so a badge never goes missing
// unnoticed on a kiosk nobody staffs. A count only — no names on this screen,
// which strangers read. Staff retry or dismiss them from the desk screen (behind
// the PIN), where BadgeFailures lists them by name.
import { useSyncExternalStore } from 'react';
import { badgeJobs } from '../../badge';
import { useBilingual } from '../KioskContext';
import './badge-notice.css';

export function SelfBadgeNotice() {
  const { ko, en } = useBilingual();
  const count = useSyncExternalStore(
    (l) => badgeJobs.subscribe(l),
    () => badgeJobs.failed().length,
  );
  if (count === 0) return null;
  return (
    <p className="self-badge-notice" role="status" data-testid="self-badge-notice" data-count={count} data-no-start>
      <span aria-hidden>⚠</span> {ko('badge.selfPending', { count })} · <span lang="en">{en('badge.selfPending', { count })}</span>
    </p>
  );
}
