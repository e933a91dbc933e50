// Rosters from XLSX: Korean headers, typed cells (dates in the event's zone,
// numbers, rich text, formulas, Excel errors), a title row above the header,
// the first visible sheet, errors by the sheet's row number — read by the
// server's streaming exceljs reader and the kiosk's in-memory one, which must
// agree cell for cell.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseRosterFile, RosterFileError, type RosterFileResult } from '../../../core/roster-file';
import { cellText, formatHasTime } from '../../../core/roster-xlsx';
import { readFirstSheetInMemory } from '../../../renderer/import/xlsx-sheet';
import { readFirstSheetStreaming } from '../../../server/import/xlsx-sheet';

const TZ = 'Asia/Seoul';
const READERS = [
  ['server (streaming)', readFirstSheetStreaming],
  ['kiosk (in memory)', readFirstSheetInMemory],
] as const;

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function both(bytes: Uint8Array): Promise<RosterFileResult> {
  const results = await Promise.all(READERS.map(([, readSheet]) => parseRosterFile(bytes, { timeZone: TZ, readSheet })));
  expect(results[1]).toEqual(results[0]);
  return results[0]!;
}

/** A date cell as Excel keeps it: the wall clock in UTC fields. */
const wall = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

describe('XLSX rosters', () => {
  it('reads Korean headers under a title row, typed cells and date cells in the event zone', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('명단');
      ws.addRow(['2025 산업단지 주간 참가자 명단']);
      ws.addRow([]);
      ws.addRow(['코드', '성명', '회사명', '구분', '프로그램', '유효시작', '유효종료', '비고', '좌석']);
      const r1 = ws.addRow([100234, { richText: [{ text: '김' }, { text: '철현', font: { bold: true } }] }, '(주)한빛정밀', '참가기업', 'kicef;robot', wall(2025, 9, 10), wall(2025, 9, 12), '휠체어', { error: '#N/A' }]);
      r1.getCell(6).numFmt = 'yyyy-mm-dd';
      r1.getCell(7).numFmt = 'yyyy-mm-dd';
      const r2 = ws.addRow([{ formula: '"K-"&"2"', result: 'K-2' }, { text: 'Maria Schmidt', hyperlink: 'mailto:m@example.com' }, 'Bosch', 'buyer', '', wall(2025, 9, 11, 9, 30), wall(2025, 9, 12, 0, 0), '', 12]);
      r2.getCell(6).numFmt = 'yyyy-mm-dd hh:mm';
      r2.getCell(7).numFmt = 'yyyy-mm-dd hh:mm';
    });
    const r = await both(bytes);
    expect(r.format).toBe('xlsx');
    expect(r.errors).toEqual([]);
    expect(r.tickets).toEqual([
      {
        code: '100234', name: '김철현', company: '(주)한빛정밀', category: 'exhibitor', programmes: ['kicef', 'robot'],
        status: 'valid', seq: 0, note: '휠체어',
        // A date-only cell: from the start of 10 Sep in Seoul, through the end of 12 Sep.
        validFrom: '2025-09-10T00:00:00.000+09:00', validUntil: '2025-09-13T00:00:00.000+09:00',
      },
      {
        code: 'K-2', name: 'Maria Schmidt', company: 'Bosch', category: 'buyer', programmes: [], status: 'valid', seq: 0,
        // A date-time cell at midnight is that instant (its format shows a time), not the end of the day.
        validFrom: '2025-09-11T09:30:00.000+09:00', validUntil: '2025-09-12T00:00:00.000+09:00',
      },
    ]);
  });

  it('reports broken rows by their sheet row number and keeps the good ones', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Roster');
      ws.addRow(['code', 'name', 'category', 'valid_from']);
      ws.addRow(['A-1', 'Ann', 'visitor', '']); // row 2
      ws.addRow(['', 'No Code', 'visitor', '']); // row 3
      ws.addRow(['A-3', { error: '#REF!' }, 'visitor', '']); // row 4: Excel error in a read column
      ws.addRow([8801234567890123, 'Long Number', 'visitor', '']); // row 5: rounded by Excel
      ws.addRow(['A-1', 'Again', 'visitor', '']); // row 6
      ws.addRow(['A-6', 'Alien', '우주인', '']); // row 7
      ws.addRow(['A-7', 'Bad date', 'visitor', '2025-02-30']); // row 8
      ws.addRow(['A-8', 'Ok', 'press', '2025-09-10 09:00']); // row 9
    });
    const r = await both(bytes);
    expect(r.tickets.map((t) => t.code)).toEqual(['A-1', 'A-8']);
    expect(r.tickets[1]?.validFrom).toBe('2025-09-10T09:00:00.000+09:00');
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'missing_code'],
      [4, 'excel_error'],
      [5, 'number_code'],
      [6, 'duplicate_code'],
      [7, 'unknown_category'],
      [8, 'bad_date'],
    ]);
    expect(r.errors[2]?.message).toContain('8801234567890123');
  });

  it('reads the first visible sheet in tab order', async () => {
    const bytes = await workbook((wb) => {
      const hidden = wb.addWorksheet('설정', { state: 'hidden' });
      hidden.addRow(['code', 'name']);
      hidden.addRow(['HIDDEN', 'Nobody']);
      const first = wb.addWorksheet('참가자');
      first.addRow(['코드', '성명']);
      first.addRow(['V-1', '이영희']);
      const second = wb.addWorksheet('VIP');
      second.addRow(['code', 'name']);
      second.addRow(['X-1', 'Second sheet']);
    });
    const r = await both(bytes);
    expect(r.tickets.map((t) => [t.code, t.name])).toEqual([['V-1', '이영희']]);
  });

  it('an empty workbook and one without a header say so at row 1', async () => {
    const empty = await both(await workbook((wb) => wb.addWorksheet('Sheet1')));
    expect(empty.errors).toEqual([expect.objectContaining({ line: 1, code: 'empty_file' })]);
    const noHeader = await both(await workbook((wb) => wb.addWorksheet('Sheet1').addRow(['A-1', 'Ann'])));
    expect(noHeader.errors).toEqual([expect.objectContaining({ line: 1, code: 'no_header' })]);
  });

  it('refuses an old .xls and a damaged workbook as a whole', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const good = await workbook((wb) => wb.addWorksheet('S').addRow(['code', 'name']));
    const damaged = good.slice();
    damaged.fill(0x20, 200, 400);
    for (const [label, bytes, code] of [['xls', xls, 'old_excel'], ['damaged', damaged, 'xlsx_damaged']] as const) {
      const err = await parseRosterFile(bytes, { timeZone: TZ, readSheet: readFirstSheetStreaming }).catch((e: unknown) => e);
      expect(err, label).toBeInstanceOf(RosterFileError);
      expect((err as RosterFileError).code, label).toBe(code);
    }
  });
});

describe('cellText', () => {
  it.each<[unknown, string | undefined, string]>([
    [null, undefined, ''],
    ['  text ', undefined, '  text '],
    [true, undefined, 'TRUE'],
    [1234567, undefined, '1234567'],
    [12.5, undefined, '12.5'],
    [123456789012345, undefined, '123456789012345'],
    [wall(2025, 9, 10), 'yyyy-mm-dd', '2025-09-10'],
    [wall(2025, 9, 10), 'm/d/yy h:mm', '2025-09-10 00:00:00'],
    [wall(2025, 9, 10, 18, 30), 'yyyy-mm-dd', '2025-09-10 18:30:00'],
    [new Date(Date.UTC(2025, 8, 10, 8, 59, 59, 999)), 'hh:mm', '2025-09-10 09:00:00'],
    [{ richText: [{ text: '김' }, { text: '철현' }] }, undefined, '김철현'],
    [{ formula: 'A1', result: 42 }, undefined, '42'],
    [{ sharedFormula: 'A1', result: 'x' }, undefined, 'x'],
    [{ text: 'link', hyperlink: 'https://x' }, undefined, 'link'],
  ])('%j (%s) → %s', (value, format, text) => {
    expect(cellText(value, format)).toEqual({ text });
  });

  it('refuses numbers Excel may have rounded and error cells', () => {
    expect(cellText(1e15)).toMatchObject({ problem: { code: 'number_code' } });
    expect(cellText({ error: '#DIV/0!' })).toMatchObject({ problem: { code: 'excel_error', params: { value: '#DIV/0!' } } });
    expect(cellText({ formula: '1/0', result: { error: '#DIV/0!' } })).toMatchObject({ problem: { code: 'excel_error' } });
  });

  it.each<[string, boolean]>([
    ['yyyy-mm-dd', false], ['yyyy-mm-dd hh:mm', true], ['[h]:mm:ss', true], ['m/d/yy h:mm AM/PM', true],
    ['[$-ko-KR]yyyy"년" m"월" d"일"', false], ['"h"yyyy', false], ['[White]yyyy-mm-dd', false], ['\\hyyyy', false],
  ])('formatHasTime(%s) = %s', (format, expected) => {
    expect(formatHasTime(format)).toBe(expected);
  });
});
