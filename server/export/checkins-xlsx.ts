// `export.xlsx`: the same rows and columns as export.csv, as a typed Excel sheet
// written with exceljs's streaming WorkbookWriter (rows are committed as they
// come, so memory stays flat however large the event). `scanned_at` and `day`
// are real Excel dates holding the venue's wall clock (Excel dates carry no
// zone); `seq` is a number; every other cell is a string, so a name such as
// =HYPERLINK(...) stays text and never becomes a formula.

import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { dayDate, DATE_FORMAT, DATETIME_FORMAT, venueWallDate } from '../../core/export';
import type { Database } from '../db/schema-types';
import { COLUMN, EXPORT_COLUMNS, exportRows } from './checkins-rows';

const WIDTHS: Partial<Record<(typeof EXPORT_COLUMNS)[number], number>> = {
  id: 38, code: 20, name: 16, company: 20, checkpoint_name: 18, device: 38, device_name: 16, reason: 18, scanned_at: 20, day: 12, voided_at: 20, void_reason: 16, walk_in_registered_at: 20, possible_duplicate_of: 24,
};

const PLAIN = Object.freeze({});
const STYLES = EXPORT_COLUMNS.map((key) =>
  key === 'scanned_at' || key === 'voided_at' ? Object.freeze({ numFmt: DATETIME_FORMAT }) : key === 'day' ? Object.freeze({ numFmt: DATE_FORMAT }) : PLAIN,
);

/** Writes the event's check-ins as XLSX into `out` (ended when done). */
export async function writeCheckinsXlsx(db: Kysely<Database>, eventId: string, timeZone: string, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  wb.creator = 'Turnout';
  const ws = wb.addWorksheet('Check-ins', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((key) => ({ header: key, key, width: WIDTHS[key] ?? 11 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const rows of exportRows(db, eventId)) {
    for (const cells of rows) {
      const values: (string | number | Date | null)[] = cells.map((c) => (c === undefined ? null : c));
      const at = cells[COLUMN.scanned_at];
      const day = cells[COLUMN.day];
      if (typeof at === 'string') values[COLUMN.scanned_at] = venueWallDate(at, timeZone) ?? at;
      if (typeof day === 'string') values[COLUMN.day] = dayDate(day) ?? day;
      const voidedAt = cells[COLUMN.voided_at];
      if (typeof voidedAt === 'string') values[COLUMN.voided_at] = venueWallDate(voidedAt, timeZone) ?? voidedAt;
      const row = ws.addRow(values);
      // One shared style object per column: exceljs registers each distinct object once.
      row.eachCell((cell, col) => {
        cell.style = STYLES[col - 1] ?? PLAIN;
      });
      row.commit();
    }
  }
  ws.commit();
  await wb.commit();
}
