// Which uploaded admissions are conflicts. Kiosks decide offline, so two desks
// can both admit one `once` ticket; upstream keeps both rows and marks every
// admission that the rules would have refused, given the check-ins scanned
// before it, as `conflict` (DESIGN.md "Sync rules").
//
// "Before" is by scannedAt, then by id — not by arrival. So when an earlier
// scan arrives after a later one, the later one (already stored) is re-marked
// `conflict` and gets a new seq, so kiosks pull the change. Rows only ever go
// stored → conflict, never back. Overrides (staff admitted on purpose) are
// never conflicts but do count as entries. The rule is core/decide's own,
// with ticket, hours and checkpoint restrictions taken out: the only question
// left is "already checked in?".

import { decide } from '../../core/decide';
import type { Checkpoint, HistoryEntry, Ticket } from '../../core/model';

/** An accepted check-in of one ticket, as conflict detection sees it. */
export interface Admission extends HistoryEntry {
  id: string;
  ms: number;
  override: boolean;
  status: 'stored' | 'conflict';
}

const PLAIN_TICKET: Ticket = {
  code: '',
  name: '',
  company: '',
  category: 'visitor',
  programmes: [],
  status: 'valid',
  seq: 0,
};

/** Strictly before, by (scannedAt, id). */
export const before = (a: Pick<Admission, 'ms' | 'id'>, b: Pick<Admission, 'ms' | 'id'>) =>
  a.ms < b.ms || (a.ms === b.ms && a.id < b.id);

/** Whether a checkpoint can produce conflicts at all. */
export function canConflict(cp: Checkpoint): boolean {
  return cp.rule !== 'unlimited' || cp.mode === 'entry_exit';
}

/**
 * Whether `x`, an accepted entry at `cp`, breaks the checkpoint's rule given
 * `history`: this ticket's accepted check-ins (any order, may include x).
 */
export function isConflict(x: Admission, cp: Checkpoint, timeZone: string, history: readonly Admission[]): boolean {
  if (x.verdict !== 'accepted' || x.direction !== 'entry' || x.override) return false;
  if (!canConflict(cp)) return false;
  const earlier = history.filter((h) => h.checkpointId === cp.id && h.id !== x.id && before(h, x));
  if (earlier.length === 0) return false;
  // The checkpoint's rules (day start, cap, no re-entry) stay: a cap or a
  // no-re-entry door is enforced across desks once their uploads meet here.
  const bare: Checkpoint = { id: cp.id, eventId: cp.eventId, name: cp.name, rule: cp.rule, mode: cp.mode };
  if (cp.dayStart !== undefined) bare.dayStart = cp.dayStart;
  if (cp.maxAdmissions !== undefined) bare.maxAdmissions = cp.maxAdmissions;
  if (cp.noReentry !== undefined) bare.noReentry = cp.noReentry;
  const verdict = decide({
    ticket: PLAIN_TICKET,
    checkpoint: bare,
    timeZone,
    direction: 'entry',
    history: earlier,
    now: x.ms,
  });
  return verdict.verdict === 'rejected' && verdict.reason === 'already_checked_in';
}

/**
 * After `x` joined `history`, the stored admissions scanned after it that now
 * break the rule (to be re-marked `conflict`).
 */
export function remarkedBy(x: Admission, cp: Checkpoint, timeZone: string, history: readonly Admission[]): Admission[] {
  if (!canConflict(cp)) return [];
  return history.filter(
    (h) =>
      h.checkpointId === cp.id &&
      h.status === 'stored' &&
      h.id !== x.id &&
      before(x, h) &&
      isConflict(h, cp, timeZone, history),
  );
}
