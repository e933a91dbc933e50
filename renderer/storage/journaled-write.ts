// Writing a check-in to both of its homes at once: the IndexedDB transaction and
// the on-disk journal append (Electron) run side by side, and the write counts as
// done only when BOTH are durable. A green verdict needs both.
//
// Failure matrix (the verdict screen is the error screen in every failed row):
//   IDB ok,   journal ok   → ok.
//   IDB ok,   journal fail → failed 'journal', kept 'database'. The row stays: it
//                            is a real scan and it will sync. Its id is flagged in
//                            meta (`journal.unjournaled`); retryUnjournaled() appends
//                            it once the journal works again (boot, disk freed).
//   IDB fail, journal ok   → failed 'database', kept 'journal'. The line stays: it
//                            is a real scan; the next start's recoverFromJournal()
//                            puts it back into the outbox with its decided verdict.
//   both fail              → failed 'both', kept 'none': nothing was recorded.
// `diskFull` says whether either failure was the disk or quota running out, so the
// screen can say "storage full — call staff" rather than a generic error.
// In a browser there is no journal: the write is IndexedDB only (`journaled: false`).
import type { JournalReceipt, Result } from '../../core/kiosk-api';
import type { CheckIn } from '../../core/model';
import Dexie from 'dexie';
import { getMeta, setMeta, type TurnoutDb } from './db';

/** The journal side of the write: renderer/platform's `platform.journal`. */
export interface JournalSink {
  append(checkIn: CheckIn): Promise<Result<JournalReceipt>>;
}

export type JournaledOutcome<T> =
  /** `journaled`: false when there is no journal (browser) or `run` staged no record. */
  | { ok: true; value: T; journaled: boolean }
  | {
      ok: false;
      failed: 'database' | 'journal' | 'both';
      /** Which copy holds the check-in anyway. */
      kept: 'database' | 'journal' | 'none';
      error: string;
      diskFull: boolean;
      /** What the transaction returned, when it committed. */
      value?: T;
    };

export const UNJOURNALED_KEY = 'journal.unjournaled';

const QUOTA_ERRORS = new Set(['QuotaExceededError', 'DiskFullError']);

/** IndexedDB (or Dexie wrapping it) refused a write because the storage is full. */
export function isQuotaError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const inner = (err as { inner?: { name?: string } }).inner?.name;
  return QUOTA_ERRORS.has(err.name) || (inner !== undefined && QUOTA_ERRORS.has(inner));
}

function describe(err: unknown): { message: string; diskFull: boolean } {
  if (err instanceof Error) return { message: `${err.name}: ${err.message}`, diskFull: isQuotaError(err) };
  return { message: String(err), diskFull: false };
}

/**
 * Runs `run` (the IndexedDB transaction) and the journal append side by side.
 * `run` calls `stage(record)` once it knows the record — e.g. inside recordScan's
 * transaction right after decide(), before `db.checkins.add(record)`; the append
 * starts at once and is awaited only after the transaction settled (never inside
 * it: a foreign promise would let IndexedDB auto-commit early).
 */
export async function journaled<T>(
  db: TurnoutDb,
  journal: JournalSink | undefined,
  run: (stage: (record: CheckIn) => void) => Promise<T>,
): Promise<JournaledOutcome<T>> {
  let staged: CheckIn | undefined;
  let append: Promise<Result<JournalReceipt>> | undefined;
  const stage = (record: CheckIn): void => {
    if (!journal || append) return;
    staged = record;
    append = journal
      .append(record)
      .catch((err: unknown): Result<JournalReceipt> => ({ ok: false, error: { code: 'internal', message: describe(err).message } }));
  };

  let value: T | undefined;
  let dbError: { message: string; diskFull: boolean } | undefined;
  try {
    value = await run(stage);
  } catch (err) {
    dbError = describe(err);
  }
  const appended = append ? await append : undefined;
  const journalError = appended && !appended.ok ? appended.error : undefined;

  if (!dbError && !journalError) return { ok: true, value: value as T, journaled: appended !== undefined };
  const diskFull = Boolean(dbError?.diskFull) || journalError?.code === 'disk_full';
  if (dbError && journalError) {
    return { ok: false, failed: 'both', kept: 'none', diskFull, error: `Database: ${dbError.message}; journal: ${journalError.message}` };
  }
  if (dbError) {
    return { ok: false, failed: 'database', kept: appended ? 'journal' : 'none', diskFull, error: `Database: ${dbError.message}` };
  }
  if (staged) await flagUnjournaled(db, [staged.id]);
  return { ok: false, failed: 'journal', kept: 'database', diskFull, error: `Journal: ${journalError?.message ?? 'failed'}`, value };
}

/** Adds one check-in (no decision involved) to IndexedDB and the journal; e.g. a row the server already decided. */
export function writeCheckIn(db: TurnoutDb, record: CheckIn, journal?: JournalSink, mode: 'add' | 'put' = 'add'): Promise<JournaledOutcome<CheckIn>> {
  return journaled(db, journal, async (stage) => {
    stage(record);
    await db.transaction('rw', db.checkins, async () => {
      if (mode === 'put') await db.checkins.put(record);
      else await db.checkins.add(record);
    });
    return record;
  });
}

/** Remembers ids that are in IndexedDB but not in the journal. Best effort: the disk may be full. */
export async function flagUnjournaled(db: TurnoutDb, ids: string[]): Promise<void> {
  try {
    // A top-level transaction of its own: called right after the check-in's
    // transaction, Dexie's zone would otherwise make this a child of that finished
    // one (TransactionInactiveError in Chromium; fake-indexeddb does not show it).
    await Dexie.ignoreTransaction(() =>
      db.transaction('rw', db.meta, async () => {
        const known = (await getMeta<string[]>(db, UNJOURNALED_KEY)) ?? [];
        await setMeta(db, UNJOURNALED_KEY, [...new Set([...known, ...ids])]);
      }),
    );
  } catch {
    // Nothing more to do here: the row itself is kept, and it syncs.
  }
}

export interface RetryReport {
  appended: number;
  stillFailing: number;
  /** Flagged ids no longer in the database. */
  gone: number;
  error?: string;
}

/** Appends flagged check-ins to the journal now that it may work again; stops at the first failure. */
export async function retryUnjournaled(db: TurnoutDb, journal: JournalSink): Promise<RetryReport> {
  const ids = (await getMeta<string[]>(db, UNJOURNALED_KEY)) ?? [];
  if (ids.length === 0) return { appended: 0, stillFailing: 0, gone: 0 };
  const rows = await db.checkins.bulkGet(ids);
  const left: string[] = [];
  let appended = 0;
  let gone = 0;
  let error: string | undefined;
  for (const [i, row] of rows.entries()) {
    if (!row) {
      gone += 1;
      continue;
    }
    if (error === undefined) {
      const result = await journal.append(row);
      if (result.ok) {
        appended += 1;
        continue;
      }
      error = result.error.message;
    }
    left.push(ids[i] as string);
  }
  await db.transaction('rw', db.meta, async () => {
    // Ids flagged meanwhile stay flagged.
    const now = (await getMeta<string[]>(db, UNJOURNALED_KEY)) ?? [];
    const done = new Set(ids.filter((id) => !left.includes(id)));
    await setMeta(db, UNJOURNALED_KEY, now.filter((id) => !done.has(id)));
  });
  return { appended, stillFailing: left.length, gone, ...(error !== undefined ? { error } : {}) };
}
