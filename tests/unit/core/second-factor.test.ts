import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../../core/csv';
import { factorSalt, hashSecondFactor, lastFourDigits, withSecondFactors } from '../../../core/second-factor';

describe('second factor: phone last 4', () => {
  it('takes the last four digits of whatever the cell holds', () => {
    expect(lastFourDigits('1234')).toBe('1234');
    expect(lastFourDigits('010-9876-4321')).toBe('4321');
    expect(lastFourDigits('12a')).toBeNull();
  });

  it('hashes per event: same digits, other event, other hash; never the digits', async () => {
    const a = await hashSecondFactor(factorSalt('ev1', 's'), '4321');
    expect(a).toMatch(/^h1:[A-Za-z0-9_-]{43}$/);
    expect(a).not.toContain('4321');
    expect(await hashSecondFactor(factorSalt('ev1', 's'), '4321')).toBe(a);
    expect(await hashSecondFactor(factorSalt('ev2', 's'), '4321')).not.toBe(a);
    expect(await hashSecondFactor(factorSalt('ev1', 't'), '4321')).not.toBe(a);
    expect(await hashSecondFactor(factorSalt('ev1', 's'), '4322')).not.toBe(a);
  });

  it('a roster column 연락처뒤4자리 becomes a hash on the ticket and nothing else', async () => {
    const parsed = parseRosterCsv('코드,성명,연락처뒤4자리\nA-1,김철현,010-9876-4321\nA-2,이영희,\nA-3,박민수,12\n');
    expect(parsed.tickets.map((t) => t.code)).toEqual(['A-1', 'A-2']);
    expect(parsed.errors).toEqual([expect.objectContaining({ line: 4, code: 'bad_phone_last4' })]);
    expect(JSON.stringify(parsed.errors)).not.toContain('12');
    expect(JSON.stringify(parsed.tickets)).not.toContain('4321');
    const salt = factorSalt('ev1', 's');
    const tickets = await withSecondFactors(parsed.tickets, parsed.secondFactors, salt);
    expect(tickets[0]!.factorHash).toBe(await hashSecondFactor(salt, '4321'));
    expect(tickets[1]!.factorHash).toBeUndefined();
    expect(JSON.stringify(tickets)).not.toContain('4321');
  });
});
