// The organiser's export.xlsx (opened again with exceljs): the export.csv
// columns, typed cells (venue-local Excel dates, numbers), formula-looking
// names kept as text; the tallies' additions from core/tally.ts (programmes,
// inside now, reasons, devices).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { TalliesResponse } from '../../../core/protocol';
import { backends, checkin, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, type TestServer } from './harness';

const FORMULA_ROSTER = 'code,name,company,category,programmes\nF-1,=HYPERLINK("http://evil/?x"),+1,visitor,p1\nF-2,@SUM(A1:A9),-2+3,press,\n';

describe.each(backends())('export.xlsx ($kind)', (backend) => {
  let s: TestServer;
  let token: string;
  let deviceId: string;
  beforeAll(async () => {
    s = await startServer(backend);
    await seedEvent(s);
    ({ token, deviceId } = await pairDevice(s, 'Desk X'));
    await expectJson(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/import`, { method: 'POST', body: FORMULA_ROSTER, headers: { 'content-type': 'text/csv' } }), 200);
    const items = [
      checkin({ code: 'F-1', checkpointId: 'hall', scannedAt: '2025-09-10T23:59:30.250+09:00' }),
      checkin({ code: 'F-2', checkpointId: 'hall', scannedAt: '2025-09-10T15:00:00.000Z', verdict: 'rejected', reason: 'blocked' }),
      checkin({ code: 'T-001', checkpointId: 'gate', scannedAt: '2025-09-11T09:00:00+09:00' }),
      checkin({ code: 'T-001', checkpointId: 'gate', scannedAt: '2025-09-11T10:00:00+09:00', direction: 'exit' }),
      checkin({ code: 'T-003', checkpointId: 'gate', scannedAt: '2025-09-11T09:30:00+09:00' }),
      checkin({ code: 'T-003', checkpointId: 'main', scannedAt: '2025-09-11T09:40:00+09:00' }),
      checkin({ code: 'T-003', checkpointId: 'main', scannedAt: '2025-09-11T09:45:00+09:00' }),
    ];
    await expectJson(await s.call('/v1/sync/checkins', { method: 'POST', token, json: { items } }), 200);
  });
  afterAll(() => s.close());

  it('streams a typed sheet with the export.csv columns and formula-looking names as text', async () => {
    const res = await s.admin(`/v1/admin/events/${EVENT_ID}/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain('ev1-checkins.xlsx');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Check-ins')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const csv = await s.admin(`/v1/admin/events/${EVENT_ID}/export.csv`);
    const csvHeader = new TextDecoder().decode(new Uint8Array(await csv.arrayBuffer()).slice(3)).split('\r\n')[0]!.split(',');
    expect(header).toEqual(csvHeader);
    for (const c of ['id', 'code', 'name', 'checkpoint', 'device', 'direction', 'verdict', 'reason', 'scanned_at', 'status']) expect(header).toContain(c);
    expect(ws.rowCount).toBe(8);

    const col = (name: string) => header.indexOf(name) + 1;
    const byCode = new Map<string, ExcelJS.Row>();
    ws.eachRow((row, n) => n > 1 && byCode.set(String(row.getCell(col('code')).value), row));
    const f1 = byCode.get('F-1')!;
    const name = f1.getCell(col('name'));
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe('=HYPERLINK("http://evil/?x")');
    expect(name.formula).toBeUndefined();
    expect(f1.getCell(col('company')).value).toBe('+1');
    expect(f1.getCell(col('company')).type).toBe(ExcelJS.ValueType.String);
    const f2 = byCode.get('F-2')!;
    expect(f2.getCell(col('name')).value).toBe('@SUM(A1:A9)');
    expect(f2.getCell(col('name')).type).toBe(ExcelJS.ValueType.String);
    expect(f2.getCell(col('reason')).value).toBe('blocked');

    // Venue wall clock as a real Excel date: 23:59:30.250 in Seoul, whatever the PC's zone.
    const at = f1.getCell(col('scanned_at'));
    expect(at.type).toBe(ExcelJS.ValueType.Date);
    expect((at.value as Date).toISOString()).toBe('2025-09-10T23:59:30.250Z');
    expect(at.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect((f2.getCell(col('scanned_at')).value as Date).toISOString()).toBe('2025-09-11T00:00:00.000Z');
    expect((f2.getCell(col('day')).value as Date).toISOString()).toBe('2025-09-11T00:00:00.000Z');
    expect(f1.getCell(col('seq')).type).toBe(ExcelJS.ValueType.Number);
    expect(f1.getCell(col('device')).value).toBe(deviceId);
    expect(f1.getCell(col('device_name')).value).toBe('Desk X');
    expect(f1.getCell(col('status')).value).toBe('stored');
  });

  it('answers 404 for an unknown event and 401 without the admin token', async () => {
    expect((await s.admin('/v1/admin/events/nope/export.xlsx')).status).toBe(404);
    expect((await s.call(`/v1/admin/events/${EVENT_ID}/export.xlsx`)).status).toBe(401);
  });

  it('tallies come from the core functions: programmes, inside now, reasons, devices', async () => {
    const t = await expectJson<TalliesResponse>(await s.admin(`/v1/admin/events/${EVENT_ID}/tallies?day=2025-09-11`), 200);
    expect(t.total).toEqual({ scans: 6, accepted: 4, rejected: 1, exits: 1, conflicts: 1, uniquePeople: 2 });
    expect(t.insideNow).toEqual([{ checkpointId: 'gate', inside: 1 }]);
    expect(t.byReason).toEqual([{ reason: 'blocked', count: 1 }]);
    expect(t.byProgramme?.map((p) => [p.programmeId, p.scans, p.uniquePeople])).toEqual([['p1', 5, 2]]); // F-2 has none
    expect(t.byDevice).toEqual([expect.objectContaining({ deviceId, scans: 6 })]);
    expect(t.byHour.map((h) => [h.hour, h.scans])).toEqual([[0, 1], [9, 4], [10, 1]]);
  });
});
