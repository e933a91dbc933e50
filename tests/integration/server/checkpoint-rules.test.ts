// Checkpoint rules upstream (issue 14): the event bundle stores a checkpoint's
// day start, entry cap and "no re-entry after exit", the kiosk config carries
// them, and uploads from several desks are re-judged with them — a third coffee
// of the day or a re-entry through a no-re-entry door is kept and flagged
// `conflict`, and a night past midnight stays one venue day. On SQLite and
// PostgreSQL, through the real server on loopback.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigResponse, EventBundle, UploadResponse } from '../../../core/protocol';
import { backends, checkin, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, testEvent, type TestServer } from './harness';

/** The test event plus: `coffee` (2 a day), `night` (once a day from 04:00), `club` (entry/exit from 04:00, no re-entry), `pass3` (3 in total). */
function rulesEvent(): EventBundle {
  const bundle = testEvent();
  type Cp = EventBundle['checkpoints'][number];
  const cp = (id: string, extra: Partial<Cp> & Pick<Cp, 'rule'>): Cp => ({ id, eventId: EVENT_ID, name: { ko: `${id} 입구`, en: `${id} door` }, mode: 'entry', ...extra });
  bundle.checkpoints.push(
    cp('coffee', { rule: 'once_per_day', maxAdmissions: 2 }),
    cp('night', { rule: 'once_per_day', dayStart: '04:00' }),
    cp('club', { rule: 'once_per_day', mode: 'entry_exit', dayStart: '04:00', noReentry: true }),
    cp('pass3', { rule: 'once', maxAdmissions: 3 }),
  );
  return bundle;
}

describe.each(backends())('checkpoint rules upstream ($kind)', (backend) => {
  let s: TestServer;
  let a: { deviceId: string; token: string };
  let b: { deviceId: string; token: string };
  beforeAll(async () => {
    s = await startServer(backend);
    await seedEvent(s);
    await expectJson(await s.admin('/v1/admin/events', { method: 'POST', json: rulesEvent() }), 200);
    a = await pairDevice(s, 'Desk A');
    b = await pairDevice(s, 'Desk B');
  });
  afterAll(() => s.close());

  const upload = async (token: string, items: unknown[]) =>
    (await expectJson<UploadResponse>(await s.call('/v1/sync/checkins', { method: 'POST', token, json: { items } }), 200)).results.map(
      (r) => r.status,
    );

  it('the kiosk config carries each checkpoint’s rules, and a checkpoint without them comes back without them', async () => {
    const config = await expectJson<ConfigResponse>(await s.call('/v1/sync/config', { token: a.token }), 200);
    const byId = new Map(config.checkpoints.map((c) => [c.id, c]));
    expect(byId.get('coffee')).toMatchObject({ rule: 'once_per_day', maxAdmissions: 2 });
    expect(byId.get('club')).toMatchObject({ mode: 'entry_exit', dayStart: '04:00', noReentry: true });
    expect(byId.get('pass3')).toMatchObject({ rule: 'once', maxAdmissions: 3 });
    const main = byId.get('main')!;
    expect(main).not.toHaveProperty('dayStart');
    expect(main).not.toHaveProperty('maxAdmissions');
    expect(main).not.toHaveProperty('noReentry');
    // The admin list (what the console edits) round-trips them too.
    const { events } = await expectJson<{ events: EventBundle[] }>(await s.admin('/v1/admin/events'), 200);
    expect(events[0]!.checkpoints.find((c) => c.id === 'night')).toMatchObject({ dayStart: '04:00' });
  });

  it('refuses a bad day start or cap with 400 and keeps the stored rules', async () => {
    for (const bad of [{ dayStart: '25:00' }, { dayStart: '4:00' }, { maxAdmissions: 0 }, { maxAdmissions: 1.5 }, { noReentry: 'yes' }]) {
      const bundle = rulesEvent();
      Object.assign(bundle.checkpoints.find((c) => c.id === 'coffee')!, bad);
      expect((await s.admin('/v1/admin/events', { method: 'POST', json: bundle })).status, JSON.stringify(bad)).toBe(400);
    }
    const config = await expectJson<ConfigResponse>(await s.call('/v1/sync/config', { token: b.token }), 200);
    expect(config.checkpoints.find((c) => c.id === 'coffee')).toMatchObject({ maxAdmissions: 2 });
    expect(config.checkpoints.find((c) => c.id === 'coffee')).not.toHaveProperty('dayStart');
  });

  it('a cap of 2 a day across two desks: the third coffee is kept and flagged conflict, the next day starts again', async () => {
    // Desk A admits twice offline, desk B once (it never saw A's): B's, scanned last, is the third.
    expect(
      await upload(a.token, [
        checkin({ code: 'T-001', checkpointId: 'coffee', scannedAt: '2025-09-10T09:00:00.000+09:00' }),
        checkin({ code: 'T-001', checkpointId: 'coffee', scannedAt: '2025-09-10T13:00:00.000+09:00' }),
      ]),
    ).toEqual(['stored', 'stored']);
    expect(await upload(b.token, [checkin({ code: 'T-001', checkpointId: 'coffee', scannedAt: '2025-09-10T15:00:00.000+09:00' })])).toEqual([
      'conflict',
    ]);
    expect(await upload(b.token, [checkin({ code: 'T-001', checkpointId: 'coffee', scannedAt: '2025-09-11T09:00:00.000+09:00' })])).toEqual([
      'stored',
    ]);
    // Another ticket's coffees are its own.
    expect(await upload(b.token, [checkin({ code: 'T-003', checkpointId: 'coffee', scannedAt: '2025-09-10T15:00:00.000+09:00' })])).toEqual([
      'stored',
    ]);
  });

  it('an earlier scan arriving last re-marks the admission that is now over the cap', async () => {
    const noon = checkin({ code: 'T-004', checkpointId: 'pass3', scannedAt: '2025-09-10T12:00:00.000+09:00' });
    expect(
      await upload(a.token, [
        checkin({ code: 'T-004', checkpointId: 'pass3', scannedAt: '2025-09-10T09:00:00.000+09:00' }),
        checkin({ code: 'T-004', checkpointId: 'pass3', scannedAt: '2025-09-10T10:00:00.000+09:00' }),
        noon,
      ]),
    ).toEqual(['stored', 'stored', 'stored']);
    // Desk B was offline all morning: its 09:30 admission makes noon's the fourth of three.
    expect(await upload(b.token, [checkin({ code: 'T-004', checkpointId: 'pass3', scannedAt: '2025-09-10T09:30:00.000+09:00' })])).toEqual([
      'stored',
    ]);
    const row = await s.db.db.selectFrom('checkins').select('status').where('id', '=', noon.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('conflict');
  });

  it('day start 04:00: 23:30 and 01:30 the next calendar day are one venue day; 05:00 is the next', async () => {
    expect(await upload(a.token, [checkin({ code: 'T-003', checkpointId: 'night', scannedAt: '2025-09-10T23:30:00.000+09:00' })])).toEqual([
      'stored',
    ]);
    expect(
      await upload(b.token, [
        checkin({ code: 'T-003', checkpointId: 'night', scannedAt: '2025-09-11T01:30:00.000+09:00' }),
        checkin({ code: 'T-003', checkpointId: 'night', scannedAt: '2025-09-11T05:00:00.000+09:00' }),
      ]),
    ).toEqual(['conflict', 'stored']);
    // The same two scans at a midnight checkpoint are two days: no conflict (the old behaviour).
    expect(
      await upload(b.token, [
        checkin({ code: 'T-003', checkpointId: 'daily', scannedAt: '2025-09-10T23:30:00.000+09:00' }),
        checkin({ code: 'T-003', checkpointId: 'daily', scannedAt: '2025-09-11T01:30:00.000+09:00' }),
      ]),
    ).toEqual(['stored', 'stored']);
  });

  it('no re-entry after exit: a re-entry at another desk past midnight is a conflict; the next venue day admits again', async () => {
    expect(
      await upload(a.token, [
        checkin({ code: 'T-002', checkpointId: 'club', scannedAt: '2025-09-10T22:00:00.000+09:00' }),
        checkin({ code: 'T-002', checkpointId: 'club', direction: 'exit', scannedAt: '2025-09-10T23:50:00.000+09:00' }),
      ]),
    ).toEqual(['stored', 'stored']);
    expect(
      await upload(b.token, [
        checkin({ code: 'T-002', checkpointId: 'club', scannedAt: '2025-09-11T00:30:00.000+09:00' }),
        checkin({ code: 'T-002', checkpointId: 'club', scannedAt: '2025-09-11T22:00:00.000+09:00' }),
      ]),
    ).toEqual(['conflict', 'stored']);
    // At a door that allows re-entry (`gate`), the same pattern is never a conflict.
    expect(
      await upload(a.token, [
        checkin({ code: 'T-002', checkpointId: 'gate', scannedAt: '2025-09-10T10:00:00.000+09:00' }),
        checkin({ code: 'T-002', checkpointId: 'gate', direction: 'exit', scannedAt: '2025-09-10T11:00:00.000+09:00' }),
        checkin({ code: 'T-002', checkpointId: 'gate', scannedAt: '2025-09-10T12:00:00.000+09:00' }),
      ]),
    ).toEqual(['stored', 'stored', 'stored']);
  });

  it('online decide judges by the checkpoint’s day start on the server’s clock', async () => {
    const decide = async (json: object) =>
      expectJson<{ verdict: string; reason?: string }>(
        await s.call('/v1/sync/decide', { method: 'POST', token: a.token, json: { id: checkin().id, ...json } }),
        200,
      );
    s.clock.now = Date.parse('2025-09-10T01:00:00.000+09:00');
    const once = async () => decide({ code: 'T-001', checkpointId: 'night' });
    expect(await once()).toMatchObject({ verdict: 'accepted' });
    // 03:59 is still the venue day of 01:00 (it began 2025-09-09 04:00); 04:00 starts the next one.
    s.clock.now = Date.parse('2025-09-10T03:59:00.000+09:00');
    expect(await once()).toMatchObject({ verdict: 'rejected', reason: 'already_checked_in' });
    s.clock.now = Date.parse('2025-09-10T04:00:00.000+09:00');
    expect(await once()).toMatchObject({ verdict: 'accepted' });
    s.clock.now = null;
  });
  it('the organiser’s tallies: "inside now" at 01:00 still counts the club’s night (day start 04:00), and 04:00 starts afresh', async () => {
    // T-004 came in at 21:00 and never left; T-002 (rows above) re-entered at 00:30 (flagged, but inside).
    expect(await upload(a.token, [checkin({ code: 'T-004', checkpointId: 'club', scannedAt: '2025-09-10T21:00:00.000+09:00' })])).toEqual(['stored']);
    const inside = async () => {
      const t = await expectJson<{ day: string; insideNow?: { checkpointId: string; inside: number }[] }>(await s.admin(`/v1/admin/events/${EVENT_ID}/tallies`), 200);
      return { day: t.day, club: t.insideNow?.find((r) => r.checkpointId === 'club')?.inside, gate: t.insideNow?.find((r) => r.checkpointId === 'gate')?.inside };
    };
    s.clock.now = Date.parse('2025-09-11T01:00:00.000+09:00');
    // Calendar day 11 (its scan counts), the club's venue day 10: T-004 and T-002. The midnight
    // `gate` counts the calendar day 11 only, where nobody came through it.
    expect(await inside()).toEqual({ day: '2025-09-11', club: 2, gate: 0 });
    s.clock.now = Date.parse('2025-09-11T04:00:00.000+09:00');
    // The venue day 11: only T-002's 22:00 entry.
    expect(await inside()).toEqual({ day: '2025-09-11', club: 1, gate: 0 });
    s.clock.now = null;
  });
});
