// The scan screen's storage warning, readable from the desk: a yellow bar when
// free space runs low, a red one when it is nearly gone (the sync was pushed
// already; staff are offered the export, behind the staff PIN). Nothing when all
// is well — attendees never see it then.
import type { StorageStatus } from '../../core/kiosk-api';
import { useBilingual } from './KioskContext';
import { formatBytes } from './SyncHealth';

export function StorageBanner({ status, onExport, syncing }: { status: StorageStatus | null; onExport?: () => void; syncing: boolean }) {
  const { ko, en } = useBilingual();
  if (!status || status.level === 'ok') return null;
  const free = formatBytes(status.freeBytes);
  const critical = status.level === 'critical';
  const action = syncing ? 'storage.criticalAction' : 'storage.criticalActionLocal';
  return (
    <div className={`storage-banner storage-banner--${status.level}`} role="alert" data-testid="storage-banner" data-level={status.level}>
      <div className="storage-banner__text">
        <strong>{ko(`storage.${status.level}`, { free })}</strong>
        <span>{en(`storage.${status.level}`, { free })}</span>
        {/* "Sync started" only where there is an upstream to sync with. */}
        {critical && <span className="storage-banner__action">{ko(action)} · {en(action)}</span>}
      </div>
      {critical && onExport && (
        <button type="button" className="btn btn--danger" data-testid="storage-export" onClick={onExport}>
          {ko('storage.export')} · {en('storage.export')}
        </button>
      )}
    </div>
  );
}
