// decide(): every reason, the accepted path, check order, day boundaries,
// opening hours edges, entry/exit re-entry and anti-passback.
import { describe, expect, it } from 'vitest';
import { decide, insideNow, isAdmission, type DecideInput } from '../../../core/decide';
import type { Checkpoint, Direction, HistoryEntry, Ticket, Verdict } from '../../../core/model';

const TZ = 'Asia/Seoul';
const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  code: 'T-1', name: '김철현', company: '공단', category: 'visitor', programmes: ['kicef'], status: 'valid', seq: 0, ...over,
});
const cp = (over: Partial<Checkpoint> = {}): Checkpoint => ({
  id: 'hall-a', eventId: 'ev', name: { ko: 'A홀', en: 'Hall A' }, rule: 'once', mode: 'entry', ...over,
});
const h = (scannedAt: string, direction: Direction = 'entry', over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  checkpointId: 'hall-a', direction, verdict: 'accepted', scannedAt, ...over,
});
const NOW = '2025-09-10T10:00:00+09:00';
const run = (over: Partial<Omit<DecideInput, 'now'>> & { now?: string | number } = {}): Verdict => {
  const { now = NOW, ...rest } = over;
  return decide({ ticket: ticket(), checkpoint: cp(), timeZone: TZ, direction: 'entry', history: [], ...rest, now: typeof now === 'string' ? new Date(now) : now });
};
const reason = (v: Verdict): string => (v.verdict === 'accepted' ? 'accepted' : v.reason);

describe('decide: every reason and the accepted path', () => {
  it.each<[string, Parameters<typeof run>[0], string]>([
    ['valid ticket', {}, 'accepted'],
    ['valid signature', { signature: 'valid' }, 'accepted'],
    ['invalid signature', { signature: 'invalid' }, 'invalid_signature'],
    ['invalid signature, even without a ticket', { signature: 'invalid', ticket: undefined }, 'invalid_signature'],
    ['no ticket', { ticket: undefined }, 'unknown_ticket'],
    ['deleted ticket', { ticket: ticket({ status: 'deleted' }) }, 'unknown_ticket'],
    ['revoked', { ticket: ticket({ status: 'revoked' }) }, 'revoked'],
    ['blocked', { ticket: ticket({ status: 'blocked' }) }, 'blocked'],
    ['category not admitted', { checkpoint: cp({ categories: ['vip', 'press'] }) }, 'wrong_checkpoint'],
    ['category admitted', { checkpoint: cp({ categories: ['visitor'] }) }, 'accepted'],
    ['empty categories = all', { checkpoint: cp({ categories: [] }) }, 'accepted'],
    ['no programme in common', { checkpoint: cp({ programmes: ['robot-hall'] }) }, 'wrong_checkpoint'],
    ['one programme in common', { checkpoint: cp({ programmes: ['robot-hall', 'kicef'] }) }, 'accepted'],
    ['empty programmes = all', { checkpoint: cp({ programmes: [] }) }, 'accepted'],
    ['ticket without programmes at a programme door', { ticket: ticket({ programmes: [] }), checkpoint: cp({ programmes: ['kicef'] }) }, 'wrong_checkpoint'],
    ['before validFrom', { ticket: ticket({ validFrom: '2025-09-10T10:00:00.001+09:00' }) }, 'not_yet_valid'],
    ['at validFrom (inclusive)', { ticket: ticket({ validFrom: '2025-09-10T10:00:00+09:00' }) }, 'accepted'],
    ['unreadable validFrom', { ticket: ticket({ validFrom: 'soon' }) }, 'not_yet_valid'],
    ['at validUntil (exclusive)', { ticket: ticket({ validUntil: '2025-09-10T10:00:00+09:00' }) }, 'expired'],
    ['just before validUntil', { ticket: ticket({ validUntil: '2025-09-10T10:00:00.001+09:00' }) }, 'accepted'],
    ['unreadable validUntil', { ticket: ticket({ validUntil: 'later' }) }, 'expired'],
    ['closed now', { checkpoint: cp({ hours: { default: [{ open: '11:00', close: '18:00' }] } }) }, 'closed_now'],
    ['already checked in', { history: [h('2025-09-09T12:00:00+09:00')] }, 'already_checked_in'],
    ['unreadable clock fails closed', { now: NaN }, 'closed_now'],
    ['unknown zone fails closed', { timeZone: 'Mars/Olympus' }, 'closed_now'],
  ])('%s → %s', (_label, input, expected) => {
    expect(reason(run(input))).toBe(expected);
  });
});

describe('decide: order of checks', () => {
  const everythingWrong = {
    checkpoint: cp({ categories: ['vip' as const], hours: { default: [] } }),
    history: [h('2025-09-10T09:00:00+09:00')],
  };
  it.each<[string, Parameters<typeof run>[0], string]>([
    ['signature before all', { ...everythingWrong, signature: 'invalid', ticket: ticket({ status: 'revoked' }) }, 'invalid_signature'],
    ['revoked before checkpoint', { ...everythingWrong, ticket: ticket({ status: 'revoked' }) }, 'revoked'],
    ['blocked before checkpoint', { ...everythingWrong, ticket: ticket({ status: 'blocked' }) }, 'blocked'],
    ['checkpoint before validity', { ...everythingWrong, ticket: ticket({ validUntil: '2020-01-01T00:00:00Z' }) }, 'wrong_checkpoint'],
    ['validity before hours', { history: everythingWrong.history, checkpoint: cp({ hours: { default: [] } }), ticket: ticket({ validFrom: '2030-01-01T00:00:00Z' }) }, 'not_yet_valid'],
    ['hours before rule', { history: everythingWrong.history, checkpoint: cp({ hours: { default: [] } }) }, 'closed_now'],
  ])('%s', (_label, input, expected) => {
    expect(reason(run(input))).toBe(expected);
  });
});

describe('decide: exits', () => {
  it.each<[string, Parameters<typeof run>[0], string]>([
    ['exit of a valid ticket', {}, 'accepted'],
    ['exit at the wrong checkpoint', { checkpoint: cp({ categories: ['vip'] }) }, 'accepted'],
    ['exit after expiry', { ticket: ticket({ validUntil: '2020-01-01T00:00:00Z' }) }, 'accepted'],
    ['exit when closed', { checkpoint: cp({ hours: { default: [] } }) }, 'accepted'],
    ['exit after an earlier exit', { history: [h('2025-09-10T09:00:00+09:00', 'exit')] }, 'accepted'],
    ['exit of a revoked ticket is refused', { ticket: ticket({ status: 'revoked' }) }, 'revoked'],
    ['exit of a blocked ticket is refused', { ticket: ticket({ status: 'blocked' }) }, 'blocked'],
    ['exit of an unknown ticket', { ticket: undefined }, 'unknown_ticket'],
  ])('%s → %s', (_label, input, expected) => {
    expect(reason(run({ direction: 'exit', ...input }))).toBe(expected);
  });
});

describe('decide: attention', () => {
  it('carries the note on accepted and rejected verdicts', () => {
    const t = ticket({ note: '  휠체어, B홀 안내 ' });
    expect(run({ ticket: t })).toEqual({ verdict: 'accepted', attention: '휠체어, B홀 안내' });
    expect(run({ ticket: { ...t, status: 'revoked' } })).toEqual({ verdict: 'rejected', reason: 'revoked', attention: '휠체어, B홀 안내' });
    expect(run({ ticket: t, history: [h('2025-09-09T10:00:00+09:00')] })).toMatchObject({ reason: 'already_checked_in', attention: '휠체어, B홀 안내' });
  });
  it('omits empty notes and deleted tickets', () => {
    expect(run({ ticket: ticket({ note: '   ' }) })).toEqual({ verdict: 'accepted' });
    expect(run({ ticket: ticket({ note: 'x', status: 'deleted' }) })).toEqual({ verdict: 'rejected', reason: 'unknown_ticket' });
  });
});

describe('decide: once_per_day around midnight in Seoul', () => {
  const daily = cp({ rule: 'once_per_day' });
  it.each<[string, string, string, string]>([
    ['same day, a millisecond before midnight', '2025-09-10T00:00:00+09:00', '2025-09-10T23:59:59.999+09:00', 'already_checked_in'],
    ['next day at 00:00 local', '2025-09-10T23:59:59.999+09:00', '2025-09-11T00:00:00+09:00', 'accepted'],
    ['different UTC days, same Seoul day', '2025-09-09T23:00:00Z', '2025-09-10T14:59:59Z', 'already_checked_in'],
    ['same UTC day, next Seoul day', '2025-09-10T14:59:59Z', '2025-09-10T15:00:00Z', 'accepted'],
  ])('%s', (_label, earlier, now, expected) => {
    expect(reason(run({ checkpoint: daily, history: [h(earlier)], now }))).toBe(expected);
  });
  it('ignores rejected entries, exits and other checkpoints', () => {
    const history = [
      h('2025-09-10T09:00:00+09:00', 'entry', { verdict: 'rejected' }),
      h('2025-09-10T09:10:00+09:00', 'exit'),
      h('2025-09-10T09:20:00+09:00', 'entry', { checkpointId: 'hall-b' }),
    ];
    expect(reason(run({ checkpoint: daily, history }))).toBe('accepted');
    expect(reason(run({ history }))).toBe('accepted');
  });
  it('once counts an entry from any day, even one stamped after now', () => {
    expect(reason(run({ history: [h('2025-09-08T09:00:00+09:00')] }))).toBe('already_checked_in');
    expect(reason(run({ history: [h('2025-09-12T09:00:00+09:00')] }))).toBe('already_checked_in');
  });
  it('unlimited never refuses at an entry checkpoint', () => {
    const history = [h('2025-09-10T09:00:00+09:00'), h('2025-09-10T09:30:00+09:00')];
    expect(reason(run({ checkpoint: cp({ rule: 'unlimited' }), history }))).toBe('accepted');
  });
});

describe('decide: opening hours edges', () => {
  const hours: Checkpoint['hours'] = {
    default: [{ open: '09:00', close: '12:00' }, { open: '13:00', close: '18:00' }],
    days: { '2025-09-11': [{ open: '10:00', close: '24:00' }], '2025-09-12': [] },
  };
  it.each<[string, string]>([
    ['2025-09-10T08:59:59+09:00', 'closed_now'],
    ['2025-09-10T09:00:00+09:00', 'accepted'],
    ['2025-09-10T11:59:59.999+09:00', 'accepted'],
    ['2025-09-10T12:00:00+09:00', 'closed_now'],
    ['2025-09-10T13:00:00+09:00', 'accepted'],
    ['2025-09-10T18:00:00+09:00', 'closed_now'],
    ['2025-09-11T09:30:00+09:00', 'closed_now'],
    ['2025-09-11T23:59:59+09:00', 'accepted'],
    ['2025-09-12T10:00:00+09:00', 'closed_now'],
    ['2025-09-10T00:30:00Z', 'accepted'],
    ['2025-09-10T03:30:00Z', 'closed_now'],
  ])('%s → %s', (now, expected) => {
    expect(reason(run({ checkpoint: cp({ hours }), now }))).toBe(expected);
  });
  it.each<[string, Checkpoint['hours'], string]>([
    ['no hours at all', undefined, 'accepted'],
    ['empty hours object', {}, 'accepted'],
    ['day not listed and no default', { days: { '2025-09-11': [] } }, 'accepted'],
    ['malformed window closes', { default: [{ open: '9:00', close: '18:00' }] }, 'closed_now'],
    ['inverted window closes', { default: [{ open: '18:00', close: '09:00' }] }, 'closed_now'],
  ])('%s → %s', (_label, hrs, expected) => {
    expect(reason(run({ checkpoint: cp({ hours: hrs }) }))).toBe(expected);
  });
});

describe('decide: entry/exit mode', () => {
  const at = (t: string) => `2025-09-10T${t}+09:00`;
  it.each<[string, Checkpoint['rule'], HistoryEntry[], string]>([
    ['first entry', 'once', [], 'accepted'],
    ['inside → anti-passback (once)', 'once', [h(at('09:00'))], 'already_checked_in'],
    ['inside → anti-passback (unlimited)', 'unlimited', [h(at('09:00'))], 'already_checked_in'],
    ['inside → anti-passback (once_per_day)', 'once_per_day', [h(at('09:00'))], 'already_checked_in'],
    ['re-entry after exit (once)', 'once', [h(at('09:00')), h(at('09:30'), 'exit')], 'accepted'],
    ['re-entry after exit (once_per_day)', 'once_per_day', [h(at('09:00')), h(at('09:30'), 'exit')], 'accepted'],
    ['re-entry after exit (unlimited)', 'unlimited', [h(at('09:00')), h(at('09:30'), 'exit')], 'accepted'],
    ['history out of order: last is the entry', 'unlimited', [h(at('09:50')), h(at('09:30'), 'exit'), h(at('09:00'))], 'already_checked_in'],
    ['history out of order: last is the exit', 'once', [h(at('09:30'), 'exit'), h(at('09:40')), h(at('09:50'), 'exit'), h(at('09:00'))], 'accepted'],
    ['rejected exit does not let you back in', 'once', [h(at('09:00')), h(at('09:30'), 'exit', { verdict: 'rejected' })], 'already_checked_in'],
    ['exit at another checkpoint does not count', 'once', [h(at('09:00')), h(at('09:30'), 'exit', { checkpointId: 'hall-b' })], 'already_checked_in'],
    ['tie between entry and exit reads as inside', 'unlimited', [h(at('09:30'), 'exit'), h(at('09:30'))], 'already_checked_in'],
    ['stale entry from yesterday (once_per_day)', 'once_per_day', [h('2025-09-09T17:00:00+09:00')], 'accepted'],
    ['stale entry from yesterday (unlimited)', 'unlimited', [h('2025-09-09T17:00:00+09:00')], 'accepted'],
    ['stale entry from yesterday (once)', 'once', [h('2025-09-09T17:00:00+09:00')], 'already_checked_in'],
  ])('%s', (_label, rule, history, expected) => {
    expect(reason(run({ checkpoint: cp({ mode: 'entry_exit', rule }), history }))).toBe(expected);
  });
});

describe('insideNow', () => {
  const at = (t: string) => `2025-09-10T${t}+09:00`;
  it('follows the latest accepted event at the checkpoint, in any order', () => {
    expect(insideNow([], 'hall-a')).toBe(false);
    expect(insideNow([h(at('09:00'))], 'hall-a')).toBe(true);
    expect(insideNow([h(at('09:30'), 'exit'), h(at('09:00'))], 'hall-a')).toBe(false);
    expect(insideNow([h(at('09:30')), h(at('09:00'), 'exit')], 'hall-a')).toBe(true);
    expect(insideNow([h(at('09:00'))], 'hall-b')).toBe(false);
    expect(insideNow([h(at('09:00'), 'entry', { verdict: 'rejected' })], 'hall-a')).toBe(false);
  });
  it('with a day, forgets entries from earlier venue days', () => {
    const hist = [h('2025-09-09T23:59:59+09:00')];
    expect(insideNow(hist, 'hall-a')).toBe(true);
    expect(insideNow(hist, 'hall-a', { now: at('00:00:01'), timeZone: TZ })).toBe(false);
    expect(insideNow(hist, 'hall-a', { now: '2025-09-09T23:59:59.5+09:00', timeZone: TZ })).toBe(true);
  });
});

describe('isAdmission', () => {
  const at = (t: string) => `2025-09-10T${t}+09:00`;
  const first = h(at('09:00'));
  const out = h(at('09:30'), 'exit');
  const back = h(at('10:00'));
  const hist = [back, out, first];
  it('counts first entries, not re-entries, exits or refusals', () => {
    const opts = { mode: 'entry_exit' as const, timeZone: TZ };
    expect(isAdmission(first, hist, opts)).toBe(true);
    expect(isAdmission(out, hist, opts)).toBe(false);
    expect(isAdmission(back, hist, opts)).toBe(false);
    expect(isAdmission({ ...back, verdict: 'rejected' }, hist, opts)).toBe(false);
  });
  it('counts the first entry of a new day, and every entry at entry-only doors', () => {
    const nextDay = h('2025-09-11T09:00:00+09:00');
    expect(isAdmission(nextDay, [...hist, nextDay], { mode: 'entry_exit', timeZone: TZ })).toBe(true);
    expect(isAdmission(back, hist, { mode: 'entry', timeZone: TZ })).toBe(true);
  });
});

describe('decide: day start past midnight (checkpoint.dayStart)', () => {
  const night = (over: Partial<Checkpoint> = {}) => cp({ dayStart: '04:00', ...over });
  it.each<[string, Partial<Checkpoint>, HistoryEntry[], string, string]>([
    ['once_per_day: 22:00 then 01:30 is the same venue day', { rule: 'once_per_day' }, [h('2025-09-09T22:00:00+09:00')], '2025-09-10T01:30:00+09:00', 'already_checked_in'],
    ['once_per_day: 22:00 then 04:00 is a new venue day', { rule: 'once_per_day' }, [h('2025-09-09T22:00:00+09:00')], '2025-09-10T04:00:00+09:00', 'accepted'],
    ['once_per_day: 03:59 belongs to the day before', { rule: 'once_per_day' }, [h('2025-09-10T03:59:00+09:00')], '2025-09-10T04:00:00+09:00', 'accepted'],
    ['entry_exit: inside at 23:00 still inside at 02:00', { rule: 'unlimited', mode: 'entry_exit' }, [h('2025-09-09T23:00:00+09:00')], '2025-09-10T02:00:00+09:00', 'already_checked_in'],
    ['entry_exit: the stale entry lapses at the day start', { rule: 'unlimited', mode: 'entry_exit' }, [h('2025-09-09T23:00:00+09:00')], '2025-09-10T04:00:00+09:00', 'accepted'],
    ['a malformed day start is midnight', { rule: 'once_per_day', dayStart: '4am' }, [h('2025-09-09T22:00:00+09:00')], '2025-09-10T01:30:00+09:00', 'accepted'],
  ])('%s', (_label, over, history, now, expected) => {
    expect(reason(run({ checkpoint: night(over), history, now }))).toBe(expected);
  });
  it('without a day start the same scans split at midnight (the old behaviour)', () => {
    const history = [h('2025-09-09T22:00:00+09:00')];
    expect(reason(run({ checkpoint: cp({ rule: 'once_per_day' }), history, now: '2025-09-10T01:30:00+09:00' }))).toBe('accepted');
    expect(reason(run({ checkpoint: cp({ rule: 'unlimited', mode: 'entry_exit' }), history, now: '2025-09-10T01:30:00+09:00' }))).toBe('accepted');
  });
  it('insideNow and isAdmission read the same venue day', () => {
    const hist = [h('2025-09-09T23:00:00+09:00')];
    expect(insideNow(hist, 'hall-a', { now: '2025-09-10T02:00:00+09:00', timeZone: TZ, dayStart: '04:00' })).toBe(true);
    expect(insideNow(hist, 'hall-a', { now: '2025-09-10T02:00:00+09:00', timeZone: TZ })).toBe(false);
    const out = h('2025-09-09T23:30:00+09:00', 'exit');
    const back = h('2025-09-10T01:00:00+09:00');
    const all = [...hist, out, back];
    expect(isAdmission(back, all, { mode: 'entry_exit', timeZone: TZ, dayStart: '04:00' })).toBe(false);
    expect(isAdmission(back, all, { mode: 'entry_exit', timeZone: TZ })).toBe(true);
  });
});

describe('decide: entry caps (checkpoint.maxAdmissions)', () => {
  const day = (d: string, t: string) => `2025-09-${d}T${t}+09:00`;
  it.each<[string, Partial<Checkpoint>, HistoryEntry[], string, string]>([
    ['coffee truck: 2 a day, second of the day', { rule: 'once_per_day', maxAdmissions: 2 }, [h(day('10', '09:00'))], day('10', '10:00'), 'accepted'],
    ['coffee truck: 2 a day, third refused', { rule: 'once_per_day', maxAdmissions: 2 }, [h(day('10', '09:00')), h(day('10', '09:30'))], day('10', '10:00'), 'already_checked_in'],
    ['coffee truck: the next day starts again', { rule: 'once_per_day', maxAdmissions: 2 }, [h(day('09', '09:00')), h(day('09', '09:30'))], day('10', '10:00'), 'accepted'],
    ['3 in total: third accepted across days', { rule: 'once', maxAdmissions: 3 }, [h(day('08', '09:00')), h(day('09', '09:00'))], day('10', '10:00'), 'accepted'],
    ['3 in total: fourth refused', { rule: 'once', maxAdmissions: 3 }, [h(day('08', '09:00')), h(day('09', '09:00')), h(day('09', '12:00'))], day('10', '10:00'), 'already_checked_in'],
    ['refused scans do not count', { rule: 'once', maxAdmissions: 2 }, [h(day('09', '09:00')), h(day('09', '09:30'), 'entry', { verdict: 'rejected' })], day('10', '10:00'), 'accepted'],
    ['other checkpoints do not count', { rule: 'once', maxAdmissions: 1 }, [h(day('09', '09:00'), 'entry', { checkpointId: 'hall-b' })], day('10', '10:00'), 'accepted'],
    ['a cap of 0 reads as 1', { rule: 'once', maxAdmissions: 0 }, [h(day('09', '09:00'))], day('10', '10:00'), 'already_checked_in'],
    ['a fractional cap reads as 1', { rule: 'once', maxAdmissions: 2.5 }, [h(day('09', '09:00'))], day('10', '10:00'), 'already_checked_in'],
    ['unlimited ignores the cap', { rule: 'unlimited', maxAdmissions: 1 }, [h(day('10', '09:00')), h(day('10', '09:10'))], day('10', '10:00'), 'accepted'],
    ['entry_exit: same-day re-entries are not admissions', { rule: 'once', mode: 'entry_exit', maxAdmissions: 2 }, [h(day('09', '09:00')), h(day('09', '10:00'), 'exit'), h(day('09', '11:00')), h(day('09', '12:00'), 'exit')], day('10', '10:00'), 'accepted'],
    ['entry_exit: cap of 2 reached on the third day', { rule: 'once', mode: 'entry_exit', maxAdmissions: 2 }, [h(day('08', '09:00')), h(day('08', '10:00'), 'exit'), h(day('09', '09:00')), h(day('09', '10:00'), 'exit')], day('10', '10:00'), 'already_checked_in'],
    ['entry_exit: inside still refuses below the cap', { rule: 'once', mode: 'entry_exit', maxAdmissions: 5 }, [h(day('10', '09:00'))], day('10', '10:00'), 'already_checked_in'],
  ])('%s', (_label, over, history, now, expected) => {
    expect(reason(run({ checkpoint: cp(over), history, now }))).toBe(expected);
  });
});

describe('decide: no re-entry after exit (checkpoint.noReentry)', () => {
  const at = (t: string) => `2025-09-10T${t}+09:00`;
  const door = (over: Partial<Checkpoint> = {}) => cp({ mode: 'entry_exit', rule: 'once_per_day', noReentry: true, ...over });
  it.each<[string, Partial<Checkpoint>, HistoryEntry[], string, string]>([
    ['first entry', {}, [], at('10:00'), 'accepted'],
    ['inside: refused as before', {}, [h(at('09:00'))], at('10:00'), 'already_checked_in'],
    ['scanned out: no coming back the same day', {}, [h(at('09:00')), h(at('09:30'), 'exit')], at('10:00'), 'already_checked_in'],
    ['scanned out yesterday: once_per_day admits today', {}, [h('2025-09-09T09:00:00+09:00'), h('2025-09-09T09:30:00+09:00', 'exit')], at('10:00'), 'accepted'],
    ['scanned out yesterday: once refuses for good', { rule: 'once' }, [h('2025-09-09T09:00:00+09:00'), h('2025-09-09T09:30:00+09:00', 'exit')], at('10:00'), 'already_checked_in'],
    ['unlimited: still no re-entry the same day', { rule: 'unlimited' }, [h(at('09:00')), h(at('09:30'), 'exit')], at('10:00'), 'already_checked_in'],
    ['night event: out at 23:30, back at 01:00 is the same venue day', { dayStart: '04:00' }, [h('2025-09-09T22:00:00+09:00'), h('2025-09-09T23:30:00+09:00', 'exit')], at('01:00'), 'already_checked_in'],
    ['without the flag the same exit lets you back in', { noReentry: false }, [h(at('09:00')), h(at('09:30'), 'exit')], at('10:00'), 'accepted'],
  ])('%s', (_label, over, history, now, expected) => {
    expect(reason(run({ checkpoint: door(over), history, now }))).toBe(expected);
  });
  it('exits are always accepted, even with no re-entry', () => {
    expect(reason(run({ checkpoint: door(), direction: 'exit', history: [h(at('09:00')), h(at('09:30'), 'exit')], now: at('10:00') }))).toBe('accepted');
  });
});
