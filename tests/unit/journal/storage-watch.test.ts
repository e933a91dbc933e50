// The kiosk's storage watch (renderer/storage/storage-watch.ts): critical pushes a
// sync once per episode, check-ins re-measure at most every few seconds, and a
// failed measurement keeps the last known level instead of hiding the warning.
import { describe, expect, it } from 'vitest';
import { fail, ok, storageLevel, type Result, type StorageStatus } from '../../../core/kiosk-api';
import { StorageWatch } from '../../../renderer/storage/storage-watch';

const MiB = 1024 ** 2;
const status = (freeMiB: number): StorageStatus => ({
  level: storageLevel(freeMiB * MiB, 64 * 1024 * MiB),
  source: 'disk',
  freeBytes: freeMiB * MiB,
  totalBytes: 64 * 1024 * MiB,
  journal: { bytes: 0, files: 0 },
  path: '/data',
  checkedAt: '2025-09-10T01:00:00.000Z',
});

function setup(readings: Result<StorageStatus>[]) {
  let clock = 0;
  const pushes: number[] = [];
  let measured = 0;
  const watch = new StorageWatch({
    measure: async () => readings[Math.min(measured++, readings.length - 1)]!,
    onCritical: () => pushes.push(clock),
    now: () => clock,
    minGapMs: 10_000,
  });
  return { watch, pushes, measured: () => measured, tick: (ms: number) => (clock += ms) };
}

describe('storage watch', () => {
  it('pushes a sync when the disk turns critical, once per episode', async () => {
    const { watch, pushes, tick } = setup([ok(status(20_000)), ok(status(600)), ok(status(150)), ok(status(120)), ok(status(20_000)), ok(status(100))]);
    const levels: string[] = [];
    watch.subscribe(() => levels.push(watch.getStatus()!.level));
    for (let i = 0; i < 6; i++) {
      await watch.check();
      tick(60_000);
    }
    expect(levels).toEqual(['ok', 'warning', 'critical', 'critical', 'ok', 'critical']);
    expect(pushes).toEqual([120_000, 300_000]);
  });

  it('re-measures after check-ins at most once per gap, and joins a measurement in flight', async () => {
    const { watch, measured, tick } = setup([ok(status(5000))]);
    await watch.check();
    watch.nudge();
    tick(9_999);
    watch.nudge();
    expect(measured()).toBe(1);
    tick(1);
    watch.nudge();
    watch.nudge();
    await Promise.all([watch.check(), watch.check()]);
    expect(measured()).toBe(2);
  });

  it('keeps the last level when a measurement fails', async () => {
    const { watch, pushes } = setup([ok(status(150)), fail('io_error', 'statfs failed')]);
    await watch.check();
    await watch.check();
    expect(watch.getStatus()?.level).toBe('critical');
    expect(pushes).toHaveLength(1);
  });
});
