// Pulls: config with ETag / 304, and the roster by cursor — paging,
// tombstones, resuming from `next`, only changed rows getting a new seq.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigResponse, TicketWire, TicketsPage } from '../../../core/protocol';
import { backends, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, testEvent, type TestServer } from './harness';

describe.each(backends())('pulls ($kind)', (backend) => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await startServer(backend);
    await seedEvent(s);
    ({ token } = await pairDevice(s, 'Desk', 'daily'));
  });
  afterAll(() => s.close());

  async function pullAll(after: number, limit: number): Promise<{ pages: TicketsPage[]; next: number }> {
    const pages: TicketsPage[] = [];
    let cursor = after;
    for (;;) {
      const page = await expectJson<TicketsPage>(await s.call(`/v1/sync/tickets?after=${cursor}&limit=${limit}`, { token }), 200);
      pages.push(page);
      cursor = page.next;
      if (!page.more) return { pages, next: cursor };
    }
  }

  it('serves config with an ETag and answers If-None-Match with 304', async () => {
    const res = await s.call('/v1/sync/config', { token });
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const body = (await res.json()) as ConfigResponse;
    expect(body.event.id).toBe(EVENT_ID);
    expect(body.checkpoints.map((c) => c.id)).toEqual(['main', 'daily', 'hall', 'gate', 'press']);
    expect(body.checkpoints.find((c) => c.id === 'press')?.categories).toEqual(['press']);
    expect(body.deviceCheckpointId).toBe('daily');
    // The event's first signing key, made for the first kiosk to pull the config (signing-keys.test.ts).
    expect(body.signingKeys).toEqual([expect.objectContaining({ keyId: 'k1', status: 'active' })]);

    const cached = await s.call('/v1/sync/config', { token, headers: { 'if-none-match': etag! } });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe('');

    const bundle = testEvent();
    bundle.checkpoints[0]!.name.en = 'Main door (renamed)';
    await expectJson(await s.admin('/v1/admin/events', { method: 'POST', json: bundle }), 200);
    const changed = await s.call('/v1/sync/config', { token, headers: { 'if-none-match': etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(((await changed.json()) as ConfigResponse).checkpoints[0]!.name.en).toBe('Main door (renamed)');
  });

  it('pages the roster by seq and resumes from the cursor', async () => {
    const csv = ['code,name', ...Array.from({ length: 23 }, (_, i) => `B-${String(i).padStart(3, '0')},사람 ${i}`)].join('\n');
    const imp = await expectJson<{ imported: number }>(
      await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/import`, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } }),
      200,
    );
    expect(imp.imported).toBe(23);

    const { pages, next } = await pullAll(0, 10);
    const items = pages.flatMap((p) => p.items);
    expect(items).toHaveLength(4 + 23);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 7]);
    expect(pages.slice(0, -1).every((p) => p.more)).toBe(true);
    const seqs = items.map((t) => t.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(pages[0]!.next).toBe(pages[0]!.items.at(-1)!.seq);

    // Resume: nothing new after the last cursor; `next` stays put.
    const empty = await expectJson<TicketsPage>(await s.call(`/v1/sync/tickets?after=${next}`, { token }), 200);
    expect(empty).toEqual({ items: [], next, more: false });

    // Resume mid-way: a cursor from page 1 gives exactly the rest.
    const rest = await pullAll(pages[0]!.next, 100);
    expect(rest.pages.flatMap((p) => p.items).map((t) => t.code)).toEqual(items.slice(10).map((t) => t.code));
  });

  it('includes tombstones (revoked, deleted) after the cursor, nothing else', async () => {
    const before = await pullAll(0, 1000);
    for (const [code, status] of [['B-001', 'deleted'], ['B-002', 'revoked']] as const) {
      const t = await expectJson<TicketWire>(
        await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/${code}`, { method: 'PATCH', json: { status } }),
        200,
      );
      expect(t.status).toBe(status);
    }
    const after = await pullAll(before.next, 1000);
    const items = after.pages.flatMap((p) => p.items);
    expect(items.map((t) => [t.code, t.status])).toEqual([
      ['B-001', 'deleted'],
      ['B-002', 'revoked'],
    ]);
    // Setting the same status again changes nothing and bumps no seq.
    await expectJson(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/B-002`, { method: 'PATCH', json: { status: 'revoked' } }), 200);
    expect((await pullAll(after.next, 1000)).pages[0]!.items).toEqual([]);
  });

  it('rejects a bad cursor or limit with 400', async () => {
    for (const q of ['after=-1', 'after=abc', 'limit=0', 'limit=100000']) {
      const res = await s.call(`/v1/sync/tickets?${q}`, { token });
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_request');
    }
  });
});
