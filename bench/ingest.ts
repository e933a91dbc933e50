// ingest: upstream ingest under 50 concurrent devices. autocannon posts batches
// of fresh check-ins (unique UUIDv7 ids, distinct demo tickets) to
// `POST /v1/sync/checkins`, each connection with its own paired device's token,
// against the real server (buildApp, rate limit off) in a child process — on
// SQLite, and on PostgreSQL 15 when tests/integration/pg.ts can start a cluster.
// Peer, same load: a bare Fastify route that parses the body and answers (the
// framework's ceiling), so the gap is what auth, validation and the DB cost.
// BENCH_INGEST_BATCH / _SECONDS change the load; BENCH_INGEST_CPU_PROF=DIR
// writes the server's CPU profile there.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import type { CheckinUpload } from '../core/protocol';
import { pgAvailable, startPgCluster, type PgCluster } from '../tests/integration/pg';
import { newCheckInId } from '../core/ids';
import { demoCode } from '../core/demo/roster';
import { BENCH_CHECKPOINT } from './page/api';
import { type Row } from './results';
import { startUpstream } from './upstream';

const SERVE = '--ingest-server';
const DEVICES = 50;
const BATCH = Number(process.env.BENCH_INGEST_BATCH ?? 10);
const SECONDS = Number(process.env.BENCH_INGEST_SECONDS ?? 10);

type Kind = 'turnout' | 'bare';
type ToParent = { url: string; tokens: string[] } | { count: number };

// ── the server side (child process) ───────────────────────────────────────────

async function serve(kind: Kind): Promise<void> {
  const send = (m: ToParent) => process.send?.(m);
  if (kind === 'bare') {
    const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
    app.post('/v1/sync/checkins', async (request) => {
      const { items } = request.body as { items: { id: string }[] };
      return { results: items.map((i) => ({ id: i.id, status: 'stored' })) };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    send({ url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, tokens: Array.from({ length: DEVICES }, (_, i) => `bare-${i}`) });
    process.on('message', (m) => {
      if (m === 'count') send({ count: 0 });
      if (m === 'stop') void app.close().then(() => process.exit(0));
    });
    return;
  }
  const up = await startUpstream({ tickets: 200_000, databaseUrl: process.env.BENCH_PG_URL || undefined });
  const tokens: string[] = [];
  for (let i = 0; i < DEVICES; i++) tokens.push(await up.pairDevice(`ingest desk ${i + 1}`));
  send({ url: up.url, tokens });
  process.on('message', (m) => {
    if (m === 'count') void up.countCheckins().then((count) => send({ count }));
    if (m === 'stop') void up.close().then(() => process.exit(0));
  });
}

if (process.argv[2] === SERVE) await serve(process.argv[3] as Kind);

// ── the load side ─────────────────────────────────────────────────────────────

interface Child {
  url: string;
  tokens: string[];
  count(): Promise<number>;
  stop(): Promise<void>;
}

function startChild(kind: Kind, pgUrl?: string): Promise<Child> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [SERVE, kind], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_INGEST_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_INGEST_CPU_PROF}`] : [])],
    env: { ...process.env, BENCH_PG_URL: pgUrl ?? '' },
  });
  const next = () => new Promise<ToParent>((resolve, reject) => {
    child.once('message', (m) => resolve(m as ToParent));
    child.once('exit', (code) => reject(new Error(`ingest server exited (${code})`)));
  });
  return next().then((hello) => {
    if (!('url' in hello)) throw new Error('ingest server: unexpected first message');
    return {
      ...hello,
      async count() {
        child.send('count');
        const m = await next();
        return 'count' in m ? m.count : NaN;
      },
      stop: () => new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
    };
  });
}

/** 2025-09-10 10:00 KST; check-in i is i × 10 ms later. KST has no DST, so +09:00 is exact. */
const BASE_MS = Date.parse('2025-09-10T10:00:00+09:00');
const KST_MS = 9 * 3_600_000;
let ticket = 0;

/** A batch of fresh check-ins (as the kiosk uploads them), cheap to make: the load generator shares the CPU. */
function body(): string {
  const items: CheckinUpload[] = [];
  for (let k = 0; k < BATCH; k++) {
    const i = ticket++;
    const at = BASE_MS + i * 10;
    items.push({
      id: newCheckInId(at),
      code: demoCode(i),
      checkpointId: BENCH_CHECKPOINT,
      direction: 'entry',
      verdict: 'accepted',
      scannedAt: new Date(at + KST_MS).toISOString().replace('Z', '+09:00'),
    });
  }
  return JSON.stringify({ items });
}

function load(target: Child, seconds: number): Promise<Result> {
  let device = 0;
  return autocannon({
    url: target.url,
    connections: DEVICES,
    duration: seconds,
    timeout: 30,
    requests: [{ method: 'POST', path: '/v1/sync/checkins', setupRequest: (req) => ({ ...req, body: body() }) }],
    // One paired device per connection.
    setupClient: (client) => client.setHeaders({ authorization: `Bearer ${target.tokens[device++ % target.tokens.length]}`, 'content-type': 'application/json' }),
  });
}

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  requests: number;
  failed: number;
}

async function measure(kind: Kind, pgUrl?: string): Promise<Figures> {
  const target = await startChild(kind, pgUrl);
  try {
    const warm = await load(target, 2);
    const run = await load(target, SECONDS);
    const ok = warm['2xx'] + run['2xx'];
    const failed = run.non2xx + run.errors + run.timeouts + warm.non2xx + warm.errors + warm.timeouts;
    if (kind === 'turnout') {
      // Every acknowledged check-in is stored; the requests in flight when each run
      // stopped (≤ one per connection) may be stored without autocannon seeing the answer.
      const stored = await target.count();
      if (stored < ok * BATCH || stored > (ok + 2 * DEVICES) * BATCH) {
        throw new Error(`ingest: upstream holds ${stored} check-ins, ${ok * BATCH} acknowledged`);
      }
    }
    return { perSecond: (run['2xx'] * BATCH) / run.duration, p50: run.latency.p50, p99: run.latency.p99, requests: run['2xx'], failed };
  } finally {
    await target.stop();
  }
}

const fmt = (f: Figures) =>
  `${Math.round(f.perSecond).toLocaleString('en')} check-ins/s, p50 ${f.p50} ms, p99 ${f.p99} ms (${f.requests} requests${f.failed ? `, ${f.failed} FAILED` : ''})`;

export async function benchIngest(): Promise<Row[]> {
  const bare = await measure('bare');
  console.log(`  bare Fastify: ${fmt(bare)}`);
  const peer = { peer: 'bare Fastify 5 route on the same load: parse the JSON body, answer (framework ceiling)', peerFigure: fmt(bare) };
  const row = (db: string, f: Figures): Row => ({
    name: `ingest: POST /v1/sync/checkins, ${DEVICES} devices × batches of ${BATCH}, ${SECONDS} s, ${db}`,
    figure: fmt(f),
    budget: '≥ 5,000 check-ins/s and p99 < 100 ms',
    pass: f.perSecond >= 5000 && f.p99 < 100 && f.failed === 0,
    ...peer,
  });
  const sqlite = await measure('turnout');
  console.log(`  Turnout on SQLite: ${fmt(sqlite)}`);
  const rows = [row('SQLite (WAL, synchronous=FULL: every commit fsynced)', sqlite)];
  if (process.env.TURNOUT_TEST_PG !== '0' && pgAvailable()) {
    let cluster: PgCluster | undefined;
    try {
      cluster = await startPgCluster({ durable: true });
      const pg = await measure('turnout', cluster.url);
      console.log(`  Turnout on PostgreSQL: ${fmt(pg)}`);
      rows.push(row('PostgreSQL 15 (fsync and synchronous_commit on, as in production; pool 10)', pg));
    } finally {
      cluster?.stop();
    }
  } else {
    console.log('  PostgreSQL skipped (TURNOUT_TEST_PG=0 or no PostgreSQL 15): ingest measured on SQLite only');
  }
  return rows;
}
