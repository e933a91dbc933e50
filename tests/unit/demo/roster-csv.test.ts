// The roster CSV writer, read back with an independent RFC 4180 parser (papaparse).
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { demoRoster } from '../../../core/demo/roster';
import { ROSTER_CSV_COLUMNS, rosterToCsv } from '../../../core/demo/roster-csv';
import { parseRosterCsv } from '../../../core/csv';
import type { Ticket } from '../../../core/model';

type Row = Record<(typeof ROSTER_CSV_COLUMNS)[number], string>;

function parse(csv: string): Row[] {
  const out = Papa.parse<Row>(csv, { header: true, skipEmptyLines: true });
  expect(out.errors).toEqual([]);
  return out.data;
}

function backToTicket(r: Row): Omit<Ticket, 'status' | 'seq'> {
  return {
    code: r.code, name: r.name, company: r.company, category: r.category as Ticket['category'],
    programmes: r.programmes ? r.programmes.split(';') : [],
    ...(r.valid_from ? { validFrom: r.valid_from } : {}),
    ...(r.valid_until ? { validUntil: r.valid_until } : {}),
    ...(r.note ? { note: r.note } : {}),
  };
}

const base: Ticket = { code: 'X-1', name: '김철현', company: '(주)한빛정밀', category: 'visitor', programmes: ['a', 'b'], status: 'valid', seq: 0 };

describe('roster CSV', () => {
  it('writes the DESIGN.md header and CRLF records', () => {
    const csv = rosterToCsv([base]);
    expect(csv.split('\r\n')[0]).toBe(ROSTER_CSV_COLUMNS.join(','));
    expect(csv).toBe('code,name,company,category,programmes,valid_from,valid_until,note\r\nX-1,김철현,(주)한빛정밀,visitor,a;b,,,\r\n');
  });

  it('round-trips quoted values: commas, quotes, newlines, edge spaces', () => {
    const tricky: Ticket[] = [
      { ...base, code: 'Q-1', company: 'Shenzhen Huaxin Electronics Co., Ltd.', note: 'say "hi", then escort' },
      { ...base, code: 'Q-2', name: 'Maple "Leaf"', company: '"', note: 'line one\nline two\r\nline three' },
      { ...base, code: 'Q-3', name: ' padded ', company: ',', note: '""', programmes: [] },
      { ...base, code: 'Q-4', validFrom: '2025-09-10T00:00:00+09:00', validUntil: '2025-09-11T00:00:00+09:00', note: '휠체어 이용 / wheelchair user' },
    ];
    const csv = rosterToCsv(tricky);
    expect(csv).toContain('"Shenzhen Huaxin Electronics Co., Ltd."');
    expect(csv).toContain('"say ""hi"", then escort"');
    expect(parse(csv).map(backToTicket)).toEqual(tricky.map(({ status: _s, seq: _q, ...t }) => t));
  });

  it('leaves out inactive tickets unless asked, since the CSV has no status', () => {
    const roster = demoRoster(5);
    expect(parse(rosterToCsv(roster)).map((r) => r.code)).toEqual([0, 1, 2].map((i) => roster[i]?.code));
    expect(parse(rosterToCsv(roster, { includeInactive: true }))).toHaveLength(5);
  });

  it('round-trips 2000 demo tickets', () => {
    const roster = demoRoster(2000).filter((t) => t.status === 'valid');
    expect(parse(rosterToCsv(roster)).map(backToTicket)).toEqual(roster.map(({ status: _s, seq: _q, ...t }) => t));
  });

  it("is read back by the kiosk's roster importer (core/csv.ts)", () => {
    const roster = demoRoster(1000).filter((t) => t.status === 'valid');
    const { tickets, errors } = parseRosterCsv(rosterToCsv(roster), { timeZone: 'Asia/Seoul' });
    expect(errors).toEqual([]);
    const plain = (t: Ticket) => [t.code, t.name, t.company, t.category, t.programmes.join(';'), Date.parse(t.validFrom ?? ''), Date.parse(t.validUntil ?? ''), t.note ?? ''];
    expect(tickets.map(plain)).toEqual(roster.map(plain));
  });
});
