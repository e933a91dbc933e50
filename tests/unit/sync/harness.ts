// Sync-engine test harness: the REAL upstream (server/app.ts buildApp) on loopback
// port 0 over SQLite in a temp folder, a tiny fault-injecting HTTP proxy in front of
// it (refuse connections, answer 500/429/junk, cut a reply mid-body, delay), and
// kiosk databases on fake-indexeddb. Real fetch throughout.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect } from 'vitest';
import type { EventBundle } from '../../../core/protocol';
import { buildApp } from '../../../server/app';
import { loadConfig, type ServerConfig } from '../../../server/config';
import { openDatabase, type Db } from '../../../server/db/connect';
import { TurnoutDb } from '../../../renderer/storage/db';
import { recordScan, type ScanRequest } from '../../../renderer/storage/checkin';
import { loadConfig as loadKioskConfig } from '../../../renderer/storage/roster';
import type { Pairing } from '../../../renderer/storage/sync-meta';
import { SyncEngine, type EngineOptions } from '../../../renderer/sync/engine';
import { pairAndSync } from '../../../renderer/sync/pairing';

export const ADMIN = 'sync-test-admin-token-0123456789';
export const EVENT_ID = 'sync-test';

export const BUNDLE: EventBundle = {
  event: { id: EVENT_ID, name: { ko: '동기화 시험', en: 'Sync test' }, timeZone: 'Asia/Seoul', days: ['2025-09-10', '2025-09-11'] },
  programmes: [],
  checkpoints: [
    { id: 'hall', eventId: EVENT_ID, name: { ko: '홀', en: 'Hall' }, rule: 'once', mode: 'entry' },
    { id: 'lounge', eventId: EVENT_ID, name: { ko: '라운지', en: 'Lounge' }, rule: 'unlimited', mode: 'entry' },
  ],
  signingKeys: [],
};

export const code = (i: number) => `ST-${String(i).padStart(6, '0')}`;

export interface Upstream {
  url: string;
  db: Db;
  close(): Promise<void>;
  admin(path: string, init?: { method?: string; json?: unknown; csv?: string }): Promise<Response>;
  /** A fresh pairing link whose server is `via` (default: this server). */
  pairingLink(via?: string, checkpointId?: string): Promise<string>;
  /** Every check-in row upstream. */
  checkins(): Promise<{ id: string; code: string; device_id: string; status: string; verdict: string; clock_offset_ms: number | null }[]>;
}

export async function startUpstream(tickets = 100, overrides: Partial<ServerConfig> = {}): Promise<Upstream> {
  const dir = mkdtempSync(join(tmpdir(), 'turnout-sync-'));
  const db = await openDatabase({ sqlitePath: join(dir, 'turnout.sqlite') });
  const config = loadConfig({}, { adminToken: ADMIN, logLevel: 'silent', rateLimit: false, kioskDir: join(dir, 'no-kiosk'), ...overrides });
  const app = await buildApp({ db: db.db, config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const admin: Upstream['admin'] = (path, init = {}) =>
    fetch(`${url}${path}`, {
      method: init.method ?? (init.json !== undefined || init.csv !== undefined ? 'POST' : 'GET'),
      headers: {
        authorization: `Bearer ${ADMIN}`,
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.csv !== undefined ? { 'content-type': 'text/csv' } : {}),
      },
      body: init.json !== undefined ? JSON.stringify(init.json) : init.csv,
    });
  expect((await admin('/v1/admin/events', { json: BUNDLE })).status).toBe(200);
  if (tickets > 0) {
    const rows = ['code,name,company,category'];
    for (let i = 0; i < tickets; i++) rows.push(`${code(i)},참가자 ${i},회사 ${i % 50},visitor`);
    const res = await admin(`/v1/admin/events/${EVENT_ID}/tickets/import`, { csv: rows.join('\n') });
    expect(res.status).toBe(200);
  }
  return {
    url,
    db,
    admin,
    async pairingLink(via = url, checkpointId) {
      const res = await admin(`/v1/admin/events/${EVENT_ID}/pairing-codes`, { json: checkpointId ? { checkpointId } : {} });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { link: string };
      // The link names the server the admin call reached; point it where the kiosk should go.
      return body.link.replace(/server=[^&]+/, `server=${encodeURIComponent(via)}`);
    },
    async checkins() {
      return db.db.selectFrom('checkins').select(['id', 'code', 'device_id', 'status', 'verdict', 'clock_offset_ms']).execute() as never;
    },
    async close() {
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function kioskDb(): TurnoutDb {
  return new TurnoutDb(`kiosk-${Math.random().toString(36).slice(2)}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

// ── fault proxy ──────────────────────────────────────────────────────────────

export type Fault =
  | { kind: 'refuse' } // connection destroyed at once: "unreachable"
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'junk' } // 200 with a body that is not JSON
  | { kind: 'json'; body: unknown } // 200 with well-formed JSON of the wrong shape
  | { kind: 'cut'; afterBytes: number } // forward, but cut the connection mid-body
  | { kind: 'delay'; ms: number }; // forward after a pause

export interface Rule {
  /** Matches `METHOD /path` (query ignored); a RegExp or a prefix string. */
  match: RegExp | string;
  fault: Fault;
  /** How many requests it applies to (default: all); `skip` lets that many pass first. */
  times?: number;
  skip?: number;
}

export interface Proxy {
  url: string;
  rules: Rule[];
  /** Every request seen: `METHOD /path?query` and the status sent (0 = connection cut). */
  log: { line: string; status: number }[];
  /** Down: every connection (new or kept alive) is dropped at once. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export async function startProxy(target: string): Promise<Proxy> {
  const sockets = new Set<Socket>();
  let down = false;
  const proxy: Proxy = {
    url: '',
    rules: [],
    log: [],
    setDown(value) {
      down = value;
      if (down) for (const s of sockets) s.destroy();
    },
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    if (down) s.destroy();
  });

  const pick = (line: string): Fault | undefined => {
    const path = line.split('?')[0]!;
    for (const rule of proxy.rules) {
      const hit = typeof rule.match === 'string' ? path.startsWith(rule.match) : rule.match.test(path);
      if (!hit) continue;
      if ((rule.skip ?? 0) > 0) {
        rule.skip! -= 1;
        continue;
      }
      if (rule.times !== undefined) {
        if (rule.times <= 0) continue;
        rule.times -= 1;
      }
      return rule.fault;
    }
    return undefined;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const line = `${req.method} ${req.url}`;
    const entry = { line, status: 0 };
    proxy.log.push(entry);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const fault = pick(line);
    if (fault?.kind === 'refuse') return void req.socket.destroy();
    if (fault?.kind === 'status') {
      entry.status = fault.status;
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      return void res.end(fault.body ?? JSON.stringify({ error: { code: 'injected', message: `injected ${fault.status}` } }));
    }
    if (fault?.kind === 'junk' || fault?.kind === 'json') {
      entry.status = 200;
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(fault.kind === 'junk' ? '{"results": [ {"id": "x", "stat' : JSON.stringify(fault.body));
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    const upstream = httpRequest(`${target}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (up) => {
      entry.status = up.statusCode ?? 0;
      if (fault?.kind === 'cut') {
        // Declare the full length, send part of it, then drop the connection.
        const parts: Buffer[] = [];
        up.on('data', (c: Buffer) => parts.push(c));
        up.on('end', () => {
          const all = Buffer.concat(parts);
          const headers = { ...up.headers, 'content-length': String(all.length) };
          delete headers['transfer-encoding'];
          res.writeHead(up.statusCode ?? 200, headers);
          res.flushHeaders();
          res.write(all.subarray(0, Math.min(fault.afterBytes, all.length - 1)), () => req.socket.destroy());
          entry.status = 0;
        });
        return;
      }
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => req.socket.destroy());
    upstream.end(body);
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return proxy;
}

/** Requests in the proxy log whose line matches. */
export const hits = (p: Proxy, match: RegExp) => p.log.filter((e) => match.test(e.line));

/**
 * The closing count every test ends with: every check-in id a kiosk created is on
 * the server exactly once, and the server holds nothing else (no duplicates).
 */
export async function expectExactlyOnce(up: Upstream, created: string[]): Promise<void> {
  const rows = await up.checkins();
  const ids = rows.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(ids)).toEqual(new Set(created));
  expect(rows.length).toBe(created.length);
}

// ── kiosks ───────────────────────────────────────────────────────────────────

export interface Kiosk {
  db: TurnoutDb;
  pairing: Pairing;
  engine(opts?: Partial<EngineOptions>): SyncEngine;
  /** An offline scan at `checkpointId` (recordScan, outbox), returning the check-in id. */
  scan(raw: string, checkpointId?: string, extra?: Partial<ScanRequest>): Promise<string>;
  /** Ids of every check-in this kiosk made. */
  created: string[];
}

/** Pairs a fresh kiosk DB through `via` and runs its first sync. */
export async function newKiosk(up: Upstream, via: string, name = 'desk'): Promise<Kiosk> {
  const db = kioskDb();
  const pairing = await pairAndSync(db, await up.pairingLink(via), { name, engine: { events: null } });
  const created: string[] = [];
  return {
    db,
    pairing,
    created,
    engine: (opts = {}) => new SyncEngine({ db, pairing, events: null, heartbeatMs: 0, ...opts }),
    async scan(raw, checkpointId = 'hall', extra = {}) {
      const config = await loadKioskConfig(db);
      const checkpoint = config!.checkpoints.find((c) => c.id === checkpointId)!;
      const out = await recordScan(db, { raw, checkpoint, timeZone: config!.event.timeZone, deviceId: pairing.deviceId, direction: 'entry', ...extra });
      if (out.kind !== 'stored') throw new Error(`scan not stored: ${out.kind}`);
      created.push(out.checkIn.id);
      return out.checkIn.id;
    },
  };
}
