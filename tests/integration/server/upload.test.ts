// Uploads: idempotency by id, conflicts between desks (kept, flagged, in the
// export), re-marking when the earlier scan arrives last, the 500-item and
// body limits, unknown checkpoints and malformed JSON writing nothing, and
// cursor pulls that never skip a row under concurrent writers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckinWire, CheckinsPage, DecideResponse, UploadResponse } from '../../../core/protocol';
import {
  backends,
  checkin,
  countRows,
  EVENT_ID,
  expectJson,
  pairDevice,
  seedEvent,
  startServer,
  type TestServer,
} from './harness';

describe.each(backends())('uploads ($kind)', (backend) => {
  let s: TestServer;
  let a: { deviceId: string; token: string };
  let b: { deviceId: string; token: string };
  beforeAll(async () => {
    s = await startServer(backend);
    await seedEvent(s);
    a = await pairDevice(s, 'Desk A');
    b = await pairDevice(s, 'Desk B');
  });
  afterAll(() => s.close());

  const upload = (token: string, items: unknown[]) => s.call('/v1/sync/checkins', { method: 'POST', token, json: { items } });

  async function pullAllCheckins(token: string, after = 0, limit = 1000): Promise<CheckinWire[]> {
    const out: CheckinWire[] = [];
    let cursor = after;
    for (;;) {
      const page = await expectJson<CheckinsPage>(await s.call(`/v1/sync/checkins?after=${cursor}&limit=${limit}`, { token }), 200);
      out.push(...page.items);
      cursor = page.next;
      if (!page.more) return out;
    }
  }

  it('is idempotent by id: the same batch twice is all duplicate, no new rows', async () => {
    const batch = [
      checkin({ code: 'T-001', checkpointId: 'hall' }),
      checkin({ code: 'T-002', checkpointId: 'hall', verdict: 'rejected', reason: 'wrong_checkpoint' }),
      checkin({ code: 'T-003', checkpointId: 'hall', direction: 'exit' }),
    ];
    const first = await expectJson<UploadResponse>(await upload(a.token, batch), 200);
    expect(first.results).toEqual(batch.map((c) => ({ id: c.id, status: 'stored' })));
    const rows = await countRows(s, 'checkins');
    const pulled = await pullAllCheckins(a.token);

    const second = await expectJson<UploadResponse>(await upload(a.token, batch), 200);
    expect(second.results).toEqual(batch.map((c) => ({ id: c.id, status: 'duplicate' })));
    // Another device repeating the ids changes nothing either; an id twice in one batch is one row.
    const third = await expectJson<UploadResponse>(await upload(b.token, [batch[0], batch[0]]), 200);
    expect(third.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(await countRows(s, 'checkins')).toBe(rows);
    expect(await pullAllCheckins(a.token)).toEqual(pulled);

    const fresh = checkin({ checkpointId: 'hall' });
    const dup = await expectJson<UploadResponse>(await upload(a.token, [fresh, fresh]), 200);
    expect(dup.results.map((r) => r.status)).toEqual(['stored', 'duplicate']);

    const wire = pulled.find((c) => c.id === batch[1]!.id)!;
    expect(wire).toMatchObject({ deviceId: a.deviceId, verdict: 'rejected', reason: 'wrong_checkpoint', day: '2025-09-10', status: 'stored' });
  });

  it('two desks admitting one `once` ticket: both rows kept, the later one conflict, both in the export', async () => {
    const early = checkin({ code: 'T-003', checkpointId: 'main', scannedAt: '2025-09-10T10:00:00.000+09:00' });
    const late = checkin({ code: 'T-003', checkpointId: 'main', scannedAt: '2025-09-10T10:00:05.000+09:00' });
    expect((await expectJson<UploadResponse>(await upload(a.token, [early]), 200)).results[0]!.status).toBe('stored');
    expect((await expectJson<UploadResponse>(await upload(b.token, [late]), 200)).results[0]!.status).toBe('conflict');
    // A rejection or an exit of the same ticket is never a conflict.
    const other = await expectJson<UploadResponse>(
      await upload(b.token, [
        checkin({ code: 'T-003', checkpointId: 'main', verdict: 'rejected', reason: 'already_checked_in' }),
        checkin({ code: 'T-003', checkpointId: 'main', direction: 'exit' }),
      ]),
      200,
    );
    expect(other.results.map((r) => r.status)).toEqual(['stored', 'stored']);

    const all = await pullAllCheckins(a.token);
    expect(all.find((c) => c.id === early.id)?.status).toBe('stored');
    expect(all.find((c) => c.id === late.id)).toMatchObject({ status: 'conflict', deviceId: b.deviceId });

    const csv = await (await s.admin(`/v1/admin/events/${EVENT_ID}/export.csv`)).text();
    const lines = csv.split('\r\n');
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const col = (line: string | undefined, name: string) => line?.split(',')[header.indexOf(name)];
    expect(col(lines.find((l) => l.startsWith(early.id)), 'status')).toBe('stored');
    expect(col(lines.find((l) => l.startsWith(late.id)), 'status')).toBe('conflict');
    expect(col(lines.find((l) => l.startsWith(late.id)), 'device_name')).toBe('Desk B');
  });

  it('re-marks the stored admission when an earlier scan arrives later (scannedAt, then id)', async () => {
    const later = checkin({ code: 'T-004', checkpointId: 'main', scannedAt: '2025-09-10T11:00:00.000+09:00' });
    const earlier = checkin({ code: 'T-004', checkpointId: 'main', scannedAt: '2025-09-10T10:59:00.000+09:00' });
    await expectJson(await upload(a.token, [later]), 200);
    const cursor = Math.max(...(await pullAllCheckins(a.token)).map((c) => c.seq));
    expect((await expectJson<UploadResponse>(await upload(b.token, [earlier]), 200)).results[0]!.status).toBe('stored');
    const changed = await pullAllCheckins(a.token, cursor);
    expect(changed.map((c) => [c.id, c.status])).toEqual(
      expect.arrayContaining([
        [earlier.id, 'stored'],
        [later.id, 'conflict'],
      ]),
    );
  });

  it('once_per_day conflicts only within the venue-local day; overrides are never conflicts', async () => {
    const day1 = checkin({ code: 'T-001', checkpointId: 'daily', scannedAt: '2025-09-10T23:30:00.000+09:00' });
    // 2025-09-10T15:10Z is 2025-09-11 00:10 in Seoul: the next venue day.
    const day2 = checkin({ code: 'T-001', checkpointId: 'daily', scannedAt: '2025-09-10T15:10:00.000Z' });
    const day2again = checkin({ code: 'T-001', checkpointId: 'daily', scannedAt: '2025-09-11T09:00:00.000+09:00' });
    const override = checkin({
      code: 'T-001',
      checkpointId: 'daily',
      scannedAt: '2025-09-11T09:05:00.000+09:00',
      override: { by: 'lead', reason: 'lost wristband' },
    });
    const res = await expectJson<UploadResponse>(await upload(a.token, [day1, day2, day2again, override]), 200);
    expect(res.results.map((r) => r.status)).toEqual(['stored', 'stored', 'conflict', 'stored']);
    const pulled = await pullAllCheckins(a.token);
    expect(pulled.find((c) => c.id === day2.id)?.day).toBe('2025-09-11');
    expect(pulled.find((c) => c.id === override.id)?.override).toEqual({ by: 'lead', reason: 'lost wristband' });
  });

  it('entry/exit: coming back after an exit is not a conflict, a second entry while inside is', async () => {
    const t = (m: number) => `2025-09-10T12:${String(m).padStart(2, '0')}:00.000+09:00`;
    const items = [
      checkin({ code: 'T-002', checkpointId: 'gate', scannedAt: t(0) }),
      checkin({ code: 'T-002', checkpointId: 'gate', scannedAt: t(10), direction: 'exit' }),
      checkin({ code: 'T-002', checkpointId: 'gate', scannedAt: t(20) }),
      checkin({ code: 'T-002', checkpointId: 'gate', scannedAt: t(30) }),
    ];
    const res = await expectJson<UploadResponse>(await upload(a.token, items), 200);
    expect(res.results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored', 'conflict']);
  });

  // Found by the soak: a desk partitioned all afternoon uploads its entry and
  // exit together, earlier than another desk's re-entry already stored. Judged
  // item by item, the entry re-marked the re-entry before the exit beside it
  // was seen, and rows never go back: a false conflict.
  it('entry/exit: an upload holding an entry and its exit, both before a stored re-entry, leaves the re-entry stored', async () => {
    const t = (h: number, m: number) => `2025-09-10T${h}:${String(m).padStart(2, '0')}:00.000+09:00`;
    const reentry = checkin({ code: 'T-003', checkpointId: 'gate', scannedAt: t(17, 3) });
    expect((await expectJson<UploadResponse>(await upload(b.token, [reentry]), 200)).results[0]!.status).toBe('stored');
    const cursor = Math.max(...(await pullAllCheckins(a.token)).map((c) => c.seq));
    const entry = checkin({ code: 'T-003', checkpointId: 'gate', scannedAt: t(12, 59) });
    const exit = checkin({ code: 'T-003', checkpointId: 'gate', scannedAt: t(13, 54), direction: 'exit' });
    const res = await expectJson<UploadResponse>(await upload(a.token, [entry, exit]), 200);
    expect(res.results.map((r) => r.status)).toEqual(['stored', 'stored']);
    const statuses = new Map((await pullAllCheckins(a.token)).map((c) => [c.id, c.status]));
    expect(statuses.get(reentry.id)).toBe('stored');
    // Nothing was re-marked: no row of the ticket came back with a new seq but the two new ones.
    expect((await pullAllCheckins(a.token, cursor)).map((c) => c.id).sort()).toEqual([entry.id, exit.id].sort());
    // Without the exit the same entry does make the re-entry a conflict.
    const other = checkin({ code: 'T-003', checkpointId: 'gate', scannedAt: t(18, 0) });
    const inside = checkin({ code: 'T-003', checkpointId: 'gate', scannedAt: t(17, 30) });
    await expectJson(await upload(b.token, [other]), 200);
    expect((await expectJson<UploadResponse>(await upload(a.token, [inside]), 200)).results[0]!.status).toBe('conflict');
  });

  it('caps a batch at 500 items (413 too_many_items) and accepts exactly 500', async () => {
    const rows = await countRows(s, 'checkins');
    const tooMany = await upload(a.token, Array.from({ length: 501 }, () => checkin({ checkpointId: 'hall' })));
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).error.code).toBe('too_many_items');
    expect(await countRows(s, 'checkins')).toBe(rows);

    const ok = await expectJson<UploadResponse>(
      await upload(a.token, Array.from({ length: 500 }, () => checkin({ checkpointId: 'hall' }))),
      200,
    );
    expect(ok.results.filter((r) => r.status === 'stored')).toHaveLength(500);
    expect(await countRows(s, 'checkins')).toBe(rows + 500);
  });

  it('answers an oversized body with 413 and the error body', async () => {
    const big = JSON.stringify({ items: [], pad: 'x'.repeat(s.config.bodyLimit + 10) });
    const res = await s.call('/v1/sync/checkins', { method: 'POST', token: a.token, body: big, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'payload_too_large', message: expect.any(String) } });
  });

  it('unknown checkpoint → 422 and nothing of the batch is written', async () => {
    const rows = await countRows(s, 'checkins');
    const good = checkin({ checkpointId: 'hall' });
    const res = await upload(a.token, [good, checkin({ checkpointId: 'no-such-door' })]);
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'unknown_checkpoint', message: expect.stringContaining('no-such-door') });
    expect(await countRows(s, 'checkins')).toBe(rows);
    expect((await expectJson<UploadResponse>(await upload(a.token, [good]), 200)).results[0]!.status).toBe('stored');
  });

  it('malformed JSON → 400, invalid items → 400, nothing written', async () => {
    const rows = await countRows(s, 'checkins');
    const broken = await s.call('/v1/sync/checkins', {
      method: 'POST',
      token: a.token,
      body: '{"items":[{"id":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('malformed_json');
    const invalid = await upload(a.token, [checkin(), { ...checkin(), scannedAt: '2025-09-10 09:00' }]);
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('items.1.scannedAt') });
    expect(await countRows(s, 'checkins')).toBe(rows);
  });

  it('online decide: concurrent desks cannot both admit a once ticket; repeats are idempotent', async () => {
    const ids = Array.from({ length: 8 }, () => checkin().id);
    const answers = await Promise.all(
      ids.map((id, i) =>
        s.call('/v1/sync/decide', {
          method: 'POST',
          token: i % 2 ? a.token : b.token,
          json: { id, code: 'T-004', checkpointId: 'daily' },
        }),
      ),
    );
    const verdicts = await Promise.all(answers.map((r) => expectJson<DecideResponse>(r, 200)));
    expect(verdicts.filter((v) => v.verdict === 'accepted')).toHaveLength(1);
    expect(verdicts.filter((v) => v.verdict === 'rejected').every((v) => v.reason === 'already_checked_in')).toBe(true);
    expect(verdicts.every((v) => v.status === 'stored' && v.checkin.status === 'stored')).toBe(true);

    const again = await expectJson<DecideResponse>(
      await s.call('/v1/sync/decide', { method: 'POST', token: a.token, json: { id: ids[0], code: 'T-004', checkpointId: 'daily' } }),
      200,
    );
    expect(again.status).toBe('duplicate');
    expect(again.verdict).toBe(verdicts[0]!.verdict);

    const press = await expectJson<DecideResponse>(
      await s.call('/v1/sync/decide', { method: 'POST', token: a.token, json: { id: checkin().id, code: 'T-002', checkpointId: 'press' } }),
      200,
    );
    expect(press).toMatchObject({ verdict: 'accepted', attention: '휠체어 이용', ticket: { code: 'T-002', category: 'press' } });
    const wrong = await expectJson<DecideResponse>(
      await s.call('/v1/sync/decide', { method: 'POST', token: a.token, json: { id: checkin().id, code: 'T-001', checkpointId: 'press' } }),
      200,
    );
    expect(wrong).toMatchObject({ verdict: 'rejected', reason: 'wrong_checkpoint' });
    const unknown = await expectJson<DecideResponse>(
      await s.call('/v1/sync/decide', { method: 'POST', token: a.token, json: { id: checkin().id, code: 'NOPE', checkpointId: 'hall' } }),
      200,
    );
    expect(unknown).toMatchObject({ verdict: 'rejected', reason: 'unknown_ticket', ticket: null });
    const noDoor = await s.call('/v1/sync/decide', { method: 'POST', token: a.token, json: { id: checkin().id, code: 'T-001', checkpointId: 'x' } });
    expect(noDoor.status).toBe(422);
  });

  it('pulls by cursor never skip a row while many desks upload at once', async () => {
    const devices = await Promise.all(Array.from({ length: 6 }, (_, i) => pairDevice(s, `Burst ${i}`)));
    const start = Math.max(0, ...(await pullAllCheckins(a.token)).map((c) => c.seq));
    const seen = new Map<string, number>();
    let cursor = start;
    let uploading = true;
    const puller = (async () => {
      while (uploading) {
        const page = await expectJson<CheckinsPage>(await s.call(`/v1/sync/checkins?after=${cursor}&limit=50`, { token: a.token }), 200);
        for (const c of page.items) seen.set(c.id, c.seq);
        cursor = page.next;
      }
    })();
    const uploaded: string[] = [];
    await Promise.all(
      devices.map(async (d) => {
        for (let round = 0; round < 5; round++) {
          const items = Array.from({ length: 20 }, () => checkin({ checkpointId: 'hall' }));
          uploaded.push(...items.map((i) => i.id));
          await expectJson(await upload(d.token, items), 200);
        }
      }),
    );
    uploading = false;
    await puller;
    // One last pull from the puller's cursor: together they must hold every row exactly once.
    for (const c of await pullAllCheckins(a.token, cursor)) seen.set(c.id, c.seq);
    expect(uploaded.filter((id) => !seen.has(id))).toEqual([]);
    expect(new Set(seen.values()).size).toBe(seen.size);
  });
});
