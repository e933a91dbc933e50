// The self-service second factor and self-service checkpoints on the server
// (issue 12): a roster's `연락처뒤4자리` column becomes a per-event salted hash
// on each ticket — the digits themselves are nowhere in the database, the
// export or any answer — paired kiosks get the hashes with the tickets and the
// secret to hash typed digits the same way in their config; a re-import
// replaces them; a cell with fewer than four digits is a row error, as on the
// kiosk. A checkpoint's `selfService` flag is kept and carried in the config.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigResponse, type EventBundle, type ImportResult, type TicketsPage, type TicketSearchResponse } from '../../../core/protocol';
import { factorSalt, hashSecondFactor } from '../../../core/second-factor';
import { dumpDatabase, holds } from './db-dump';
import { backends, checkin, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, testEvent, type TestServer } from './harness';

// Full numbers and bare digits; none of these digit runs appears in dates, codes or times of the test.
const PHONE_CSV = [
  'code,name,company,category,연락처뒤4자리',
  'F-1,김하늘,새한정밀,visitor,010-7391-8642',
  'F-2,김하늘,대성테크,visitor,6284',
  'F-3,Jane Roe,Northwind,buyer,',
  'F-4,이바다,한빛,visitor,37',
].join('\n');
const SECRETS = ['7391-8642', '73918642', '8642', '6284'];

describe.each(backends())('self-service second factor on the server ($kind)', (backend) => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await startServer(backend);
    await seedEvent(s);
    ({ token } = await pairDevice(s, 'Self kiosk'));
  });
  afterAll(() => s.close());

  const importCsv = async (csv: string) =>
    expectJson<ImportResult>(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/import`, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } }), 200);
  const config = async () => ConfigResponse.parse(await expectJson(await s.call('/v1/sync/config', { token }), 200));
  const pulled = async () => new Map((await expectJson<TicketsPage>(await s.call('/v1/sync/tickets?limit=5000', { token }), 200)).items.map((t) => [t.code, t]));
  const typed = async (digits: string) => hashSecondFactor(factorSalt(EVENT_ID, (await config()).factorSecret!), digits);

  it('hashes 연락처뒤4자리 into the tickets, and says nothing before such a roster', async () => {
    const before = await config();
    expect(before.phoneFactor).toBe(false);
    expect(before).not.toHaveProperty('factorSecret');

    const res = await importCsv(PHONE_CSV);
    expect(res).toMatchObject({ imported: 3 });
    // Fewer than four digits: the row is refused, by line, as on the kiosk, without the cell in the message.
    expect(res.errors).toEqual([{ line: 5, code: 'bad_phone_last4', message: 'phone_last4 needs at least 4 digits' }]);
    expect(JSON.stringify(res)).not.toContain('37');

    const cfg = await config();
    expect(cfg.phoneFactor).toBe(true);
    expect(cfg.factorSecret).toMatch(/^[0-9a-f]{32}$/);
    const t = await pulled();
    expect(t.get('F-1')!.factorHash).toBe(await typed('8642'));
    expect(t.get('F-2')!.factorHash).toBe(await typed('6284'));
    expect(t.get('F-1')!.factorHash).not.toBe(await typed('6284'));
    expect(t.get('F-3')).not.toHaveProperty('factorHash');
    expect(t.has('F-4')).toBe(false);
    // The roster imported before (no phone column) has no factor.
    expect(t.get('T-001')).not.toHaveProperty('factorHash');
  });

  it('never keeps, exports or answers the digits', async () => {
    // A check-in of F-1 so the export has its row.
    await expectJson(await s.call('/v1/sync/checkins', { method: 'POST', token, json: { items: [checkin({ code: 'F-1' })] } }), 200);
    const dump = await dumpDatabase(s, backend.kind);
    expect(holds(dump, 'F-1')).toBe(true);
    expect(holds(dump, '김하늘')).toBe(true);
    for (const d of SECRETS) expect(holds(dump, d), d).toBe(false);

    const csv = await (await s.admin(`/v1/admin/events/${EVENT_ID}/export.csv`)).text();
    expect(csv).toContain('F-1');
    for (const d of SECRETS) expect(csv).not.toContain(d);

    // The admin API shows tickets without their hash (only paired kiosks need it), and never the secret.
    const search = await expectJson<TicketSearchResponse>(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets?q=${encodeURIComponent('김하늘')}`), 200);
    expect(search.items.map((i) => i.code).sort()).toEqual(['F-1', 'F-2']);
    for (const i of search.items) expect(i).not.toHaveProperty('factorHash');
    const detail = await (await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/F-1`)).text();
    const bundle = await (await s.admin(`/v1/admin/events/${EVENT_ID}`)).text();
    const secret = (await config()).factorSecret!;
    for (const body of [detail, bundle]) {
      expect(body).not.toContain('h1:');
      expect(body).not.toContain(secret);
    }
  });

  it('a re-import replaces the hashes (new seq for kiosks), keeping the secret', async () => {
    const { factorSecret } = await config();
    const old = await pulled();
    const res = await importCsv(['code,name,company,category,phone_last4', 'F-1,김하늘,새한정밀,visitor,010-1111-5093', 'F-2,김하늘,대성테크,visitor,6284'].join('\n'));
    expect(res).toMatchObject({ imported: 0, updated: 1, unchanged: 1, errors: [] });
    const t = await pulled();
    expect(t.get('F-1')!.factorHash).toBe(await typed('5093'));
    expect(t.get('F-1')!.factorHash).not.toBe(old.get('F-1')!.factorHash);
    expect(t.get('F-1')!.seq).toBeGreaterThan(old.get('F-1')!.seq);
    expect(t.get('F-2')!.seq).toBe(old.get('F-2')!.seq);
    expect((await config()).factorSecret).toBe(factorSecret);

    // The rows again without the column: the tickets have no factor any more, and the config says so.
    await importCsv(['code,name,company,category', 'F-1,김하늘,새한정밀,visitor', 'F-2,김하늘,대성테크,visitor'].join('\n'));
    const none = await pulled();
    expect(none.get('F-1')).not.toHaveProperty('factorHash');
    expect(none.get('F-2')).not.toHaveProperty('factorHash');
    expect((await config()).phoneFactor).toBe(false);
  });
});

describe.each(backends())('self-service checkpoints ($kind)', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer(backend);
    await seedEvent(s);
  });
  afterAll(() => s.close());

  it('keeps a checkpoint\'s selfService flag and carries it to the admin API and the kiosk config', async () => {
    const bundle = testEvent();
    bundle.checkpoints = bundle.checkpoints.map((c) => (c.id === 'hall' ? { ...c, selfService: true } : c));
    await expectJson(await s.admin('/v1/admin/events', { method: 'POST', json: bundle }), 200);
    const admin = await expectJson<EventBundle>(await s.admin(`/v1/admin/events/${EVENT_ID}`), 200);
    expect(admin.checkpoints.find((c) => c.id === 'hall')).toMatchObject({ selfService: true });
    expect(admin.checkpoints.find((c) => c.id === 'main')).not.toHaveProperty('selfService');

    const { token } = await pairDevice(s, 'Self kiosk', 'hall');
    const cfg = ConfigResponse.parse(await expectJson(await s.call('/v1/sync/config', { token }), 200));
    expect(cfg.deviceCheckpointId).toBe('hall');
    expect(cfg.checkpoints.find((c) => c.id === 'hall')).toMatchObject({ selfService: true });

    // Turned off again: gone from both.
    await expectJson(await s.admin('/v1/admin/events', { method: 'POST', json: testEvent() }), 200);
    const off = ConfigResponse.parse(await expectJson(await s.call('/v1/sync/config', { token }), 200));
    expect(off.checkpoints.find((c) => c.id === 'hall')).not.toHaveProperty('selfService');
  });
});
