// The desk's rules for overrides (reason code + free text in one string, read
// back; `other` needs words) and undo (own, admitted, not yet voided, within the
// window), and what a void does to the tallies: the check-in counts nowhere but
// in `voided`, "inside now" included.
import { describe, expect, it } from 'vitest';
import {
  overrideComplete,
  overrideReasonCode,
  overrideReasonText,
  parseOverrideReason,
  UNDO_WINDOW_MS,
  undoRefusal,
} from '../../../core/desk-rules';
import { tallyDay, type TallyRow } from '../../../core/tally';

describe('override reasons', () => {
  it('writes the code, then staff\'s words on one line, and reads them back', () => {
    expect(overrideReasonText('roster_error')).toBe('roster_error');
    expect(overrideReasonText('roster_error', '  명단에\n회사명 오타  ')).toBe('roster_error: 명단에 회사명 오타');
    expect(parseOverrideReason('roster_error: 명단에 회사명 오타')).toEqual({ reason: 'roster_error', note: '명단에 회사명 오타' });
    expect(parseOverrideReason('vip_guest')).toEqual({ reason: 'vip_guest', note: '' });
    // Written by something else: kept whole as `other`.
    expect(parseOverrideReason('the boss said so')).toEqual({ reason: 'other', note: 'the boss said so' });
    expect(overrideReasonCode('other: 주최측 김과장 전화 승인')).toBe('other');
    expect(overrideReasonText('other', 'x'.repeat(500)).length).toBe('other: '.length + 200);
  });

  it('needs words only for `other`', () => {
    expect(overrideComplete(undefined, 'text')).toBe(false);
    expect(overrideComplete('vip_guest', '')).toBe(true);
    expect(overrideComplete('other', '   ')).toBe(false);
    expect(overrideComplete('other', '주최측 승인')).toBe(true);
  });
});

describe('undo', () => {
  const at = Date.parse('2025-09-10T10:00:00+09:00');
  const c = { deviceId: 'desk-1', verdict: 'accepted' as const, scannedAt: '2025-09-10T10:00:00.000+09:00' };

  it('allows the desk\'s own admissions within the window, once', () => {
    expect(undoRefusal(c, 'desk-1', at + 1000, false)).toBeNull();
    expect(undoRefusal(c, 'desk-1', at + UNDO_WINDOW_MS, false)).toBeNull();
    expect(undoRefusal(c, 'desk-1', at + UNDO_WINDOW_MS + 1, false)).toBe('too_old');
    // A clock set back since: the scan reads as just now, not as never undoable.
    expect(undoRefusal(c, 'desk-1', at - 60_000, false)).toBeNull();
    expect(undoRefusal(c, 'desk-2', at, false)).toBe('not_mine');
    expect(undoRefusal({ ...c, verdict: 'rejected' }, 'desk-1', at, false)).toBe('not_admitted');
    expect(undoRefusal(c, 'desk-1', at, true)).toBe('already_voided');
    expect(undoRefusal({ ...c, scannedAt: 'garbage' }, 'desk-1', at, false)).toBe('too_old');
  });
});

describe('tallies with voids', () => {
  const row = (over: Partial<TallyRow>): TallyRow => ({
    code: 'A', checkpointId: 'gate', deviceId: 'd1', direction: 'entry', verdict: 'accepted', scannedAt: '2025-09-10T10:00:00.000+09:00', ...over,
  });
  const opts = { day: '2025-09-10', timeZone: 'Asia/Seoul', checkpoints: [{ id: 'gate', mode: 'entry_exit' as const }] };

  it('counts a voided check-in only as voided: no scan, person, entry or "inside now"', () => {
    const t = tallyDay(
      [
        row({ voided: true }),
        row({ code: 'B' }),
        row({ code: 'B', direction: 'exit', scannedAt: '2025-09-10T10:30:00.000+09:00', voided: true }),
        row({ code: 'C', verdict: 'accepted', overridden: true, reason: 'expired' }),
      ],
      opts,
    );
    expect(t.voided).toBe(2);
    expect(t.total).toEqual({ scans: 2, accepted: 2, rejected: 0, exits: 0, conflicts: 0, uniquePeople: 2 });
    // B's exit was undone: B is still inside; A's entry was undone: A never was.
    expect(t.insideNow).toEqual([{ checkpointId: 'gate', inside: 2 }]);
    expect(t.overrides).toBe(1);
    expect(t.byDevice).toEqual([{ deviceId: 'd1', scans: 2, accepted: 2, rejected: 0, exits: 0, conflicts: 0, uniquePeople: 2 }]);
  });
});
