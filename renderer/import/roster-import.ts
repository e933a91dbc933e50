// The setup screen's local roster import (an unpaired kiosk): a CSV in UTF-8,
// UTF-16 or CP949, or an XLSX's first sheet, read by core/roster-file.ts
// exactly as the server reads it, in the event's time zone (so a date-only
// `valid_from` means the start of that venue day here too), and stored with
// the roster's bulk writer. A file refused as a whole stores nothing. A store that
// fails (quota, IndexedDB) is an outcome too, with a code the screen translates.
import type { RosterError } from '../../core/csv';
import {
  checkRosterSize,
  parseRosterFile,
  RosterFileError,
  ROSTER_MAX_BYTES,
  XLSX_MAX_UNPACKED_KIOSK,
  type RosterFileErrorCode,
  type RosterFileResult,
} from '../../core/roster-file';
import type { TurnoutDb } from '../storage/db';
import { putTickets } from '../storage/roster';
import { isQuotaError } from '../storage/journaled-write';
import { readFirstSheetInMemory } from './xlsx-sheet';
import { withSecondFactors } from '../../core/second-factor';
import { kioskFactorSalt, markBirthFactor, markPhoneFactor } from '../storage/second-factor';

export type KioskImportOutcome =
  | {
      ok: true;
      imported: number;
      errors: RosterError[];
      format: RosterFileResult['format'];
      encoding?: RosterFileResult['encoding'];
    }
  | { ok: false; code: KioskImportFailure; params: Record<string, string | number>; message: string };

/** Why nothing (or not all) was imported: the file's fault, or the kiosk's storage. Each is `rosterImport.file.<code>`. */
export type KioskImportFailure = RosterFileErrorCode | 'unreadable' | 'store_failed' | 'store_full';

/** The few File members used, so tests can pass a Blob with a name. */
export interface PickedFile {
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export async function importRosterFileOnKiosk(
  db: TurnoutDb,
  file: PickedFile,
  opts: { timeZone: string; eventId?: string; maxBytes?: number; maxUnpacked?: number },
): Promise<KioskImportOutcome> {
  const { timeZone, eventId = '', maxBytes = ROSTER_MAX_BYTES, maxUnpacked = XLSX_MAX_UNPACKED_KIOSK } = opts;
  let parsed: RosterFileResult;
  try {
    // By the size the picker reports, before a byte is read.
    checkRosterSize(file.size, maxBytes);
    const bytes = new Uint8Array(await file.arrayBuffer());
    parsed = await parseRosterFile(bytes, { timeZone, readSheet: readFirstSheetInMemory, maxBytes, maxUnpacked });
  } catch (err) {
    if (err instanceof RosterFileError) return { ok: false, code: err.code, params: err.params, message: err.message };
    return { ok: false, code: 'unreadable', params: {}, message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
  try {
    // Phone digits (phone_last4) and birth dates (birth_date) become salted hashes here and go no further.
    const { secondFactors: phones, birthDates: births } = parsed;
    const tickets = phones || births ? await withSecondFactors(parsed.tickets, phones, await kioskFactorSalt(db, eventId), births) : parsed.tickets;
    phones?.clear();
    births?.clear();
    const imported = await putTickets(db, tickets);
    if (tickets.some((t) => t.factorHash)) await markPhoneFactor(db);
    if (tickets.some((t) => t.birthHash)) await markBirthFactor(db);
    return { ok: true, imported, errors: parsed.errors, format: parsed.format, ...(parsed.encoding ? { encoding: parsed.encoding } : {}) };
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { ok: false, code: isQuotaError(err) ? 'store_full' : 'store_failed', params: {}, message };
  }
}
