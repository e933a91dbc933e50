// Online mode (`POST /v1/sync/decide`): the server decides a scan with
// core/decide on its own clock and records the check-in, all inside the
// event's sequence lock (db/seq.ts), so two desks asking at the same moment
// are answered one after the other and cannot both admit a `once` ticket.
// Idempotent by check-in id: asking again returns the recorded verdict.
// A signed `TO1:` code is judged as the kiosk judges it (core/signed-ticket.ts):
// verified with the event's published keys; verified and without a roster row,
// its payload is the ticket; a roster row of the same code is the same ticket
// and wins (revocation); anything that does not verify is `invalid_signature`.

import type { Kysely, Transaction } from 'kysely';
import { isSignedCode, normalizeScan } from '../../core/code';
import { decide } from '../../core/decide';
import type { Ticket, Verdict } from '../../core/model';
import type { DecideRequest, DecideResponse, TicketWire } from '../../core/protocol';
import { verifySignedCode } from '../../core/signed-code';
import { prepareSignedCode } from '../../core/signed-ticket';
import { isoWithOffset } from '../../core/time';
import type { Database } from '../db/schema-types';
import { lockSequence } from '../db/seq';
import { checkinFromRow, markConflicts, placeAdmission, toRow, type DeviceScope } from './checkins';
import { notVoided } from './checkins-sql';
import type { Admission } from './conflicts';
import { publishedKeys } from '../signing/keys';
import { getTicket } from './tickets';

interface SignedCheck {
  signature: 'valid' | 'invalid';
  ticket?: Ticket;
}

/** A `TO1:` code checked against the event's published keys and programme ids; never throws. */
async function checkSigned(db: Kysely<Database>, eventId: string, code: string): Promise<SignedCheck> {
  const [keys, programmes] = await Promise.all([
    publishedKeys(db, eventId),
    db.selectFrom('programmes').select('id').where('event_id', '=', eventId).execute(),
  ]);
  const prepared = prepareSignedCode(code, eventId, keys, programmes.map((p) => p.id));
  if (!prepared.ok || !verifySignedCode(prepared.parsed, prepared.publicKey)) return { signature: 'invalid' };
  return { signature: 'valid', ticket: prepared.ticket };
}

async function historyOf(trx: Transaction<Database>, eventId: string, code: string): Promise<Admission[]> {
  const rows = await trx
    .selectFrom('checkins')
    .select(['id', 'checkpoint_id', 'direction', 'verdict', 'scanned_at', 'scanned_at_ms', 'override_by', 'status'])
    .where('event_id', '=', eventId)
    .where('code', '=', code)
    .where('verdict', '=', 'accepted')
    .where(notVoided)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    checkpointId: r.checkpoint_id,
    direction: r.direction as Admission['direction'],
    verdict: 'accepted',
    scannedAt: r.scanned_at,
    ms: Number(r.scanned_at_ms),
    override: r.override_by !== null,
    status: r.status as Admission['status'],
  }));
}

/** Whether any check-in of this ticket carries a badge mark (printed or reprinted). */
async function hasBadge(trx: Transaction<Database>, eventId: string, code: string): Promise<boolean> {
  const row = await trx
    .selectFrom('checkins')
    .select('id')
    .where('event_id', '=', eventId)
    .where('code', '=', code)
    .where('badge', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

const attentionOf = (ticket: TicketWire | null) =>
  ticket && ticket.status !== 'deleted' && ticket.note?.trim() ? ticket.note.trim() : undefined;

/** Decides and records one scan; the checkpoint must exist in `scope`. */
export async function decideAndRecord(
  db: Kysely<Database>,
  scope: DeviceScope,
  req: DecideRequest,
  now = Date.now(),
): Promise<DecideResponse> {
  const checkpoint = scope.checkpoints.get(req.checkpointId);
  if (!checkpoint) throw new Error(`Unknown checkpoint ${req.checkpointId}`);
  const early = normalizeScan(req.code);
  // Verified outside the lock: reading keys and checking a signature holds up no other desk.
  const signed = early.ok && isSignedCode(early.code) ? await checkSigned(db, scope.eventId, early.code) : undefined;
  return db.transaction().execute(async (trx) => {
    const seq = await lockSequence(trx, scope.eventId);
    if (!seq) throw new Error(`Unknown event ${scope.eventId}`);

    const existing = await trx.selectFrom('checkins').selectAll().where('id', '=', req.id).executeTakeFirst();
    if (existing) {
      const ticket = await getTicket(trx, existing.event_id, existing.code);
      const checkin = checkinFromRow(existing);
      const attention = attentionOf(ticket);
      return {
        id: req.id,
        verdict: checkin.verdict,
        ...(checkin.reason ? { reason: checkin.reason } : {}),
        ...(attention ? { attention } : {}),
        status: 'duplicate',
        ticket,
        checkin,
      };
    }

    const scan = normalizeScan(req.code);
    const code = scan.ok ? scan.code : req.code;
    const ticket = scan.ok ? await getTicket(trx, scope.eventId, code) : null;
    const history = scan.ok ? await historyOf(trx, scope.eventId, code) : [];
    const verdict: Verdict = scan.ok
      ? decide({
          ticket: ticket ?? signed?.ticket,
          checkpoint,
          timeZone: scope.timeZone,
          direction: req.direction,
          history,
          now,
          ...(signed ? { signature: signed.signature } : {}),
        })
      : { verdict: 'rejected', reason: 'malformed' };

    // A desk that prints badges: the first admitted entry of a ticket issues its badge.
    const printed =
      req.printsBadge === true && verdict.verdict === 'accepted' && req.direction === 'entry' && !(await hasBadge(trx, scope.eventId, code));
    const row = toRow(
      scope,
      {
        id: req.id,
        code,
        checkpointId: req.checkpointId,
        direction: req.direction,
        verdict: verdict.verdict,
        ...(verdict.verdict === 'rejected' ? { reason: verdict.reason } : {}),
        scannedAt: isoWithOffset(now, scope.timeZone),
        ...(req.clockOffsetMs !== undefined ? { clockOffsetMs: req.clockOffsetMs } : {}),
        ...(printed ? { badge: 'printed' as const } : {}),
      },
      seq.next(),
      now,
    );
    const remarked = placeAdmission(row, checkpoint, scope.timeZone, history);
    await trx.insertInto('checkins').values(row).execute();
    await markConflicts(
      trx,
      seq,
      remarked.map((r) => r.id),
    );
    await seq.save();
    return {
      id: req.id,
      ...verdict,
      status: row.status === 'conflict' ? 'conflict' : 'stored',
      ticket: ticket ?? signed?.ticket ?? null,
      checkin: checkinFromRow(row),
    };
  });
}
