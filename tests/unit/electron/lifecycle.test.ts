// Keeping the kiosk alive, without Electron: no Electron binary can run here, so
// the lifecycle functions get EventEmitter fakes for app / webContents and a manual
// timer queue (dependency injection). Covers: a crashed renderer reloaded (with a
// back-off), a GPU process gone → reload, a hung renderer killed, the single
// instance lock, the display kept awake, quitting.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  acquireSingleInstance,
  crashBackoffMs,
  createQuitController,
  keepDisplayAwake,
  watchGpuProcess,
  watchRendererHealth,
} from '../../../electron/lifecycle';
import { memoryLogger } from '../../../electron/log';
import { fakeTimers } from './fakes';

function watched(opts: { quitting?: boolean } = {}) {
  const contents = new EventEmitter();
  const timers = fakeTimers();
  const log = memoryLogger();
  let reloads = 0;
  let kills = 0;
  watchRendererHealth(contents, {
    log,
    reload: () => (reloads += 1),
    schedule: timers.schedule,
    now: timers.now,
    killHungRenderer: () => (kills += 1),
    isQuitting: () => opts.quitting ?? false,
  });
  return { contents, timers, log, reloads: () => reloads, kills: () => kills };
}

describe('renderer health', () => {
  it('reloads a crashed renderer and logs why', () => {
    const w = watched();
    w.contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(w.timers.runAll()).toEqual([0]);
    expect(w.reloads()).toBe(1);
    expect(w.log.entries).toContainEqual(expect.objectContaining({ level: 'error', message: 'renderer process gone; reloading', data: expect.objectContaining({ reason: 'crashed' }) }));
  });

  it('backs off when the renderer keeps crashing, and forgets after a minute', () => {
    const w = watched();
    const delays: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      w.contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
      delays.push(...w.timers.runAll());
      w.timers.advance(1000);
    }
    expect(delays).toEqual([0, 1000, 2000, 4000]);
    w.timers.advance(61_000);
    w.contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 0 });
    expect(w.timers.runAll()).toEqual([0]);
    expect(crashBackoffMs(20)).toBe(30_000);
  });

  it('does not reload while staff are quitting', () => {
    const w = watched({ quitting: true });
    w.contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 0 });
    expect(w.timers.pending()).toHaveLength(0);
  });

  it('kills a renderer hung for 30 s (then the crash path reloads it), but not one that recovers', () => {
    const w = watched();
    w.contents.emit('unresponsive');
    w.contents.emit('unresponsive');
    expect(w.timers.pending().map((t) => t.ms)).toEqual([30_000]);
    w.contents.emit('responsive');
    expect(w.timers.runAll()).toEqual([]);
    expect(w.kills()).toBe(0);
    w.contents.emit('unresponsive');
    w.timers.runAll();
    expect(w.kills()).toBe(1);
  });

  it('retries a main-frame load failure, ignoring aborts and subframes', () => {
    const w = watched();
    w.contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://kiosk/', true);
    w.contents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'https://x/', false);
    expect(w.timers.pending()).toHaveLength(0);
    w.contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://kiosk/', true);
    expect(w.timers.runAll()).toEqual([2000]);
    expect(w.reloads()).toBe(1);
  });
});

describe('GPU process', () => {
  it('reloads the page when the GPU process dies, not for other children or clean exits', () => {
    const app = new EventEmitter();
    const log = memoryLogger();
    let reloads = 0;
    watchGpuProcess(app, { log, reload: () => (reloads += 1) });
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 1 });
    expect(reloads).toBe(1);
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'clean-exit', exitCode: 0 });
    app.emit('child-process-gone', {}, { type: 'Utility', reason: 'crashed', exitCode: 1 });
    expect(reloads).toBe(1);
    expect(log.entries.map((e) => e.message)).toEqual(['GPU process gone; reloading', 'child process gone']);
  });
});

describe('single instance, display, quit', () => {
  const fakeApp = (lock: boolean) => Object.assign(new EventEmitter(), { quits: 0, requestSingleInstanceLock: () => lock, quit() { this.quits += 1; } });

  it('quits a second instance, and focuses the first when one is launched', () => {
    const second = fakeApp(false);
    expect(acquireSingleInstance(second, () => undefined, memoryLogger())).toBe(false);
    expect(second.quits).toBe(1);

    const first = fakeApp(true);
    let focused = 0;
    expect(acquireSingleInstance(first, () => (focused += 1), memoryLogger())).toBe(true);
    first.emit('second-instance', {}, [], '/');
    expect(focused).toBe(1);
    expect(first.quits).toBe(0);
  });

  it('keeps the display awake', () => {
    const started: string[] = [];
    expect(keepDisplayAwake({ start: (t) => (started.push(t), 7) }, memoryLogger())).toBe(7);
    expect(started).toEqual(['prevent-display-sleep']);
  });

  it('quits once, after the reply has gone out', () => {
    const timers = fakeTimers();
    let quits = 0;
    const q = createQuitController({ quit: () => (quits += 1) }, timers.schedule, memoryLogger());
    expect(q.isQuitting()).toBe(false);
    q.quit();
    q.quit();
    expect(quits).toBe(0);
    timers.runAll();
    expect(quits).toBe(1);
    expect(q.isQuitting()).toBe(true);
  });
});
