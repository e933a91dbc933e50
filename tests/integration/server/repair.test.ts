// Re-pairing in place of a device (`replaces` on POST /v1/devices/pair), on SQLite
// and PostgreSQL: with the old device's own token and a code of the same event, the
// new device inherits its namespaces (walk-in codes `W-<old>-n`, voids of its
// check-ins) and the old one is revoked; a wrong token, another event's code or a
// device that never claimed gets nothing; a second claim with the same old token
// (the first answer was lost) revokes the orphan; a malformed claim changes nothing.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCheckInId } from '../../../core/ids';
import type { DevicesResponse, PairResponse, RecordUploadResponse } from '../../../core/protocol';
import { backends, checkin, countRows, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, testEvent, type TestServer } from './harness';

describe.each(backends())('re-pairing in place of a device ($kind)', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer(backend);
    await seedEvent(s);
    const other = testEvent();
    other.event = { ...other.event, id: 'ev2', name: { ko: '다른 행사', en: 'Other event' } };
    other.programmes = other.programmes.map((p) => ({ ...p, eventId: 'ev2' }));
    other.checkpoints = other.checkpoints.map((c) => ({ ...c, eventId: 'ev2' }));
    await expectJson(await s.admin('/v1/admin/events', { method: 'POST', json: other }), 200);
  });
  afterAll(() => s.close());

  const code = async (eventId = EVENT_ID) =>
    (await expectJson<{ code: string }>(await s.admin(`/v1/admin/events/${eventId}/pairing-codes`, { method: 'POST', json: {} }), 200)).code;
  const pair = async (json: object) => s.call('/v1/devices/pair', { method: 'POST', json: { name: 'desk again', ...json } });
  const walkIn = (deviceId: string, n: number) => ({
    id: newCheckInId(),
    code: `W-${deviceId}-${n}`,
    name: '최현장',
    company: '한빛상사',
    category: 'visitor',
    consents: [{ item: 'registration', granted: true }],
    consentText: 'walkin-2026-12-v1',
    checkpointId: 'hall',
    checkinId: newCheckInId(),
    registeredAt: '2025-09-10T10:00:00.000+09:00',
  });
  const devices = async () => (await expectJson<DevicesResponse>(await s.admin('/v1/admin/devices'), 200)).devices;
  const walkIns = (token: string, items: unknown[]) => s.call('/v1/sync/walkins', { method: 'POST', token, json: { items } });
  const voids = (token: string, checkinId: string) =>
    s.call('/v1/sync/voids', { method: 'POST', token, json: { items: [{ id: newCheckInId(), checkinId, reason: 'double_scan', voidedAt: '2025-09-10T10:05:00.000+09:00' }] } });

  it('links a same-event device proven by its token: its walk-ins and voids are accepted from the new one, which alone may write', async () => {
    const old = await pairDevice(s, 'desk A');
    const scanned = checkin({ code: 'T-003', checkpointId: 'hall' });
    await expectJson(await s.call('/v1/sync/checkins', { method: 'POST', token: old.token, json: { items: [scanned] } }), 200);
    expect((await s.admin(`/v1/admin/devices/${old.deviceId}/revoke`, { method: 'POST' })).status).toBe(200);

    const fresh = await expectJson<PairResponse>(await pair({ code: await code(), replaces: [old] }), 200);
    expect(fresh.lineage).toEqual([old.deviceId]);
    const w = walkIn(old.deviceId, 1);
    expect((await expectJson<RecordUploadResponse>(await walkIns(fresh.token, [w]), 200)).results).toEqual([{ id: w.id, status: 'stored' }]);
    expect((await expectJson<RecordUploadResponse>(await voids(fresh.token, scanned.id), 200)).results[0]!.status).toBe('stored');
    // Its own new series is its own too.
    expect((await walkIns(fresh.token, [walkIn(fresh.deviceId, 1)])).status).toBe(200);

    const list = await devices();
    expect(list.find((d) => d.id === old.deviceId)).toMatchObject({ revoked: true, replacedBy: fresh.deviceId });
    expect(list.find((d) => d.id === fresh.deviceId)).toMatchObject({ revoked: false, replaces: old.deviceId });
    // The old token stays dead; another desk still cannot write in the old namespace.
    expect((await walkIns(old.token, [walkIn(old.deviceId, 2)])).status).toBe(401);
    const other = await pairDevice(s, 'desk B');
    const refused = await expectJson<{ error: { code: string } }>(await walkIns(other.token, [walkIn(old.deviceId, 3)]), 422);
    expect(refused.error.code).toBe('foreign_code');

    // A chain: replaced again, the newest device inherits both namespaces.
    const third = await expectJson<PairResponse>(await pair({ code: await code(), replaces: [{ deviceId: fresh.deviceId, token: fresh.token }] }), 200);
    expect(third.lineage).toEqual([fresh.deviceId, old.deviceId]);
    expect((await walkIns(third.token, [walkIn(old.deviceId, 4), walkIn(fresh.deviceId, 2)])).status).toBe(200);
    expect((await walkIns(fresh.token, [walkIn(fresh.deviceId, 3)])).status).toBe(401);
  });

  it('ignores a claim with a wrong token or onto another event: the pairing goes on, without the namespace', async () => {
    const old = await pairDevice(s, 'desk C');
    const wrong = await expectJson<PairResponse>(await pair({ code: await code(), replaces: [{ deviceId: old.deviceId, token: `${old.token}x` }] }), 200);
    expect(wrong.lineage).toBeUndefined();
    expect((await expectJson<{ error: { code: string } }>(await walkIns(wrong.token, [walkIn(old.deviceId, 1)]), 422)).error.code).toBe('foreign_code');
    const elsewhere = await expectJson<PairResponse>(await pair({ code: await code('ev2'), replaces: [old] }), 200);
    expect(elsewhere).toMatchObject({ eventId: 'ev2' });
    expect(elsewhere.lineage).toBeUndefined();
    // Neither claim cut the old desk off.
    expect((await walkIns(old.token, [walkIn(old.deviceId, 1)])).status).toBe(200);
  });

  it('a second claim with the same old token (the first answer was lost) revokes the orphan; a malformed claim changes nothing', async () => {
    const old = await pairDevice(s, 'desk D');
    const orphan = await expectJson<PairResponse>(await pair({ code: await code(), replaces: [old] }), 200);
    const kept = await expectJson<PairResponse>(await pair({ code: await code(), replaces: [old] }), 200);
    expect(kept.lineage).toEqual([old.deviceId]);
    expect((await walkIns(orphan.token, [walkIn(old.deviceId, 1)])).status).toBe(401);
    expect((await walkIns(kept.token, [walkIn(old.deviceId, 1)])).status).toBe(200);

    const before = await countRows(s, 'devices');
    const unused = await code();
    const bad = await expectJson<{ error: { code: string } }>(await pair({ code: unused, replaces: { deviceId: old.deviceId } }), 400);
    expect(bad.error.code).toBeTruthy();
    expect(await countRows(s, 'devices')).toBe(before);
    // The code was not spent by the refused request.
    expect((await pair({ code: unused })).status).toBe(200);
  });
});
