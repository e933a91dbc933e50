// Sync health for staff: the engine's state, the outbox (live from its index),
// the last successful sync and last error (said in the kiosk's language, the raw text under it), and the browser's storage: usage,
// quota and whether persistent storage was granted.
import { getPlatform } from '../platform';
import { useEffect, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { outboxCount } from '../storage/checkin';
import { getLastSyncAt } from '../storage/sync-meta';
import { useKiosk } from './KioskContext';
import { useSyncStatus } from './useSync';
import { useStorageStatus } from './useStorageWatch';
import { ErrorDetail } from './ErrorDetail';

interface StorageInfo {
  usage?: number;
  quota?: number;
  persisted: boolean | 'unsupported';
}

async function readStorage(): Promise<StorageInfo> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return { persisted: 'unsupported' };
  const [estimate, persisted] = await Promise.all([
    storage.estimate().catch(() => undefined),
    storage.persisted ? storage.persisted().catch(() => false) : Promise.resolve<'unsupported'>('unsupported'),
  ]);
  return { usage: estimate?.usage, quota: estimate?.quota, persisted };
}

export function formatBytes(n: number | undefined): string {
  if (n === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

export function SyncHealth() {
  const { db, sync, pairing, storage: watch } = useKiosk();
  const disk = useStorageStatus(watch);
  const { t } = useTranslation();
  const status = useSyncStatus(sync);
  const outbox = useLiveQuery(() => outboxCount(db), [db]) ?? 0;
  const storedLastSync = useLiveQuery(() => getLastSyncAt(db), [db]);
  const [storage, setStorage] = useState<StorageInfo | null>(null);
  useEffect(() => {
    let live = true;
    void readStorage().then((s) => live && setStorage(s));
    return () => {
      live = false;
    };
  }, [outbox]);

  const lastSync = status?.lastSyncAt ?? storedLastSync;
  const problem = status && (status.state === 'error' || status.state === 'offline') ? status.lastError : undefined;
  const state = status?.state ?? 'offline';
  const persisted = storage?.persisted === 'unsupported' ? t('health.unsupported') : storage?.persisted ? t('health.granted') : t('health.denied');
  const rows: [string, ReactNode, Record<string, string | number>][] = [
    [t('health.state'), t(`sync.${state}`), { 'data-state': state }],
    [t('health.outbox'), outbox.toLocaleString(), { 'data-outbox': outbox }],
    [t('health.lastSync'), lastSync ? new Date(lastSync).toLocaleString() : t('health.never'), {}],
    [t('health.storage'), t('health.storageOf', { used: formatBytes(storage?.usage), quota: formatBytes(storage?.quota) }), { 'data-usage': storage?.usage ?? '' }],
    [
      t(disk?.source === 'quota' ? 'storage.levelQuota' : 'storage.level'),
      disk ? t('storage.levelOf', { free: formatBytes(disk.freeBytes), total: formatBytes(disk.totalBytes), level: t(`storage.level_${disk.level}`) }) : '—',
      { 'data-storage-level': disk?.level ?? '', 'data-storage-source': disk?.source ?? '' },
    ],
    [t('health.persisted'), persisted, { 'data-persisted': String(storage?.persisted ?? '') }],
    // Browser mode has no journal: say plainly that this kiosk keeps a single copy.
    [t('health.copies'), getPlatform().journal ? t('health.journalOn') : t('health.journalOff'), { 'data-journal': getPlatform().journal ? 'on-disk' : 'none' }],
    [
      t('health.lastError'),
      problem ? (
        <>
          <span data-testid="sync-last-error">{t(`error.sync.${problem.kind}`)}</span> <ErrorDetail detail={problem.message} />
        </>
      ) : (
        t('health.noError')
      ),
      { 'data-error': problem?.kind ?? '' },
    ],
  ];
  return (
    <section className="panel" data-testid="sync-health">
      <h3 className="panel__title">{t('health.title')}</h3>
      {!pairing && <p className="panel__note">{t('health.notPaired')}</p>}
      <dl className="health">
        {rows.map(([label, value, data]) => (
          <div key={label} className="health__row" {...data}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
