// The deterministic demo roster: determinism, codes, fixtures 0–4, distribution.
import { getChoseong } from 'es-hangul';
import { describe, expect, it } from 'vitest';
import { demoEvent } from '../../../core/demo/event';
import { DEMO_CODE_SPACE, demoCode, demoRoster, demoRosterChunks, demoTicket } from '../../../core/demo/roster';
import { decide } from '../../../core/decide';
import { matchesQuery, searchKeys } from '../../../core/search';
import { CATEGORIES, type Category, type Ticket } from '../../../core/model';

const ALL = demoEvent.programmes.map((p) => p.id);
const WEEK = { validFrom: '2025-09-08T00:00:00+09:00', validUntil: '2025-09-15T00:00:00+09:00' };
/** The last Seoul day a ticket is valid on (validUntil is exclusive). */
const lastDay = (t: Ticket): string => new Date(Date.parse(t.validUntil ?? '') - 1 + 9 * 3_600_000).toISOString().slice(0, 10);
const CODE = /^ICW25-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$/;

describe('demo roster determinism', () => {
  it('gives ticket i the same value whatever the roster size or chunking', () => {
    const small = demoRoster(50);
    const big = demoRoster(500);
    expect(big.slice(0, 50)).toEqual(small);
    for (const i of [0, 7, 49, 321]) expect(demoTicket(i)).toEqual(big[i]);
    expect([...demoRosterChunks(500, 64)].flat()).toEqual(big);
    expect(demoTicket(123_456)).toEqual(demoTicket(123_456));
  });

  it('streams in chunks of the asked size', () => {
    const sizes = [...demoRosterChunks(1003, 250)].map((c) => c.length);
    expect(sizes).toEqual([250, 250, 250, 250, 3]);
    expect([...demoRosterChunks(0, 10)]).toEqual([]);
    expect(() => demoRosterChunks(10, 0).next()).toThrow(RangeError);
  });

  it('changes with the seed, except for the fixtures’ people', () => {
    expect(demoTicket(100, { seed: 1 })).toEqual(demoTicket(100, { seed: 1 }));
    expect(demoTicket(100, { seed: 1 }).code).not.toBe(demoTicket(100).code);
    expect(demoTicket(0, { seed: 1 }).name).toBe('김철현');
  });
});

describe('demo ticket codes', () => {
  it('are unique and well formed for 200k tickets', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) {
      const code = demoCode(i);
      if (i % 997 === 0) expect(code).toMatch(CODE);
      seen.add(code);
    }
    expect(seen.size).toBe(200_000);
  });

  it('cover the whole 50-bit index space and refuse indexes outside it', () => {
    expect(demoCode(DEMO_CODE_SPACE - 1)).toMatch(CODE);
    expect(demoCode(2 ** 25)).not.toBe(demoCode(0));
    expect(() => demoCode(-1)).toThrow(RangeError);
    expect(() => demoCode(1.5)).toThrow(RangeError);
    expect(() => demoCode(DEMO_CODE_SPACE)).toThrow(RangeError);
  });
});

describe('demo fixtures 0–4', () => {
  const [t0, t1, t2, t3, t4] = demoRoster(5) as [Ticket, Ticket, Ticket, Ticket, Ticket];

  it('#0 is 김철현, a valid visitor admitted everywhere all week', () => {
    expect(t0).toMatchObject({ code: 'ICW25-DTF59U9Z6R', name: '김철현', category: 'visitor', status: 'valid', programmes: ALL, ...WEEK });
    expect(t0.note).toBeUndefined();
    expect(getChoseong(t0.name)).toBe('ㄱㅊㅎ');
    for (const c of demoEvent.checkpoints) {
      if (c.categories?.length) expect(c.categories).toContain(t0.category);
      if (c.programmes?.length) expect(c.programmes.some((p) => t0.programmes.includes(p))).toBe(true);
    }
  });

  it('#0 is accepted at every checkpoint on a fair day, and found by ㄱㅊㅎ', () => {
    const now = Date.parse('2025-09-10T11:00:00+09:00');
    for (const checkpoint of demoEvent.checkpoints) {
      const v = decide({ ticket: t0, checkpoint, timeZone: 'Asia/Seoul', direction: 'entry', history: [], now });
      expect({ checkpoint: checkpoint.id, ...v }).toEqual({ checkpoint: checkpoint.id, verdict: 'accepted' });
    }
    expect(matchesQuery(searchKeys(t0.name, t0.company), 'ㄱㅊㅎ')).toBe(true);
    const at = (ticket: Ticket) => decide({ ticket, checkpoint: demoEvent.checkpoints.find((c) => c.id === 'info-desk')!, timeZone: 'Asia/Seoul', direction: 'entry', history: [], now });
    expect(at(t2)).toEqual({ verdict: 'accepted', attention: '휠체어 이용 / wheelchair user' });
    expect(at(t3)).toMatchObject({ verdict: 'rejected', reason: 'revoked' });
    expect(at(t4)).toMatchObject({ verdict: 'rejected', reason: 'blocked' });
  });

  it('#1 is Jane Doe, a foreign visitor', () => {
    expect(t1).toMatchObject({ code: 'ICW25-ZXNZGPVWCP', name: 'Jane Doe', category: 'visitor', status: 'valid', ...WEEK });
    expect(t1.programmes).toContain('gg-robot-hall');
    expect(t1.note).toBeUndefined();
  });

  it('#2 carries an attention note, #3 is revoked, #4 is blocked', () => {
    expect(t2).toMatchObject({ code: 'ICW25-HYFJD24SYK', name: '이영희', status: 'valid', note: '휠체어 이용 / wheelchair user', programmes: ALL });
    expect(t3).toMatchObject({ code: 'ICW25-BJ23E93TMK', name: '최민수', status: 'revoked', programmes: ALL, ...WEEK });
    expect(t4).toMatchObject({ code: 'ICW25-XDXSKN2XHW', name: '정하늘', status: 'blocked', programmes: ALL, ...WEEK });
  });
});

describe('demo roster distribution (20k tickets)', () => {
  const N = 20_000;
  const roster = demoRoster(N);
  const share = (f: (t: Ticket) => boolean) => roster.filter(f).length / N;
  const hangul = /^[가-힣]+$/;

  it('is about 80% Korean names, with 김 the commonest surname', () => {
    expect(share((t) => hangul.test(t.name))).toBeGreaterThan(0.76);
    expect(share((t) => hangul.test(t.name))).toBeLessThan(0.84);
    expect(share((t) => t.name.startsWith('김'))).toBeGreaterThan(0.13);
    expect(share((t) => t.name.startsWith('이'))).toBeGreaterThan(0.09);
    expect(share((t) => /Nguyễn|Trần|Lê|Phạm/.test(t.name))).toBeGreaterThan(0.005);
    expect(share((t) => /GmbH/.test(t.company))).toBeGreaterThan(0.005);
  });

  it('weights categories with visitors first and every category present', () => {
    const counts = new Map<Category, number>(CATEGORIES.map((c) => [c, 0]));
    for (const t of roster) counts.set(t.category, (counts.get(t.category) ?? 0) + 1);
    const visitors = counts.get('visitor') ?? 0;
    expect(visitors / N).toBeGreaterThan(0.5);
    for (const c of CATEGORIES) {
      expect(counts.get(c)).toBeGreaterThan(0);
      if (c !== 'visitor') expect(counts.get(c)).toBeLessThan(visitors);
    }
  });

  it('keeps programmes, validity, notes and statuses plausible', () => {
    const week = new Set(demoEvent.event.days);
    const fixtures = new Set(roster.slice(0, 5));
    const bad = roster.filter((t) =>
      !CODE.test(t.code) ||
      t.programmes.length < 1 ||
      (t.programmes.length > 3 && !fixtures.has(t)) ||
      t.programmes.some((p) => !ALL.includes(p)) ||
      !week.has((t.validFrom ?? '').slice(0, 10)) ||
      !week.has(lastDay(t)) ||
      !(Date.parse(t.validFrom ?? '') < Date.parse(t.validUntil ?? '')));
    expect(bad).toEqual([]);
    expect(share((t) => t.validFrom?.slice(0, 10) === lastDay(t))).toBeGreaterThan(0.1);
    expect(share((t) => t.validFrom === WEEK.validFrom && t.validUntil === WEEK.validUntil)).toBeGreaterThan(0.3);
    expect(share((t) => !!t.note)).toBeGreaterThan(0.01);
    expect(share((t) => !!t.note)).toBeLessThan(0.06);
    expect(share((t) => t.status === 'revoked')).toBeGreaterThan(0.003);
    expect(share((t) => t.status === 'blocked')).toBeGreaterThan(0.001);
    expect(share((t) => t.status !== 'valid')).toBeLessThan(0.03);
  });
});
