// The upstream as a real OS process (`node --import tsx server/cli.ts serve`),
// as a venue runs it: for tests that need two server replicas, or a `kill -9`
// (SIGKILL: no shutdown, no flush) and a restart on the same port and data.
// No test-runner imports: Vitest and the soak script both use it.

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tests/support/). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcessOptions {
  /** Environment on top of this process's (TURNOUT_*, DATABASE_URL). */
  env: Record<string, string>;
  /** Port to listen on; 0 (default) picks a free one, which restarts keep. */
  port?: number;
  /** Extra `serve` arguments (e.g. `--demo`). */
  args?: string[];
  /** How long to wait for the server to listen, ms. */
  startTimeoutMs?: number;
  /** Name used in error messages. */
  name?: string;
}

export interface ServerProcess {
  readonly name: string;
  /** `http://127.0.0.1:PORT`, the same across restarts. */
  readonly url: string;
  readonly port: number;
  /** Pid of the running process (undefined while it is down). */
  readonly pid: number | undefined;
  readonly running: boolean;
  /** Signals the process and waits for it to exit (SIGKILL after 10 s). SIGKILL by default: a crash. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Starts it again (same port, same environment). */
  start(): Promise<void>;
  /** The last lines it printed (stdout and stderr), for failure messages. */
  output(): string;
}

const LISTENING = /Turnout server on (http:\/\/[^\s]+)/;

export async function spawnServer(opts: ServerProcessOptions): Promise<ServerProcess> {
  const name = opts.name ?? 'server';
  let port = opts.port ?? 0;
  let child: ChildProcess | undefined;
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(line);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  // A test that fails half-way must not leave servers behind.
  const reap = () => child?.kill('SIGKILL');
  process.once('exit', reap);

  const start = async (): Promise<void> => {
    if (child) return;
    const args = ['--import', 'tsx', 'server/cli.ts', 'serve', '--host', '127.0.0.1', '--port', String(port), ...(opts.args ?? [])];
    const proc = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      // Replicas sit behind a proxy that terminates TLS (README "Deploying at scale"):
      // plain HTTP on loopback here. Venue HTTPS has its own tests (tests/integration/server/tls.test.ts).
      env: { ...process.env, TURNOUT_LOG_LEVEL: 'warn', TURNOUT_TLS: 'off', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
    void exited.then(() => {
      if (child === proc) child = undefined;
    });
    proc.stderr!.on('data', keep);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not listen within ${opts.startTimeoutMs ?? 90_000} ms:\n${lines.join('\n')}`)), opts.startTimeoutMs ?? 90_000);
      proc.stdout!.on('data', (chunk: Buffer) => {
        keep(chunk);
        const m = LISTENING.exec(chunk.toString('utf8'));
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      void exited!.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${signal ?? code}) before listening:\n${lines.join('\n')}`));
      });
    });
    port = Number(new URL(url).port);
  };

  await start();
  return {
    name,
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get pid() {
      return child?.pid;
    },
    get running() {
      return child !== undefined;
    },
    async kill(signal = 'SIGKILL') {
      const proc = child;
      if (!proc || !exited) return { code: null, signal: null };
      proc.kill(signal);
      // A graceful stop that hangs (a connection that never ends) becomes a kill.
      const force = signal === 'SIGKILL' ? undefined : setTimeout(() => proc.kill('SIGKILL'), 10_000);
      const result = await exited;
      clearTimeout(force);
      if (child === proc) child = undefined;
      return result;
    },
    start,
    output: () => lines.join('\n'),
  };
}
