// Sync-engine test harness: the REAL upstream (server/app.ts buildApp) on loopback
// port 0 over SQLite in a temp folder, a tiny fault-injecting HTTP proxy in front of
// it (tests/support/fault-proxy.ts: refuse connections, answer 500/429/junk, cut a
// reply mid-body, delay, stall), and
// kiosk databases on fake-indexeddb. Real fetch throughout.
import type { AddressInfo } from 'node:net';
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

// ── fault proxy (shared with the e2e tests) ──────────────────────────────────

export { hits, startProxy, type Fault, type LogEntry, type Proxy, type Rule } from '../../support/fault-proxy';

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
