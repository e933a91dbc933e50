// Roster CSV import: headers in both languages, BOM, quoting, and errors that
// name the physical line where the bad row starts.
import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../../core/csv';

const TZ = { timeZone: 'Asia/Seoul' };

describe('parseRosterCsv: headers and encoding', () => {
  it('reads English headers in any order, with a BOM and CRLF', () => {
    const text = '\uFEFFname,code,category,programmes,company,note\r\nJane Doe,A-1,buyer,p1; p2 ;;p1,Acme,VIP escort\r\n';
    const { tickets, errors } = parseRosterCsv(text);
    expect(errors).toEqual([]);
    expect(tickets).toEqual([
      { code: 'A-1', name: 'Jane Doe', company: 'Acme', category: 'buyer', programmes: ['p1', 'p2'], status: 'valid', seq: 0, note: 'VIP escort' },
    ]);
  });

  it('reads Korean headers and labels', () => {
    const text = '코드,성명,회사명,구분,프로그램,유효시작,유효종료,비고\nK-1,김철현,공단,참가기업,kicef,2025-09-10,2025-09-12,휠체어\nK-2,박영희,,귀빈,,,,\n';
    const { tickets, errors } = parseRosterCsv(text, TZ);
    expect(errors).toEqual([]);
    expect(tickets[0]).toMatchObject({
      code: 'K-1', category: 'exhibitor', programmes: ['kicef'], note: '휠체어',
      validFrom: '2025-09-10T00:00:00.000+09:00', validUntil: '2025-09-13T00:00:00.000+09:00',
    });
    expect(tickets[1]).toEqual({ code: 'K-2', name: '박영희', company: '', category: 'vip', programmes: [], status: 'valid', seq: 0 });
  });

  it.each([
    ['방문객', 'visitor'], ['전시업체', 'exhibitor'], ['바이어', 'buyer'], ['기자', 'press'], ['언론', 'press'],
    ['VIP', 'vip'], ['귀빈', 'vip'], ['스태프', 'staff'], ['운영요원', 'staff'], ['연사', 'speaker'],
    ['Speaker', 'speaker'], ['', 'visitor'],
  ])('category %s → %s', (label, id) => {
    expect(parseRosterCsv(`code,name,category\nC,N,${label}\n`).tickets[0]?.category).toBe(id);
  });

  it('reads tab-separated exports and ignores unknown columns', () => {
    const { tickets, errors } = parseRosterCsv('Code\tName\tSeat\nA\tAnn\t12\n');
    expect(errors).toEqual([]);
    expect(tickets.map((t) => t.code)).toEqual(['A']);
  });

  it.each([
    ['no header', 'A-1,Jane\nA-2,John\n'],
    ['header without name', 'code,company\nA,Acme\n'],
    ['empty file', ''],
    ['only a BOM', '\uFEFF'],
  ])('%s → one error on line 1', (_label, text) => {
    const { tickets, errors } = parseRosterCsv(text);
    expect(tickets).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(1);
  });
});

describe('parseRosterCsv: errors by physical line', () => {
  it('counts lines inside quoted fields with newlines and commas', () => {
    const text = [
      'code,name,company,note', //                      line 1
      'A,"Doe, Jane","Acme, Inc.","line one', //        line 2
      'line two"', //                                   line 3
      'B,,Acme,', //                                    line 4: missing name
      '"C","Kim",Acme,"x', //                           line 5
      '', //                                            line 6 (inside quotes)
      'y"', //                                          line 7
      ',NoCode,,', //                                   line 8: missing code
      'A,Dup,,', //                                     line 9: duplicate
    ].join('\r\n');
    const { tickets, errors } = parseRosterCsv(text);
    expect(tickets.map((t) => [t.code, t.name, t.company])).toEqual([['A', 'Doe, Jane', 'Acme, Inc.'], ['C', 'Kim', 'Acme']]);
    expect(tickets[0]?.note).toBe('line one\r\nline two');
    expect(errors).toEqual([
      { line: 4, code: 'missing_name', message: 'missing name' },
      { line: 8, code: 'missing_code', message: 'missing code' },
      { line: 9, code: 'duplicate_code', params: { code: 'A', first: 2 }, message: 'duplicate code A (first on line 2)' },
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    const { tickets, errors } = parseRosterCsv('code,name\n\nA,Ann\n\n\nA,Again\n');
    expect(tickets).toHaveLength(1);
    expect(errors).toEqual([{ line: 6, code: 'duplicate_code', params: { code: 'A', first: 3 }, message: 'duplicate code A (first on line 3)' }]);
  });

  it('reports bad categories, codes and dates and skips those rows', () => {
    const text = [
      'code,name,category,valid_from,valid_until',
      'A,Ann,alien,,',
      'B\u0007,Bob,,,',
      'C,Cat,,2025-02-30,',
      'D,Dan,,tomorrow,',
      'E,Eve,,2025-09-12T00:00+09:00,2025-09-10T00:00+09:00',
      'F,Fay,,2025-09-10 09:00,',
      'G,Gus,,2025-09-10T09:00:00+09:00,2025-09-12T18:00Z',
    ].join('\n');
    const { tickets, errors } = parseRosterCsv(text);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(errors[0]?.message).toContain('unknown category');
    expect(errors[1]?.message).toContain('bad code');
    expect(errors[2]?.message).toContain('no such date');
    expect(errors[3]?.message).toContain('not a date');
    expect(errors[4]?.message).toContain('not after');
    expect(errors[5]?.message).toContain('time zone');
    expect(tickets).toEqual([
      expect.objectContaining({ code: 'G', validFrom: '2025-09-10T00:00:00.000Z', validUntil: '2025-09-12T18:00:00.000Z' }),
    ]);
  });

  it('reads zone-less times in the event zone when given one', () => {
    const { tickets, errors } = parseRosterCsv('code,name,valid_from,valid_until\nF,Fay,2025.09.10 09:30,2025/09/10 18:00\n', TZ);
    expect(errors).toEqual([]);
    expect(tickets[0]).toMatchObject({ validFrom: '2025-09-10T09:30:00.000+09:00', validUntil: '2025-09-10T18:00:00.000+09:00' });
  });

  it('trims codes like a scan would', () => {
    expect(parseRosterCsv('code,name\n"  A-1 ",Ann\n').tickets[0]?.code).toBe('A-1');
  });

  it('reports an unterminated quote at the line it starts', () => {
    const { tickets, errors } = parseRosterCsv('code,name\nA,Ann\nB,"Bob\nC,Cat\n');
    expect(tickets.map((t) => t.code)).toEqual(['A']);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(3);
  });
});
