// The sync indicator contract: data-sync-state and data-outbox, kept live from the
// outbox index. Until the upstream exists the kiosk is honestly "offline".
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { outboxCount } from '../storage/checkin';
import { useKiosk } from './KioskContext';

export type SyncState = 'online' | 'offline' | 'syncing' | 'error';

export function SyncIndicator({ state = 'offline' }: { state?: SyncState }) {
  const { db } = useKiosk();
  const { t } = useTranslation();
  const outbox = useLiveQuery(() => outboxCount(db), [db]) ?? 0;
  return (
    <div className={`sync sync--${state}`} data-sync-state={state} data-outbox={outbox} title={t(`sync.${state}`)}>
      <span className="sync__dot" aria-hidden />
      <span>{t(`sync.${state}`)}</span>
      <span className="sync__outbox">{t('sync.outbox', { count: outbox })}</span>
    </div>
  );
}
