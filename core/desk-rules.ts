// The desk's own rules for overrides and undo, shared by the kiosk UI, storage and
// the server: how an override's reason is written (a code from a short list plus
// staff's free text, in the one `reason` string the protocol carries), and which
// check-ins a desk may still void. Pure: no I/O, no clock (`now` is an argument).

import { OVERRIDE_REASONS, type CheckIn, type OverrideReason } from './model';
import { toEpochMs } from './time';

/**
 * How long after a check-in its desk may void it: 2 minutes. Undo is for the
 * mistakes staff see at once — the wrong 김민수 picked in a name search, the
 * same badge scanned twice — while the person is still at the desk. A longer
 * window would let a `once` admission be taken back after its holder walked in,
 * which is how one ticket admits two people.
 */
export const UNDO_WINDOW_MS = 2 * 60_000;
/** Only the desk's latest check-ins (those on its recent strip) can be voided. */
export const UNDO_LAST = 10;

/** Longest free text staff may add to an override or a void. */
export const MAX_NOTE_LENGTH = 200;

/** `code` or `code: free text` — readable as is in an export's override_reason column. */
export function overrideReasonText(reason: OverrideReason, note?: string): string {
  const text = (note ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_NOTE_LENGTH);
  return text ? `${reason}: ${text}` : reason;
}

/** Splits an override's reason back into its code and free text; an unknown code reads as `other`. */
export function parseOverrideReason(text: string): { reason: OverrideReason; note: string } {
  const m = /^([a-z_]+)(?::\s?(.*))?$/s.exec(text);
  const code = m?.[1] as OverrideReason | undefined;
  if (m && code && (OVERRIDE_REASONS as readonly string[]).includes(code)) return { reason: code, note: m[2] ?? '' };
  return { reason: 'other', note: text };
}

/** The override reason with staff's free text dropped: what is kept after the event's retention date. */
export function overrideReasonCode(text: string): OverrideReason {
  return parseOverrideReason(text).reason;
}

/** `other` needs words; the listed reasons speak for themselves. */
export function overrideComplete(reason: OverrideReason | undefined, note: string): boolean {
  return reason !== undefined && (reason !== 'other' || note.trim().length > 0);
}

export type UndoRefusal = 'not_mine' | 'not_admitted' | 'too_old' | 'already_voided';

/**
 * Whether this desk may void `c` at `now`: its own, admitted (an entry or an
 * exit that was accepted — a refusal counted nobody), not yet voided, and within
 * UNDO_WINDOW_MS of the scan (a scan time in the future, from a clock set back,
 * counts as just now).
 */
export function undoRefusal(c: Pick<CheckIn, 'deviceId' | 'verdict' | 'scannedAt'>, deviceId: string, now: number, voided: boolean): UndoRefusal | null {
  if (c.deviceId !== deviceId) return 'not_mine';
  if (c.verdict !== 'accepted') return 'not_admitted';
  if (voided) return 'already_voided';
  const at = toEpochMs(c.scannedAt);
  if (Number.isNaN(at) || now - at > UNDO_WINDOW_MS) return 'too_old';
  return null;
}
