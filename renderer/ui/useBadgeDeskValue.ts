// The desk's badge actions for BadgeDeskContext (provided by App's Ready): the
// live setting, retry and dismiss of failed badges, and the reprint waiting
// behind the staff PIN (App shows the PIN pad while `pending` is set). Badges not
// printed are kept in the database across restarts (badge/persist.ts).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LocalizedText, Ticket } from '../../core/model';
import { badgeJobs, DEFAULT_BADGE_SETTINGS, retryBadge } from '../badge';
import { trackOpenBadges } from '../badge/persist';
import { getPlatform } from '../platform';
import type { TurnoutDb } from '../storage/db';
import { useBadgeSettings, type BadgeDesk } from './BadgeDesk';

type Target = Pick<Ticket, 'code' | 'name'>;

export function useBadgeDeskValue(db: TurnoutDb, event: LocalizedText, openPin: () => void): BadgeDesk {
  const settings = useBadgeSettings(db) ?? DEFAULT_BADGE_SETTINGS;
  const [pending, setPending] = useState<Target | null>(null);
  const clearPending = useCallback(() => setPending(null), []);
  // Badges not printed when the page went away come back with their retry; from now on they are kept.
  useEffect(() => trackOpenBadges(db, badgeJobs, (err) => console.warn('badges not printed could not be kept', err)), [db]);
  return useMemo<BadgeDesk>(
    () => ({
      settings,
      silent: getPlatform().silentPrint,
      retry: (key) => void retryBadge(key, { db, event }),
      dismiss: (key) => badgeJobs.dismiss(key),
      reprint: (ticket) => {
        setPending({ code: ticket.code, name: ticket.name });
        openPin();
      },
      pending,
      clearPending,
    }),
    [settings, db, event, openPin, pending, clearPending],
  );
}
