// What a tap on the on-screen keyboard does to the text, without React: the
// 2-beolsik and ABC layouts, one-shot Shift (ㄲㄸㅃㅆㅉ ㅒㅖ, capitals), and
// Hangul composition and backspace-by-jamo through es-hangul — never
// hand-written composition tables, which is where double finals (닭, 값) and
// their split before a vowel (달가, 갑시) go wrong.
import { assemble, disassemble, removeLastCharacter } from 'es-hangul';

export type Layout = 'hangul' | 'latin';

export const DIGITS = '1234567890';
export const ROWS: Record<Layout, readonly string[]> = {
  hangul: ['ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ', 'ㅁㄴㅇㄹㅎㅗㅓㅏㅣ', 'ㅋㅌㅊㅍㅠㅜㅡ'],
  latin: ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
};

/** Shift on a 2-beolsik keyboard: the tense consonants and the two y-diphthongs. */
const HANGUL_SHIFT: Record<string, string> = { ㅂ: 'ㅃ', ㅈ: 'ㅉ', ㄷ: 'ㄸ', ㄱ: 'ㄲ', ㅅ: 'ㅆ', ㅐ: 'ㅒ', ㅔ: 'ㅖ' };

/** The character a key types with Shift held (a key without a shifted form types itself). */
export function shifted(key: string, layout: Layout): string {
  return layout === 'hangul' ? (HANGUL_SHIFT[key] ?? key) : key.toUpperCase();
}

const JAMO = /^[\u3131-\u3163]$/;

/**
 * The text after one tapped key. A jamo joins the last syllable the way a
 * 2-beolsik IME does (김 + ㅊ → 김ㅊ, 닭 + ㅏ → 달가); anything else is appended.
 * Only the last character is re-composed: what was typed before it never changes.
 */
export function typeKey(text: string, key: string): string {
  if (!JAMO.test(key) || text.length === 0) return text + key;
  const last = text.slice(-1);
  return text.slice(0, -1) + assemble([...disassemble(last).split(''), key]);
}

/** Backspace by jamo: 닭 → 달 → 다 → ㄷ → '', 과 → 고; Latin, digits and spaces one character. */
export function backspace(text: string): string {
  return removeLastCharacter(text);
}

/** Types a sequence of keys from empty (or `from`): what tapping them in order shows. */
export function typeKeys(keys: Iterable<string>, from = ''): string {
  let text = from;
  for (const k of keys) text = typeKey(text, k);
  return text;
}
