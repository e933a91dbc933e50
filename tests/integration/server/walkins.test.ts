// Walk-ins upstream (feature `walkins`) and retention, on SQLite and PostgreSQL:
// an upload is idempotent by id (same id twice → one walk-in, one ticket), the
// ticket reaches other desks through the tickets pull, the same person registered
// at two desks offline is flagged for the organiser (API and export), bad uploads
// are refused whole; after the event's retention date (the clock moved) the server
// blanks every ticket's and walk-in's personal data and keeps the counts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCheckInId } from '../../../core/ids';
import type { ConfigResponse, RecordUploadResponse, TalliesResponse, TicketsPage, UploadResponse, WalkInsResponse } from '../../../core/protocol';
import { parseCsv } from '../../e2e/support/upstream';
import { backends, checkin, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, testEvent, type TestServer } from './harness';

describe.each(backends())('walk-ins and retention ($kind)', (backend) => {
  let s: TestServer;
  let a: { deviceId: string; token: string };
  let b: { deviceId: string; token: string };
  const counters = new Map<string, number>();
  beforeAll(async () => {
    s = await startServer(backend);
    await seedEvent(s);
    a = await pairDevice(s, 'Desk A');
    b = await pairDevice(s, 'Desk B');
  });
  afterAll(() => s.close());

  const walkIn = (desk: { deviceId: string }, over: Record<string, unknown> = {}) => {
    const n = (counters.get(desk.deviceId) ?? 0) + 1;
    counters.set(desk.deviceId, n);
    return {
      id: newCheckInId(),
      code: `W-${desk.deviceId}-${n}`,
      name: '최현장',
      company: '한빛상사',
      category: 'visitor',
      consents: [
        { item: 'registration', granted: true },
        { item: 'contact', granted: false },
        { item: 'marketing', granted: false },
      ],
      consentText: 'walkin-2026-12-v1',
      checkpointId: 'main',
      checkinId: newCheckInId(),
      registeredAt: '2025-09-10T10:00:00.000+09:00',
      ...over,
    };
  };
  const upload = (token: string, items: unknown[]) => s.call('/v1/sync/walkins', { method: 'POST', token, json: { items } });
  const list = async () => expectJson<WalkInsResponse>(await s.admin(`/v1/admin/events/${EVENT_ID}/walkins`), 200);
  const exportRecords = async () => {
    const [header, ...rows] = parseCsv((await (await s.admin(`/v1/admin/events/${EVENT_ID}/export.csv`)).text()).replace(/^\uFEFF/, ''));
    return rows.map((r) => Object.fromEntries(header!.map((k, i) => [k, r[i] ?? ''])));
  };
  const ticketsOf = async (token: string) => {
    const page = await expectJson<TicketsPage>(await s.call('/v1/sync/tickets?after=0&limit=5000', { token }), 200);
    return page.items;
  };

  it('announces the feature in the config', async () => {
    const config = await expectJson<ConfigResponse>(await s.call('/v1/sync/config', { token: a.token }), 200);
    expect(config.features).toContain('walkins');
  });

  it('is idempotent by id: the same walk-in twice is one walk-in and one ticket, which the other desk pulls', async () => {
    const w = walkIn(a, { phone: '010-1234-5678', consents: [{ item: 'registration', granted: true }, { item: 'contact', granted: true }] });
    const first = await expectJson<RecordUploadResponse>(await upload(a.token, [w]), 200);
    expect(first.results).toEqual([{ id: w.id, status: 'stored' }]);
    const again = await expectJson<RecordUploadResponse>(await upload(a.token, [w, w]), 200);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const walkIns = (await list()).items.filter((x) => x.code === w.code);
    expect(walkIns).toHaveLength(1);
    expect(walkIns[0]).toMatchObject({ id: w.id, name: '최현장', phone: '010-1234-5678', deviceId: a.deviceId, possibleDuplicateOf: null, purgedAt: null });
    const tickets = (await ticketsOf(b.token)).filter((t) => t.code === w.code);
    expect(tickets).toEqual([expect.objectContaining({ code: w.code, name: '최현장', company: '한빛상사', category: 'visitor', status: 'valid' })]);
    // Its check-in, uploaded like any other, carries the name into the export.
    await expectJson<UploadResponse>(await s.call('/v1/sync/checkins', { method: 'POST', token: a.token, json: { items: [checkin({ id: w.checkinId, code: w.code, badge: 'printed' })] } }), 200);
    const csv = await exportRecords();
    const row = csv.find((r) => r.code === w.code)!;
    expect(row).toMatchObject({ name: '최현장', company: '한빛상사', badge: 'printed', walk_in_registered_at: w.registeredAt, possible_duplicate_of: '' });
  });

  it('flags the same person registered at two desks offline as a possible duplicate (the later one), not two silent tickets', async () => {
    const atA = walkIn(a, { name: 'Kim  Minji', company: 'Daesung Tech', registeredAt: '2025-09-10T11:00:00.000+09:00' });
    const atB = walkIn(b, { name: 'kim minji', company: 'DAESUNG TECH.', registeredAt: '2025-09-10T11:02:00.000+09:00' });
    const namesake = walkIn(b, { name: 'Kim Minji', company: 'Other Corp', registeredAt: '2025-09-10T11:03:00.000+09:00' });
    // B syncs first: the earlier registration is A's all the same.
    await expectJson(await upload(b.token, [atB, namesake]), 200);
    await expectJson(await upload(a.token, [atA]), 200);
    const { items, possibleDuplicates } = await list();
    const byCode = new Map(items.map((w) => [w.code, w]));
    expect(byCode.get(atB.code)!.possibleDuplicateOf).toBe(null); // nothing before it upstream when it came
    expect(byCode.get(atA.code)!.possibleDuplicateOf).toBe(atB.code);
    expect(byCode.get(namesake.code)!.possibleDuplicateOf).toBe(null); // a namesake at another company is not flagged
    expect(possibleDuplicates).toBe(1);
    // Same name, different company, same phone: flagged too.
    const phoned = walkIn(a, { name: 'Kim Minji', company: 'Freelance', phone: '+82 10-5555-0000', registeredAt: '2025-09-10T12:00:00.000+09:00' });
    const phoned2 = walkIn(b, { name: 'Kim Minji', company: '', phone: '010 5555 0000', registeredAt: '2025-09-10T12:05:00.000+09:00' });
    await expectJson(await upload(a.token, [phoned]), 200);
    await expectJson(await upload(b.token, [phoned2]), 200);
    expect((await list()).items.find((w) => w.code === phoned2.code)!.possibleDuplicateOf).toBe(phoned.code);
    const csv = await exportRecords();
    expect(csv.filter((r) => r.code === atA.code).length).toBe(0); // no check-in of it uploaded yet: the export lists scans
  });

  it('refuses, whole and storing nothing, a code another device issues, a taken code or an unknown checkpoint; bad bodies are 400/413', async () => {
    const before = (await list()).items.length;
    const ok = walkIn(a);
    for (const [token, bad, code] of [
      [b.token, walkIn(b, { code: `W-${a.deviceId}-99` }), 'foreign_code'],
      [a.token, walkIn(a, { code: 'T-001' }), 'foreign_code'],
      [a.token, walkIn(a, { checkpointId: 'nowhere' }), 'unknown_checkpoint'],
    ] as const) {
      const res = await upload(token, [ok, bad]);
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    // A code taken by an earlier walk-in under another id (a desk whose counter went back).
    const taken = { ...walkIn(a), code: `W-${a.deviceId}-1` };
    const res = await upload(a.token, [taken]);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('code_taken');
    expect((await list()).items.length).toBe(before);
    expect((await upload(a.token, [{ ...walkIn(a), name: '' }])).status).toBe(400);
    expect((await upload(a.token, [{ ...walkIn(a), category: 'alien' }])).status).toBe(400);
    expect((await upload(a.token, [{ ...walkIn(a), category: 'staff' }])).status).toBe(400); // a walk-in is never a staff card
    expect((await upload(a.token, Array.from({ length: 501 }, () => walkIn(a)))).status).toBe(413);
    expect((await s.call('/v1/sync/walkins', { method: 'POST', json: { items: [walkIn(a)] } })).status).toBe(401);
  });

  it('retention: after the event’s date (clock moved) personal data of tickets and walk-ins is deleted, counts stay', async () => {
    const late = walkIn(a, { name: '보존만료', company: '퍼지상사', phone: '010-9999-0000' });
    await expectJson(await upload(a.token, [late]), 200);
    await expectJson(await s.call('/v1/sync/checkins', { method: 'POST', token: a.token, json: { items: [checkin({ code: 'T-002', checkpointId: 'hall' })] } }), 200);
    const event = testEvent();
    event.event.retainUntil = '2025-09-30';
    await expectJson(await s.admin('/v1/admin/events', { method: 'POST', json: event }), 200);
    const config = await expectJson<ConfigResponse>(await s.call('/v1/sync/config', { token: b.token }), 200);
    expect(config.event.retainUntil).toBe('2025-09-30');
    const talliesBefore = await expectJson<TalliesResponse>(await s.admin(`/v1/admin/events/${EVENT_ID}/tallies?day=2025-09-10`), 200);

    // The last day of retention (venue time): nothing is deleted.
    s.clock.now = Date.parse('2025-09-30T23:59:00+09:00');
    expect(await expectJson(await s.admin('/v1/admin/retention/purge', { method: 'POST', json: {} }), 200)).toEqual({ purged: [] });
    expect((await ticketsOf(b.token)).find((t) => t.code === 'T-001')!.name).toBe('김철현');

    // A minute into the next day in Seoul.
    s.clock.now = Date.parse('2025-10-01T00:01:00+09:00');
    const run = await expectJson<{ purged: { eventId: string; tickets: number; walkIns: number }[] }>(
      await s.admin('/v1/admin/retention/purge', { method: 'POST', json: {} }),
      200,
    );
    expect(run.purged).toHaveLength(1);
    expect(run.purged[0]!.tickets).toBeGreaterThanOrEqual(4 + 6);
    const tickets = await ticketsOf(b.token);
    expect(tickets.length).toBeGreaterThanOrEqual(10);
    for (const t of tickets) {
      expect(t.name).toBe('');
      expect(t.company).toBe('');
      expect(t.note).toBeUndefined();
    }
    const walkIns = (await list()).items;
    for (const w of walkIns) {
      expect(w).toMatchObject({ name: '', company: '', purgedAt: new Date(s.clock.now).toISOString() });
      expect(w.phone).toBeUndefined();
    }
    // Anonymous counts stay: the same tallies, and the export still lists every scan with its code and category.
    const talliesAfter = await expectJson<TalliesResponse>(await s.admin(`/v1/admin/events/${EVENT_ID}/tallies?day=2025-09-10`), 200);
    expect(talliesAfter.total).toEqual(talliesBefore.total);
    expect(talliesAfter.byCategory).toEqual(talliesBefore.byCategory);
    const csv = await exportRecords();
    expect(csv.find((r) => r.code === 'T-002')).toMatchObject({ name: '', company: '', category: 'press' });
    // Idempotent; and a walk-in uploaded after the date is stored without its personal data.
    expect((await expectJson<{ purged: { tickets: number; walkIns: number }[] }>(await s.admin('/v1/admin/retention/purge', { method: 'POST', json: {} }), 200)).purged).toEqual([
      { eventId: EVENT_ID, tickets: 0, walkIns: 0 },
    ]);
    const straggler = walkIn(b, { name: '늦은동기화', phone: '010-1111-2222' });
    expect((await expectJson<RecordUploadResponse>(await upload(b.token, [straggler]), 200)).results[0]!.status).toBe('stored');
    expect((await list()).items.find((w) => w.code === straggler.code)).toMatchObject({ name: '', company: '', category: 'visitor' });
    expect((await ticketsOf(a.token)).find((t) => t.code === straggler.code)).toMatchObject({ name: '', company: '' });
    s.clock.now = null;
  });
});
