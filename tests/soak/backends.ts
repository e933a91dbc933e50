// The upstream under soak, as real server processes: one on SQLite, one on
// PostgreSQL, or two replicas on one PostgreSQL. Each is seeded with the demo
// event (`serve --demo --tickets N`), trusts the soak's proxy lanes for client
// addresses (TURNOUT_TRUST_PROXY) and serves the built kiosk for the Chromium
// desks. Also reads the server's database directly for the final count.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { spawnServer, type ServerProcess } from '../support/server-process';

export type BackendKind = 'sqlite' | 'postgres' | 'replicas';
export const BACKENDS: BackendKind[] = ['sqlite', 'postgres', 'replicas'];

export const SOAK_ADMIN = 'soak-admin-token-0123456789abcdef';

export interface ServerRow {
  id: string;
  seq: number;
  code: string;
  checkpoint_id: string;
  device_id: string;
  direction: string;
  verdict: string;
  reason: string | null;
  scanned_at: string;
  scanned_at_ms: number;
  day: string;
  clock_offset_ms: number | null;
  status: string;
  override_by: string | null;
}

export interface ServerVoid {
  id: string;
  seq: number;
  checkin_id: string;
  device_id: string;
}

export interface Backend {
  kind: BackendKind;
  servers: ServerProcess[];
  /** Every check-in row, by seq. */
  rows(): Promise<ServerRow[]>;
  /** Every void (undo) row, by seq. */
  voids(): Promise<ServerVoid[]>;
  /** The highest check-in seq (0 when none). */
  maxSeq(): Promise<number>;
  /** Every device's clock offset at its last heartbeat, and when that was (server ms). */
  devices(): Promise<{ id: string; clock_offset_ms: number | null; last_seen_at: number | null }[]>;
  admin(path: string, init?: { method?: string; json?: unknown; csv?: string }, server?: ServerProcess): Promise<Response>;
  close(): Promise<void>;
}

const COLUMNS = 'id, seq, code, checkpoint_id, device_id, direction, verdict, reason, scanned_at, scanned_at_ms, day, clock_offset_ms, status, override_by';

async function freshPgDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `turnout_soak_${Math.random().toString(36).slice(2, 10)}`;
  const q = async (sql: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await q(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => q(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function startBackend(kind: BackendKind, opts: { pgUrl?: string; roster: number; kioskDir: string }): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'turnout-soak-'));
  const pgDb = kind === 'sqlite' ? undefined : await freshPgDatabase(opts.pgUrl ?? fail('PostgreSQL URL needed'));
  const env: Record<string, string> = {
    TURNOUT_ADMIN_TOKEN: SOAK_ADMIN,
    TURNOUT_KIOSK_DIR: opts.kioskDir,
    TURNOUT_TRUST_PROXY: '127.0.0.1',
    ...(pgDb ? { DATABASE_URL: pgDb.url } : { TURNOUT_DATA_DIR: dir }),
  };
  const seed = ['--demo', '--tickets', String(opts.roster)];
  // Replicas start together (their migrations race); only the first seeds.
  const servers = await Promise.all(
    (kind === 'replicas' ? ['replica A', 'replica B'] : [kind]).map((name, i) => spawnServer({ env, name, args: i === 0 ? seed : [] })),
  );

  const query = async <T>(sql: string): Promise<T[]> => {
    if (pgDb) {
      const c = new pg.Client({ connectionString: pgDb.url });
      await c.connect();
      try {
        return (await c.query(sql)).rows as T[];
      } finally {
        await c.end();
      }
    }
    // The server keeps writing (WAL): a read-only connection sees its last commit.
    const db = new Sqlite(join(dir, 'turnout.sqlite'), { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };
  // pg hands bigint columns over as strings (unless the pool parses them, as the server's does).
  const num = <T extends object>(row: T, keys: (keyof T)[]): T => {
    for (const k of keys) if (row[k] !== null) (row as Record<keyof T, unknown>)[k] = Number(row[k]);
    return row;
  };

  return {
    kind,
    servers,
    async rows() {
      const rows = await query<ServerRow>(`SELECT ${COLUMNS} FROM checkins ORDER BY seq`);
      return rows.map((r) => num(r, ['seq', 'scanned_at_ms', 'clock_offset_ms']));
    },
    async voids() {
      const rows = await query<ServerVoid>('SELECT id, seq, checkin_id, device_id FROM voids ORDER BY seq');
      return rows.map((r) => num(r, ['seq']));
    },
    async maxSeq() {
      const [row] = await query<{ m: number | null }>('SELECT max(seq) AS m FROM checkins');
      return Number(row?.m ?? 0);
    },
    async devices() {
      const rows = await query<{ id: string; clock_offset_ms: number | null; last_seen_at: number | null }>('SELECT id, clock_offset_ms, last_seen_at FROM devices');
      return rows.map((r) => num(r, ['clock_offset_ms', 'last_seen_at']));
    },
    admin(path, init = {}, server = servers[0]!) {
      return fetch(`${server.url}${path}`, {
        method: init.method ?? (init.json !== undefined || init.csv !== undefined ? 'POST' : 'GET'),
        headers: {
          authorization: `Bearer ${SOAK_ADMIN}`,
          ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(init.csv !== undefined ? { 'content-type': 'text/csv' } : {}),
        },
        body: init.json !== undefined ? JSON.stringify(init.json) : init.csv,
      });
    },
    async close() {
      await Promise.all(servers.map((s) => s.kill('SIGTERM')));
      await pgDb?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function fail(message: string): never {
  throw new Error(message);
}
