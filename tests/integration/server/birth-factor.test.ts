// Self-service's birth-date factor on the server (issue 12): a roster's
// `생년월일` column, in CSV or XLSX and in any accepted form, becomes one
// per-event salted hash per ticket — the date is nowhere in the database, the
// export or any admin answer — the pull carries it to paired kiosks and the
// config says the roster has it; a cell that is not a date is a row error by
// line; a re-import without the column takes it away.

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigResponse, type ImportResult, type TicketsPage, type TicketSearchResponse } from '../../../core/protocol';
import { XLSX_MIME } from '../../../core/roster-file';
import { factorSalt, hashSecondFactor } from '../../../core/second-factor';
import { dumpDatabase, holds } from './db-dump';
import { backends, checkin, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, type TestServer } from './harness';

// 23 Nov 1987 in each form a sheet may hold; none of these runs is in a code, name or time of the test.
const BIRTH_CSV = [
  'code,name,company,category,연락처뒤4자리,생년월일',
  'G-1,한가람,새한정밀,visitor,,1987-11-23',
  'G-2,한가람,대성테크,visitor,,19871123',
  'G-3,서누리,한빛,visitor,010-7391-8642,1987. 11. 23.',
  'G-4,Jane Roe,Northwind,buyer,,',
  'G-5,이바다,한빛,visitor,,1987-11-31',
].join('\n');
const CLEAR = ['1987-11-23', '19871123', '871123', '1987. 11. 23.', '1987-11-31'];

async function birthXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('명단');
  ws.addRow(['코드', '성명', '생년월일']);
  const r = ws.addRow(['G-6', '도하람', new Date(Date.UTC(1987, 10, 23))]);
  r.getCell(3).numFmt = 'yyyy-mm-dd';
  ws.addRow(['G-7', '도하람', '871123']);
  ws.addRow(['G-8', '도하람', 'soon']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe.each(backends())('self-service birth-date factor on the server ($kind)', (backend) => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await startServer(backend);
    await seedEvent(s);
    ({ token } = await pairDevice(s, 'Self kiosk'));
  });
  afterAll(() => s.close());

  const importFile = async (body: string | Uint8Array, type: string) =>
    expectJson<ImportResult>(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/import`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': type } }), 200);
  const config = async () => ConfigResponse.parse(await expectJson(await s.call('/v1/sync/config', { token }), 200));
  const pulled = async () => new Map((await expectJson<TicketsPage>(await s.call('/v1/sync/tickets?limit=5000', { token }), 200)).items.map((t) => [t.code, t]));
  const typed = async (digits: string) => hashSecondFactor(factorSalt(EVENT_ID, (await config()).factorSecret!), digits, 'birth');

  it('hashes 생년월일 (CSV and XLSX, any form) into the pulled tickets and marks the config', async () => {
    const before = await config();
    expect(before.birthFactor).toBe(false);

    const res = await importFile(BIRTH_CSV, 'text/csv');
    expect(res).toMatchObject({ imported: 4 });
    expect(res.errors).toEqual([{ line: 6, code: 'bad_birth_date', message: expect.stringContaining('birth_date') }]);
    expect(JSON.stringify(res)).not.toContain('1987');
    const xlsx = await importFile(await birthXlsx(), XLSX_MIME);
    expect(xlsx).toMatchObject({ imported: 2, format: 'xlsx' });
    expect(xlsx.errors).toEqual([expect.objectContaining({ line: 4, code: 'bad_birth_date' })]);

    const cfg = await config();
    expect(cfg).toMatchObject({ birthFactor: true, phoneFactor: true });
    const t = await pulled();
    const want = await typed('871123');
    for (const code of ['G-1', 'G-2', 'G-3', 'G-6', 'G-7']) expect(t.get(code)!.birthHash, code).toBe(want);
    expect(want).not.toBe(await typed('871124'));
    // The phone factor of the same row is its own hash; a row without a date has none.
    expect(t.get('G-3')!.factorHash).toBe(await hashSecondFactor(factorSalt(EVENT_ID, cfg.factorSecret!), '8642'));
    expect(t.get('G-1')).not.toHaveProperty('factorHash');
    expect(t.get('G-4')).not.toHaveProperty('birthHash');
    expect(t.has('G-5')).toBe(false);
    expect(t.has('G-8')).toBe(false);
  });

  it('never keeps, exports or answers the date', async () => {
    await expectJson(await s.call('/v1/sync/checkins', { method: 'POST', token, json: { items: [checkin({ code: 'G-1' })] } }), 200);
    const dump = await dumpDatabase(s, backend.kind);
    expect(holds(dump, '한가람')).toBe(true);
    for (const d of CLEAR) expect(holds(dump, d), d).toBe(false);

    for (const kind of ['csv', 'xlsx'] as const) {
      const res = await s.admin(`/v1/admin/events/${EVENT_ID}/export.${kind}`);
      expect(res.status).toBe(200);
      const body = Buffer.from(await res.arrayBuffer());
      if (kind === 'csv') expect(holds(body, 'G-1')).toBe(true);
      for (const d of CLEAR) expect(holds(body, d), `${kind} ${d}`).toBe(false);
    }
    const search = await expectJson<TicketSearchResponse>(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets?q=${encodeURIComponent('한가람')}`), 200);
    expect(search.items.map((i) => i.code).sort()).toEqual(['G-1', 'G-2']);
    for (const i of search.items) expect(i).not.toHaveProperty('birthHash');
    const detail = await (await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/G-1`)).text();
    expect(detail).toContain('한가람');
    expect(detail).not.toContain('h1:');
  });

  it('a re-import without the column takes the hash away (new seq), and the config says so', async () => {
    const old = await pulled();
    await importFile(['code,name,company,category', 'G-1,한가람,새한정밀,visitor', 'G-2,한가람,대성테크,visitor', 'G-3,서누리,한빛,visitor'].join('\n'), 'text/csv');
    await importFile(['code,name', 'G-6,도하람', 'G-7,도하람'].join('\n'), 'text/csv');
    const t = await pulled();
    for (const code of ['G-1', 'G-2', 'G-6', 'G-7']) {
      expect(t.get(code), code).not.toHaveProperty('birthHash');
      expect(t.get(code)!.seq).toBeGreaterThan(old.get(code)!.seq);
    }
    expect(await config()).toMatchObject({ birthFactor: false, phoneFactor: false });
  });
});
