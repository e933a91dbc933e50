// The birth-date second factor (issue 12): every form organisers' sheets hold
// comes to the one YYMMDD the kiosk asks for, impossible dates are refused by
// line without repeating the cell, and what is kept is a salted hash that is
// neither the date nor the phone factor's hash of the same digits.
import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../../core/csv';
import { parseRosterSheet, type SheetRow } from '../../../core/roster-xlsx';
import { isBirthDigits, normaliseBirthDate } from '../../../core/birth-date';
import { factorSalt, hashSecondFactor, withSecondFactors } from '../../../core/second-factor';

describe('birth date: normalisation', () => {
  it.each([
    ['1990-01-31', '900131'],
    ['1990/1/31', '900131'],
    ['19900131', '900131'],
    ['900131', '900131'],
    ['1990.01.31', '900131'],
    ['1990. 1. 31.', '900131'],
    ['1990.1.31', '900131'],
    ['1990년 1월 31일', '900131'],
    ['  1990-01-31 ', '900131'],
    ['2002-03-15', '020315'],
    ['020315', '020315'],
    // Excel keeps 020315 as the number 20315: the lost zero is put back.
    ['20315', '020315'],
    ['2000-02-29', '000229'],
    ['000229', '000229'],
    ['1988.02.29', '880229'],
  ])('%s → %s', (cell, digits) => {
    expect(normaliseBirthDate(cell)).toBe(digits);
  });

  it.each(['1990-02-30', '1990-13-01', '1990-00-10', '19900230', '901301', '900132', '1900-02-29', '1899-12-31', '2100-01-01',
    '010229' /* 1901 and 2001 are not leap years */, '1234', '1990013', '199001311', '90.01.31', '1990-01', 'Jan 31 1990', 'abc', '1990-01-31T00:00'])(
    '%s is not a birth date',
    (cell) => {
      expect(normaliseBirthDate(cell)).toBeNull();
    },
  );

  it('the kiosk hashes only six digits that are a date', () => {
    expect(isBirthDigits('900131')).toBe(true);
    expect(isBirthDigits('000229')).toBe(true);
    expect(isBirthDigits('901331')).toBe(false);
    expect(isBirthDigits('90013')).toBe(false);
    expect(isBirthDigits('9001311')).toBe(false);
  });
});

describe('birth date: hashing', () => {
  it('is salted per event, never the date, and apart from a phone hash of the same digits', async () => {
    const salt = factorSalt('ev1', 's');
    const h = await hashSecondFactor(salt, '900131', 'birth');
    expect(h).toMatch(/^h1:[A-Za-z0-9_-]{43}$/);
    for (const clear of ['900131', '19900131', '1990-01-31', '0131']) expect(h).not.toContain(clear);
    expect(await hashSecondFactor(salt, '900131', 'birth')).toBe(h);
    expect(await hashSecondFactor(factorSalt('ev2', 's'), '900131', 'birth')).not.toBe(h);
    expect(await hashSecondFactor(salt, '900131', 'phone')).not.toBe(h);
    expect(await hashSecondFactor(salt, '900130', 'birth')).not.toBe(h);
  });

  it('a 생년월일 column in any accepted form is one hash per person, and a bad cell is an error naming its line only', async () => {
    const csv = [
      '코드,성명,연락처뒤4자리,생년월일',
      'B-1,김철현,010-9876-4321,1990-01-31',
      'B-2,이영희,,19900131',
      'B-3,박민수,,1990. 1. 31.',
      'B-4,최지우,,900131',
      'B-5,정하나,,1990-02-30',
      'B-6,강다온,,',
    ].join('\n');
    const parsed = parseRosterCsv(csv);
    expect(parsed.tickets.map((t) => t.code)).toEqual(['B-1', 'B-2', 'B-3', 'B-4', 'B-6']);
    expect(parsed.errors).toEqual([{ line: 6, code: 'bad_birth_date', message: expect.stringContaining('birth_date') }]);
    expect(JSON.stringify(parsed.errors)).not.toContain('02-30');
    expect(JSON.stringify(parsed.tickets)).not.toMatch(/1990|900131/);

    const salt = factorSalt('ev1', 's');
    const tickets = await withSecondFactors(parsed.tickets, parsed.secondFactors, salt, parsed.birthDates);
    const want = await hashSecondFactor(salt, '900131', 'birth');
    expect(tickets.slice(0, 4).map((t) => t.birthHash)).toEqual([want, want, want, want]);
    expect(tickets[4]).not.toHaveProperty('birthHash');
    // Both factors on one row: each its own hash.
    expect(tickets[0]!.factorHash).toBe(await hashSecondFactor(salt, '4321'));
    expect(tickets[1]).not.toHaveProperty('factorHash');
    expect(JSON.stringify(tickets)).not.toMatch(/1990|900131|4321/);
  });

  it('an XLSX sheet: a date cell, a text cell and the number 20315 (Excel dropped the zero) are read as on the CSV', async () => {
    async function* rows(): AsyncIterable<SheetRow> {
      yield { number: 1, cells: ['code', 'name', 'birth_date'] };
      yield { number: 2, cells: ['X-1', 'Ann', new Date(Date.UTC(1990, 0, 31))] };
      yield { number: 3, cells: ['X-2', 'Bo', '1990.01.31'] };
      yield { number: 4, cells: ['X-3', 'Cy', 20315] };
      yield { number: 5, cells: ['X-4', 'Di', 19901331] };
    }
    const parsed = await parseRosterSheet(rows());
    expect(parsed.errors).toEqual([expect.objectContaining({ line: 5, code: 'bad_birth_date' })]);
    expect([...parsed.birthDates!]).toEqual([['X-1', '900131'], ['X-2', '900131'], ['X-3', '020315']]);
  });
});
