// The sync indicator contract: data-sync-state (the engine's live state; "offline"
// when not paired) and data-outbox (kept live from the outbox index).
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { outboxCount } from '../storage/checkin';
import { useKiosk } from './KioskContext';
import { useSyncStatus } from './useSync';

export type SyncState = 'online' | 'offline' | 'syncing' | 'error';

export function SyncIndicator() {
  const { db, sync } = useKiosk();
  const { t } = useTranslation();
  const status = useSyncStatus(sync);
  const outbox = useLiveQuery(() => outboxCount(db), [db]) ?? 0;
  const state: SyncState = status?.state ?? 'offline';
  const problem = status && (status.state === 'error' || status.state === 'offline') ? status.lastError : undefined;
  const progress = status?.state === 'syncing' ? status.progress : undefined;
  const title = [
    t(`sync.${state}`),
    status?.lastSyncAt ? t('sync.lastSync', { time: new Date(status.lastSyncAt).toLocaleTimeString() }) : '',
    // The message in the kiosk's language; the raw text is on the staff screen's health panel.
    problem ? t(`error.sync.${problem.kind}`) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <div
      className={`sync sync--${state}`}
      data-sync-state={state}
      data-outbox={outbox}
      data-error={problem?.kind}
      title={title}
    >
      <span className="sync__dot" aria-hidden />
      <span>{t(`sync.${state}`)}</span>
      {progress?.total ? <span className="sync__progress">{t('sync.progress', { done: progress.done, total: progress.total })}</span> : null}
      <span className="sync__outbox">{t('sync.outbox', { count: outbox })}</span>
    </div>
  );
}
