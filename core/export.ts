// The pure half of exports, shared by the kiosk and the server: CSV cells
// (RFC 4180 quoting, CRLF, a UTF-8 BOM so Excel on Korean Windows reads Hangul,
// and formula-injection safety — a cell starting with = + - @ tab or CR gets a
// leading ' so a spreadsheet shows it as text; OWASP "CSV injection"), the
// check-in export's typed columns, the tallies as tables, and venue-local
// wall-clock Dates for spreadsheet cells (Excel dates have no zone).

import type { DayTallies } from './tally';
import { toEpochMs } from './time';
import { shiftedToZone } from './zone-clock';

export const BOM = '\uFEFF';

const DANGEROUS_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export type CellValue = string | number | boolean | Date | null | undefined;

/** One CSV cell, neutralized and quoted as needed. Dates are written as ISO 8601. */
export function csvCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  let s = value instanceof Date ? value.toISOString() : String(value);
  if (DANGEROUS_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly CellValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** How a column is typed in a spreadsheet. `datetime`/`date` cells hold venue-local wall-clock Dates. */
export type ColumnKind = 'text' | 'number' | 'datetime' | 'date';

export interface ExportColumn {
  key: string;
  kind: ColumnKind;
  /** Spreadsheet column width in characters. */
  width: number;
}

export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * A Date whose UTC fields are the venue's wall clock at `instant`: what a
 * spreadsheet date must hold so Excel shows venue time on any PC. Undefined
 * when the instant cannot be read.
 */
export function venueWallDate(instant: string | number | Date, timeZone: string): Date | undefined {
  const ms = toEpochMs(instant);
  return Number.isNaN(ms) ? undefined : shiftedToZone(ms, timeZone);
}

/** A `YYYY-MM-DD` venue day as a spreadsheet date (midnight, zone-free). */
export function dayDate(day: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
}

/** The kiosk's check-in export: the server's export.csv columns it can know (no device names, no seq). */
export const KIOSK_CHECKIN_COLUMNS: readonly ExportColumn[] = [
  { key: 'id', kind: 'text', width: 38 },
  { key: 'code', kind: 'text', width: 20 },
  { key: 'name', kind: 'text', width: 16 },
  { key: 'company', kind: 'text', width: 20 },
  { key: 'category', kind: 'text', width: 10 },
  { key: 'checkpoint', kind: 'text', width: 14 },
  { key: 'checkpoint_name', kind: 'text', width: 18 },
  { key: 'device', kind: 'text', width: 16 },
  { key: 'direction', kind: 'text', width: 9 },
  { key: 'verdict', kind: 'text', width: 9 },
  { key: 'reason', kind: 'text', width: 18 },
  { key: 'override_by', kind: 'text', width: 12 },
  { key: 'override_reason', kind: 'text', width: 18 },
  { key: 'scanned_at', kind: 'datetime', width: 20 },
  { key: 'day', kind: 'date', width: 12 },
  { key: 'status', kind: 'text', width: 9 },
  { key: 'badge', kind: 'text', width: 9 },
  // Appended 2026-12 (undo): when and why the desk voided the check-in; empty otherwise.
  { key: 'voided_at', kind: 'datetime', width: 20 },
  { key: 'void_reason', kind: 'text', width: 16 },
];

/** A check-in joined with its ticket and checkpoint, as the kiosk exports it. */
export interface CheckinExportRow {
  id: string;
  code: string;
  name?: string;
  company?: string;
  category?: string;
  checkpointId: string;
  checkpointName?: string;
  deviceId: string;
  direction: string;
  verdict: string;
  reason?: string;
  overrideBy?: string;
  overrideReason?: string;
  scannedAt: string;
  day: string;
  status: string;
  /** `printed` | `reprint` when a badge was printed with the check-in. */
  badge?: string;
  voidedAt?: string;
  voidReason?: string;
}

/** Cells of one check-in in KIOSK_CHECKIN_COLUMNS order; `scanned_at` stays ISO 8601 with offset in CSV. */
export function checkinCsvCells(r: CheckinExportRow): CellValue[] {
  return [
    r.id, r.code, r.name, r.company, r.category, r.checkpointId, r.checkpointName, r.deviceId, r.direction,
    r.verdict, r.reason, r.overrideBy, r.overrideReason, r.scannedAt, r.day, r.status, r.badge, r.voidedAt, r.voidReason,
  ];
}

const VOIDED_AT = KIOSK_CHECKIN_COLUMNS.findIndex((c) => c.key === 'voided_at');

/** The same cells typed for a spreadsheet: dates as venue-local wall-clock Dates. */
export function checkinSheetCells(r: CheckinExportRow, timeZone: string): CellValue[] {
  const cells = checkinCsvCells(r);
  cells[13] = venueWallDate(r.scannedAt, timeZone) ?? r.scannedAt;
  cells[14] = dayDate(r.day) ?? r.day;
  if (r.voidedAt) cells[VOIDED_AT] = venueWallDate(r.voidedAt, timeZone) ?? r.voidedAt;
  return cells;
}

/** A titled table of the day's tallies (CSV section or a block on the Tallies sheet). */
export interface TallyTable {
  title: string;
  header: string[];
  rows: (string | number)[][];
}

const COUNT_HEADER = ['scans', 'accepted', 'unique_people', 'rejected', 'exits', 'conflicts'];
const countCells = (c: DayTallies['total']) => [c.scans, c.accepted, c.uniquePeople, c.rejected, c.exits, c.conflicts];

/** The tallies as tables; `names` turns checkpoint, programme and device ids into labels. */
export function tallyTables(t: DayTallies, names: { checkpoint?(id: string): string; programme?(id: string): string } = {}): TallyTable[] {
  const cp = names.checkpoint ?? ((id: string) => id);
  const pg = names.programme ?? ((id: string) => id);
  return [
    { title: `day ${t.day} (${t.timeZone})`, header: ['slice', ...COUNT_HEADER], rows: [['total', ...countCells(t.total)]] },
    { title: 'by checkpoint', header: ['checkpoint', 'name', ...COUNT_HEADER], rows: t.byCheckpoint.map((r) => [r.checkpointId, cp(r.checkpointId), ...countCells(r)]) },
    { title: 'by hour', header: ['hour', ...COUNT_HEADER], rows: t.byHour.map((r) => [r.hour, ...countCells(r)]) },
    { title: 'by category', header: ['category', ...COUNT_HEADER], rows: t.byCategory.map((r) => [r.category, ...countCells(r)]) },
    { title: 'by programme', header: ['programme', 'name', ...COUNT_HEADER], rows: t.byProgramme.map((r) => [r.programmeId, pg(r.programmeId), ...countCells(r)]) },
    { title: 'by device', header: ['device', ...COUNT_HEADER], rows: t.byDevice.map((r) => [r.deviceId, ...countCells(r)]) },
    { title: 'rejections by reason', header: ['reason', 'count'], rows: t.byReason.map((r) => [r.reason, r.count]) },
    { title: 'inside now', header: ['checkpoint', 'name', 'inside'], rows: t.insideNow.map((r) => [r.checkpointId, cp(r.checkpointId), r.inside]) },
    // Overrides are admissions staff forced through a refusal (counted in `accepted` too);
    // voided check-ins were undone by their desk and count nowhere above.
    { title: 'desk', header: ['overrides', 'voided'], rows: [[t.overrides, t.voided]] },
  ];
}

/** The tallies as one CSV (BOM, a blank line between titled sections). */
export function talliesCsv(tables: readonly TallyTable[]): string {
  return BOM + tables.map((tb) => csvRow([tb.title]) + csvRow(tb.header) + tb.rows.map((r) => csvRow(r)).join('')).join('\r\n');
}
