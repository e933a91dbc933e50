// The storage watch in React: one StorageWatch (renderer/storage/storage-watch.ts)
// per ready kiosk, measuring at start and every few minutes, pushing the sync
// engine when the disk turns critical; screens read its status.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { StorageStatus } from '../../core/kiosk-api';
import { getPlatform } from '../platform';
import { STORAGE_WATCH_MS, StorageWatch } from '../storage/storage-watch';
import type { SyncEngine } from '../sync/engine';

export function useStorageWatch(sync: SyncEngine | null, intervalMs = STORAGE_WATCH_MS): StorageWatch {
  const [watch] = useState(() => new StorageWatch({ measure: () => getPlatform().storageStatus() }));
  useEffect(() => {
    watch.setOnCritical(sync ? () => void sync.syncNow() : undefined);
  }, [watch, sync]);
  useEffect(() => {
    void watch.check();
    const timer = setInterval(() => void watch.check(), intervalMs);
    return () => clearInterval(timer);
  }, [watch, intervalMs]);
  return watch;
}

export function useStorageStatus(watch: StorageWatch | null): StorageStatus | null {
  return useSyncExternalStore(watch ? watch.subscribe : noSubscribe, watch ? watch.getStatus : noStatus);
}

const noSubscribe = () => () => undefined;
const noStatus = () => null;
