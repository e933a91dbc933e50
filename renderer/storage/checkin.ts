// Records one scan: look up the ticket, decide, and durably store the check-in
// (which is also its outbox entry) in a single IndexedDB transaction. The verdict
// is returned only after the transaction committed; a failed write is reported as
// such and never as an admission.
import { decide } from '../../core/decide';
import { isSignedCode, normalizeScan } from '../../core/code';
import { dayKey, isoWithOffset } from '../../core/time';
import { newCheckInId } from '../../core/ids';
import type { CheckIn, Checkpoint, Direction, Override, Ticket, Verdict } from '../../core/model';
import type { TurnoutDb } from './db';
import { getTicket, writeTickets } from './roster-store';
import { journaled, type JournalSink } from './journaled-write';
import { withoutVoided } from './voids';
import { verifySignedScan, type Ed25519Verifier, type SignedScan } from './signed-codes';

export interface ScanRequest {
  raw: string;
  checkpoint: Checkpoint;
  timeZone: string;
  deviceId: string;
  direction: Direction;
  now?: number;
  clockOffsetMs?: number;
  /** Staff admitted the person despite a rejection. */
  override?: Override;
  /**
   * The check-in id to use (default: a fresh UUIDv7). Online mode passes the id it
   * already sent to the server, so a late server record and this row are one check-in.
   */
  id?: string;
  /** The on-disk journal (Electron): the check-in's second durable copy, written side by side. */
  journal?: JournalSink;
  /**
   * Badges (renderer/badge): `print` — this desk prints a badge on admission, so an
   * admitted entry of a ticket with no badge mark anywhere in its history is marked
   * `printed`; `reprint` — staff reprint (behind the PIN): the record is marked
   * `reprint` whatever the verdict. The caller prints after the record is stored.
   */
  badge?: 'print' | 'reprint';
  /** How `TO1:` signatures are checked (default: WebCrypto where it has Ed25519, else noble). Tests and bench pass one. */
  verifier?: Ed25519Verifier;
}

export type ScanOutcome =
  | { kind: 'malformed'; detail: string; length: number }
  | { kind: 'stored'; checkIn: CheckIn; ticket?: Ticket; verdict: Verdict }
  | {
      kind: 'store_failed';
      error: string;
      ticket?: Ticket;
      verdict: Verdict;
      diskFull?: boolean;
      /** One copy holds it anyway (it will sync, so it counts): staff must not scan again. `none`: nothing recorded. */
      kept?: 'database' | 'journal' | 'none';
    };

export async function recordScan(db: TurnoutDb, req: ScanRequest): Promise<ScanOutcome> {
  const parsed = normalizeScan(req.raw);
  if (!parsed.ok) return { kind: 'malformed', detail: parsed.detail, length: req.raw.length };
  const code = parsed.code;
  const now = req.now ?? Date.now();
  // A signed code is verified before the transaction (WebCrypto is async and would
  // end it). Verified and not in the roster: the payload is the ticket, so a code
  // issued after the last sync is admitted; a roster row of the same code is the
  // same ticket and wins (revocation, edits).
  const signed: SignedScan | undefined = isSignedCode(code)
    ? await verifySignedScan(db, code, req.checkpoint.eventId, req.verifier)
    : undefined;

  let ticket: Ticket | undefined;
  let verdict: Verdict = { verdict: 'rejected', reason: 'unknown_ticket' };
  // The IndexedDB transaction and the journal append run side by side; the
  // verdict is shown only when both copies are durable (journaled-write.ts).
  const written = await journaled(db, req.journal, (stage) =>
    // One read-write transaction: the history read and the new row are atomic, so
    // two scans of one code in quick succession can never both be admitted.
    db.transaction('rw', db.roster, db.checkins, db.voids, async () => {
      ticket = (await getTicket(db, code)) ?? signed?.ticket;
      // A check-in its desk voided (undo) never happened for the rules: it is left out
      // here, not special-cased inside decide().
      const history = await withoutVoided(db, await db.checkins.where('code').equals(code).toArray());
      verdict = decide({
        ticket,
        checkpoint: req.checkpoint,
        timeZone: req.timeZone,
        direction: req.direction,
        history,
        now,
        ...(signed ? { signature: signed.signature } : {}),
      });
      const record = buildCheckIn(code, req, now, verdict, history);
      stage(record);
      await db.checkins.add(record);
      return record;
    }),
  );
  if (written.ok) return { kind: 'stored', checkIn: written.value, ticket, verdict };
  return { kind: 'store_failed', error: written.error, ticket, verdict, diskFull: written.diskFull, kept: written.kept };
}

/** The badge mark a new record gets (see ScanRequest.badge). */
export function badgeMarkFor(req: Pick<ScanRequest, 'badge' | 'direction'>, admitted: boolean, history: readonly Pick<CheckIn, 'badge'>[]): CheckIn['badge'] {
  if (req.badge === 'reprint') return 'reprint';
  if (req.badge !== 'print' || !admitted || req.direction !== 'entry') return undefined;
  return history.some((h) => h.badge !== undefined) ? undefined : 'printed';
}

function buildCheckIn(code: string, req: ScanRequest, now: number, decided: Verdict, history: readonly CheckIn[]): CheckIn {
  const admitted = decided.verdict === 'accepted' || req.override !== undefined;
  const record: CheckIn = {
    id: req.id ?? newCheckInId(now),
    code,
    checkpointId: req.checkpoint.id,
    deviceId: req.deviceId,
    direction: req.direction,
    verdict: admitted ? 'accepted' : 'rejected',
    scannedAt: isoWithOffset(now, req.timeZone),
    day: dayKey(now, req.timeZone),
    syncState: 'pending',
  };
  if (decided.verdict === 'rejected') record.reason = decided.reason;
  if (req.override) record.override = req.override;
  if (req.clockOffsetMs !== undefined) record.clockOffsetMs = req.clockOffsetMs;
  const badge = badgeMarkFor(req, admitted, history);
  if (badge) record.badge = badge;
  return record;
}

/**
 * Stores a check-in the server already decided and recorded (online mode), so it is
 * acknowledged at once and never enters the outbox; the ticket the server returned
 * refreshes the roster row when it is newer. One strict-durability transaction, like
 * recordScan: the caller shows the verdict only after this resolved.
 */
export async function recordDecided(db: TurnoutDb, record: CheckIn, ticket?: Ticket, journal?: JournalSink): Promise<void> {
  const written = await journaled(db, journal, (stage) =>
    db.transaction('rw', db.roster, db.checkins, async () => {
      if (ticket) await writeTickets(db, [ticket], { rule: 'newer', source: 'local' });
      stage(record);
      await db.checkins.put(record);
    }),
  );
  if (!written.ok) throw new Error(written.error);
}

/** Records not yet acknowledged upstream: check-ins, and the desk's voids (undo) and walk-ins. */
export async function outboxCount(db: TurnoutDb): Promise<number> {
  const counts = await Promise.all([
    db.checkins.where('syncState').equals('pending').count(),
    db.voids.where('syncState').equals('pending').count(),
    db.walkins.where('syncState').equals('pending').count(),
  ]);
  return counts[0] + counts[1] + counts[2];
}

export function recentCheckIns(db: TurnoutDb, limit = 20): Promise<CheckIn[]> {
  return db.checkins.orderBy('scannedAt').reverse().limit(limit).toArray();
}
