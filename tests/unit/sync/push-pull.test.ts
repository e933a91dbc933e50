// Push and pull against the real server on loopback: offline scans reach the
// server exactly once, a failed push still pulls, a cut pull resumes from the
// last committed page, echoes never re-enter the outbox, one bad row never
// freezes the rest, and a reply we cannot trust is never applied.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxCount } from '../../../renderer/storage/checkin';
import { getCursor, loadQuarantine } from '../../../renderer/storage/sync-meta';
import { findTicket, ticketCount } from '../../../renderer/storage/roster';
import { newCheckInId } from '../../../core/ids';
import { code, expectExactlyOnce, hits, newKiosk, startProxy, startUpstream, type Proxy, type Upstream } from './harness';

let up: Upstream;
let proxy: Proxy;

beforeEach(async () => {
  up = await startUpstream(300);
  proxy = await startProxy(up.url);
});
afterEach(async () => {
  await proxy.close();
  await up.close();
});

describe('push', () => {
  it('50 offline scans, then the server comes back: all on the server exactly once, outbox 0', async () => {
    const k = await newKiosk(up, proxy.url);
    expect(await ticketCount(k.db)).toBe(300);
    proxy.setDown(true);
    for (let i = 0; i < 50; i++) await k.scan(code(i));
    const engine = k.engine({ batchSize: 20 });
    const offline = await engine.syncNow();
    expect(offline.ok).toBe(false);
    expect(offline.errors[0]?.kind).toBe('network');
    expect(engine.getStatus().state).toBe('offline');
    expect(await outboxCount(k.db)).toBe(50);

    proxy.setDown(false);
    const back = await engine.syncNow();
    expect(back.ok).toBe(true);
    expect(back.push).toMatchObject({ sent: 50, acknowledged: 50, conflicts: 0 });
    expect(hits(proxy, /^POST \/v1\/sync\/checkins/).filter((h) => h.status === 200)).toHaveLength(3); // 20 + 20 + 10
    expect(await outboxCount(k.db)).toBe(0);
    expect(engine.getStatus()).toMatchObject({ state: 'online', outbox: 0 });
    // A second pass sends nothing again.
    expect((await engine.syncNow()).push?.sent).toBe(0);
    await expectExactlyOnce(up, k.created);
  });

  it('a batch whose reply is lost is re-sent and stored once (idempotent by id)', async () => {
    const k = await newKiosk(up, proxy.url);
    for (let i = 0; i < 10; i++) await k.scan(code(i));
    // The server stores the batch but the reply is cut: the kiosk cannot know.
    proxy.rules.push({ match: 'POST /v1/sync/checkins', fault: { kind: 'cut', afterBytes: 20 }, times: 1 });
    proxy.rules.push({ match: 'GET /v1/sync/checkins', fault: { kind: 'refuse' }, times: 1 });
    const engine = k.engine();
    const first = await engine.syncNow();
    expect(first.errors.map((e) => e.kind)).toEqual(['network', 'network']);
    expect(await outboxCount(k.db)).toBe(10);
    expect((await up.checkins()).length).toBe(10);
    const second = await engine.syncNow();
    expect(second.ok).toBe(true);
    expect(second.push).toMatchObject({ sent: 10, acknowledged: 10 });
    expect(await outboxCount(k.db)).toBe(0);
    await expectExactlyOnce(up, k.created);
  });

  it('a lost upload reply is also settled by the pull: our rows echoed back leave the outbox', async () => {
    const k = await newKiosk(up, proxy.url);
    for (let i = 0; i < 4; i++) await k.scan(code(i));
    proxy.rules.push({ match: 'POST /v1/sync/checkins', fault: { kind: 'cut', afterBytes: 20 }, times: 1 });
    const engine = k.engine();
    const first = await engine.syncNow();
    expect(first.errors.map((e) => e.kind)).toEqual(['network']);
    expect(first.checkins?.items).toBe(4);
    expect(await outboxCount(k.db)).toBe(0);
    expect(await k.db.checkins.count()).toBe(4);
    expect((await engine.syncNow()).push?.sent).toBe(0);
    await expectExactlyOnce(up, k.created);
  });

  it('a failed push still pulls (500 on upload, roster and check-ins still arrive)', async () => {
    const k = await newKiosk(up, proxy.url);
    await k.scan(code(1));
    const other = await newKiosk(up, up.url, 'other desk');
    await other.scan(code(2));
    await other.engine().syncNow();
    await up.admin(`/v1/admin/events/sync-test/tickets/import`, { csv: 'code,name\nNEW-0001,새 참가자' });

    proxy.rules.push({ match: 'POST /v1/sync/checkins', fault: { kind: 'status', status: 500 } });
    const engine = k.engine();
    const report = await engine.syncNow();
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => e.kind)).toEqual(['server']);
    expect(report.tickets?.items).toBe(1);
    expect(await findTicket(k.db, 'NEW-0001')).toMatchObject({ name: '새 참가자', status: 'valid' });
    expect(await k.db.checkins.get(other.created[0]!)).toMatchObject({ syncState: 'stored', code: code(2) });
    expect(await outboxCount(k.db)).toBe(1);
    expect(engine.getStatus().state).toBe('error');

    proxy.rules.length = 0;
    expect((await engine.syncNow()).ok).toBe(true);
    await expectExactlyOnce(up, [...k.created, ...other.created]);
  });

  it('one row the server refuses never freezes the others: it is quarantined, still pending', async () => {
    const k = await newKiosk(up, proxy.url);
    for (let i = 0; i < 7; i++) await k.scan(code(i));
    // A check-in for a checkpoint the server does not know (e.g. made before pairing).
    const bad = newCheckInId();
    await k.db.checkins.add({ ...(await k.db.checkins.get(k.created[3]!))!, id: bad, checkpointId: 'gone' });
    for (let i = 7; i < 10; i++) await k.scan(code(i));
    const report = await k.engine({ batchSize: 500 }).syncNow();
    expect(report.push).toMatchObject({ acknowledged: 10, quarantined: 1 });
    expect(await outboxCount(k.db)).toBe(1);
    expect(await k.db.checkins.get(bad)).toMatchObject({ syncState: 'pending' });
    expect(Object.keys(await loadQuarantine(k.db))).toEqual([bad]);
    // Later passes skip it until its retry is due: no request storm.
    const before = hits(proxy, /^POST \/v1\/sync\/checkins/).length;
    await k.engine().syncNow();
    expect(hits(proxy, /^POST \/v1\/sync\/checkins/).length).toBe(before);
    await expectExactlyOnce(up, k.created);
  });

  it('a malformed upload reply is never trusted: rows stay pending', async () => {
    const k = await newKiosk(up, proxy.url);
    for (let i = 0; i < 3; i++) await k.scan(code(i));
    proxy.rules.push({ match: 'POST /v1/sync/checkins', fault: { kind: 'junk' }, times: 1 });
    proxy.rules.push({ match: 'GET /v1/sync/checkins', fault: { kind: 'json', body: { items: [{ id: 'nope' }], next: 5, more: false } }, times: 1 });
    const cursor = await getCursor(k.db, 'checkins');
    const engine = k.engine();
    const r = await engine.syncNow();
    expect(r.errors.map((e) => e.kind)).toEqual(['bad_response', 'bad_response']);
    expect(await outboxCount(k.db)).toBe(3);
    expect(await getCursor(k.db, 'checkins')).toBe(cursor); // the junk page moved nothing
    expect((await engine.syncNow()).ok).toBe(true);
    expect(await outboxCount(k.db)).toBe(0);
    await expectExactlyOnce(up, k.created);
  });
});

describe('pull', () => {
  it('a pull cut mid-page resumes from the last committed cursor', async () => {
    const k = await newKiosk(up, proxy.url);
    // 1000 more roster rows: 10 pages of 100 for this kiosk.
    const rows = ['code,name'];
    for (let i = 0; i < 1000; i++) rows.push(`MORE-${i},추가 ${i}`);
    await up.admin('/v1/admin/events/sync-test/tickets/import', { csv: rows.join('\n') });
    const start = await getCursor(k.db, 'tickets');
    // Pages 1–3 pass, the 4th is cut mid-body (a crash would leave the same state).
    proxy.rules.push({ match: 'GET /v1/sync/tickets', fault: { kind: 'cut', afterBytes: 500 }, skip: 3, times: 1 });
    const engine = k.engine({ pageLimit: 100 });
    const cut = await engine.syncNow();
    expect(cut.ok).toBe(false);
    expect(await ticketCount(k.db)).toBe(300 + 300);
    const resumed = await getCursor(k.db, 'tickets');
    expect(resumed).toBeGreaterThan(start);

    proxy.log.length = 0;
    const again = await engine.syncNow();
    expect(again.ok).toBe(true);
    const pulls = hits(proxy, /^GET \/v1\/sync\/tickets/).map((h) => h.line);
    expect(pulls[0]).toContain(`after=${resumed}&`);
    expect(pulls).toHaveLength(7);
    expect(await ticketCount(k.db)).toBe(1300);
    await expectExactlyOnce(up, k.created);
  });

  it('tombstones are stored as such so decide refuses them; own echoes keep their state', async () => {
    const k = await newKiosk(up, proxy.url);
    const mine = await k.scan(code(5));
    const engine = k.engine();
    await engine.syncNow();
    expect((await up.admin(`/v1/admin/events/sync-test/tickets/${code(7)}`, { method: 'PATCH', json: { status: 'revoked' } })).status).toBe(200);
    expect((await up.admin(`/v1/admin/events/sync-test/tickets/${code(8)}`, { method: 'PATCH', json: { status: 'deleted' } })).status).toBe(200);
    await engine.syncNow();
    expect(await findTicket(k.db, code(7))).toMatchObject({ status: 'revoked' });
    expect(await findTicket(k.db, code(8))).toMatchObject({ status: 'deleted' });
    const revoked = await k.db.checkins.get(await k.scan(code(7)));
    const deleted = await k.db.checkins.get(await k.scan(code(8)));
    expect(revoked).toMatchObject({ verdict: 'rejected', reason: 'revoked' });
    expect(deleted).toMatchObject({ verdict: 'rejected', reason: 'unknown_ticket' });
    // Our own check-in came back in the pull: still acknowledged, not re-queued, not doubled.
    expect(await k.db.checkins.get(mine)).toMatchObject({ syncState: 'stored' });
    expect(await k.db.checkins.count()).toBe(3);
    await engine.syncNow();
    expect(await outboxCount(k.db)).toBe(0);
    await expectExactlyOnce(up, k.created);
  });
});
