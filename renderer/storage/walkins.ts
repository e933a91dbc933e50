// Walk-in registration on the kiosk (현장등록, issue 13): the new ticket, its
// walk-in record (personal data and the consent given item by item) and the
// check-in made in the same step are written in ONE strict-durability IndexedDB
// transaction, with the code issued inside it from this desk's counter
// (core/walkin.ts: `W-<deviceId>-<n>`, unique across desks without talking to
// them). The verdict is returned only after that transaction committed, so a
// badge is never printed for a registration that is not on disk. Pending rows are
// the walk-in outbox (sync/desk-records.ts pushes them before check-ins).
import { decide } from '../../core/decide';
import { newCheckInId } from '../../core/ids';
import type { CheckIn, Checkpoint, Ticket, Verdict } from '../../core/model';
import { dayKey, isoWithOffset } from '../../core/time';
import { consentAnswers, CONSENT_VERSION, keptPhone, walkInCode, walkInProblems, type WalkInForm, type WalkInProblem } from '../../core/walkin';
import { getMeta, setMeta, type TurnoutDb, type WalkInRow } from './db';
import { journaled, type JournalSink } from './journaled-write';
import { getTicket, writeTickets } from './roster-store';

export interface WalkInRequest {
  form: WalkInForm;
  checkpoint: Checkpoint;
  timeZone: string;
  /** The server's id of this device once paired (what makes the code unique upstream). */
  deviceId: string;
  now: number;
  clockOffsetMs?: number;
  /** This desk prints badges: an admitted walk-in's check-in is marked `printed`. */
  printing?: boolean;
  journal?: JournalSink;
}

export type WalkInOutcome =
  | { kind: 'invalid'; problems: WalkInProblem[] }
  | { kind: 'stored'; walkIn: WalkInRow; ticket: Ticket; checkIn: CheckIn; verdict: Verdict }
  | { kind: 'store_failed'; error: string; diskFull?: boolean; kept?: 'database' | 'journal' | 'none' };

/** Meta key of this device's walk-in counter (per device id: a new pairing starts a new series). */
export const counterKey = (deviceId: string) => `walkin.counter.${deviceId}`;

/**
 * The next code this desk may issue: one past the stored counter, skipping any
 * code already in the roster or among the walk-ins (a counter lost with a restored
 * backup must never re-issue a code). Runs inside the caller's transaction.
 */
async function issueCode(db: TurnoutDb, deviceId: string): Promise<{ code: string; n: number }> {
  let n = ((await getMeta<number>(db, counterKey(deviceId))) ?? 0) + 1;
  for (;;) {
    const code = walkInCode(deviceId, n);
    if ((await db.walkins.where('code').equals(code).count()) === 0 && !(await getTicket(db, code))) return { code, n };
    n++;
  }
}

export async function registerWalkIn(db: TurnoutDb, req: WalkInRequest): Promise<WalkInOutcome> {
  const problems = walkInProblems(req.form);
  if (problems.length > 0) return { kind: 'invalid', problems };
  const { form, checkpoint, timeZone, deviceId, now } = req;
  const written = await journaled(db, req.journal, (stage) =>
    db.transaction('rw', [db.roster, db.checkins, db.walkins, db.meta], async () => {
      const { code, n } = await issueCode(db, deviceId);
      const ticket: Ticket = {
        code,
        name: form.name.trim(),
        company: form.company.trim(),
        category: form.category as Ticket['category'],
        // Registered at this door, for what this door admits (a ceremony desk's walk-in
        // is a guest of the ceremony); a door for everyone gives no programme.
        programmes: [...(checkpoint.programmes ?? [])],
        status: 'valid',
        seq: 0,
      };
      // The same rules as any scan (a door for buyers only still refuses a visitor):
      // the registration stands either way, the check-in says what the door decided.
      const verdict = decide({ ticket, checkpoint, timeZone, direction: 'entry', history: [], now });
      const admitted = verdict.verdict === 'accepted';
      const checkIn: CheckIn = {
        id: newCheckInId(now),
        code,
        checkpointId: checkpoint.id,
        deviceId,
        direction: 'entry',
        verdict: admitted ? 'accepted' : 'rejected',
        scannedAt: isoWithOffset(now, timeZone),
        day: dayKey(now, timeZone),
        syncState: 'pending',
      };
      if (verdict.verdict === 'rejected') checkIn.reason = verdict.reason;
      if (req.clockOffsetMs !== undefined) checkIn.clockOffsetMs = req.clockOffsetMs;
      if (req.printing && admitted) checkIn.badge = 'printed';
      const walkIn: WalkInRow = {
        id: newCheckInId(now),
        code,
        name: ticket.name,
        company: ticket.company,
        category: ticket.category,
        programmes: ticket.programmes,
        consents: consentAnswers(form),
        consentText: CONSENT_VERSION,
        checkpointId: checkpoint.id,
        checkinId: checkIn.id,
        deviceId,
        registeredAt: checkIn.scannedAt,
        day: checkIn.day,
        syncState: 'pending',
      };
      // Only with the `contact` consent is a phone number kept at all.
      const phone = keptPhone(form);
      if (phone) walkIn.phone = phone;
      await writeTickets(db, [ticket], { rule: 'newer', source: 'local' });
      await db.walkins.add(walkIn);
      await setMeta(db, counterKey(deviceId), n);
      stage(checkIn);
      await db.checkins.add(checkIn);
      return { walkIn, ticket, checkIn, verdict };
    }),
  );
  if (written.ok) return { kind: 'stored', ...written.value };
  return { kind: 'store_failed', error: written.error, diskFull: written.diskFull, kept: written.kept };
}

/** Pending walk-ins, oldest first (the outbox; ids are time-ordered). */
export async function pendingWalkIns(db: TurnoutDb): Promise<WalkInRow[]> {
  const rows = await db.walkins.where('syncState').equals('pending').toArray();
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Acknowledged upstream (`stored` or `duplicate`: the server holds it either way). */
export async function markWalkInsStored(db: TurnoutDb, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return db.transaction('rw', db.walkins, async () => {
    let n = 0;
    for (const id of ids) n += await db.walkins.where('id').equals(id).modify({ syncState: 'stored' });
    return n;
  });
}

