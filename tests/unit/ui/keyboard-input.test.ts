// The on-screen keyboard's input logic: what a person tapping 2-beolsik keys sees.
import { describe, expect, it } from 'vitest';
import { backspace, shifted, typeKey, typeKeys } from '../../../renderer/ui/keyboard/input';

describe('2-beolsik composition through es-hangul', () => {
  it('composes double finals: 닭, 값', () => {
    expect(typeKeys(['ㄷ', 'ㅏ', 'ㄹ', 'ㄱ'])).toBe('닭');
    expect(typeKeys(['ㄱ', 'ㅏ', 'ㅂ', 'ㅅ'])).toBe('값');
  });

  it('splits a double final when a vowel follows: 닭 + ㅏ → 달가, 값 + ㅣ → 갑시', () => {
    expect(typeKey('닭', 'ㅏ')).toBe('달가');
    expect(typeKey('값', 'ㅣ')).toBe('갑시');
    expect(typeKeys(['ㄷ', 'ㅏ', 'ㄹ', 'ㄱ', 'ㅏ'])).toBe('달가');
  });

  it('moves a single final to the next syllable: 김 + ㅣ → 기미', () => {
    expect(typeKey('김', 'ㅣ')).toBe('기미');
  });

  it('types 혜진 and 씨 with Shift (ㅖ, ㅆ)', () => {
    expect(typeKeys(['ㅎ', shifted('ㅔ', 'hangul'), 'ㅈ', 'ㅣ', 'ㄴ'])).toBe('혜진');
    expect(typeKeys([shifted('ㅅ', 'hangul'), 'ㅣ'])).toBe('씨');
    expect(typeKeys(['ㅇ', 'ㅣ', shifted('ㅅ', 'hangul')])).toBe('있');
  });

  it('shift gives every tense consonant and ㅒㅖ; other keys type themselves', () => {
    expect(['ㅂ', 'ㅈ', 'ㄷ', 'ㄱ', 'ㅅ', 'ㅐ', 'ㅔ'].map((k) => shifted(k, 'hangul')).join('')).toBe('ㅃㅉㄸㄲㅆㅒㅖ');
    expect(shifted('ㅁ', 'hangul')).toBe('ㅁ');
    expect(shifted('k', 'latin')).toBe('K');
  });

  it('composes compound vowels: ㄱ ㅗ ㅏ → 과', () => {
    expect(typeKeys(['ㄱ', 'ㅗ', 'ㅏ'])).toBe('과');
  });

  it('leaves what was typed before the last character alone (space, Latin, digits)', () => {
    expect(typeKeys(['ㄱ', 'ㅣ', 'ㅁ', ' ', 'ㅎ', 'ㅏ'])).toBe('김 하');
    expect(typeKeys(['K', 'i', 'm', 'ㄱ'])).toBe('Kimㄱ');
    expect(typeKeys(['ㄱ', 'ㅏ', '0', '1'])).toBe('가01');
    expect(typeKey('김1', 'ㅏ')).toBe('김1ㅏ');
  });
});

describe('backspace by jamo', () => {
  it('takes one jamo at a time off the last syllable: 닭 → 달 → 다 → ㄷ → empty', () => {
    const seen: string[] = [];
    let text = '닭';
    while (text) seen.push((text = backspace(text)));
    expect(seen).toEqual(['달', '다', 'ㄷ', '']);
  });

  it('undoes a compound vowel in halves (과 → 고) and only touches the last syllable', () => {
    expect(backspace('과')).toBe('고');
    expect(backspace('혜진')).toBe('혜지');
    expect(backspace('씨')).toBe('ㅆ');
  });

  it('removes Latin, digits and spaces one character at a time, and an empty field stays empty', () => {
    expect(backspace('Kim')).toBe('Ki');
    expect(backspace('김 ')).toBe('김');
    expect(backspace('12')).toBe('1');
    expect(backspace('')).toBe('');
  });
});
