// Hangul-aware search keys: what a prefix match of queryKey finds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { disassemble, getChoseong } from 'es-hangul';
import { choseongOf, disassembleJamo, MAX_KEY_LENGTH, matchesQuery, queryKey, searchKeys } from '../../../core/search';

const kim = searchKeys('김철현', '한국산업단지공단');
const jane = searchKeys('Jane Doe', 'Acme Robotics');

describe('searchKeys', () => {
  it('holds choseong and jamo keys for a Korean name', () => {
    expect(kim).toContain('ㄱㅊㅎ');
    expect(kim).toContain('ㄱㅣㅁㅊㅓㄹㅎㅕㄴ');
  });
  it('holds the whole name and each later word (the first is a prefix of the whole), and one company key', () => {
    expect(jane).toEqual(['janedoe', 'doe', 'acmerobotics']);
    expect(kim).toEqual(['ㄱㅣㅁㅊㅓㄹㅎㅕㄴ', 'ㄱㅊㅎ', 'ㅎㅏㄴㄱㅜㄱㅅㅏㄴㅇㅓㅂㄷㅏㄴㅈㅣㄱㅗㅇㄷㅏㄴ']);
  });
  it.each([
    ['(주)한빛정밀', 'ㅎㅏㄴㅂㅣㅊㅈㅓㅇㅁㅣㄹ'],
    ['㈜삼성전자', 'ㅅㅏㅁㅅㅓㅇㅈㅓㄴㅈㅏ'],
    ['주식회사 동양금속', 'ㄷㅗㅇㅇㅑㅇㄱㅡㅁㅅㅗㄱ'],
    ['세진기계(주)', 'ㅅㅔㅈㅣㄴㄱㅣㄱㅖ'],
    ['Northwind Trading Ltd.', 'northwindtrading'],
    ['Shenzhen Huaxin Electronics Co., Ltd.', 'shenzhenhuaxinelectronics'],
    ['Schneider Antriebstechnik GmbH & Co. KG', 'schneiderantriebstechnik'],
    ['Công ty Cổ phần Cơ khí Hà Nội', 'cokhihanoi'],
    ['(주)', 'ㅈㅜ'],
  ])('drops legal forms from the company key: %s → %s', (company, key) => {
    expect(searchKeys('', company)).toEqual([key]);
  });
  it('is de-duplicated, has no empty keys and stays short and few', () => {
    const keys = searchKeys('Ann', 'Ann');
    expect(keys).toEqual(['ann']);
    expect(searchKeys('', '')).toEqual([]);
    const long = searchKeys('가'.repeat(60), 'x'.repeat(100));
    for (const k of long) expect(Array.from(k).length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
    expect(kim.length).toBeLessThanOrEqual(3);
  });
  it('strips accents and unfolds compatibility forms outside Hangul', () => {
    expect(searchKeys('Zoë Ångström', '')).toEqual(['zoeangstrom', 'angstrom']);
    expect(searchKeys('', 'ＡＣＭＥ')).toEqual(['acme']);
  });
});

describe('queryKey', () => {
  it.each([
    ['ㄱㅊㅎ', 'ㄱㅊㅎ'],
    ['김처', 'ㄱㅣㅁㅊㅓ'],
    ['김첧', 'ㄱㅣㅁㅊㅓㄹㅎ'],
    ['  Jane D ', 'janed'],
    ['ＪＡＮＥ', 'jane'],
    ['!!!', ''],
  ])('%s → %s', (q, key) => {
    expect(queryKey(q)).toBe(key);
  });
  it('one key serves choseong and jamo keys: bare choseong disassemble to themselves', () => {
    expect(queryKey('ㄱㅊㅎ')).toBe('ㄱㅊㅎ');
    expect(queryKey('ㄱ')).toBe('ㄱ');
  });
});

describe('prefix search finds the person', () => {
  it.each<[string, readonly string[], string, boolean]>([
    ['choseong', kim, 'ㄱㅊㅎ', true],
    ['choseong prefix', kim, 'ㄱㅊ', true],
    ['full name', kim, '김철현', true],
    ['mid-syllable', kim, '김처', true],
    ['IME mid-typing with a compound final', kim, '김첧', true],
    ['mixed syllable and choseong', kim, '김ㅊ', true],
    ['company prefix (Korean)', kim, '한국산업', true],
    ['company mid-syllable', kim, '한구', true],
    ['Latin first name prefix', jane, 'jan', true],
    ['Latin last name prefix', jane, 'do', true],
    ['Latin full name with space', jane, 'Jane Doe', true],
    ['Latin upper case', jane, 'JANE', true],
    ['company prefix (Latin)', jane, 'acme r', true],
    ['not found: other Korean name', kim, '박', false],
    ['not found: wrong choseong', kim, 'ㄱㅎ', false],
    ['not found: name is not infix', kim, '철현', false],
    ['not found: other Latin name', jane, 'john', false],
    ['not found: Latin infix', jane, 'ane', false],
    ['not found: empty query', jane, '   ', false],
    // One company key (a first sync writes every key of 200k tickets): no company
    // 초성, no later company words.
    ['not found: company choseong', kim, 'ㅎㄱㅅㅇ', false],
    ['not found: later company word', jane, 'robo', false],
  ])('%s: %s', (_label, keys, q, found) => {
    expect(matchesQuery(keys, q)).toBe(found);
  });
  it('finds a Korean name with spaces and a multi-word company', () => {
    const keys = searchKeys('남궁 민수', '삼성 전자');
    expect(matchesQuery(keys, '남궁민')).toBe(true);
    expect(matchesQuery(keys, '민수')).toBe(true);
    expect(matchesQuery(keys, 'ㄴㄱㅁㅅ')).toBe(true);
    expect(matchesQuery(keys, '삼성전')).toBe(true);
  });
  it('finds a company by what follows its legal form', () => {
    expect(matchesQuery(searchKeys('김철현', '(주)한빛정밀'), '한빛')).toBe(true);
    expect(matchesQuery(searchKeys('김철현', '주식회사 동양금속'), '동양')).toBe(true);
  });
});

describe('the per-character jamo tables match es-hangul', () => {
  const hangul = Array.from({ length: 0xd7a3 - 0xac00 + 1 }, (_, i) => String.fromCharCode(0xac00 + i));
  const jamoChars = Array.from({ length: 0x318e - 0x3131 + 1 }, (_, i) => String.fromCharCode(0x3131 + i));
  it('on every syllable and compatibility jamo', () => {
    for (const ch of [...hangul, ...jamoChars]) {
      expect(disassembleJamo(ch)).toBe(disassemble(ch));
      expect(choseongOf(ch)).toBe(getChoseong(ch));
    }
  });
  it('on random text mixing Hangul, jamo, conjoining jamo, Latin, spaces and astral characters', () => {
    const pieces = ['김', '철', '값', '읽', '와', 'ㄱ', 'ㄳ', 'ㅘ', 'ㅏ', '\u1100', '\u1161', '\u11a8', 'a', 'É', ' ', '\t', '😀', '1', '-'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      expect(disassembleJamo(text)).toBe(disassemble(text));
      expect(choseongOf(text)).toBe(getChoseong(text));
    }));
  });
});
