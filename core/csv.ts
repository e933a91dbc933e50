// Roster import from CSV: what an organiser exports from Excel or another
// registration system becomes Tickets, and every row we cannot take is named
// by its physical line in the file, so it can be fixed in the spreadsheet.
// Parsing is papaparse's (quotes, embedded newlines); mapping and checks are ours.

import Papa from 'papaparse';
import { CATEGORIES, type Category, type Ticket } from './model';
import { normalizeScan } from './code';
import { instantFromLocal, isoWithOffset } from './time';

export interface RosterError {
  /** 1-based physical line where the row starts (the header is line 1). */
  line: number;
  message: string;
}

export interface RosterParseResult {
  tickets: Ticket[];
  errors: RosterError[];
}

export interface RosterParseOptions {
  /**
   * The event's zone. Dates without an offset (`2025-09-10`, `2025-09-10 09:00`)
   * are read as venue-local time in it; without a zone they are errors.
   */
  timeZone?: string;
}

type Field = 'code' | 'name' | 'company' | 'category' | 'programmes' | 'validFrom' | 'validUntil' | 'note';

// Header cells are compared lowercased, with spaces, '_' and '-' removed.
const HEADERS: Record<string, Field> = {
  code: 'code', 코드: 'code',
  name: 'name', 성명: 'name', 이름: 'name',
  company: 'company', 회사명: 'company', 회사: 'company', 소속: 'company',
  category: 'category', 구분: 'category',
  programmes: 'programmes', programs: 'programmes', 프로그램: 'programmes',
  validfrom: 'validFrom', 유효시작: 'validFrom',
  validuntil: 'validUntil', 유효종료: 'validUntil',
  note: 'note', 비고: 'note',
};

const CATEGORY_LABELS: Record<string, Category> = {
  방문객: 'visitor', 참가기업: 'exhibitor', 전시업체: 'exhibitor', 바이어: 'buyer',
  기자: 'press', 언론: 'press', 귀빈: 'vip', 스태프: 'staff', 운영요원: 'staff', 연사: 'speaker',
};

function headerField(cell: string): Field | undefined {
  return HEADERS[cell.trim().toLowerCase().replace(/[\s_-]+/g, '')];
}

/** An empty category cell means a plain visitor; anything unknown is an error. */
function parseCategory(cell: string): Category | undefined {
  const v = cell.trim();
  if (v === '') return 'visitor';
  const lower = v.toLowerCase();
  const id = CATEGORIES.find((c) => c === lower);
  return id ?? CATEGORY_LABELS[v.replace(/\s+/g, '')];
}

const DATE_RE =
  /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A validity bound as an ISO instant, or an error message. A date alone means
 * the start of that venue day for `valid_from` and the END of it for
 * `valid_until` (stored as the next midnight, exclusive), which is what
 * "valid until 12 Sep" means to the person who typed it.
 */
function parseBound(cell: string, end: boolean, timeZone: string | undefined): { iso: string } | { error: string } {
  const m = DATE_RE.exec(cell.trim());
  if (!m) return { error: 'not a date' };
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const local = {
    year: Number(y), month: Number(mo), day: Number(d),
    hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0),
    ms: Number((frac ?? '0').padEnd(3, '0')),
  };
  // Reject 2025-02-30 and 25:00 rather than let Date roll them over.
  const probe = new Date(Date.UTC(2000, local.month - 1, local.day, local.hour, local.minute, local.second));
  probe.setUTCFullYear(local.year, local.month - 1, local.day);
  if (probe.getUTCMonth() !== local.month - 1 || probe.getUTCDate() !== local.day || local.hour > 23 ||
      local.minute > 59 || local.second > 59) {
    return { error: 'no such date or time' };
  }
  const dateOnly = h === undefined;
  if (end && dateOnly) {
    probe.setUTCDate(probe.getUTCDate() + 1);
    local.year = probe.getUTCFullYear(); local.month = probe.getUTCMonth() + 1; local.day = probe.getUTCDate();
  }
  let ms: number;
  if (zone !== undefined) {
    const digits = zone.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    const offsetMin = /^z$/i.test(zone) ? 0 : sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    const utc = new Date(Date.UTC(2000, 0, 1, local.hour, local.minute, local.second, local.ms));
    utc.setUTCFullYear(local.year, local.month - 1, local.day);
    if (Math.abs(offsetMin) > 18 * 60) return { error: 'no such offset' };
    ms = utc.getTime() - offsetMin * 60_000;
  } else if (timeZone !== undefined) {
    ms = instantFromLocal(local, timeZone);
  } else {
    return { error: 'needs a time zone offset, e.g. 2025-09-10T09:00+09:00' };
  }
  return { iso: timeZone !== undefined ? isoWithOffset(ms, timeZone) : new Date(ms).toISOString() };
}

function newlineOf(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf >= 0) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

/** Parse a roster CSV (UTF-8, with or without BOM; comma- or tab-separated). */
export function parseRosterCsv(text: string, options: RosterParseOptions = {}): RosterParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const newline = newlineOf(src);
  const firstLine = src.split(/\r\n|\n|\r/, 1)[0] ?? '';
  // Excel's "Unicode text" export is tab-separated; a fixed delimiter otherwise,
  // because guessing could pick the ';' that separates programmes.
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';

  const tickets: Ticket[] = [];
  const errors: RosterError[] = [];
  const seen = new Map<string, number>();
  let columns: (Field | undefined)[] | undefined;
  let headerFailed = false;
  // Physical line bookkeeping: count line breaks between row starts.
  let offset = 0;
  let line = 1;
  const lineAt = (pos: number): number => {
    for (; offset < pos && offset < src.length; offset++) {
      const c = src.charCodeAt(offset);
      if (c === 10 || (c === 13 && src.charCodeAt(offset + 1) !== 10)) line++;
    }
    return line;
  };
  let rowStart = 0;

  Papa.parse<string[]>(src, {
    delimiter,
    newline,
    skipEmptyLines: false,
    step: (result) => {
      const at = lineAt(rowStart);
      rowStart = result.meta.cursor;
      if (headerFailed) return;
      const cells = result.data.map((c) => (typeof c === 'string' ? c : ''));
      const problem = result.errors.find((e) => e.type !== 'Delimiter');
      if (cells.every((c) => c.trim() === '') && !problem) return;
      if (!columns) {
        columns = cells.map(headerField);
        if (!columns.includes('code') || !columns.includes('name')) {
          errors.push({ line: 1, message: 'no recognizable header: need at least code and name (코드, 성명) columns' });
          headerFailed = true;
        }
        return;
      }
      if (problem) {
        errors.push({ line: at, message: `unreadable row: ${problem.message}` });
        return;
      }
      const row: Partial<Record<Field, string>> = {};
      columns.forEach((f, i) => {
        if (f && row[f] === undefined) row[f] = (cells[i] ?? '').trim();
      });
      const outcome = toTicket(row, options.timeZone);
      if ('error' in outcome) {
        errors.push({ line: at, message: outcome.error });
        return;
      }
      const first = seen.get(outcome.ticket.code);
      if (first !== undefined) {
        errors.push({ line: at, message: `duplicate code ${outcome.ticket.code} (first on line ${first})` });
        return;
      }
      seen.set(outcome.ticket.code, at);
      tickets.push(outcome.ticket);
    },
  });

  if (!columns && !headerFailed) errors.push({ line: 1, message: 'empty file: no header' });
  return { tickets, errors };
}

function toTicket(row: Partial<Record<Field, string>>, timeZone: string | undefined): { ticket: Ticket } | { error: string } {
  const rawCode = row.code ?? '';
  if (rawCode === '') return { error: 'missing code' };
  const code = normalizeScan(rawCode);
  if (!code.ok) return { error: `bad code: ${code.detail}` };
  const name = row.name ?? '';
  if (name === '') return { error: 'missing name' };
  const category = parseCategory(row.category ?? '');
  if (!category) return { error: `unknown category "${row.category ?? ''}"` };
  const ticket: Ticket = {
    code: code.code,
    name,
    company: row.company ?? '',
    category,
    programmes: [...new Set((row.programmes ?? '').split(';').map((p) => p.trim()).filter((p) => p !== ''))],
    status: 'valid',
    seq: 0,
  };
  for (const [field, end] of [['validFrom', false], ['validUntil', true]] as const) {
    const cell = row[field] ?? '';
    if (cell === '') continue;
    const bound = parseBound(cell, end, timeZone);
    if ('error' in bound) return { error: `bad ${field === 'validFrom' ? 'valid_from' : 'valid_until'} "${cell}": ${bound.error}` };
    ticket[field] = bound.iso;
  }
  if (ticket.validFrom && ticket.validUntil && Date.parse(ticket.validUntil) <= Date.parse(ticket.validFrom)) {
    return { error: 'bad dates: valid_until is not after valid_from' };
  }
  if (row.note) ticket.note = row.note;
  return { ticket };
}
