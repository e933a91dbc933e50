// A CP949 encoder for tests, for ASCII and the 2,350 everyday Hangul syllables
// of KS X 1001 (lead bytes 0xB0–0xC8, trail 0xA1–0xFE): the table is read off
// the platform's own "euc-kr" decoder once. Fixtures that must not depend on
// that decoder are written as bytes from Python's cp949 codec instead.

let table: Map<string, [number, number]> | undefined;

function hangulTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('euc-kr');
  for (let lead = 0xb0; lead <= 0xc8; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch >= '\uAC00' && ch <= '\uD7A3') table.set(ch, [lead, trail]);
    }
  }
  return table;
}

/** Every Hangul syllable the table holds (the KS X 1001 set). */
export function commonSyllables(): string[] {
  return [...hangulTable().keys()];
}

/** `text` in CP949; throws on a character outside ASCII and the common syllables. */
export function encodeCp949(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = hangulTable().get(ch);
      if (!pair) throw new Error(`no CP949 bytes for ${ch} in the test table`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}

/** Python's `str.encode('cp949').hex()` back to bytes. */
export const hex = (h: string) => new Uint8Array(h.match(/../g)!.map((b) => parseInt(b, 16)));
