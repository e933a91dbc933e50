// Keeping the kiosk alive and alone: one instance per data folder, the display
// kept awake, a renderer or GPU process that dies is logged and the page reloaded
// (with a back-off so a crash loop doesn't spin), a page that fails to load is
// retried, and quitting happens only when staff asked for it.
import type { Logger } from './log';
import type { Emitter } from './types';

export type { Emitter };

export interface SingleInstanceApp extends Emitter {
  requestSingleInstanceLock(): boolean;
  quit(): void;
}

/** Returns false (and quits) when another kiosk already runs on this data folder. */
export function acquireSingleInstance(app: SingleInstanceApp, onSecondInstance: () => void, log: Logger): boolean {
  if (!app.requestSingleInstanceLock()) {
    log.warn('another instance is running; quitting');
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    log.info('second launch: focusing the kiosk');
    onSecondInstance();
  });
  return true;
}

export interface PowerSaveBlockerLike {
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number;
}

export function keepDisplayAwake(blocker: PowerSaveBlockerLike, log: Logger): number {
  const id = blocker.start('prevent-display-sleep');
  log.info('display kept awake', { blockerId: id });
  return id;
}

/** Cancels a scheduled call. */
export type Cancel = () => void;
export type Schedule = (run: () => void, ms: number) => Cancel;

export interface HealthOptions {
  log: Logger;
  /** Loads the start page again. */
  reload: () => void;
  schedule: Schedule;
  now: () => number;
  /** Ask the OS to end a hung renderer, so `render-process-gone` reloads it. */
  killHungRenderer?: () => void;
  /** How long a renderer may be unresponsive before it is killed. */
  hangMs?: number;
  /** True while staff are quitting: a renderer going away then is expected. */
  isQuitting?: () => boolean;
}

/** Reload delay for the nth crash inside a minute: 0, 1 s, 2 s, 4 s … capped at 30 s. */
export function crashBackoffMs(recentCrashes: number): number {
  if (recentCrashes <= 1) return 0;
  return Math.min(30_000, 1000 * 2 ** (recentCrashes - 2));
}

interface GoneDetails {
  reason: string;
  exitCode?: number;
  type?: string;
}

/** Renderer crashes, hangs and failed loads of the kiosk page. */
export function watchRendererHealth(contents: Emitter, options: HealthOptions): void {
  const { log, reload, schedule, now } = options;
  const crashes: number[] = [];
  let hang: Cancel | null = null;

  contents.on('render-process-gone', (_event: unknown, details: GoneDetails) => {
    if (options.isQuitting?.()) return;
    const t = now();
    crashes.push(t);
    while (crashes.length > 0 && (crashes[0] ?? t) < t - 60_000) crashes.shift();
    const delay = crashBackoffMs(crashes.length);
    log.error('renderer process gone; reloading', { reason: details.reason, exitCode: details.exitCode, delayMs: delay, recentCrashes: crashes.length });
    schedule(() => reload(), delay);
  });

  contents.on('unresponsive', () => {
    log.warn('renderer unresponsive');
    if (!options.killHungRenderer || hang) return;
    hang = schedule(() => {
      hang = null;
      log.error('renderer hung; restarting it');
      options.killHungRenderer?.();
    }, options.hangMs ?? 30_000);
  });
  contents.on('responsive', () => {
    hang?.();
    hang = null;
    log.info('renderer responsive again');
  });

  contents.on('did-fail-load', (_event: unknown, errorCode: number, errorDescription: string, url: string, isMainFrame: boolean) => {
    // -3 is ERR_ABORTED: a navigation we cancelled ourselves.
    if (!isMainFrame || errorCode === -3 || options.isQuitting?.()) return;
    log.error('kiosk page failed to load; retrying', { errorCode, errorDescription, url });
    schedule(() => reload(), 2000);
  });
}

/** The GPU process going away can leave a black screen: reload the page. */
export function watchGpuProcess(app: Emitter, options: Pick<HealthOptions, 'log' | 'reload' | 'isQuitting'>): void {
  app.on('child-process-gone', (_event: unknown, details: GoneDetails) => {
    if (details.type !== 'GPU') {
      options.log.warn('child process gone', { type: details.type, reason: details.reason });
      return;
    }
    if (details.reason === 'clean-exit' || options.isQuitting?.()) return;
    options.log.error('GPU process gone; reloading', { reason: details.reason, exitCode: details.exitCode });
    options.reload();
  });
}

export interface QuitController {
  /** Quit soon: after the IPC reply that asked for it has gone out. */
  quit(): void;
  isQuitting(): boolean;
}

export function createQuitController(app: { quit(): void }, schedule: Schedule, log: Logger): QuitController {
  let quitting = false;
  return {
    quit() {
      if (quitting) return;
      quitting = true;
      log.info('staff quit');
      schedule(() => app.quit(), 50);
    },
    isQuitting: () => quitting,
  };
}
