// Roster import (BOM, Korean headers, errors by line, re-import updates and
// bumps seq only for changed rows), the formula-safe CSV export, and tallies
// per checkpoint / hour / category with unique people vs scans.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, TalliesResponse, TicketsPage, UploadResponse } from '../../../core/protocol';
import { backends, checkin, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, type TestServer } from './harness';

const KOREAN_CSV =
  '\uFEFF코드,성명,회사명,구분,프로그램,비고\r\n' +
  'K-001,김철현,(주)한빛정밀,방문객,p1,\r\n' +
  'K-002,이영희,대성테크,기자,,휠체어 이용\r\n' +
  ',코드없음,회사,방문객,,\r\n' +
  'K-004,박민수,세진기계,우주인,,\r\n' +
  '"K-005","최, 민수","""따옴표"" 회사",바이어,p1,\r\n';

describe.each(backends())('roster and reports ($kind)', (backend) => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await startServer(backend);
    await seedEvent(s);
    ({ token } = await pairDevice(s, 'Desk R'));
  });
  afterAll(() => s.close());

  const importCsv = async (csv: string | Uint8Array<ArrayBuffer>, type = 'text/csv') =>
    s.admin(`/v1/admin/events/${EVENT_ID}/tickets/import`, { method: 'POST', body: csv, headers: { 'content-type': type } });
  const pull = async (after: number) =>
    expectJson<TicketsPage>(await s.call(`/v1/sync/tickets?after=${after}&limit=5000`, { token }), 200);

  it('imports UTF-8 with BOM and Korean headers, reporting bad rows by line', async () => {
    const before = (await pull(0)).next;
    const res = await expectJson<ImportResult>(await importCsv(new TextEncoder().encode(KOREAN_CSV)), 200);
    expect(res).toMatchObject({ imported: 3, updated: 0, unchanged: 0 });
    expect(res.errors.map((e) => e.line)).toEqual([4, 5]);
    expect(res.errors[0]!.message).toMatch(/code/);
    expect(res.errors[1]!.message).toMatch(/우주인/);
    const items = (await pull(before)).items;
    expect(items.map((t) => t.code)).toEqual(['K-001', 'K-002', 'K-005']);
    expect(items[1]).toMatchObject({ name: '이영희', company: '대성테크', category: 'press', note: '휠체어 이용', status: 'valid' });
    expect(items[2]).toMatchObject({ name: '최, 민수', company: '"따옴표" 회사', category: 'buyer', programmes: ['p1'] });
  });

  it('re-import updates in place, never duplicates, and bumps seq only for changed rows', async () => {
    const cursor = (await pull(0)).next;
    const csv = 'code,name,company,category,programmes,note\n' + 'K-001,김철현,(주)한빛정밀,visitor,p1,\n' + 'K-002,이영희,대성테크 (이전),press,,휠체어 이용\n';
    const res = await expectJson<ImportResult>(await importCsv(csv), 200);
    expect(res).toEqual({ imported: 0, updated: 1, unchanged: 1, errors: [], format: 'csv', encoding: 'utf-8' });
    const changed = (await pull(cursor)).items;
    expect(changed.map((t) => [t.code, t.company])).toEqual([['K-002', '대성테크 (이전)']]);
    const all = (await pull(0)).items.filter((t) => t.code.startsWith('K-'));
    expect(all).toHaveLength(3);
  });

  it('keeps an admin revocation across re-imports and brings a deleted code back', async () => {
    await expectJson(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/K-001`, { method: 'PATCH', json: { status: 'revoked' } }), 200);
    await expectJson(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/K-005`, { method: 'PATCH', json: { status: 'deleted' } }), 200);
    const res = await expectJson<ImportResult>(
      await importCsv('code,name,company,category,programmes\nK-001,김철현,(주)한빛정밀,visitor,p1\nK-005,"최, 민수","""따옴표"" 회사",buyer,p1\n'),
      200,
    );
    expect(res).toMatchObject({ unchanged: 1, updated: 1 });
    const byCode = new Map((await pull(0)).items.map((t) => [t.code, t.status]));
    expect(byCode.get('K-001')).toBe('revoked');
    expect(byCode.get('K-005')).toBe('valid');
  });

  it('refuses files that are neither UTF-8 nor CP949, and unknown events', async () => {
    const latin1 = new Uint8Array([...'code,name\nA,M\u00fcller\n'].map((c) => c.charCodeAt(0)));
    const res = await importCsv(latin1, 'application/octet-stream');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('unknown_encoding');
    const none = await s.admin('/v1/admin/events/nope/tickets/import', { method: 'POST', body: 'code,name\n', headers: { 'content-type': 'text/csv' } });
    expect(none.status).toBe(404);
  });

  it('exports every scan with a BOM, the contract columns, and formula-safe cells', async () => {
    await expectJson(
      await importCsv('code,name,company,category\n=CMD-1,=HYPERLINK("x"),+evil,visitor\n@SUM,-2+3,Tab Inc,visitor\n'),
      200,
    );
    const up = await expectJson<UploadResponse>(
      await s.call('/v1/sync/checkins', {
        method: 'POST',
        token,
        json: {
          items: [
            checkin({ code: '=CMD-1', checkpointId: 'hall' }),
            checkin({ code: '@SUM', checkpointId: 'hall', verdict: 'rejected', reason: 'unknown_ticket' }),
            checkin({ code: 'T-001', checkpointId: 'hall', override: { by: '=lead', reason: '\t-pass' } }),
          ],
        },
      }),
      200,
    );
    expect(up.results.every((r) => r.status === 'stored')).toBe(true);

    const res = await s.admin(`/v1/admin/events/${EVENT_ID}/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toContain('ev1-checkins.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [header, ...rows] = text.split('\r\n').filter((l) => l !== '');
    const cols = header!.split(',');
    for (const c of ['id', 'code', 'name', 'checkpoint', 'device', 'direction', 'verdict', 'reason', 'scanned_at', 'status']) {
      expect(cols).toContain(c);
    }
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain(`,'=CMD-1,"'=HYPERLINK(""x"")",'+evil,`);
    expect(rows[1]).toContain(`,'@SUM,'-2+3,Tab Inc,`);
    expect(rows[2]).toContain(`,'=lead,'\t-pass,`);
    expect(rows[0]).toContain(',2025-09-10T09:15:00.000+09:00,');
    // No cell may start with a formula trigger.
    for (const line of rows) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('tallies per checkpoint, hour and category: unique people vs scans', async () => {
    const day = '2025-09-11';
    const at = (h: number, m: number) => `${day}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00.000+09:00`;
    const items = [
      checkin({ code: 'T-001', checkpointId: 'hall', scannedAt: at(9, 0) }),
      checkin({ code: 'T-001', checkpointId: 'hall', scannedAt: at(9, 30) }),
      checkin({ code: 'T-002', checkpointId: 'hall', scannedAt: at(9, 45) }),
      checkin({ code: 'T-002', checkpointId: 'hall', scannedAt: at(10, 5), direction: 'exit' }),
      checkin({ code: 'T-003', checkpointId: 'hall', scannedAt: at(10, 10), verdict: 'rejected', reason: 'blocked' }),
      checkin({ code: 'T-003', checkpointId: 'main', scannedAt: at(10, 20) }),
      checkin({ code: 'T-003', checkpointId: 'main', scannedAt: at(10, 25) }),
      // The day before, in Seoul (15:30Z on the 10th is 00:30 on the 11th; 14:59Z is 23:59 on the 10th).
      checkin({ code: 'T-004', checkpointId: 'hall', scannedAt: '2025-09-10T14:59:00.000Z' }),
      checkin({ code: 'T-004', checkpointId: 'hall', scannedAt: '2025-09-10T15:30:00.000Z' }),
    ];
    await expectJson(await s.call('/v1/sync/checkins', { method: 'POST', token, json: { items } }), 200);

    const t = await expectJson<TalliesResponse>(await s.admin(`/v1/admin/events/${EVENT_ID}/tallies?day=${day}`), 200);
    expect(t).toMatchObject({ eventId: EVENT_ID, day, timeZone: 'Asia/Seoul' });
    expect(t.total).toEqual({ scans: 8, accepted: 6, rejected: 1, exits: 1, conflicts: 1, uniquePeople: 4 });
    expect(t.byCheckpoint).toEqual([
      { checkpointId: 'hall', scans: 6, accepted: 4, rejected: 1, exits: 1, conflicts: 0, uniquePeople: 3 },
      { checkpointId: 'main', scans: 2, accepted: 2, rejected: 0, exits: 0, conflicts: 1, uniquePeople: 1 },
    ]);
    expect(t.byHour.map((h) => [h.hour, h.scans, h.uniquePeople])).toEqual([
      [0, 1, 1],
      [9, 3, 2],
      [10, 4, 1],
    ]);
    expect(Object.fromEntries(t.byCategory.map((c) => [c.category, [c.scans, c.uniquePeople]]))).toEqual({
      visitor: [2, 1],
      press: [2, 1],
      buyer: [3, 1],
      exhibitor: [1, 1],
    });
    expect(t.byCheckpointHour.find((r) => r.checkpointId === 'main' && r.hour === 10)).toMatchObject({ scans: 2, uniquePeople: 1 });

    const bad = await s.admin(`/v1/admin/events/${EVENT_ID}/tallies?day=11-09-2025`);
    expect(bad.status).toBe(400);
  });
});
