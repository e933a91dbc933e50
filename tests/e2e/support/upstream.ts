// The REAL upstream for e2e sync tests, in the test process: buildApp on SQLite in a
// temp folder, seeded with the demo event, serving the built kiosk at /kiosk/. It can
// be stopped (gracefully, or killed: every socket destroyed at once) and started
// again on the SAME port over the SAME SQLite file, so paired kiosks reconnect.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { demoEvent } from '../../../core/demo/event';
import { buildApp } from '../../../server/app';
import { loadConfig, type ServerConfig } from '../../../server/config';
import { openDatabase, type Db } from '../../../server/db/connect';
import { seedDemo } from '../../../server/demo';
import { createPairingCode } from '../../../server/repo/devices';
import { pairingLink } from '../../../server/routes/admin';

export const EVENT_ID = demoEvent.event.id;
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

export interface ServerCheckin {
  id: string;
  code: string;
  device_id: string;
  checkpoint_id: string;
  status: string;
  verdict: string;
  scanned_at: string;
  clock_offset_ms: number | null;
}

export interface Upstream {
  /** http://127.0.0.1:PORT — the same across restarts. */
  url: string;
  port: number;
  sqlitePath: string;
  readonly running: boolean;
  /** Stops the server. `kill`: destroy every open connection at once, in-flight requests included. */
  stop(opts?: { kill?: boolean }): Promise<void>;
  /** Starts it again on the same port and SQLite file. */
  start(): Promise<void>;
  /** A fresh single-use pairing link (`turnout://pair?server=…`) whose server is `via` (default: this server). */
  pairingLink(checkpointId: string, via?: string): Promise<string>;
  admin(path: string): Promise<Response>;
  /** Every check-in row in the server DB. */
  checkins(): Promise<ServerCheckin[]>;
  devices(): Promise<{ id: string; name: string; clock_offset_ms: number | null }[]>;
  /** `GET /v1/admin/events/:id/export.csv` as records keyed by header. */
  exportCsv(): Promise<Record<string, string>[]>;
  close(): Promise<void>;
}

export interface UpstreamOptions {
  /** Demo tickets to seed (the first sync pulls them all). */
  tickets?: number;
  /** The server's clock. */
  now?: () => number;
}

let kioskSnapshot: string | undefined;

/**
 * A private copy of the built kiosk (dist-renderer), taken once per worker: a
 * rebuild running meanwhile (it empties the folder first) can't pull the page
 * out from under a test.
 */
export async function builtKiosk(): Promise<string> {
  if (kioskSnapshot) return kioskSnapshot;
  const built = resolve('dist-renderer');
  for (let i = 0; !existsSync(join(built, 'index.html')) || !existsSync(join(built, 'sw.js')); i++) {
    if (i >= 100) throw new Error('No built kiosk in dist-renderer: run `npx vite build --config renderer/vite.config.ts`');
    await sleep(200);
  }
  const copy = mkdtempSync(join(tmpdir(), 'turnout-e2e-kiosk-'));
  cpSync(built, copy, { recursive: true });
  process.once('exit', () => rmSync(copy, { recursive: true, force: true }));
  kioskSnapshot = copy;
  return copy;
}

export async function startUpstream(opts: UpstreamOptions = {}): Promise<Upstream> {
  const kioskDir = await builtKiosk();
  const dir = mkdtempSync(join(tmpdir(), 'turnout-e2e-up-'));
  const sqlitePath = join(dir, 'turnout.sqlite');
  const now = opts.now ?? Date.now;
  const config: ServerConfig = loadConfig(
    {},
    { adminToken: ADMIN_TOKEN, logLevel: 'silent', rateLimit: false, host: '127.0.0.1', kioskDir },
  );
  let db: Db | undefined;
  let app: FastifyInstance | undefined;
  const sockets = new Set<Socket>();
  let port = 0;

  const listen = async () => {
    db = await openDatabase({ sqlitePath });
    app = await buildApp({ db: db.db, config, now });
    app.server.on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    // The port was free a moment ago; a late close can still hold it briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await app.listen({ port, host: '127.0.0.1' });
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 50) throw err;
        await sleep(100);
      }
    }
    port = (app.server.address() as AddressInfo).port;
  };

  await listen();
  const seeded = await seedDemo(db!.db, opts.tickets ?? 500);
  if (!seeded) throw new Error('demo event not seeded');
  const url = `http://127.0.0.1:${port}`;
  const live = () => {
    if (!db) throw new Error('the upstream is stopped');
    return db.db;
  };

  const up: Upstream = {
    url,
    port,
    sqlitePath,
    get running() {
      return app !== undefined;
    },
    async stop({ kill = false } = {}) {
      if (!app || !db) return;
      const [a, d] = [app, db];
      app = undefined;
      db = undefined;
      if (kill) for (const s of sockets) s.destroy();
      await a.close();
      for (const s of sockets) s.destroy(); // keep-alive sockets a graceful close left idle
      await d.close();
    },
    async start() {
      if (app) return;
      await listen();
    },
    async pairingLink(checkpointId, via = url) {
      const { code } = await createPairingCode(live(), EVENT_ID, checkpointId, config.pairingTtlMs, now());
      return pairingLink(via, code, checkpointId);
    },
    admin: (path) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }),
    async checkins() {
      return (await live()
        .selectFrom('checkins')
        .select(['id', 'code', 'device_id', 'checkpoint_id', 'status', 'verdict', 'scanned_at', 'clock_offset_ms'])
        .orderBy('seq')
        .execute()) as ServerCheckin[];
    },
    async devices() {
      return live().selectFrom('devices').select(['id', 'name', 'clock_offset_ms']).execute() as never;
    },
    async exportCsv() {
      const res = await up.admin(`/v1/admin/events/${EVENT_ID}/export.csv`);
      expect(res.status).toBe(200);
      const [header, ...rows] = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
      return rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
    },
    async close() {
      await up.stop({ kill: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return up;
}

/** RFC 4180 CSV (quoted cells, doubled quotes, CRLF or LF), no trailing empty record. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      records.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) records.push([...row, cell]);
  return records;
}

/**
 * The closing count every sync test ends with: every check-in the kiosks created is
 * on the server exactly once, and the server holds nothing else.
 */
export async function expectExactlyOnce(up: Pick<Upstream, 'checkins'>, created: string[]): Promise<void> {
  const rows = await up.checkins();
  const ids = rows.map((r) => r.id);
  expect(new Set(created).size, 'the kiosks made distinct ids').toBe(created.length);
  expect(new Set(ids).size, 'no duplicate rows on the server').toBe(ids.length);
  expect([...ids].sort()).toEqual([...created].sort());
}
