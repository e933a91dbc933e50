// Hangul-aware search keys: what a prefix match of queryKey finds.
import { describe, expect, it } from 'vitest';
import { MAX_KEY_LENGTH, matchesQuery, queryKey, searchKeys } from '../../../core/search';

const kim = searchKeys('김철현', '한국산업단지공단');
const jane = searchKeys('Jane Doe', 'Acme Robotics');

describe('searchKeys', () => {
  it('holds choseong and jamo keys for a Korean name', () => {
    expect(kim).toContain('ㄱㅊㅎ');
    expect(kim).toContain('ㄱㅣㅁㅊㅓㄹㅎㅕㄴ');
  });
  it('holds the whole and each word for a Latin name, lowercased', () => {
    expect(jane).toEqual(expect.arrayContaining(['janedoe', 'jane', 'doe', 'acmerobotics', 'acme', 'robotics']));
  });
  it('is de-duplicated, has no empty keys and stays short and few', () => {
    const keys = searchKeys('Ann', 'Ann');
    expect(keys).toEqual(['ann']);
    expect(searchKeys('', '')).toEqual([]);
    const long = searchKeys('가'.repeat(60), 'x'.repeat(100));
    for (const k of long) expect(Array.from(k).length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
    expect(kim.length).toBeLessThanOrEqual(4);
  });
  it('strips accents and unfolds compatibility forms outside Hangul', () => {
    expect(searchKeys('Zoë Ångström', '')).toEqual(expect.arrayContaining(['zoeangstrom', 'zoe', 'angstrom']));
    expect(searchKeys('', '㈜삼성전자')).toEqual(expect.arrayContaining(['ㅅㅏㅁㅅㅓㅇㅈㅓㄴㅈㅏ']));
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
    ['company choseong', kim, 'ㅎㄱㅅㅇ', true],
    ['Latin first name prefix', jane, 'jan', true],
    ['Latin last name prefix', jane, 'do', true],
    ['Latin full name with space', jane, 'Jane Doe', true],
    ['Latin upper case', jane, 'JANE', true],
    ['company prefix (Latin)', jane, 'robo', true],
    ['not found: other Korean name', kim, '박', false],
    ['not found: wrong choseong', kim, 'ㄱㅎ', false],
    ['not found: name is not infix', kim, '철현', false],
    ['not found: other Latin name', jane, 'john', false],
    ['not found: Latin infix', jane, 'ane', false],
    ['not found: empty query', jane, '   ', false],
  ])('%s: %s', (_label, keys, q, found) => {
    expect(matchesQuery(keys, q)).toBe(found);
  });
  it('finds a Korean name with spaces and a multi-word company', () => {
    const keys = searchKeys('남궁 민수', '삼성 전자');
    expect(matchesQuery(keys, '남궁민')).toBe(true);
    expect(matchesQuery(keys, 'ㄴㄱㅁㅅ')).toBe(true);
    expect(matchesQuery(keys, '전자')).toBe(true);
  });
});
