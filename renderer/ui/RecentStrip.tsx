// The desk's recent strip: this desk's last check-ins, newest first, each with its
// verdict (icon and words, never colour alone), venue time, who (name or code),
// and a sync mark per record — pending, sent, conflict — plus "undone" for a
// voided one. Admissions still within the undo window carry an Undo button.
// Read live from IndexedDB, so marks move as the sync engine acknowledges rows.
// Its items say `data-recent-verdict`, never `data-verdict`: that attribute is the
// verdict panel's contract (DESIGN.md), one element on the screen.
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { UNDO_LAST, undoRefusal } from '../../core/desk-rules';
import type { CheckIn, Ticket } from '../../core/model';
import { getTickets } from '../storage/roster-store';
import { recentOfDevice, type RecentRow } from '../storage/voids';
import { useKiosk } from './KioskContext';

export type SyncMark = 'pending' | 'sent' | 'conflict';

export const syncMark = (c: Pick<CheckIn, 'syncState'>): SyncMark =>
  c.syncState === 'pending' ? 'pending' : c.syncState === 'conflict' ? 'conflict' : 'sent';

const MARK_ICON: Record<SyncMark, string> = { pending: '◷', sent: '✓', conflict: '!' };

interface Props {
  onUndo(row: RecentRow, ticket: Ticket | undefined): void;
}

export function RecentStrip({ onUndo }: Props) {
  const { db, deviceId, now, config } = useKiosk();
  const { t } = useTranslation();
  const data = useLiveQuery(async () => {
    const rows = await recentOfDevice(db, deviceId, UNDO_LAST);
    const tickets = await getTickets(db, [...new Set(rows.map((r) => r.checkIn.code))]);
    return { rows, tickets };
  }, [db, deviceId]);
  // Undo buttons go away by themselves when their window closes.
  const [clock, setClock] = useState(() => now());
  useEffect(() => {
    const id = setInterval(() => setClock(now()), 5_000);
    return () => clearInterval(id);
  }, [now]);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: config.event.timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

  return (
    <aside className="recent" data-testid="recent-strip" aria-label={t('recent.title')}>
      <h2 className="recent__title">{t('recent.title')}</h2>
      {data && data.rows.length === 0 && <p className="recent__empty">{t('recent.empty')}</p>}
      <ol className="recent__list">
        {data?.rows.map((row) => {
          const c = row.checkIn;
          const ticket = data.tickets.get(c.code);
          const mark = syncMark(c);
          const voided = row.void !== undefined;
          const canUndo = undoRefusal(c, deviceId, clock, voided) === null;
          const tone = voided ? 'voided' : c.verdict === 'accepted' ? (c.direction === 'exit' ? 'exit' : 'accepted') : 'rejected';
          return (
            <li
              key={c.id}
              className={`recent__item recent__item--${tone}`}
              data-testid="recent-item"
              data-checkin-id={c.id}
              data-recent-verdict={c.verdict}
              data-sync={mark}
              data-voided={voided || undefined}
              data-void-sync={row.void ? (row.void.syncState === 'pending' ? 'pending' : 'sent') : undefined}
            >
              <span className="recent__icon" aria-hidden>{c.verdict === 'accepted' ? (c.direction === 'exit' ? '←' : '✓') : '✕'}</span>
              <span className="recent__who">
                <b>{ticket?.name || c.code}</b>
                <small>
                  {time.format(Date.parse(c.scannedAt))}
                  {' · '}
                  {c.verdict === 'accepted' ? t(c.direction === 'exit' ? 'verdict.exit' : 'verdict.accepted') : t(`reason.${c.reason ?? 'unknown_ticket'}`)}
                  {c.override && <> · <em>{t('recent.override')}</em></>}
                  {voided && <> · <em className="recent__voided">{t('recent.voided')}</em></>}
                </small>
              </span>
              <span className={`recent__mark recent__mark--${mark}`} data-testid="recent-mark" title={t(`recent.${mark}`)}>
                <span aria-hidden>{MARK_ICON[mark]}</span> {t(`recent.${mark}`)}
              </span>
              {canUndo && (
                <button type="button" className="btn btn--ghost recent__undo" data-testid="recent-undo" onClick={() => onUndo(row, ticket)}>
                  {t('undo.button')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
