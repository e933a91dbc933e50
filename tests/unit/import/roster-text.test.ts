// Roster text encodings: UTF-8 with and without BOM, UTF-16 with a BOM, CP949
// as Korean Excel saves it (bytes from Python's cp949 codec, independent of the
// decoder under test), and files refused rather than garbled.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../../core/csv';
import { decodeRosterText, looksLikeCp949Korean, RosterEncodingError } from '../../../core/roster-text';
import { iconvCp949 } from '../../../server/import/cp949';
import { commonSyllables, encodeCp949, hex } from '../../support/cp949';

// '코드,성명,회사명,구분,프로그램,유효시작,비고' / 'K-1,김철현,(주)한빛정밀,방문객,kicef,2025-09-10,휠체어 이용'
// / 'K-2,박영희,㈜대성테크,기자,,,' / 'K-3,똠방각하,햏햏상사,바이어,,,' — str.encode('cp949') in Python.
const CP949_LINES = [
  'c4dab5e52cbcbab8ed2cc8b8bbe7b8ed2cb1b8bad02cc7c1b7ceb1d7b7a52cc0afc8bfbdc3c0db2cbaf1b0ed',
  '4b2d312cb1e8c3b6c7f62c28c1d629c7d1bafbc1a4b9d02cb9e6b9aeb0b42c6b696365662c323032352d30392d31302cc8d9c3bcbeee20c0ccbfeb',
  '4b2d322cb9dabfb5c8f12ca2dfb4ebbcbac5d7c5a92cb1e2c0da2c2c2c',
  '4b2d332c8c63b9e6b0a2c7cf2cc164c164bbf3bbe72cb9d9c0ccbeee2c2c2c',
];
const crlf = hex('0d0a');
const join = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const CP949_FILE = join(CP949_LINES.flatMap((l) => [hex(l), crlf]));

const refused = (bytes: Uint8Array): string => {
  try {
    decodeRosterText(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(RosterEncodingError);
    return (err as RosterEncodingError).kind;
  }
  throw new Error('expected the file to be refused');
};

describe('decodeRosterText', () => {
  it('reads a CP949 roster with Korean headers, ㈜ and rare (UHC-extension) syllables', () => {
    // The server's decoder: Node's TextDecoder has no UHC extension (core/roster-text.ts); the e2e test reads this file in Chromium.
    const { text, encoding } = decodeRosterText(CP949_FILE, iconvCp949);
    expect(encoding).toBe('cp949');
    const { tickets, errors } = parseRosterCsv(text, { timeZone: 'Asia/Seoul' });
    expect(errors).toEqual([]);
    expect(tickets.map((t) => [t.code, t.name, t.company, t.category])).toEqual([
      ['K-1', '김철현', '(주)한빛정밀', 'visitor'],
      ['K-2', '박영희', '㈜대성테크', 'press'],
      ['K-3', '똠방각하', '햏햏상사', 'buyer'],
    ]);
    expect(tickets[0]).toMatchObject({ note: '휠체어 이용', validFrom: '2025-09-10T00:00:00.000+09:00' });
  });

  it('reads UTF-8 with and without a BOM, and UTF-16 with one', () => {
    const text = '코드,성명\r\nK-1,김철현\r\n';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeRosterText(utf8)).toEqual({ text, encoding: 'utf-8' });
    expect(decodeRosterText(join([hex('efbbbf'), utf8]))).toEqual({ text, encoding: 'utf-8' });
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    const be = new Uint8Array(2 + text.length * 2);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le.set([c & 0xff, c >> 8], 2 + i * 2);
      be.set([c >> 8, c & 0xff], 2 + i * 2);
    }
    expect(decodeRosterText(le)).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeRosterText(be)).toEqual({ text, encoding: 'utf-16be' });
  });

  it('keeps a second BOM visible rather than silently eating it', () => {
    expect(decodeRosterText(hex('efbbbfefbbbf41')).text).toBe('\uFEFFA');
  });

  it.each<[string, Uint8Array, string]>([
    ['Latin-1 (Müller, José, Ærø)', hex('636f64652c6e616d650a312c4dfc6c6c65720a322c4a6f73e90a332cc672f80a'), 'unknown_encoding'],
    ['UTF-8 BOM over CP949 bytes', join([hex('efbbbf'), CP949_FILE]), 'unknown_encoding'],
    ['UTF-16 BOM over an odd byte count', hex('fffe41'), 'unknown_encoding'],
    ['GB2312 Chinese (北京市朝阳区, 张伟: valid CP949 bytes, read as 굇쑴各날捺혐)', hex('b1b1bea9cad0b3afd1f4c7f82cd5c5ceb0'), 'unknown_encoding'],
    ['CP949 bytes with only punctuation, no Hangul', hex('412ca1a42c42'), 'unknown_encoding'],
    ['a binary file with NUL bytes', hex('00010203'), 'binary'],
  ])('refuses %s', (_label, bytes, kind) => {
    expect(refused(bytes)).toBe(kind);
    expect(() => decodeRosterText(bytes, iconvCp949)).toThrow(RosterEncodingError);
  });

  it('property: a CP949 roster is read exactly or refused, never garbled (both decoders)', () => {
    const syllables = commonSyllables();
    expect(syllables).toHaveLength(2350);
    const hangulWord = fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    const latinWord = fc.string({ unit: fc.constantFrom(...'abcXYZ0189-()'.split('')), minLength: 1, maxLength: 6 });
    // Fields as rosters hold them: Hangul words never glued to Latin letters.
    const field = fc.array(fc.oneof(hangulWord, latinWord), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    const row = fc.array(field, { minLength: 1, maxLength: 4 }).map((f) => f.join(','));
    let korean = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), (rows) => {
        const text = `code,name\r\n${rows.join('\r\n')}\r\n`;
        if (!/[\uAC00-\uD7A3]/.test(text)) return;
        const bytes = encodeCp949(text);
        for (const decoder of [iconvCp949, undefined]) {
          let read: ReturnType<typeof decodeRosterText>;
          try {
            read = decodeRosterText(bytes, decoder);
          } catch (err) {
            expect((err as RosterEncodingError).kind).toBe('ambiguous_encoding');
            continue;
          }
          expect(read).toEqual({ text, encoding: 'cp949' });
          korean++;
        }
      }),
      { numRuns: 300 },
    );
    expect(korean).toBeGreaterThan(500); // refusals are the rare few-syllable case, not the rule
  });

  it('a few Hangul that are also valid UTF-8 (홍 = C8 AB reads as ȫ) are refused as ambiguous, not read as Latin', () => {
    const bytes = encodeCp949('code,name\nA-1,홍\n');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toContain('ȫ');
    expect(refused(bytes)).toBe('ambiguous_encoding');
  });

  it('property: UTF-8 Western names without a BOM are read as UTF-8', () => {
    const accented = [...'áâãäåæçèéêëìíîïñòóôõöøùúûüýÿÀÉÖÜąčęłńőśźżşğıơư'];
    const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
    const word = fc
      .tuple(fc.string({ unit: letters, minLength: 1, maxLength: 6 }), fc.constantFrom(...accented), fc.string({ unit: letters, maxLength: 6 }))
      .map(([a, b, c]) => a + b + c);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 10 }), (words) => {
        const text = `code,name\n${words.map((w, i) => `${i},${w}`).join('\n')}\n`;
        expect(decodeRosterText(new TextEncoder().encode(text), iconvCp949)).toEqual({ text, encoding: 'utf-8' });
      }),
    );
  });

  it('property: Western names saved as Latin-1 are refused, never read as Korean', () => {
    const accented = [...'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ'];
    const word = fc
      .tuple(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 8 }), fc.constantFrom(...accented), fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 8 }))
      .map(([a, b, c]) => a + b + c);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 20 }), (words) => {
        const text = `code,name\n${words.map((w, i) => `${i},${w}`).join('\n')}\n`;
        const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
        expect(() => decodeRosterText(latin1, iconvCp949)).toThrow(RosterEncodingError);
      }),
    );
  });

  it('looksLikeCp949Korean needs everyday Hangul and few oddities', () => {
    expect(looksLikeCp949Korean(hex('b1e8'))).toBe(true); // 김
    expect(looksLikeCp949Korean(hex('8c63'))).toBe(false); // 똠 alone: an extension syllable, no everyday one
    expect(looksLikeCp949Korean(hex('41'))).toBe(false);
    expect(looksLikeCp949Korean(hex('b1'))).toBe(false); // a lead byte cut off
  });
});
