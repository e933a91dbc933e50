// The storage guard in main: statfs of the data folder at start and on a timer,
// the level by the thresholds, a log line when the level changes (and at every
// critical check), and a real statfs of this machine's temp folder.
import { describe, expect, it } from 'vitest';
import { GiB, MiB, storageLevel } from '../../../core/kiosk-api';
import { memoryLogger } from '../../../electron/log';
import { createStorageGuard, DEFAULT_GUARD_INTERVAL_MS, type StatFsLike } from '../../../electron/storage-guard';
import { fakeTimers } from '../electron/fakes';
import { tempDir } from './helpers';

const disk = (freeBytes: number, totalBytes = 100 * GiB): StatFsLike => ({ bsize: 4096, blocks: totalBytes / 4096, bavail: Math.floor(freeBytes / 4096) });

describe('storage levels', () => {
  it('ok, warning under 1 GiB or 10 %, critical under 200 MiB', () => {
    expect(storageLevel(50 * GiB, 100 * GiB)).toBe('ok');
    expect(storageLevel(9 * GiB, 100 * GiB)).toBe('warning');
    expect(storageLevel(900 * MiB, 2 * GiB)).toBe('warning');
    expect(storageLevel(199 * MiB, 200 * MiB)).toBe('critical');
  });
});

describe('createStorageGuard', () => {
  it('checks at start and every interval, logging level changes and every critical check', async () => {
    const timers = fakeTimers();
    const log = memoryLogger();
    let free = 50 * GiB;
    const guard = createStorageGuard({ dir: '/data', log, schedule: timers.schedule, now: timers.now, statfs: async () => disk(free), journalSize: async () => ({ bytes: 1234, files: 2 }) });
    guard.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(guard.latest()).toMatchObject({ level: 'ok', source: 'disk', freeBytes: 50 * GiB, totalBytes: 100 * GiB, journal: { bytes: 1234, files: 2 }, path: '/data' });
    expect(timers.pending().map((t) => t.ms)).toEqual([DEFAULT_GUARD_INTERVAL_MS]);
    free = 800 * MiB;
    timers.runAll();
    await new Promise((r) => setTimeout(r, 0));
    free = 100 * MiB;
    timers.runAll();
    await new Promise((r) => setTimeout(r, 0));
    timers.runAll();
    await new Promise((r) => setTimeout(r, 0));
    expect(log.entries.map((e) => [e.level, e.message])).toEqual([
      ['info', 'disk space'],
      ['warn', 'disk space low'],
      ['error', 'disk almost full: check-ins may soon fail to save'],
      ['error', 'disk almost full: check-ins may soon fail to save'],
    ]);
    expect(log.entries[2]?.data).toMatchObject({ level: 'critical', freeMiB: 100 });
    guard.stop();
    expect(timers.pending()).toEqual([]);
  });

  it('keeps watching after a failed check', async () => {
    const timers = fakeTimers();
    const log = memoryLogger();
    const guard = createStorageGuard({ dir: '/gone', log, schedule: timers.schedule, statfs: async () => { throw new Error('ENOENT'); } });
    guard.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(log.entries).toMatchObject([{ level: 'warn', message: 'disk space check failed' }]);
    expect(timers.pending()).toHaveLength(1);
    await expect(guard.check()).rejects.toThrow('ENOENT');
    guard.stop();
  });

  it('measures a real folder with fs.statfs', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const status = await createStorageGuard({ dir, log: memoryLogger(), schedule: () => () => undefined }).check();
      expect(status.totalBytes).toBeGreaterThan(0);
      expect(status.freeBytes).toBeGreaterThan(0);
      expect(status.freeBytes).toBeLessThanOrEqual(status.totalBytes);
      expect(status.journal).toBeNull();
    } finally {
      cleanup();
    }
  });
});
