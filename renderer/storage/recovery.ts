// Restores check-ins that IndexedDB lost (Chromium reset it when the disk filled,
// an app update wiped it, an old backup was restored) from the on-disk journal, at
// each start. Only ids missing from the database are added, in one transaction,
// so a second start recovers nothing. Acknowledged ones come back as `stored`;
// the rest go back into the outbox (`pending`) and the server, idempotent by id,
// sorts out any it already had. See DESIGN.md "Storage".
import type { JournalDump, JournalEntry, JournalProblem, Result } from '../../core/kiosk-api';
import { retryUnjournaled, type JournalSink } from './journaled-write';
import type { CheckIn, SyncState } from '../../core/model';
import type { TurnoutDb } from './db';

export type RecoveryReasonCode = 'database_empty' | 'rows_missing' | 'journal_problems' | 'pairing_restored';

export interface RecoveryReason {
  code: RecoveryReasonCode;
  count: number;
  /** For staff and logs; the UI may translate by `code`. */
  message: string;
}

export interface RecoveryReport {
  /** Check-ins added back to the database. */
  recovered: number;
  /** Of those, back in the outbox (not acknowledged by the server yet). */
  intoOutbox: number;
  /** Journal entries the database already held. */
  alreadyPresent: number;
  /** Venue days the recovered check-ins belong to, in order. */
  days: string[];
  /** Empty when nothing was wrong. */
  reasons: RecoveryReason[];
}

/** The state a recovered row gets: what the journal line says, and `stored` once the server acknowledged it. */
export function recoveredState(entry: JournalEntry): SyncState {
  const state = entry.checkIn.syncState;
  if (state !== 'pending') return state;
  return entry.acked ? 'stored' : 'pending';
}

export interface RecoveryOptions {
  /** Lines the journal skipped (torn, bad checksum): reported as a reason too. */
  problems?: JournalProblem[];
}

export async function recoverFromJournal(db: TurnoutDb, entries: JournalEntry[], options: RecoveryOptions = {}): Promise<RecoveryReport> {
  const { missing, present } = await db.transaction('rw', db.checkins, async () => {
    const ids = new Set(await db.checkins.toCollection().primaryKeys());
    const rowsBefore = ids.size;
    const toAdd: CheckIn[] = [];
    for (const entry of entries) {
      if (ids.has(entry.checkIn.id)) continue;
      ids.add(entry.checkIn.id); // a journal that repeats an id restores it once
      toAdd.push({ ...entry.checkIn, syncState: recoveredState(entry) });
    }
    if (toAdd.length > 0) await db.checkins.bulkAdd(toAdd);
    return { missing: toAdd, present: rowsBefore };
  });

  const recovered = missing.length;
  const intoOutbox = missing.filter((c) => c.syncState === 'pending').length;
  const reasons: RecoveryReason[] = [];
  if (recovered > 0 && present === 0) {
    reasons.push({
      code: 'database_empty',
      count: recovered,
      message: `The database was empty (reset or wiped): ${recovered} check-in(s) restored from the journal, ${intoOutbox} still to upload`,
    });
  } else if (recovered > 0) {
    reasons.push({
      code: 'rows_missing',
      count: recovered,
      message: `${recovered} check-in(s) were missing from the database (an older copy?) and were restored from the journal, ${intoOutbox} still to upload`,
    });
  }
  const problems = options.problems?.length ?? 0;
  if (problems > 0) {
    const first = options.problems?.[0];
    reasons.push({
      code: 'journal_problems',
      count: problems,
      message: `${problems} journal line(s) could not be read and were skipped${first ? ` (first: ${first.file} line ${first.line}, ${first.kind})` : ''}`,
    });
  }
  const days = [...new Set(missing.map((c) => c.day))].sort();
  return { recovered, intoOutbox, alreadyPresent: entries.length - recovered, days, reasons };
}

/** The journal as the start-up recovery needs it (renderer/platform's `journal`). */
export interface JournalSource extends JournalSink {
  readAll(): Promise<Result<JournalDump>>;
}

/**
 * Every start, in Electron: restore what IndexedDB lost from the journal, then
 * journal the rows that missed their append last time (disk was full). Never
 * throws — a kiosk that cannot read its journal still starts, and says why.
 */
export async function recoverAtStart(db: TurnoutDb, journal: JournalSource | undefined): Promise<RecoveryReport | undefined> {
  if (!journal) return undefined;
  try {
    const dump = await journal.readAll();
    if (!dump.ok) {
      return { recovered: 0, intoOutbox: 0, alreadyPresent: 0, days: [], reasons: [{ code: 'journal_problems', count: 0, message: `The journal could not be read: ${dump.error.message}` }] };
    }
    const report = await recoverFromJournal(db, dump.value.entries, { problems: dump.value.problems });
    await retryUnjournaled(db, journal);
    return report;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { recovered: 0, intoOutbox: 0, alreadyPresent: 0, days: [], reasons: [{ code: 'journal_problems', count: 0, message: `Recovery failed: ${message}` }] };
  }
}
