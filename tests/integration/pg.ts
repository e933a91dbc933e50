// A throwaway PostgreSQL 15 cluster for integration tests: initdb in a temp
// folder, started on a free loopback port with durability off (it is thrown
// away) unless asked for production settings (benchmarks), stopped and deleted
// afterwards. initdb refuses to run as root, so as root every command runs as
// the `postgres` user (runuser).
// Also runnable: `tsx tests/integration/pg.ts` starts one, prints its URL and
// keeps it until Ctrl-C.

import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const PG_BIN = process.env.TURNOUT_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  url: string;
  stop(): void;
}

export function pgAvailable(): boolean {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function uidOf(user: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

export interface PgOptions {
  /**
   * PostgreSQL's own defaults for durability (fsync, synchronous_commit,
   * full_page_writes on), as a production upstream runs: benchmarks. Tests leave
   * them off, since the cluster is thrown away.
   */
  durable?: boolean;
}

export async function startPgCluster(opts: PgOptions = {}): Promise<PgCluster> {
  if (!pgAvailable()) throw new Error(`PostgreSQL binaries not found in ${PG_BIN}`);
  const root = userInfo().uid === 0;
  const pgUser = root ? uidOf('postgres') : null;
  if (root && !pgUser) throw new Error('Running as root and there is no postgres user to run initdb as');

  const dir = mkdtempSync(join(tmpdir(), 'turnout-pg-'));
  chmodSync(dir, 0o700);
  if (pgUser) chownSync(dir, pgUser.uid, pgUser.gid);
  const data = join(dir, 'data');
  const run = (bin: string, args: string[]) => {
    const cmd = join(PG_BIN, bin);
    const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    return execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  };

  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${dir}`,
      ...(opts.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
      '-c max_connections=200',
    ].join(' ');
    run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop() {
        try {
          run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
        }
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const e = err as { stderr?: string; message: string };
    throw new Error(`Could not start PostgreSQL: ${e.stderr || e.message}`, { cause: err });
  }
}

if (process.argv[1] && /tests[\\/]integration[\\/]pg\.ts$/.test(process.argv[1])) {
  const cluster = await startPgCluster();
  process.stdout.write(`${cluster.url}\n`);
  const stop = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => undefined, 1 << 30);
}
