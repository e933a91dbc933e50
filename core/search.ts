// Name search keys for people without their code (desk search, self-service
// on-screen Hangul keyboard). The storage layer keeps `searchKeys()` of every
// ticket in a multiEntry index and finds people by PREFIX match of
// `queryKey(q)`; both sides go through the same normalisation here, so they
// cannot drift apart. One person can match through several keys: the caller
// de-duplicates by ticket (e.g. Dexie's `.distinct()`).
//
// Keys per person:
//   - the name disassembled into jamo, spaces and punctuation removed:
//     "김철현" → "ㄱㅣㅁㅊㅓㄹㅎㅕㄴ", so "김처" or even "김첧" (what an IME shows
//     mid-typing) is a prefix; Latin is lowercased with accents stripped;
//   - each LATER word of a name of several ("doe" finds Jane Doe): the first
//     word is already a prefix of the whole-name key;
//   - the 초성 of the name when it has Hangul syllables ("ㄱㅊㅎ");
//   - ONE key for the company: the whole of it in jamo, legal forms removed
//     ("(주)", "주식회사", "Co., Ltd.", "GmbH"…), so "한빛" finds "(주)한빛정밀".
// A query of bare choseong disassembles to itself, so one query key serves
// both the choseong and the jamo keys.
//
// Why so few: every key is an index entry written for every ticket, and with the
// 5.8 keys of schema v1 index entries took two thirds of Chromium's IndexedDB
// time on a first sync of 200k tickets (bench roster-sync). Company 초성 and
// later company words were cut for that; names keep every way the README promises. Any change to the
// keys needs a new TurnoutDb version whose upgrade recomputes them (db.ts).

import { disassemble } from 'es-hangul';

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

// Legal forms, which nobody types to find a company and which would otherwise
// lead its key ("(주)한빛정밀" must be found by "한빛"). Korean ones go wherever
// they stand (also unspaced, "주식회사한빛"). Latin ones are whole words of the
// folded text (accents stripped: "Công ty Cổ phần" → "cong ty co phan"), cut
// only where they stand in the way or add length: Vietnamese forms at the start,
// the rest at the end ("Co., Ltd.", "GmbH & Co. KG") — "co" inside "Cơ khí Hà
// Nội" is a word of the name.
const KO_LEGAL = /\((?:주|유|사|재|합)\)|주식회사|유한책임회사|유한회사|합자회사|합명회사|사단법인|재단법인/g;
const LEADING_LEGAL = /^(?:(?:cong ty|co phan|tnhh)(?: |$))+/;
const TRAILING_LEGAL = /(?:(?:^| )(?:co|ltd|inc|llc|llp|corp|corporation|limited|pty|plc|gmbh|ag|kg|kk|k k|jsc|sa|srl|bv|nv))+$/;

function unfold(run: string): string {
  return run.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Accents stripped and compatibility forms (fullwidth Latin, "㈜" → "(주)") unfolded outside Hangul, lowercased. */
function unfolded(text: string): string {
  return text.replace(NOT_HANGUL, unfold).toLowerCase();
}

/** Everything that is not a letter or digit becomes a single space. */
function spaced(text: string): string {
  return text.replace(/[^\p{L}\p{Nd}]+/gu, ' ').trim();
}

function fold(text: string): string {
  return spaced(unfolded(text));
}

// es-hangul's disassemble() and getChoseong(), with one table lookup per
// character: a first sync computes the keys of 200k tickets on the page's main
// thread beside IndexedDB, and es-hangul's general path cost ~10 µs a name.
// Same output, character for character (tests/unit/core/search.test.ts checks
// every syllable and random text against es-hangul).
const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const SYLLABLES_PER_CHOSEONG = 21 * 28;
const COMPAT_FIRST = 0x3131; // ㄱ
const COMPAT_LAST = 0x3163; // ㅣ
const COMPAT_LAST_CONSONANT = 0x314e; // ㅎ
const CONJOINING_CHOSEONG_FIRST = 0x1100;
const CONJOINING_CHOSEONG_LAST = 0x1112;
const CHOSEONGS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const syllableJamo: string[] = [];
const compatJamo: string[] = [];

/** es-hangul `disassemble(text)`: syllables and compound jamo into basic jamo, the rest as is. */
export function disassembleJamo(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST) out += syllableJamo[c - SYLLABLE_FIRST] ??= disassemble(text.charAt(i));
    else if (c >= COMPAT_FIRST && c <= COMPAT_LAST) out += compatJamo[c - COMPAT_FIRST] ??= disassemble(text.charAt(i));
    else out += text.charAt(i);
  }
  return out;
}

/** es-hangul `getChoseong(text)`: each syllable's initial, typed consonants and whitespace kept, the rest dropped. */
export function choseongOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST) out += CHOSEONGS.charAt(Math.floor((c - SYLLABLE_FIRST) / SYLLABLES_PER_CHOSEONG));
    else if (c >= CONJOINING_CHOSEONG_FIRST && c <= CONJOINING_CHOSEONG_LAST) out += CHOSEONGS.charAt(c - CONJOINING_CHOSEONG_FIRST);
    else if ((c >= COMPAT_FIRST && c <= COMPAT_LAST_CONSONANT) || /\s/.test(text.charAt(i))) out += text.charAt(i);
  }
  return out;
}

function cut(key: string): string {
  // Cut by code point, never inside a surrogate pair.
  const cps = Array.from(key);
  return cps.length > MAX_KEY_LENGTH ? cps.slice(0, MAX_KEY_LENGTH).join('') : key;
}

function jamo(word: string): string {
  return cut(disassembleJamo(word));
}

function nameKeys(name: string, into: Set<string>): void {
  const folded = fold(name);
  if (folded.length === 0) return;
  const words = folded.split(' ');
  const whole = words.join('');
  into.add(jamo(whole));
  for (let i = 1; i < words.length; i++) into.add(jamo(words[i] as string));
  if (HANGUL_SYLLABLE.test(whole)) into.add(cut(choseongOf(whole)));
}

/** The company's one key: the whole company in jamo, without legal forms (unless that leaves nothing). */
function companyKey(company: string): string {
  const text = unfolded(company);
  const stripped = spaced(text.replace(KO_LEGAL, ' ')).replace(LEADING_LEGAL, '').replace(TRAILING_LEGAL, '');
  return jamo((stripped.length > 0 ? stripped : spaced(text)).replace(/ /g, ''));
}

/** Keys to index for one person; de-duplicated, never empty strings. */
export function searchKeys(name: string, company: string): string[] {
  const keys = new Set<string>();
  nameKeys(name ?? '', keys);
  keys.add(companyKey(company ?? ''));
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
