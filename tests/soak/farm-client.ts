// Starts the soak's kiosk farm (tests/soak/farm.ts) as a child process with its
// own heap (and --expose-gc, for memory readings) and talks to it over IPC.

import { fork } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/server-process';
import type { FarmRequest } from './farm';

export interface Farm {
  request(msg: FarmRequest): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startFarm(): Promise<Farm> {
  const child = fork(join(REPO_ROOT, 'tests/soak/farm.ts'), [], {
    cwd: REPO_ROOT,
    execPath: process.execPath,
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 1;
  let exited: string | undefined;
  child.on('message', (raw: { id: number; ok: boolean; value?: unknown; error?: string }) => {
    const p = pending.get(raw.id);
    pending.delete(raw.id);
    if (raw.ok) p?.resolve(raw.value);
    else p?.reject(new Error(`farm: ${raw.error}`));
  });
  const done = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = `farm exited (${signal ?? code})`;
      for (const p of pending.values()) p.reject(new Error(exited));
      pending.clear();
      resolve();
    }),
  );
  process.once('exit', () => child.kill('SIGKILL'));
  return {
    request(msg) {
      if (exited) return Promise.reject(new Error(exited));
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, msg });
      });
    },
    async stop() {
      if (!exited) {
        child.send({ id: 0, msg: { type: 'stop' } });
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await done;
        clearTimeout(t);
      }
    },
  };
}
