// Plain fakes for the Electron objects the shell's modules take as parameters.
// No Electron binary can run on the test machines, so nothing here (or in the
// tests) imports 'electron' at runtime; only types come from it.
import { EventEmitter } from 'node:events';
import type { Schedule } from '../../../electron/lifecycle';

/** An event the guards can cancel, like Electron's. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: 'deny' | 'allow' }) | null = null;
  zoomLimits: [number, number] | null = null;
  loaded: string[] = [];
  url = 'app://kiosk/index.html';
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  async setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.zoomLimits = [min, max];
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  getURL(): string {
    return this.url;
  }
}

/** A manual clock and timer queue: `schedule` records, `runAll` fires. */
export function fakeTimers(start = 1_000_000) {
  let now = start;
  const pending: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const schedule: Schedule = (run, ms) => {
    const task = { run, ms, cancelled: false };
    pending.push(task);
    return () => {
      task.cancelled = true;
    };
  };
  return {
    schedule,
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    pending: () => pending.filter((t) => !t.cancelled),
    runAll() {
      const due = pending.splice(0).filter((t) => !t.cancelled);
      for (const t of due) t.run();
      return due.map((t) => t.ms);
    },
  };
}
