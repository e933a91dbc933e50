// Online mode: when paired and the server answers, ask `POST /v1/sync/decide` for
// the verdict — the server decides under its lock and records the check-in, so two
// desks can't both admit a `once` ticket. No answer within 1.5 s, or any error, and
// the kiosk decides locally as always, with the SAME check-in id (a late server
// record and the local row stay one check-in upstream). Either way the row is
// stored with strict durability before the verdict is returned: acknowledged when
// the server recorded it, pending (outbox) otherwise.
import { normalizeScan } from '../../core/code';
import { newCheckInId } from '../../core/ids';
import type { CheckIn, Verdict } from '../../core/model';
import type { DecideResponse } from '../../core/protocol';
import { isoWithOffset } from '../../core/time';
import type { TurnoutDb } from '../storage/db';
import { recordDecided, recordScan, type ScanOutcome, type ScanRequest } from '../storage/checkin';
import { hasPendingFor } from '../storage/outbox';
import { hasPendingVoidFor } from '../storage/voids';
import type { SyncClient } from './client';
import { checkinFromWire, ticketFromWire } from './pull';

/** What check-in needs from the engine (SyncEngine satisfies it). */
export interface OnlineTarget {
  client: SyncClient;
  isReachable(): boolean;
  clockOffsetMs(): number | undefined;
  notifyScan(): void;
  notifyReachable(): void;
}

export type CheckInOutcome = ScanOutcome & { source: 'server' | 'local' };

export interface OnlineOptions {
  /** How long a scan waits for the server before deciding locally. */
  timeoutMs?: number;
  /** After a failed or slow decision, decide locally for this long without asking. */
  coolDownMs?: number;
  /** false: never ask the server (e.g. a rehearsal clock the server does not share). */
  online?: boolean;
}

const coolingUntil = new WeakMap<OnlineTarget, number>();

/**
 * The check-in the UI calls: online when paired and reachable, else local
 * (recordScan with the clock offset). Always nudges the engine to push.
 */
export async function checkIn(db: TurnoutDb, target: OnlineTarget | null, req: ScanRequest, opts: OnlineOptions = {}): Promise<CheckInOutcome> {
  const offset = target?.clockOffsetMs();
  const local = { ...req, ...(req.clockOffsetMs === undefined && offset !== undefined ? { clockOffsetMs: offset } : {}) };
  try {
    // Overrides and badge reprints are staff decisions made here, never asked upstream.
    const staffAction = req.override !== undefined || req.badge === 'reprint';
    if (!target || opts.online === false || !target.isReachable() || staffAction || Date.now() < (coolingUntil.get(target) ?? 0)) {
      return { ...(await recordScan(db, local)), source: 'local' };
    }
    return await decideOnline(db, target, local, opts);
  } finally {
    target?.notifyScan();
  }
}

async function decideOnline(db: TurnoutDb, target: OnlineTarget, req: ScanRequest, opts: OnlineOptions): Promise<CheckInOutcome> {
  const parsed = normalizeScan(req.raw);
  // Malformed scans and codes with our own unsent check-ins or voids (which upstream
  // cannot know about yet) are decided here.
  if (!parsed.ok || (await hasPendingFor(db, parsed.code)) || (await hasPendingVoidFor(db, parsed.code))) return { ...(await recordScan(db, req)), source: 'local' };
  const now = req.now ?? Date.now();
  const id = req.id ?? newCheckInId(now);
  let answer: DecideResponse;
  try {
    answer = await target.client.decide(
      {
        id,
        code: parsed.code,
        checkpointId: req.checkpoint.id,
        direction: req.direction,
        scannedAt: isoWithOffset(now, req.timeZone),
        ...(req.clockOffsetMs !== undefined ? { clockOffsetMs: Math.round(req.clockOffsetMs) } : {}),
        ...(req.badge === 'print' ? { printsBadge: true } : {}),
      },
      opts.timeoutMs ?? 1500,
    );
    if (!consistent(answer, id, parsed.code, req)) throw new Error('decide answer does not match the request');
  } catch {
    coolingUntil.set(target, Date.now() + (opts.coolDownMs ?? 30_000));
    return { ...(await recordScan(db, { ...req, id })), source: 'local' };
  }
  target.notifyReachable();
  const verdict: Verdict =
    answer.verdict === 'accepted'
      ? { verdict: 'accepted', ...(answer.attention ? { attention: answer.attention } : {}) }
      : { verdict: 'rejected', reason: answer.reason!, ...(answer.attention ? { attention: answer.attention } : {}) };
  const ticket = answer.ticket ? ticketFromWire(answer.ticket) : undefined;
  // The server recorded it: stored (or conflict) at once, never in the outbox.
  const { status, ...recorded } = checkinFromWire(answer.checkin);
  const record: CheckIn = { ...recorded, id, syncState: status === 'conflict' ? 'conflict' : 'stored' };
  try {
    await recordDecided(db, record, ticket, req.journal);
  } catch (err) {
    return { kind: 'store_failed', error: err instanceof Error ? `${err.name}: ${err.message}` : String(err), ticket, verdict, source: 'server' };
  }
  return { kind: 'stored', checkIn: record, ticket, verdict, source: 'server' };
}

/** The server answered about this scan, at this checkpoint, coherently. */
function consistent(a: DecideResponse, id: string, code: string, req: ScanRequest): boolean {
  return (
    a.id === id &&
    a.checkin.id === id &&
    a.checkin.code === code &&
    a.checkin.checkpointId === req.checkpoint.id &&
    a.checkin.direction === req.direction &&
    a.checkin.verdict === a.verdict &&
    (a.verdict === 'accepted' || a.reason !== undefined)
  );
}
