// Name search keys for people without their code (desk search, self-service
// on-screen Hangul keyboard). The storage layer keeps `searchKeys()` of every
// ticket in a multiEntry index and finds people by PREFIX match of
// `queryKey(q)`; both sides go through the same normalisation here, so they
// cannot drift apart. One person can match through several keys: the caller
// de-duplicates by ticket (e.g. Dexie's `.distinct()`).
//
// Keys per text (name, then company):
//   - the text disassembled into jamo, spaces and punctuation removed:
//     "김철현" → "ㄱㅣㅁㅊㅓㄹㅎㅕㄴ", so "김처" or even "김첧" (what an IME shows
//     mid-typing) is a prefix; Latin is lowercased with accents stripped;
//   - each word the same way, when there are several ("doe" finds Jane Doe);
//   - the 초성 of the whole text when it has Hangul syllables ("ㄱㅊㅎ").
// A query of bare choseong disassembles to itself, so one query key serves
// both the choseong and the jamo keys.

import { disassemble, getChoseong } from 'es-hangul';

/**
 * Longest key kept. Keys are indexed for every ticket (200k+), so they stay
 * short; a longer query is cut the same way and still matches by prefix.
 */
export const MAX_KEY_LENGTH = 32;

const HANGUL_SYLLABLE = /[\uAC00-\uD7A3]/;

// Hangul syllables and jamo, kept away from NFKD: it would turn the
// compatibility jamo people type ("ㄱ", U+3131) into conjoining jamo that
// never compose back, and split syllables for nothing.
const NOT_HANGUL = /[^\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7A3\uD7B0-\uD7FF]+/gu;

function unfold(run: string): string {
  return run.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
}

/**
 * Lowercase, strip accents and unfold compatibility forms (fullwidth Latin,
 * "㈜" → "(주)") outside Hangul, then turn everything that is not a letter or
 * digit into a single space.
 */
function fold(text: string): string {
  return text
    .replace(NOT_HANGUL, unfold)
    .toLowerCase()
    .replace(/[^\p{L}\p{Nd}]+/gu, ' ')
    .trim();
}

function cut(key: string): string {
  // Cut by code point, never inside a surrogate pair.
  const cps = Array.from(key);
  return cps.length > MAX_KEY_LENGTH ? cps.slice(0, MAX_KEY_LENGTH).join('') : key;
}

function jamo(word: string): string {
  return cut(disassemble(word));
}

function keysOf(text: string, into: Set<string>): void {
  const folded = fold(text);
  if (folded.length === 0) return;
  const words = folded.split(' ');
  into.add(jamo(words.join('')));
  if (words.length > 1) for (const w of words) into.add(jamo(w));
  if (HANGUL_SYLLABLE.test(folded)) {
    const cho = cut(getChoseong(words.join('')));
    if (cho.length > 0) into.add(cho);
  }
}

/** Keys to index for one person; de-duplicated, never empty strings. */
export function searchKeys(name: string, company: string): string[] {
  const keys = new Set<string>();
  keysOf(name ?? '', keys);
  keysOf(company ?? '', keys);
  keys.delete('');
  return [...keys];
}

/**
 * The key to look up by prefix. Hangul is disassembled (bare choseong stay as
 * they are), Latin lowercased without accents; spaces and punctuation are
 * dropped, so "jane d" finds "janedoe". Empty for a query with nothing
 * searchable: the caller should not search then.
 */
export function queryKey(q: string): string {
  const folded = fold(q ?? '');
  if (folded.length === 0) return '';
  return jamo(folded.replace(/ /g, ''));
}

/** Whether a stored key set matches a query by prefix (what the index does). */
export function matchesQuery(keys: readonly string[], q: string): boolean {
  const k = queryKey(q);
  return k.length > 0 && keys.some((key) => key.startsWith(k));
}
