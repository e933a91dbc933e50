// Undo upstream (feature `voids`): a void is its own record, idempotent by id
// (and one per check-in whatever its id), refused whole when it names another
// desk's check-in; a voided admission no longer counts for conflicts between
// desks, online decisions, tallies or "inside now", and the export shows it.
// Also overrides: the refusal staff admitted through is kept upstream.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCheckInId } from '../../../core/ids';
import type { CheckinsPage, ConfigResponse, DecideResponse, RecordUploadResponse, TalliesResponse, UploadResponse, VoidsPage } from '../../../core/protocol';
import { parseCsv } from '../../e2e/support/upstream';
import { backends, checkin, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, type TestServer } from './harness';

describe.each(backends())('voids ($kind)', (backend) => {
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
  const voids = (token: string, items: unknown[]) => s.call('/v1/sync/voids', { method: 'POST', token, json: { items } });
  const voidOf = (checkinId: string, over: object = {}) => ({
    id: newCheckInId(),
    checkinId,
    reason: 'wrong_person',
    voidedAt: '2025-09-10T10:00:30.000+09:00',
    ...over,
  });
  const tallies = async () => expectJson<TalliesResponse>(await s.admin(`/v1/admin/events/${EVENT_ID}/tallies?day=2025-09-10`), 200);

  it('announces the feature in the config', async () => {
    const config = await expectJson<ConfigResponse>(await s.call('/v1/sync/config', { token: a.token }), 200);
    expect(config.features).toContain('voids');
  });

  it('is idempotent by id, and one void per check-in whatever its id; pulled once by every desk', async () => {
    const c = checkin({ code: 'T-001', checkpointId: 'hall' });
    await expectJson<UploadResponse>(await upload(a.token, [c]), 200);
    const v = voidOf(c.id, { note: '동명이인' });
    const first = await expectJson<RecordUploadResponse>(await voids(a.token, [v]), 200);
    expect(first.results).toEqual([{ id: v.id, status: 'stored' }]);
    const again = await expectJson<RecordUploadResponse>(await voids(a.token, [v, voidOf(c.id, { reason: 'double_scan' })]), 200);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const page = await expectJson<VoidsPage>(await s.call('/v1/sync/voids?after=0', { token: b.token }), 200);
    const mine = page.items.filter((x) => x.checkinId === c.id);
    expect(mine).toEqual([{ ...v, deviceId: a.deviceId, seq: mine[0]!.seq }]);
    const after = await expectJson<VoidsPage>(await s.call(`/v1/sync/voids?after=${page.next}`, { token: b.token }), 200);
    expect(after.items).toEqual([]);
  });

  it('refuses, whole and storing nothing, a void of a check-in another desk made; bad bodies are 400/413', async () => {
    const c = checkin({ code: 'T-002', checkpointId: 'hall' });
    await expectJson(await upload(a.token, [c]), 200);
    const fine = voidOf(checkin().id); // names a check-in not (yet) upstream: stored, takes effect when it comes
    const res = await voids(b.token, [fine, voidOf(c.id)]);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('foreign_checkin');
    const page = await expectJson<VoidsPage>(await s.call('/v1/sync/voids?after=0', { token: a.token }), 200);
    expect(page.items.map((x) => x.id)).not.toContain(fine.id);
    expect((await voids(a.token, [{ ...voidOf(c.id), reason: 'because' }])).status).toBe(400);
    expect((await voids(a.token, Array.from({ length: 501 }, () => voidOf(c.id)))).status).toBe(413);
  });

  it('a voided `once` admission is no reason to refuse or flag the next desk, offline or online', async () => {
    const first = checkin({ code: 'T-003', checkpointId: 'main', scannedAt: '2025-09-10T10:00:00.000+09:00' });
    expect((await expectJson<UploadResponse>(await upload(a.token, [first]), 200)).results[0]!.status).toBe('stored');
    // Without the void, desk B's later admission would be a conflict.
    await expectJson(await voids(a.token, [voidOf(first.id)]), 200);
    const offline = checkin({ code: 'T-003', checkpointId: 'main', scannedAt: '2025-09-10T10:05:00.000+09:00' });
    expect((await expectJson<UploadResponse>(await upload(b.token, [offline]), 200)).results[0]!.status).toBe('stored');
    // A third admission is a conflict again: B's one counts.
    const third = checkin({ code: 'T-003', checkpointId: 'main', scannedAt: '2025-09-10T10:06:00.000+09:00' });
    expect((await expectJson<UploadResponse>(await upload(a.token, [third]), 200)).results[0]!.status).toBe('conflict');

    // Online: the server decides with the voided admission left out.
    s.clock.now = Date.parse('2025-09-10T11:00:00+09:00');
    try {
      const once = checkin({ code: 'T-004', checkpointId: 'main', scannedAt: '2025-09-10T10:00:00.000+09:00' });
      await expectJson(await upload(a.token, [once]), 200);
      const refused = await expectJson<DecideResponse>(
        await s.call('/v1/sync/decide', { method: 'POST', token: b.token, json: { id: newCheckInId(), code: 'T-004', checkpointId: 'main' } }),
        200,
      );
      expect(refused).toMatchObject({ verdict: 'rejected', reason: 'already_checked_in' });
      await expectJson(await voids(a.token, [voidOf(once.id, { reason: 'double_scan' })]), 200);
      const admitted = await expectJson<DecideResponse>(
        await s.call('/v1/sync/decide', { method: 'POST', token: b.token, json: { id: newCheckInId(), code: 'T-004', checkpointId: 'main' } }),
        200,
      );
      expect(admitted).toMatchObject({ verdict: 'accepted', status: 'stored' });
    } finally {
      s.clock.now = null;
    }
  });

  // Uploads are judged together (every new admission joins its ticket's history
  // before any is judged, and stored ones may be re-marked): a voided admission
  // is in no history, so it is never re-marked and flags nothing in the batch.
  it('an upload judged together leaves a voided admission out: never re-marked, flags nothing', async () => {
    const at = (hm: string) => `2025-09-10T${hm}:00.000+09:00`;
    const pull = async (after: number) => (await expectJson<CheckinsPage>(await s.call(`/v1/sync/checkins?after=${after}&limit=1000`, { token: a.token }), 200)).items;
    const cursor = async () => Math.max(0, ...(await pull(0)).map((c) => c.seq));

    // Control, no void: an earlier admission arriving later re-marks the stored one.
    const kept = checkin({ code: 'T-004', checkpointId: 'daily', scannedAt: at('11:00') });
    await expectJson(await upload(a.token, [kept]), 200);
    const before = await cursor();
    await expectJson(await upload(b.token, [checkin({ code: 'T-004', checkpointId: 'daily', scannedAt: at('10:30') })]), 200);
    expect((await pull(before)).find((c) => c.id === kept.id)?.status).toBe('conflict');

    const late = checkin({ code: 'T-001', checkpointId: 'daily', scannedAt: at('11:00') });
    await expectJson(await upload(a.token, [late]), 200);
    await expectJson(await voids(a.token, [voidOf(late.id)]), 200);
    const from = await cursor();
    const early = checkin({ code: 'T-001', checkpointId: 'daily', scannedAt: at('10:30') });
    const again = checkin({ code: 'T-001', checkpointId: 'daily', scannedAt: at('11:30') });
    const res = await expectJson<UploadResponse>(await upload(b.token, [again, early]), 200);
    expect(res.results.map((r) => r.status)).toEqual(['conflict', 'stored']);
    // Only the two new rows moved: the voided one kept its seq and its status.
    expect((await pull(from)).map((c) => c.id).sort()).toEqual([early.id, again.id].sort());
    expect((await pull(0)).find((c) => c.id === late.id)?.status).toBe('stored');
  });

  it('tallies leave voided check-ins out (inside now included) and count them apart; the void may come first', async () => {
    const before = await tallies();
    const inside = (t: TalliesResponse) => t.insideNow?.find((r) => r.checkpointId === 'gate')?.inside ?? 0;
    const entry = checkin({ code: 'T-001', checkpointId: 'gate', scannedAt: '2025-09-10T12:00:00.000+09:00' });
    // The void arrives before its check-in (a push cut half-way): stored, and effective once the check-in comes.
    await expectJson(await voids(a.token, [voidOf(entry.id)]), 200);
    await expectJson(await upload(a.token, [entry]), 200);
    const other = checkin({ code: 'T-002', checkpointId: 'gate', scannedAt: '2025-09-10T12:01:00.000+09:00' });
    await expectJson(await upload(b.token, [other]), 200);
    const after = await tallies();
    expect(after.total.scans - before.total.scans).toBe(1);
    expect(after.total.accepted - before.total.accepted).toBe(1);
    expect((after.voided ?? 0) - (before.voided ?? 0)).toBe(1);
    expect(inside(after) - inside(before)).toBe(1);
  });

  it('an override keeps the refusal it admitted through, and counts apart', async () => {
    const before = await tallies();
    const o = checkin({ code: 'T-002', checkpointId: 'main', reason: 'already_checked_in', override: { by: 'staff-pin', reason: 'vip_guest' }, scannedAt: '2025-09-10T14:00:00.000+09:00' });
    await expectJson(await upload(a.token, [o]), 200);
    const [header, ...rows] = parseCsv((await (await s.admin(`/v1/admin/events/${EVENT_ID}/export.csv`)).text()).replace(/^\uFEFF/, ''));
    const row = rows.find((r) => r[0] === o.id)!;
    const cell = (k: string) => row[header!.indexOf(k)];
    expect([cell('verdict'), cell('reason'), cell('override_by'), cell('override_reason')]).toEqual(['accepted', 'already_checked_in', 'staff-pin', 'vip_guest']);
    expect(((await tallies()).overrides ?? 0) - (before.overrides ?? 0)).toBe(1);
  });

  it('the export shows when and why a check-in was voided', async () => {
    const c = checkin({ code: 'T-004', checkpointId: 'hall', scannedAt: '2025-09-10T13:00:00.000+09:00' });
    await expectJson(await upload(a.token, [c]), 200);
    await expectJson(await voids(a.token, [voidOf(c.id, { reason: 'other', note: '=잘못 스캔', voidedAt: '2025-09-10T13:00:40.000+09:00' })]), 200);
    const [header, ...rows] = parseCsv((await (await s.admin(`/v1/admin/events/${EVENT_ID}/export.csv`)).text()).replace(/^\uFEFF/, ''));
    expect(header!.slice(header!.indexOf('voided_at'), header!.indexOf('voided_at') + 2)).toEqual(['voided_at', 'void_reason']);
    const row = rows.find((r) => r[0] === c.id)!;
    const at = header!.indexOf('voided_at');
    expect(row.slice(at, at + 2)).toEqual(['2025-09-10T13:00:40.000+09:00', 'other: =잘못 스캔']);
    const plain = rows.find((r) => r[0] !== c.id && r[header!.indexOf('voided_at')] === '');
    expect(plain).toBeDefined();
  });
});
