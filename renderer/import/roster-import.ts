// The setup screen's local roster import (an unpaired kiosk): a CSV in UTF-8,
// UTF-16 or CP949, or an XLSX's first sheet, read by core/roster-file.ts
// exactly as the server reads it, in the event's time zone (so a date-only
// `valid_from` means the start of that venue day here too), and stored with
// the roster's bulk writer. A file refused as a whole stores nothing.
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
import { readFirstSheetInMemory } from './xlsx-sheet';
import { withSecondFactors } from '../../core/second-factor';
import { kioskFactorSalt, markPhoneFactor } from '../storage/second-factor';

export type KioskImportOutcome =
  | {
      ok: true;
      imported: number;
      errors: RosterError[];
      format: RosterFileResult['format'];
      encoding?: RosterFileResult['encoding'];
    }
  | { ok: false; code: RosterFileErrorCode; params: Record<string, string | number>; message: string };

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
  try {
    // By the size the picker reports, before a byte is read.
    checkRosterSize(file.size, maxBytes);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const parsed = await parseRosterFile(bytes, { timeZone, readSheet: readFirstSheetInMemory, maxBytes, maxUnpacked });
    // Phone digits (phone_last4) become salted hashes here and go no further.
    const factors = parsed.secondFactors;
    const tickets = factors ? await withSecondFactors(parsed.tickets, factors, await kioskFactorSalt(db, eventId)) : parsed.tickets;
    const imported = await putTickets(db, tickets);
    if (factors && factors.size > 0) await markPhoneFactor(db);
    return { ok: true, imported, errors: parsed.errors, format: parsed.format, ...(parsed.encoding ? { encoding: parsed.encoding } : {}) };
  } catch (err) {
    if (err instanceof RosterFileError) return { ok: false, code: err.code, params: err.params, message: err.message };
    throw err;
  }
}
