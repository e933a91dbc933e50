// Roster import from CSV: what an organiser exports from Excel or another
// registration system becomes Tickets, and every row we cannot take is named
// by its physical line in the file, so it can be fixed in the spreadsheet.
// Parsing is papaparse's (quotes, embedded newlines); mapping and checks are
// ours, in RosterRows, which XLSX imports (core/roster-xlsx.ts) feed too, so a
// sheet and a CSV with the same cells give the same tickets and errors.

import Papa from 'papaparse';
import { CATEGORIES, type Category, type Ticket } from './model';
import { normalizeScan } from './code';
import { instantFromLocal, isoWithOffset } from './time';
import { lastFourDigits } from './second-factor';
import { normaliseBirthDate } from './birth-date';

/** What went wrong with a row, for screens that say it in the reader's language. */
export type RosterErrorCode =
  | 'no_header'
  | 'empty_file'
  | 'unreadable_row'
  | 'missing_code'
  | 'bad_code'
  | 'missing_name'
  | 'unknown_category'
  | 'bad_date'
  | 'dates_order'
  | 'duplicate_code'
  | 'excel_error'
  | 'number_code'
  | 'bad_phone_last4'
  | 'bad_birth_date';

export interface RosterError {
  /** 1-based physical line where the row starts (the header is line 1); a sheet's row number for XLSX. */
  line: number;
  /** English, for the API and the CLI. */
  message: string;
  /** What screens show, in their language (`message` is English, for the API and logs only). */
  code: RosterErrorCode;
  params?: Record<string, string | number>;
}

export interface RosterParseResult {
  tickets: Ticket[];
  errors: RosterError[];
  /**
   * Code → last four phone digits, from an optional `phone_last4` column: for the
   * importer to hash (core/second-factor.ts) and drop. Never stored as such.
   */
  secondFactors?: Map<string, string>;
  /**
   * Code → birth date as YYMMDD (core/birth-date.ts), from an optional
   * `birth_date` / `생년월일` column: for the importer to hash and drop, like
   * `secondFactors`.
   */
  birthDates?: Map<string, string>;
}

export interface RosterParseOptions {
  /**
   * The event's zone. Dates without an offset (`2025-09-10`, `2025-09-10 09:00`)
   * are read as venue-local time in it; without a zone they are errors.
   */
  timeZone?: string;
}

/** A row problem found before mapping: the message, and its code for translation. */
export interface RowProblem {
  message: string;
  code: RosterErrorCode;
  params?: Record<string, string | number>;
}

type Field = 'code' | 'name' | 'company' | 'category' | 'programmes' | 'validFrom' | 'validUntil' | 'note' | 'phoneLast4' | 'birthDate';

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
  phonelast4: 'phoneLast4', 연락처뒤4자리: 'phoneLast4', 전화번호뒤4자리: 'phoneLast4',
  birthdate: 'birthDate', dateofbirth: 'birthDate', 생년월일: 'birthDate',
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

/** Rows above the header that may be skipped: a sheet's title, a date line. */
export const MAX_ROWS_ABOVE_HEADER = 10;

/**
 * Rows of cells in, tickets and errors by line out. The header is the first
 * row naming at least code and name (up to MAX_ROWS_ABOVE_HEADER non-blank rows
 * above it, such as a sheet's title, are skipped), blank rows are skipped, and
 * a code seen twice keeps its first row. Fed by the CSV parser below and by
 * XLSX sheets (core/roster-xlsx.ts).
 */
export class RosterRows {
  private readonly tickets: Ticket[] = [];
  private readonly errors: RosterError[] = [];
  private readonly seen = new Map<string, number>();
  private readonly factors = new Map<string, string>();
  private readonly births = new Map<string, string>();
  private columns: (Field | undefined)[] | undefined;
  private above = 0;
  private headerFailed = false;

  constructor(private readonly options: RosterParseOptions = {}) {}

  /**
   * One row starting at `line`. `problem` refuses it (unreadable quoting);
   * `cellProblems` (by column index) refuse it only when the column is mapped,
   * so an Excel error in a column we do not read costs nothing.
   */
  row(line: number, cells: readonly string[], problem?: RowProblem, cellProblems?: ReadonlyMap<number, RowProblem>): void {
    if (this.headerFailed) return;
    if (cells.every((c) => c.trim() === '') && !problem && !cellProblems?.size) return;
    if (!this.columns) {
      const columns = cells.map(headerField);
      if (columns.includes('code') && columns.includes('name')) this.columns = columns;
      else if (++this.above >= MAX_ROWS_ABOVE_HEADER) this.failHeader();
      return;
    }
    const columns = this.columns;
    const cellProblem = cellProblems && [...cellProblems].find(([i]) => columns[i] !== undefined);
    if (problem || cellProblem) {
      const p = problem ?? cellProblem![1];
      this.errors.push({ line, ...p });
      return;
    }
    const row: Partial<Record<Field, string>> = {};
    columns.forEach((f, i) => {
      if (f && row[f] === undefined) row[f] = (cells[i] ?? '').trim();
    });
    const outcome = toTicket(row, this.options.timeZone);
    if ('error' in outcome) {
      this.errors.push({ line, ...outcome.error });
      return;
    }
    const code = outcome.ticket.code;
    const first = this.seen.get(code);
    if (first !== undefined) {
      this.errors.push({ line, code: 'duplicate_code', params: { code, first }, message: `duplicate code ${code} (first on line ${first})` });
      return;
    }
    this.seen.set(code, line);
    this.tickets.push(outcome.ticket);
    if (outcome.phoneLast4) this.factors.set(code, outcome.phoneLast4);
    if (outcome.birthDate) this.births.set(code, outcome.birthDate);
  }

  private failHeader(): void {
    this.errors.push({ line: 1, code: 'no_header', message: 'no recognizable header: need at least code and name (코드, 성명) columns' });
    this.headerFailed = true;
  }

  result(): RosterParseResult {
    if (!this.columns && !this.headerFailed) {
      if (this.above > 0) this.failHeader();
      else this.errors.push({ line: 1, code: 'empty_file', message: 'empty file: no header' });
    }
    return {
      tickets: this.tickets,
      errors: this.errors,
      ...(this.factors.size > 0 ? { secondFactors: this.factors } : {}),
      ...(this.births.size > 0 ? { birthDates: this.births } : {}),
    };
  }
}

/** Parse a roster CSV (UTF-8, with or without BOM; comma- or tab-separated). */
export function parseRosterCsv(text: string, options: RosterParseOptions = {}): RosterParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const newline = newlineOf(src);
  const firstLine = src.split(/\r\n|\n|\r/, 1)[0] ?? '';
  // Excel's "Unicode text" export is tab-separated; a fixed delimiter otherwise,
  // because guessing could pick the ';' that separates programmes.
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';

  const rows = new RosterRows(options);
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
      const cells = result.data.map((c) => (typeof c === 'string' ? c : ''));
      const error = result.errors.find((e) => e.type !== 'Delimiter');
      const problem: RowProblem | undefined = error
        ? { code: 'unreadable_row', params: { detail: error.message }, message: `unreadable row: ${error.message}` }
        : undefined;
      rows.row(at, cells, problem);
    },
  });
  return rows.result();
}

type Mapped = { ticket: Ticket; phoneLast4?: string; birthDate?: string };

function toTicket(row: Partial<Record<Field, string>>, timeZone: string | undefined): Mapped | { error: RowProblem } {
  const rawCode = row.code ?? '';
  if (rawCode === '') return { error: { code: 'missing_code', message: 'missing code' } };
  const code = normalizeScan(rawCode);
  if (!code.ok) return { error: { code: 'bad_code', params: { detail: code.detail }, message: `bad code: ${code.detail}` } };
  const name = row.name ?? '';
  if (name === '') return { error: { code: 'missing_name', message: 'missing name' } };
  const category = parseCategory(row.category ?? '');
  if (!category) {
    const value = row.category ?? '';
    return { error: { code: 'unknown_category', params: { value }, message: `unknown category "${value}"` } };
  }
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
    if ('error' in bound) {
      const column = field === 'validFrom' ? 'valid_from' : 'valid_until';
      return { error: { code: 'bad_date', params: { column, value: cell, detail: bound.error }, message: `bad ${column} "${cell}": ${bound.error}` } };
    }
    ticket[field] = bound.iso;
  }
  if (ticket.validFrom && ticket.validUntil && Date.parse(ticket.validUntil) <= Date.parse(ticket.validFrom)) {
    return { error: { code: 'dates_order', message: 'bad dates: valid_until is not after valid_from' } };
  }
  if (row.note) ticket.note = row.note;
  const out: Mapped = { ticket };
  // The cells below are not repeated in messages: they are personal data.
  if (row.phoneLast4) {
    const digits = lastFourDigits(row.phoneLast4);
    if (digits === null) return { error: { code: 'bad_phone_last4', message: 'phone_last4 needs at least 4 digits' } };
    out.phoneLast4 = digits;
  }
  if (row.birthDate) {
    const birth = normaliseBirthDate(row.birthDate);
    if (birth === null) {
      return { error: { code: 'bad_birth_date', message: 'birth_date is not a date (YYYY-MM-DD, YYYYMMDD, YYMMDD or 1990.01.31)' } };
    }
    out.birthDate = birth;
  }
  return out;
}
