// Walk-in rules (core/walkin.ts) and retention's day boundary (core/retention.ts).
import { describe, expect, it } from 'vitest';
import { retentionPassed } from '../../../core/retention';
import { consentAnswers, foldPhone, keptPhone, samePerson, walkInCategories, walkInCode, walkInFallbackCategory, walkInCounter, walkInProblems, type WalkInForm } from '../../../core/walkin';
import { normalizeScan } from '../../../core/code';

const form = (over: Partial<WalkInForm> = {}): WalkInForm => ({
  name: '홍길동',
  company: '',
  category: 'visitor',
  phone: '',
  consents: { registration: true },
  ...over,
});

describe('walk-in codes', () => {
  it('are the device id and its counter: two desks or two counters never make one code, and each passes the scan gate', () => {
    const a = '7b0c2a52-4d8e-4c1e-9a61-0f1d2b3c4d5e';
    const b = '7b0c2a52-4d8e-4c1e-9a61-0f1d2b3c4d5f';
    const codes = new Set<string>();
    for (const d of [a, b]) for (let n = 1; n <= 1000; n++) codes.add(walkInCode(d, n));
    expect(codes.size).toBe(2000);
    expect(walkInCode(a, 12)).toBe(`W-${a}-12`);
    expect(normalizeScan(walkInCode(a, 12))).toEqual({ ok: true, code: `W-${a}-12` });
    expect(walkInCounter(walkInCode(a, 12), a)).toBe(12);
    expect(walkInCounter(walkInCode(a, 12), b)).toBeUndefined();
    // A device id that is a prefix of another's cannot claim the other's codes.
    expect(walkInCounter('W-dev-1-5', 'dev')).toBeUndefined();
    expect(walkInCounter(`W-${a}-012`, a)).toBeUndefined();
    expect(() => walkInCode(a, 0)).toThrow();
  });
});

describe('walk-in form', () => {
  it('needs a name, a category and the required consent; optional consents refused never block', () => {
    expect(walkInProblems(form())).toEqual([]);
    expect(walkInProblems(form({ consents: { registration: true, contact: false, marketing: false } }))).toEqual([]);
    expect(walkInProblems(form({ name: '  ', category: '' }))).toEqual(['name_required', 'category_required']);
    expect(walkInProblems(form({ consents: { contact: true, marketing: true } }))).toEqual(['consent_required']);
    expect(walkInProblems(form({ phone: 'call me' }))).toEqual(['phone_invalid']);
    expect(walkInProblems(form({ name: '가'.repeat(101) }))).toEqual(['name_too_long']);
  });

  it('records every item’s answer in order, and keeps the phone only with the contact consent', () => {
    expect(consentAnswers(form({ consents: { registration: true, marketing: true } }))).toEqual([
      { item: 'registration', granted: true },
      { item: 'contact', granted: false },
      { item: 'marketing', granted: true },
    ]);
    expect(keptPhone(form({ phone: '010-1234-5678' }))).toBeUndefined();
    expect(keptPhone(form({ phone: ' 010-1234-5678 ', consents: { registration: true, contact: true } }))).toBe('010-1234-5678');
  });
});

describe('possible duplicates', () => {
  it('match a folded name with the same company or the same phone, never a name alone', () => {
    expect(samePerson({ name: 'Kim  Minji', company: 'Daesung Tech' }, { name: 'kim minji', company: 'DAESUNG TECH.' })).toBe(true);
    expect(samePerson({ name: '김민지', company: '(주)대성' }, { name: '김 민지', company: '㈜대성' })).toBe(true);
    expect(samePerson({ name: 'Kim Minji', company: 'A' }, { name: 'Kim Minji', company: 'B' })).toBe(false);
    expect(samePerson({ name: 'Kim Minji', company: 'A', phone: '+82 10-5555-0000' }, { name: 'Kim Minji', company: 'B', phone: '010 5555 0000' })).toBe(true);
    expect(samePerson({ name: '', company: '' }, { name: '', company: '' })).toBe(false);
    expect(foldPhone('+82 10-5555-0000')).toBe('01055550000');
  });
});

describe('retention', () => {
  it('passes at the venue’s midnight after the date, not before; no date keeps the data', () => {
    expect(retentionPassed('2025-09-30', 'Asia/Seoul', Date.parse('2025-09-30T23:59:59+09:00'))).toBe(false);
    expect(retentionPassed('2025-09-30', 'Asia/Seoul', Date.parse('2025-10-01T00:00:00+09:00'))).toBe(true);
    // 15:30 UTC on the 30th is already the 1st in Seoul.
    expect(retentionPassed('2025-09-30', 'Asia/Seoul', Date.parse('2025-09-30T15:30:00Z'))).toBe(true);
    expect(retentionPassed(undefined, 'Asia/Seoul', Date.now())).toBe(false);
  });
});

describe('walk-in categories', () => {
  it('never offers staff (a staff ticket authorises overrides) and keeps to what the checkpoint admits', () => {
    expect(walkInCategories()).toEqual(['visitor', 'exhibitor', 'buyer', 'press', 'vip', 'speaker']);
    expect(walkInCategories([])).not.toContain('staff');
    expect(walkInCategories(['buyer', 'staff', 'press'])).toEqual(['buyer', 'press']);
  });

  it('falls back to visitor, else the first category the door admits, and never to staff', () => {
    // No list, or an empty one: the door admits everyone.
    expect(walkInFallbackCategory()).toBe('visitor');
    expect(walkInFallbackCategory([])).toBe('visitor');
    expect(walkInFallbackCategory(['press', 'visitor'])).toBe('visitor');
    // Visitors not admitted here: the first the desk would offer, in the fixed category order.
    expect(walkInFallbackCategory(['speaker', 'press', 'buyer'])).toBe('buyer');
    expect(walkInFallbackCategory(['staff', 'vip'])).toBe('vip');
    // A staff-only door: no category at all (no walk-in registers there), never staff.
    expect(walkInFallbackCategory(['staff'])).toBe('');
  });

  it('refuses a staff walk-in whatever the form was given', () => {
    const form: WalkInForm = { name: '김현장', company: '', category: 'staff', phone: '', consents: { registration: true } };
    expect(walkInProblems(form)).toEqual(['category_not_allowed']);
    expect(walkInProblems({ ...form, category: 'visitor' })).toEqual([]);
    expect(walkInProblems({ ...form, category: '' })).toEqual(['category_required']);
  });
});
