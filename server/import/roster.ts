// A roster file into an event (the admin import route and `npm run server --
// import`): core/roster-file reads CSV or XLSX from the bytes, the streaming
// exceljs reader here reads sheets, and repo/tickets stores what was read.
// A file refused as a whole (too large, an .xls, an encoding we cannot be sure
// of) throws RosterFileError and stores nothing; rows with errors are reported
// by line and the good rows are stored, so fixing those lines and importing
// again completes the roster. A `phone_last4` or `birth_date` column's digits live only until
// they are hashed under the event's salt (repo/second-factor.ts): never
// stored, logged or returned.

import type { Kysely } from 'kysely';
import { parseRosterFile, ROSTER_MAX_BYTES, XLSX_MAX_UNPACKED } from '../../core/roster-file';
import type { ImportResult } from '../../core/protocol';
import { withSecondFactors } from '../../core/second-factor';
import type { Database } from '../db/schema-types';
import { eventFactorSalt, refreshFactors } from '../repo/second-factor';
import { importTickets, withoutStatus } from '../repo/tickets';
import { iconvCp949 } from './cp949';
import { readFirstSheetStreaming } from './xlsx-sheet';

export interface RosterImportOptions {
  timeZone: string;
  maxBytes?: number;
  maxUnpacked?: number;
  now?: number;
}

export async function importRosterFile(
  db: Kysely<Database>,
  eventId: string,
  bytes: Uint8Array,
  { timeZone, maxBytes = ROSTER_MAX_BYTES, maxUnpacked = XLSX_MAX_UNPACKED, now = Date.now() }: RosterImportOptions,
): Promise<ImportResult> {
  const parsed = await parseRosterFile(bytes, { timeZone, readSheet: readFirstSheetStreaming, decodeCp949: iconvCp949, maxBytes, maxUnpacked });
  const { secondFactors: phones, birthDates: births } = parsed;
  const tickets = phones || births ? await withSecondFactors(parsed.tickets, phones, await eventFactorSalt(db, eventId), births) : parsed.tickets;
  phones?.clear();
  births?.clear();
  const counts = await importTickets(db, eventId, withoutStatus(tickets), now);
  await refreshFactors(db, eventId);
  return {
    ...counts,
    errors: parsed.errors,
    format: parsed.format,
    ...(parsed.encoding ? { encoding: parsed.encoding } : {}),
  };
}
