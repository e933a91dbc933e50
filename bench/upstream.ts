// The real upstream for the sync benches: server/app.ts buildApp on SQLite in a
// temp folder (or on a PostgreSQL URL) seeded with the demo event and N demo
// tickets (server/demo.ts), listening on loopback; kiosks pair through the real
// admin and pairing API. Rate limiting is off: it caps one device token at
// 1200 requests/min, which a load test would hit by design.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase, type Db } from '../server/db/connect';
import { seedDemo } from '../server/demo';

export const BENCH_ADMIN = 'bench-admin-token-0123456789abcdef';

export interface BenchUpstream {
  url: string;
  db: Db;
  eventId: string;
  /** A fresh one-time pairing link (turnout://pair?server=…&code=…). */
  pairingLink(): Promise<string>;
  /** Pairs a device through the real API; returns its bearer token. */
  pairDevice(name: string): Promise<string>;
  countCheckins(): Promise<number>;
  close(): Promise<void>;
}

export async function startUpstream(opts: { tickets: number; databaseUrl?: string; port?: number }): Promise<BenchUpstream> {
  const dir = mkdtempSync(join(tmpdir(), 'turnout-bench-'));
  const db = await openDatabase(opts.databaseUrl ? { databaseUrl: opts.databaseUrl, poolSize: 10 } : { sqlitePath: join(dir, 'turnout.sqlite') });
  const eventId = await seedDemo(db.db, opts.tickets);
  if (!eventId) throw new Error('bench upstream: the database already held an event');
  const config = loadConfig({}, { adminToken: BENCH_ADMIN, logLevel: 'silent', rateLimit: false, kioskDir: join(dir, 'no-kiosk'), dataDir: dir });
  const app = await buildApp({ db: db.db, config });
  await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const post = async <T>(path: string, body: unknown, admin: boolean): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(admin ? { authorization: `Bearer ${BENCH_ADMIN}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`bench upstream: POST ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const newCode = () => post<{ code: string; link: string }>(`/v1/admin/events/${eventId}/pairing-codes`, {}, true);

  return {
    url,
    db,
    eventId,
    pairingLink: async () => (await newCode()).link,
    async pairDevice(name) {
      const { code } = await newCode();
      return (await post<{ token: string }>('/v1/devices/pair', { code, name }, false)).token;
    },
    async countCheckins() {
      const r = await db.db.selectFrom('checkins').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async close() {
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
