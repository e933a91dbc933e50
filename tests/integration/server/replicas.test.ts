// Two server replicas on one PostgreSQL (DESIGN.md: "the server keeps no state
// that matters outside PostgreSQL"): two real server processes (not two apps in
// one process) started at the same moment on a fresh database, kiosks with the
// real sync engine paired against either, raw uploaders and a raw cursor walker
// switching replica on every request, all at once. Then: every check-in stored
// once, every pull saw every row (a cursor never moved past a row that was still
// to commit on the other replica), conflicts marked as the rules say whichever
// replica stored each side, tallies equal on both replicas, and a device revoked
// on one replica refused by both within 2 s (each had its token cached).

import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newCheckInId } from '../../../core/ids';
import type { CheckinsPage, CheckinUpload, EventBundle, TalliesResponse } from '../../../core/protocol';
import { pairNodeKiosk, type NodeKiosk } from '../../support/node-kiosk';
import { spawnServer, type ServerProcess } from '../../support/server-process';
import { expectJson, freshPgDatabase } from './harness';

const pgUrl = inject('pgUrl');
if (!pgUrl) console.warn('[replicas] no PostgreSQL: the two-replica test is skipped');

const ADMIN = 'replica-test-admin-token-0123456789';
const EVENT = 'rep';
const DAY = '2025-09-10';
const T0 = Date.parse('2025-09-10T09:00:00+09:00');
const ROSTER = 300;
const code = (i: number) => `R-${String(i).padStart(4, '0')}`;

const BUNDLE: EventBundle = {
  event: { id: EVENT, name: { ko: '복제 시험', en: 'Replica test' }, timeZone: 'Asia/Seoul', days: [DAY] },
  programmes: [],
  checkpoints: [
    { id: 'hall', eventId: EVENT, name: { ko: '홀', en: 'Hall' }, rule: 'once', mode: 'entry' },
    { id: 'lounge', eventId: EVENT, name: { ko: '라운지', en: 'Lounge' }, rule: 'unlimited', mode: 'entry' },
  ],
  signingKeys: [],
};

interface Row {
  id: string;
  seq: number;
  code: string;
  checkpoint_id: string;
  direction: string;
  verdict: string;
  status: string;
  scanned_at_ms: number;
  override_by: string | null;
}

describe.skipIf(!pgUrl)('two server replicas on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshPgDatabase>>;
  let replicas: ServerProcess[] = [];
  let kiosks: NodeKiosk[] = [];
  /** A seventh kiosk, on replica B, for the revocation. */
  let spare: NodeKiosk | undefined;
  /** Ids uploaded by the raw uploaders (not kiosks). */
  const rawIds: string[] = [];
  /** Every id the raw cursor walker was handed. */
  const walked = new Set<string>();

  const call = (r: ServerProcess, path: string, init: { token?: string; json?: unknown; csv?: string; method?: string } = {}) =>
    fetch(r.url + path, {
      method: init.method ?? (init.json !== undefined || init.csv !== undefined ? 'POST' : 'GET'),
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.csv !== undefined ? { 'content-type': 'text/csv' } : {}),
      },
      body: init.json !== undefined ? JSON.stringify(init.json) : init.csv,
    });
  const admin = (r: ServerProcess, path: string, init: { json?: unknown; csv?: string; method?: string } = {}) =>
    call(r, path, { ...init, token: ADMIN });

  /** A pairing link made on `issuer` that sends the kiosk to `target`. */
  async function link(issuer: ServerProcess, target: ServerProcess): Promise<string> {
    const { link } = await expectJson<{ link: string }>(await admin(issuer, `/v1/admin/events/${EVENT}/pairing-codes`, { json: {} }), 200);
    return link.replace(/server=[^&]+/, `server=${encodeURIComponent(target.url)}`);
  }

  async function serverRows(): Promise<Row[]> {
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    try {
      const res = await c.query(
        'SELECT id, seq::int AS seq, code, checkpoint_id, direction, verdict, status, scanned_at_ms::float8 AS scanned_at_ms, override_by FROM checkins ORDER BY seq',
      );
      return res.rows as Row[];
    } finally {
      await c.end();
    }
  }

  beforeAll(async () => {
    database = await freshPgDatabase(pgUrl!);
    const env = { DATABASE_URL: database.url, TURNOUT_ADMIN_TOKEN: ADMIN, TURNOUT_KIOSK_DIR: '/nonexistent-kiosk' };
    // Both at once on an empty database: their migrations race (Kysely's advisory lock).
    replicas = await Promise.all([spawnServer({ env, name: 'replica A' }), spawnServer({ env, name: 'replica B' })]);
    const [a, b] = replicas as [ServerProcess, ServerProcess];
    await expectJson(await admin(a, '/v1/admin/events', { json: BUNDLE }), 200);
    const rows = ['code,name,company,category'];
    for (let i = 0; i < ROSTER; i++) rows.push(`${code(i)},참가자 ${i},회사 ${i % 7},visitor`);
    await expectJson(await admin(b, `/v1/admin/events/${EVENT}/tickets/import`, { csv: rows.join('\n') }), 200);
    // Six kiosks, three per replica, each paired by a code issued on the other one.
    kiosks = await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (k) => {
        const target = replicas[k % 2]!;
        const issuer = replicas[(k + 1) % 2]!;
        return pairNodeKiosk(await link(issuer, target), `desk ${k} on ${target.name}`);
      }),
    );
    spare = await pairNodeKiosk(await link(a, b), 'desk to revoke, on replica B');
  }, 180_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.kill('SIGTERM')));
    await database?.drop();
  });

  it('a device revoked on one replica is refused by both within 2 s, though both had its token cached', async () => {
    const [a, b] = replicas as [ServerProcess, ServerProcess];
    const victim = spare!; // paired to replica B
    const token = victim.pairing.token;
    const config = (r: ServerProcess) => call(r, '/v1/sync/config', { token });
    // Both replicas look the token up now and keep the row (2 s cache).
    expect((await config(a)).status).toBe(200);
    expect((await config(b)).status).toBe(200);

    await expectJson(await admin(a, `/v1/admin/devices/${victim.pairing.deviceId}/revoke`, { json: {} }), 200);
    const revokedAt = performance.now();
    // Replica A dropped its copy at once.
    expect(await expectJson(await config(a), 401)).toMatchObject({ error: { code: 'device_revoked' } });
    // Replica B may still answer from its copy for a moment; watch when it stops (reported only).
    let seenAt: number | undefined;
    while (performance.now() - revokedAt < 2000) {
      const res = await config(b);
      if (res.status === 401) {
        seenAt ??= performance.now() - revokedAt;
        break;
      }
      expect(res.status).toBe(200);
      await sleep(50);
    }
    await sleep(Math.max(0, revokedAt + 2000 - performance.now()));
    // 2 s after the revocation answered, both refuse, on the first request.
    for (const r of [a, b]) expect(await expectJson(await config(r), 401), r.name).toMatchObject({ error: { code: 'device_revoked' } });
    console.info(`[replicas] replica B refused the revoked token after ${seenAt === undefined ? '≥ 2000' : Math.round(seenAt)} ms`);

    // The kiosk itself hears it at its next sync, whichever replica answers.
    const report = await victim.engine.syncNow();
    expect(report.stopped).toBe(true);
    expect(report.errors.map((e) => e.kind)).toContain('device_revoked');
    // The others carry on.
    expect((await kiosks[0]!.engine.syncNow()).ok).toBe(true);
    // The revocation is the database's, not a process's: a fresh lookup on either agrees.
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    const { rows } = await c.query('SELECT revoked FROM devices WHERE id = $1', [victim.pairing.deviceId]);
    await c.end();
    expect(Number(rows[0].revoked)).toBe(1);
  }, 60_000);

  it('concurrent uploads and pulls across replicas: every check-in stored once, every pull sees every row, conflicts marked by the rules', async () => {
    const [a, b] = replicas as [ServerProcess, ServerProcess];
    const ROUNDS = 12;
    let busy = true;
    let walking = true;

    // Two devices that upload small batches, switching replica on every request.
    const uploaders = await Promise.all(
      ['raw 1', 'raw 2'].map(async (name, i) => {
        const pc = await expectJson<{ code: string }>(await admin(replicas[i]!, `/v1/admin/events/${EVENT}/pairing-codes`, { json: {} }), 200);
        return expectJson<{ token: string }>(await call(replicas[1 - i]!, '/v1/devices/pair', { json: { code: pc.code, name } }), 200);
      }),
    );
    const upload = async (token: string, u: number) => {
      for (let n = 0; busy; n++) {
        const items: CheckinUpload[] = Array.from({ length: 5 }, (_, j) => ({
          id: newCheckInId(),
          code: code((n * 5 + j + u * 7) % ROSTER),
          checkpointId: 'lounge',
          direction: 'entry',
          verdict: 'accepted',
          scannedAt: new Date(T0 + n * 1000 + j).toISOString(),
        }));
        const res = await expectJson<{ results: { status: string }[] }>(
          await call(replicas[(n + u) % 2]!, '/v1/sync/checkins', { token, json: { items } }),
          200,
        );
        expect(res.results.every((r) => r.status === 'stored')).toBe(true);
        rawIds.push(...items.map((i) => i.id));
      }
    };
    // A cursor walker: small pages, each from the other replica than the last.
    const walk = async (token: string) => {
      let after = 0;
      for (let n = 0; ; n++) {
        const page = await expectJson<CheckinsPage>(await call(replicas[n % 2]!, `/v1/sync/checkins?after=${after}&limit=37`, { token }), 200);
        let prev = after;
        for (const item of page.items) {
          expect(item.seq).toBeGreaterThan(prev);
          prev = item.seq;
          walked.add(item.id);
        }
        after = page.next;
        if (!walking && !page.more) return;
        if (!page.more) await sleep(5);
      }
    };

    const uploading = Promise.all([upload(uploaders[0]!.token, 0), upload(uploaders[1]!.token, 1)]);
    const walker = walk(uploaders[0]!.token);
    try {
      // Twelve rounds: every kiosk scans offline, then syncs, all at once. Kiosks
      // 2j and 2j+1 (one per replica) admit the same hall code in the same round,
      // before either has pulled the other's: one of each pair must become a conflict.
      for (let r = 0; r < ROUNDS; r++) {
        await Promise.all(
          kiosks.map(async (k, i) => {
            const at = T0 + r * 60_000 + i * 1000;
            await k.scan(code(100 + r * 3 + (i >> 1)), { checkpointId: 'hall', now: at });
            await k.scan(code((r * 11 + i * 5) % ROSTER), { checkpointId: 'lounge', now: at + 100 });
            await k.scan(`UNKNOWN-${r}-${i}`, { checkpointId: 'hall', now: at + 200 });
            const report = await k.engine.syncNow();
            expect(report.errors).toEqual([]);
          }),
        );
      }
      // Roster changes on one replica while the other takes uploads: tickets share the sequence.
      await expectJson(await admin(b, `/v1/admin/events/${EVENT}/tickets/import`, { csv: `code,name,company,category\n${code(ROSTER)},늦은 참가자,회사,visitor` }), 200);
      busy = false;
      await uploading;

      // Push everything, then pull everything: two passes, all kiosks at once.
      for (let pass = 0; pass < 2; pass++) {
        const reports = await Promise.all(kiosks.map((k) => k.engine.syncNow()));
        for (const report of reports) expect(report.errors).toEqual([]);
      }
      // Nothing writes any more: the walker's last pages reach the end.
      walking = false;
      await walker;
    } finally {
      busy = false;
      walking = false;
      await Promise.allSettled([uploading, walker]);
    }

    const rows = await serverRows();
    const ids = rows.map((r) => r.id);
    const made = [...kiosks.flatMap((k) => k.created), ...rawIds];
    expect(new Set(ids).size, 'no check-in stored twice').toBe(ids.length);
    expect(new Set(made).size).toBe(made.length);
    expect([...ids].sort()).toEqual([...made].sort());
    expect(rawIds.length).toBeGreaterThan(0);

    // The walker switched replica on every page while both stored: it missed nothing.
    const missed = ids.filter((id) => !walked.has(id));
    expect(missed, 'rows a cursor walked past').toEqual([]);

    // Conflicts: per hall ticket, every accepted entry after the first (by scan time, then id).
    const firsts = new Map<string, Row>();
    const hall = rows.filter((r) => r.checkpoint_id === 'hall' && r.verdict === 'accepted' && r.direction === 'entry' && !r.override_by);
    for (const r of [...hall].sort((x, y) => x.scanned_at_ms - y.scanned_at_ms || (x.id < y.id ? -1 : 1))) {
      if (!firsts.has(r.code)) firsts.set(r.code, r);
    }
    const expected = new Map(rows.map((r) => [r.id, hall.includes(r) && firsts.get(r.code) !== r ? 'conflict' : 'stored']));
    expect(new Map(rows.map((r) => [r.id, r.status]))).toEqual(expected);
    expect([...expected.values()].filter((s) => s === 'conflict').length).toBe(ROUNDS * 3);

    // Every kiosk: outbox empty, and it holds every row with the server's status.
    const status = new Map(rows.map((r) => [r.id, r.status]));
    for (const k of kiosks) {
      expect(await k.outbox(), k.name).toBe(0);
      const local = new Map((await k.all()).map((c) => [c.id, c.syncState]));
      const wrong = ids.filter((id) => local.get(id) !== status.get(id));
      expect(wrong, `${k.name}: rows missing or with another status`).toEqual([]);
      expect(local.size, k.name).toBe(ids.length);
    }

    // Reports agree whichever replica answers.
    const [ta, tb] = (await Promise.all(
      [a, b].map(async (r) => expectJson<TalliesResponse>(await admin(r, `/v1/admin/events/${EVENT}/tallies?day=${DAY}`), 200)),
    )) as [TalliesResponse, TalliesResponse];
    expect(ta).toEqual(tb);
    expect(ta.total.scans).toBe(rows.length);
    expect(ta.total.conflicts).toBe(ROUNDS * 3);
  }, 240_000);

});

describe('a replica on PostgreSQL', () => {
  it('refuses to start without TURNOUT_ADMIN_TOKEN: a token made up per process would fail admin calls on every other replica', async () => {
    // The check comes before the database is opened: no PostgreSQL needed.
    const start = spawnServer({ env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', TURNOUT_ADMIN_TOKEN: '' }, name: 'tokenless replica' });
    await expect(start).rejects.toThrow(/exited \(1\) before listening[\s\S]*set TURNOUT_ADMIN_TOKEN: every server replica must check the same admin token/);
  }, 60_000);
});
