// `POST /v1/admin/events/:id/tickets/import` with the file as is: XLSX (its own
// Content-Type or octet-stream: the bytes decide), CP949 as Korean Excel saves
// it (also when labelled text/plain, which a UTF-8 parser would garble),
// refusals that store nothing (old .xls, a form upload, an oversized body, a zip
// bomb), and `npm run server -- import` reading the same files.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, TicketsPage } from '../../../core/protocol';
import { XLSX_MIME } from '../../../core/roster-file';
import { openDatabase } from '../../../server/db/connect';
import { getTicket } from '../../../server/repo/tickets';
import { upsertEventBundle } from '../../../server/repo/events';
import { hex } from '../../support/cp949';
import { makeZip } from '../../support/zip';
import { ADMIN_TOKEN, backends, countRows, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, testEvent, type TestServer } from './harness';

// '코드,성명,회사명,구분' / 'C-1,김철현,(주)한빛정밀,방문객' / 'C-2,똠방각하,햏햏상사,바이어' in CP949 (Python's codec).
const CP949_CSV = new Uint8Array([
  ...hex('c4dab5e52cbcbab8ed2cc8b8bbe7b8ed2cb1b8bad00d0a'),
  ...hex('432d312cb1e8c3b6c7f62c28c1d629c7d1bafbc1a4b9d02cb9e6b9aeb0b40d0a'),
  ...hex('432d322c8c63b9e6b0a2c7cf2cc164c164bbf3bbe72cb9d9c0ccbeee0d0a'),
]);

async function rosterXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('참가자 명단');
  ws.addRow(['코드', '성명', '회사명', '구분', '프로그램', '유효시작', '비고']);
  const r = ws.addRow(['X-1', '박서준', '새한정밀', '참가기업', 'p1', new Date(Date.UTC(2025, 8, 11)), '통역 필요']);
  r.getCell(6).numFmt = 'yyyy-mm-dd';
  ws.addRow(['X-2', '', '빈이름', '방문객', '', null, '']); // row 3: no name
  ws.addRow(['X-3', 'Maria Schmidt', 'Bosch', 'buyer', '', null, '']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe.each(backends())('roster import files ($kind)', (backend) => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await startServer(backend, { importBodyLimit: 256 * 1024 });
    await seedEvent(s);
    ({ token } = await pairDevice(s, 'Desk I'));
  });
  afterAll(() => s.close());

  const post = (body: Uint8Array | string, type?: string) =>
    s.admin(`/v1/admin/events/${EVENT_ID}/tickets/import`, {
      method: 'POST',
      body: typeof body === 'string' ? body : new Uint8Array(body),
      headers: type ? { 'content-type': type } : {},
    });
  const pulled = async () => new Map((await expectJson<TicketsPage>(await s.call('/v1/sync/tickets?limit=5000', { token }), 200)).items.map((t) => [t.code, t]));

  it('imports an XLSX sent with its own type, reporting a broken row by its row number', async () => {
    const res = await expectJson<ImportResult>(await post(await rosterXlsx(), XLSX_MIME), 200);
    expect(res).toMatchObject({ imported: 2, updated: 0, format: 'xlsx' });
    expect(res.errors).toEqual([{ line: 3, code: 'missing_name', message: 'missing name' }]);
    const t = await pulled();
    expect(t.get('X-1')).toMatchObject({ name: '박서준', company: '새한정밀', category: 'exhibitor', programmes: ['p1'], note: '통역 필요', validFrom: '2025-09-11T00:00:00.000+09:00' });
    expect(t.get('X-3')).toMatchObject({ name: 'Maria Schmidt', category: 'buyer' });
  });

  it('reads the bytes, not the label: XLSX as octet-stream, CP949 as text/plain', async () => {
    const again = await expectJson<ImportResult>(await post(await rosterXlsx(), 'application/octet-stream'), 200);
    expect(again).toMatchObject({ imported: 0, unchanged: 2, format: 'xlsx' });
    const cp949 = await expectJson<ImportResult>(await post(CP949_CSV, 'text/plain; charset=utf-8'), 200);
    expect(cp949).toMatchObject({ imported: 2, errors: [], format: 'csv', encoding: 'cp949' });
    const t = await pulled();
    expect(t.get('C-1')).toMatchObject({ name: '김철현', company: '(주)한빛정밀', category: 'visitor' });
    // UHC-extension syllables, which Node's own euc-kr decoder does not know.
    expect(t.get('C-2')).toMatchObject({ name: '똠방각하', company: '햏햏상사', category: 'buyer' });
  });

  it('refuses an old .xls, a form upload, an empty body and a bomb, storing nothing', async () => {
    const before = await countRows(s, 'tickets');
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(64).fill(0)]);
    const form = new FormData();
    form.append('file', new Blob([CP949_CSV]), 'roster.csv');
    const bomb = makeZip([
      { name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(16 * 1024 * 1024), declaredSize: 100 },
    ]);
    expect(bomb.length).toBeLessThan(256 * 1024);
    for (const [label, res, status, code] of [
      ['xls', await post(xls, 'application/vnd.ms-excel'), 415, 'old_excel'],
      ['form', await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/import`, { method: 'POST', body: form }), 415, 'unsupported_media_type'],
      ['empty', await post(new Uint8Array(0), 'text/csv'), 400, 'missing_file'],
      ['bomb', await post(bomb, XLSX_MIME), 413, 'xlsx_too_large'],
    ] as const) {
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect([label, res.status, body.error.code]).toEqual([label, status, code]);
      expect(body.error.message.length, label).toBeGreaterThan(20);
    }
    expect(await countRows(s, 'tickets')).toBe(before);
  });

  it('refuses a body over the import limit with 413 and a message that says the limit', async () => {
    const big = new TextEncoder().encode(`code,name\n${'A,Ann\n'.repeat(50_000)}`);
    expect(big.length).toBeGreaterThan(256 * 1024);
    const res = await post(big, 'text/csv');
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({ code: 'payload_too_large', message: 'The roster file is larger than the 0.3 MB limit. Split it into smaller files.' });
  });

  it('checks the admin token before reading the file', async () => {
    const res = await s.call(`/v1/admin/events/${EVENT_ID}/tickets/import`, { method: 'POST', body: CP949_CSV, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(401);
  });
});

describe('npm run server -- import (CLI, SQLite)', () => {
  const run = promisify(execFile);
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'turnout-cli-import-'));
    const db = await openDatabase({ sqlitePath: join(dir, 'turnout.sqlite') });
    await upsertEventBundle(db.db, testEvent());
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports an XLSX and a CP949 CSV, and exits 2 when rows had errors', async () => {
    const xlsx = join(dir, '명단.xlsx');
    writeFileSync(xlsx, await rosterXlsx());
    const csv = join(dir, 'roster-cp949.csv');
    writeFileSync(csv, CP949_CSV);
    const env = { ...process.env, TURNOUT_DATA_DIR: dir, TURNOUT_ADMIN_TOKEN: ADMIN_TOKEN };
    const cli = (file: string) => run(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'import', EVENT_ID, file], { env }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    const a = await cli(xlsx);
    expect(a.code).toBe(2);
    expect(a.out).toContain('(XLSX, first sheet): imported 2, updated 0, unchanged 0, errors 1');
    expect(a.out).toContain('row 3: missing name');
    const b = await cli(csv);
    expect(b).toEqual({ code: 0, out: expect.stringContaining('(CSV, cp949): imported 2') });
    const db = await openDatabase({ sqlitePath: join(dir, 'turnout.sqlite') });
    try {
      expect(await getTicket(db.db, EVENT_ID, 'C-2')).toMatchObject({ name: '똠방각하', company: '햏햏상사' });
      expect(await getTicket(db.db, EVENT_ID, 'X-1')).toMatchObject({ name: '박서준', validFrom: '2025-09-11T00:00:00.000+09:00' });
    } finally {
      await db.close();
    }
  }, 60_000);
});
