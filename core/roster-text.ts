// The text of a roster CSV from its bytes, in whichever encoding it was saved:
// UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode text"), or
// CP949/EUC-KR, which Korean Excel writes for plain "CSV (comma delimited)".
// Never a guess that garbles: bytes that are valid UTF-8 are UTF-8 (other
// encodings almost never are) unless they read as plausibly as Korean CP949;
// otherwise the bytes must read as CP949 AND look like Korean text, else the
// file is refused and the user told how to save it.
// Decoding is never ours: UTF-8/16 by the platform's TextDecoder, CP949 by a
// decoder the caller brings. The kiosk's is Chromium's TextDecoder("euc-kr"),
// which the WHATWG Encoding standard defines as windows-949 (CP949/UHC). Node's
// TextDecoder("euc-kr") is ICU's plain EUC-KR and refuses the 8,822 UHC-extension
// syllables (똠, 햏, 쌰…) that Korean Excel writes for rarer names, so the server
// brings iconv-lite's cp949 (server/import/cp949.ts).

export type RosterEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'cp949';

/** CP949 bytes to text, or undefined when the bytes are not CP949. */
export type Cp949Decoder = (bytes: Uint8Array) => string | undefined;

/** The platform's WHATWG "euc-kr" (windows-949) decoder: complete in browsers, not in Node (see above). */
export const platformCp949: Cp949Decoder = (bytes) => strict('euc-kr', bytes);

export class RosterEncodingError extends Error {
  constructor(
    readonly kind: 'unknown_encoding' | 'ambiguous_encoding' | 'binary',
    message: string,
  ) {
    super(message);
    this.name = 'RosterEncodingError';
  }
}

const SAVE_AS = 'In Excel choose "CSV UTF-8 (comma delimited)", or save the roster as an Excel workbook (.xlsx).';

function strict(label: string, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: the BOM is ours to strip (below), so a second one stays visible.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Whether bytes that failed UTF-8 look like Korean CP949 text: every byte pair
 * well formed, at least one Hangul syllable from KS X 1001 (the 2,350 in
 * everyday use: both bytes 0xA1–0xFE), and few of the rest (UHC-extension
 * syllables, hanja). Latin-1 or other legacy text that happens to decode comes
 * out as mostly extension syllables and hanja, so it is refused here.
 */
export function looksLikeCp949Korean(bytes: Uint8Array): boolean {
  let common = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    if (lead < 0x81 || lead > 0xfe || trail === undefined) return false;
    i++;
    const ks = trail >= 0xa1 && trail <= 0xfe;
    if (ks && lead >= 0xb0 && lead <= 0xc8) common++;
    else if (ks && lead >= 0xa1 && lead <= 0xac) continue; // punctuation, jamo, ㈜ and friends
    else odd++;
  }
  return common > 0 && odd * 4 <= common;
}

const HANGUL = /[\uAC00-\uD7A3]/;
const NON_ASCII = /\P{ASCII}/u;
const isLatin = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

/** Every non-ASCII character touches an ASCII letter: accents inside Latin words (Müller, José, Ærø). */
function latinWords(text: string): boolean {
  const chars = [...text];
  return chars.every((c, i) => c.charCodeAt(0) < 0x80 || isLatin(chars[i - 1]) || isLatin(chars[i + 1]));
}

/** Hangul, and none of it touching an ASCII letter: how names and companies sit in Korean CSV fields. */
function koreanWords(text: string): boolean {
  const chars = [...text];
  return HANGUL.test(text) && chars.every((c, i) => !HANGUL.test(c) || (!isLatin(chars[i - 1]) && !isLatin(chars[i + 1])));
}

/**
 * Bytes valid as UTF-8 that may still be CP949: a few Hangul syllables (217 of
 * the 2,350, e.g. 홍 = C8 AB) are also valid UTF-8 pairs, read as Latin
 * letters (ȫ). When the UTF-8 reading has no Hangul and its non-ASCII characters
 * stand apart from Latin words, while the CP949 reading is plausible Korean
 * standing apart from Latin letters, the file could be either: refuse it.
 */
function ambiguous(bytes: Uint8Array, utf8: string, cp949: Cp949Decoder): boolean {
  if (HANGUL.test(utf8) || !NON_ASCII.test(utf8) || latinWords(utf8) || !looksLikeCp949Korean(bytes)) return false;
  const korean = cp949(bytes);
  return korean !== undefined && koreanWords(korean);
}

/** Decodes a roster's bytes, or throws RosterEncodingError saying why it will not. */
export function decodeRosterText(bytes: Uint8Array, cp949: Cp949Decoder = platformCp949): { text: string; encoding: RosterEncoding } {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const text = strict('utf-8', b.subarray(3));
    if (text === undefined) throw new RosterEncodingError('unknown_encoding', `The file starts like UTF-8 but is not UTF-8. ${SAVE_AS}`);
    return { text, encoding: 'utf-8' };
  }
  for (const [label, bom] of [['utf-16le', [0xff, 0xfe]], ['utf-16be', [0xfe, 0xff]]] as const) {
    if (b[0] === bom[0] && b[1] === bom[1]) {
      const text = strict(label, b.subarray(2));
      if (text === undefined) throw new RosterEncodingError('unknown_encoding', `The file starts like UTF-16 but is not UTF-16. ${SAVE_AS}`);
      return { text, encoding: label };
    }
  }
  if (b.includes(0)) {
    throw new RosterEncodingError('binary', `This is not a text CSV (it holds binary data). ${SAVE_AS}`);
  }
  const utf8 = strict('utf-8', b);
  if (utf8 !== undefined) {
    if (ambiguous(b, utf8, cp949)) {
      throw new RosterEncodingError(
        'ambiguous_encoding',
        `The file reads as UTF-8 and as Korean CP949 alike, so it cannot be read without risking garbled names. Save it as "CSV UTF-8" (Excel then marks it) or as an Excel workbook (.xlsx).`,
      );
    }
    return { text: utf8, encoding: 'utf-8' };
  }
  const korean = looksLikeCp949Korean(b) ? cp949(b) : undefined;
  if (korean !== undefined) return { text: korean, encoding: 'cp949' };
  throw new RosterEncodingError(
    'unknown_encoding',
    `The file is neither UTF-8 nor Korean (CP949/EUC-KR) text, so it cannot be read without garbling names. ${SAVE_AS}`,
  );
}
