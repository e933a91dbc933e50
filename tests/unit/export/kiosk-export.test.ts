// The kiosk's exporters in Node (the same code the page runs): the XLSX opened
// again with exceljs — Tallies and Check-ins sheets, typed cells, venue-local
// Excel dates, formula-looking names kept as text — and the CSVs as bytes:
// the UTF-8 BOM, Hangul, CRLF, and = + - @ tab CR neutralised by an apostrophe.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { csvCell, tallyTables, type CheckinExportRow } from '../../../core/export';
import { tallyDay } from '../../../core/tally';
import { checkinsCsv, talliesCsvBytes } from '../../../renderer/export/csv';
import { buildXlsx } from '../../../renderer/export/xlsx';
import { buildXlsxOffThread } from '../../../renderer/export/xlsx-off-thread';
import { exportFileName } from '../../../renderer/export/run';

const TZ = 'Asia/Seoul';
const row = (over: Partial<CheckinExportRow>): CheckinExportRow => ({
  id: '0199a1b2-0000-7000-8000-000000000001', code: 'ICW25-AAAA', name: '김철현', company: '(주)한빛정밀', category: 'visitor',
  checkpointId: 'hall-a', checkpointName: 'A홀', deviceId: 'kiosk-1', direction: 'entry', verdict: 'accepted',
  scannedAt: '2025-09-10T23:59:30.250+09:00', day: '2025-09-10', status: 'pending', ...over,
});
const ROWS: CheckinExportRow[] = [
  row({ badge: 'printed' }),
  row({ id: 'id-2', code: '+1', name: '=HYPERLINK("http://evil/?x","click")', company: '@SUM(A1:A2)' }),
  row({ id: 'id-3', code: '-2', name: '\tTabby', company: '\rCarriage', verdict: 'rejected', reason: 'blocked', scannedAt: '2025-09-10T00:00:00.000+09:00', status: 'conflict' }),
  row({ id: 'id-4', name: 'Kim, "Jr"', overrideBy: '=lead', overrideReason: 'VIP', scannedAt: '2025-09-10T03:15:00.000Z', voidedAt: '2025-09-10T03:16:00.000Z', voidReason: 'double_scan' }),
];
const tallies = tallyDay(
  ROWS.map((r) => ({ code: r.code, checkpointId: r.checkpointId, deviceId: r.deviceId, direction: 'entry' as const, verdict: r.verdict as 'accepted' | 'rejected', reason: r.reason, scannedAt: r.scannedAt, state: r.status, category: r.category })),
  { day: '2025-09-10', timeZone: TZ, checkpoints: [{ id: 'hall-a', mode: 'entry_exit' }] },
);

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('kiosk XLSX', () => {
  it('writes a Tallies sheet and a typed Check-ins sheet, in chunks, with progress', async () => {
    const progress: number[] = [];
    let packed = false;
    const bytes = await buildXlsx({
      timeZone: TZ,
      tallies: tallyTables(tallies),
      checkins: [ROWS.slice(0, 3), ROWS.slice(3)],
      onProgress: (n) => progress.push(n),
      onPacking: () => (packed = true),
    });
    expect(progress).toEqual([3, 4]);
    expect(packed).toBe(true);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    const wb = await open(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tallies', 'Check-ins']);

    const ws = wb.getWorksheet('Check-ins')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['id', 'code', 'name', 'company', 'category', 'checkpoint', 'checkpoint_name', 'device', 'direction', 'verdict', 'reason', 'override_by', 'override_reason', 'scanned_at', 'day', 'status', 'badge', 'voided_at', 'void_reason']);
    expect(ws.rowCount).toBe(5);
    const col = (k: string) => header.indexOf(k) + 1;

    const first = ws.getRow(2);
    expect(first.getCell(col('name')).value).toBe('김철현');
    const at = first.getCell(col('scanned_at'));
    expect(at.type).toBe(ExcelJS.ValueType.Date);
    // The venue's wall clock, 23:59:30.250 in Seoul, as Excel shows it on any PC.
    expect((at.value as Date).toISOString()).toBe('2025-09-10T23:59:30.250Z');
    expect(at.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    const day = first.getCell(col('day'));
    expect(day.type).toBe(ExcelJS.ValueType.Date);
    expect((day.value as Date).toISOString()).toBe('2025-09-10T00:00:00.000Z');
    expect(day.numFmt).toBe('yyyy-mm-dd');
    // 03:15Z is 12:15 in Seoul.
    expect((ws.getRow(5).getCell(col('scanned_at')).value as Date).toISOString()).toBe('2025-09-10T12:15:00.000Z');
    // A voided check-in: when (venue wall clock, a date cell) and why; the others leave both empty.
    const voidedAt = ws.getRow(5).getCell(col('voided_at'));
    expect(voidedAt.type).toBe(ExcelJS.ValueType.Date);
    expect((voidedAt.value as Date).toISOString()).toBe('2025-09-10T12:16:00.000Z');
    expect(ws.getRow(5).getCell(col('void_reason')).value).toBe('double_scan');
    expect(first.getCell(col('voided_at')).value).toBeNull();

    const evil = ws.getRow(3);
    for (const [k, v] of [['name', '=HYPERLINK("http://evil/?x","click")'], ['company', '@SUM(A1:A2)'], ['code', '+1']] as const) {
      const cell = evil.getCell(col(k));
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(v);
      expect(cell.formula).toBeUndefined();
    }
    expect(ws.getRow(4).getCell(col('code')).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getRow(4).getCell(col('reason')).value).toBe('blocked');
    expect(ws.getRow(4).getCell(col('status')).value).toBe('conflict');
    expect(ws.getRow(5).getCell(col('override_by')).value).toBe('=lead');
    expect(ws.getRow(2).getCell(col('reason')).value).toBeNull();
  });

  it('builds in place where there is no Worker (Node), same sheets', async () => {
    const wb = await open(await buildXlsxOffThread({ timeZone: TZ, tallies: tallyTables(tallies), checkins: [ROWS] }));
    expect(wb.getWorksheet('Check-ins')!.rowCount).toBe(5);
  });

  it('puts the tallies on their own sheet with numbers as numbers', async () => {
    const wb = await open(await buildXlsx({ timeZone: TZ, tallies: tallyTables(tallies), checkins: [] }));
    const ws = wb.getWorksheet('Tallies')!;
    expect(ws.getRow(1).getCell(1).value).toBe('day 2025-09-10 (Asia/Seoul)');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['slice', 'scans', 'accepted', 'unique_people', 'rejected', 'exits', 'conflicts']);
    const total = ws.getRow(3);
    expect(total.getCell(1).value).toBe('total');
    expect(total.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(total.getCell(2).value).toBe(4);
    expect(total.getCell(4).value).toBe(tallies.total.uniquePeople);
    const titles: unknown[] = [];
    ws.eachRow((r) => r.getCell(1).font?.bold && titles.push(r.getCell(1).value));
    expect(titles).toContain('inside now');
  });
});

describe('kiosk CSV', () => {
  it('writes the check-ins as UTF-8 with a BOM and formula-safe cells', async () => {
    const done: number[] = [];
    const bytes = await checkinsCsv([ROWS.slice(0, 2), ROWS.slice(2)], (n) => done.push(n));
    expect(done).toEqual([2, 4]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Hangul as UTF-8 bytes: 김 is EA B9 80.
    expect(Buffer.from(bytes).includes(Buffer.from([0xea, 0xb9, 0x80]))).toBe(true);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('id,code,name,company,category,checkpoint,checkpoint_name,device,direction,verdict,reason,override_by,override_reason,scanned_at,day,status,badge,voided_at,void_reason');
    // The badge mark (printed / reprint), then when and why a check-in was voided; empty when none.
    expect(lines[1]).toContain(',2025-09-10T23:59:30.250+09:00,2025-09-10,pending,printed,,');
    expect(lines[2]).toMatch(/,pending,,,$/);
    expect(lines[2]).toContain(`id-2,'+1,"'=HYPERLINK(""http://evil/?x"",""click"")",'@SUM(A1:A2),`);
    expect(lines[3]).toContain(`id-3,'-2,'\tTabby,"'\rCarriage",`);
    expect(lines[4]).toContain(`,"Kim, ""Jr""",`);
    expect(lines[4]).toContain(`,'=lead,VIP,`);
    expect(lines[4]!.endsWith(',2025-09-10T03:16:00.000Z,double_scan')).toBe(true);
  });

  it('writes the tallies as titled sections', () => {
    const bytes = talliesCsvBytes(tallyTables(tallies));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('day 2025-09-10 (Asia/Seoul)\r\nslice,scans,accepted,unique_people,rejected,exits,conflicts\r\ntotal,4,3,');
    expect(text).toContain('rejections by reason\r\nreason,count\r\nblocked,1\r\n');
    expect(text).toContain('inside now\r\ncheckpoint,name,inside\r\nhall-a,hall-a,');
  });

  it('neutralises every formula trigger and nothing else', () => {
    for (const c of ['=1+1', '+1', '-1', '@A1', '\tx', '\rx']) expect(csvCell(c).replace(/^"/, '').startsWith("'")).toBe(true);
    for (const c of ['1+1', 'a=b', ' =1', '김', '']) expect(csvCell(c).startsWith("'")).toBe(false);
    expect(csvCell(-5)).toBe("'-5");
    expect(csvCell(null)).toBe('');
  });

  it('names files safely for every platform', () => {
    expect(exportFileName('icw2025', '2025-09-10', 'xlsx')).toBe('turnout-icw2025-2025-09-10.xlsx');
    expect(exportFileName('a/b:c', '2025-09-10', 'checkins-csv')).toBe('turnout-a_b_c-2025-09-10-checkins.csv');
  });
});
