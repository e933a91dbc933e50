// Test harness for the upstream server: a real server on loopback (port 0)
// over a fresh database — SQLite in a temp folder, or a new database in the
// PostgreSQL cluster of global-setup.ts — plus small fetch helpers. Reusable
// by the sync-engine tests ("a real server on loopback").

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { newCheckInId } from '../../../core/ids';
import type { CheckinUpload, EventBundle } from '../../../core/protocol';
import { buildApp } from '../../../server/app';
import { loadConfig, type ServerConfig } from '../../../server/config';
import { openDatabase, type Db, type DbKind } from '../../../server/db/connect';

export interface Backend {
  kind: DbKind;
  /** PostgreSQL server URL (a database per test server is created in it). */
  url?: string;
}

/** SQLite always; PostgreSQL when global-setup found or started one. */
export function backends(): Backend[] {
  const url = inject('pgUrl');
  return url ? [{ kind: 'sqlite' }, { kind: 'postgres', url }] : [{ kind: 'sqlite' }];
}

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestServer {
  baseUrl: string;
  db: Db;
  config: ServerConfig;
  clock: { now: number | null };
  close(): Promise<void>;
  /** fetch relative to baseUrl; `token` becomes the bearer. */
  call(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  admin(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

export async function freshPgDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `turnout_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startServer(backend: Backend, overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  let cleanup: () => Promise<void>;
  let db: Db;
  if (backend.kind === 'postgres') {
    const fresh = await freshPgDatabase(backend.url!);
    db = await openDatabase({ databaseUrl: fresh.url, poolSize: 12 });
    cleanup = fresh.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'turnout-it-'));
    db = await openDatabase({ sqlitePath: join(dir, 'turnout.sqlite') });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const config = loadConfig(
    {},
    {
      adminToken: ADMIN_TOKEN,
      logLevel: 'silent',
      kioskDir: join(tmpdir(), 'turnout-no-kiosk'),
      rateLimit: false,
      ...overrides,
    },
  );
  const clock: { now: number | null } = { now: null };
  const app = await buildApp({ db: db.db, config, now: () => clock.now ?? Date.now() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;

  const call: TestServer['call'] = (path, init = {}) => {
    const { token, json, headers, ...rest } = init;
    const h = new Headers(headers);
    if (token) h.set('authorization', `Bearer ${token}`);
    if (json !== undefined) h.set('content-type', 'application/json');
    return fetch(baseUrl + path, { ...rest, headers: h, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  };
  return {
    baseUrl,
    db,
    config,
    clock,
    call,
    admin: (path, init = {}) => call(path, { ...init, token: ADMIN_TOKEN }),
    async close() {
      await app.close();
      await db.close();
      await cleanup();
    },
  };
}

export const EVENT_ID = 'ev1';

/** A small event: `main` once, `daily` once per day, `hall` unlimited, `gate` entry/exit, `press` press only. */
export function testEvent(): EventBundle {
  const cp = (id: string, rule: 'once' | 'once_per_day' | 'unlimited', extra: object = {}) => ({
    id,
    eventId: EVENT_ID,
    name: { ko: `${id} 입구`, en: `${id} door` },
    rule,
    mode: 'entry' as const,
    ...extra,
  });
  return {
    event: { id: EVENT_ID, name: { ko: '시험 행사', en: 'Test event' }, timeZone: 'Asia/Seoul', days: ['2025-09-10', '2025-09-11'] },
    programmes: [
      { id: 'p1', eventId: EVENT_ID, name: { ko: '개막식', en: 'Opening' }, region: '경기지역본부', venue: 'KINTEX', days: ['2025-09-10'] },
    ],
    checkpoints: [
      cp('main', 'once'),
      cp('daily', 'once_per_day'),
      cp('hall', 'unlimited'),
      cp('gate', 'once_per_day', { mode: 'entry_exit' }),
      cp('press', 'unlimited', { categories: ['press'] }),
    ],
    signingKeys: [],
  };
}

export const ROSTER_CSV = [
  'code,name,company,category,programmes,note',
  'T-001,김철현,(주)한빛정밀,visitor,p1,',
  'T-002,이영희,대성테크,press,,휠체어 이용',
  'T-003,Jane Doe,Northwind,buyer,p1,',
  'T-004,박민수,세진기계,exhibitor,,',
].join('\n');

export async function expectJson<T = unknown>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected HTTP ${status}, got ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Creates the test event and imports ROSTER_CSV. */
export async function seedEvent(s: TestServer): Promise<void> {
  await expectJson(await s.admin('/v1/admin/events', { method: 'POST', json: testEvent() }), 200);
  await expectJson(
    await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/import`, {
      method: 'POST',
      body: ROSTER_CSV,
      headers: { 'content-type': 'text/csv' },
    }),
    200,
  );
}

export async function pairDevice(
  s: TestServer,
  name: string,
  checkpointId?: string,
): Promise<{ deviceId: string; token: string }> {
  const pc = await expectJson<{ code: string }>(
    await s.admin(`/v1/admin/events/${EVENT_ID}/pairing-codes`, { method: 'POST', json: checkpointId ? { checkpointId } : {} }),
    200,
  );
  return expectJson(await s.call('/v1/devices/pair', { method: 'POST', json: { code: pc.code, name } }), 200);
}

export function checkin(over: Partial<CheckinUpload> = {}): CheckinUpload {
  return {
    id: newCheckInId(),
    code: 'T-001',
    checkpointId: 'main',
    direction: 'entry',
    verdict: 'accepted',
    scannedAt: '2025-09-10T09:15:00.000+09:00',
    ...over,
  };
}

export async function countRows(s: TestServer, table: 'checkins' | 'tickets' | 'devices'): Promise<number> {
  const r = await s.db.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
