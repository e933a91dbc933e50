// Ticket code gate: what normalizeScan lets through and what it refuses.
import { describe, expect, it } from 'vitest';
import { MAX_CODE_LENGTH, isSignedCode, normalizeScan } from '../../../core/code';

describe('normalizeScan accepts', () => {
  it.each([
    ['plain roster code', 'KICEF-2025-000123', 'KICEF-2025-000123'],
    ['scanner CR LF suffix', 'A1B2C3\r\n', 'A1B2C3'],
    ['tab suffix and spaces', '  A1B2C3\t', 'A1B2C3'],
    ['BOM and NBSP around', '\uFEFF\u00A0abc\u00A0', 'abc'],
    ['TO1 signed code', 'TO1:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAh-_', 'TO1:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAh-_'],
    ['URL-safe base64', 'dGhpcy1pcy1hLXRlc3Q_LS0tLQ', 'dGhpcy1pcy1hLXRlc3Q_LS0tLQ'],
    ['standard base64 with padding', 'aGVsbG8rd29ybGQ/Zm9v+==', 'aGVsbG8rd29ybGQ/Zm9v+=='],
    ['URL', 'https://reg.example.com/t/abc?x=1&y=2#z', 'https://reg.example.com/t/abc?x=1&y=2#z'],
    ['Hangul letters', '서울-0001', '서울-0001'],
    ['internal space', 'ABC 123', 'ABC 123'],
    ['accented letters', 'Zoë-7', 'Zoë-7'],
    ['exactly max length', 'x'.repeat(MAX_CODE_LENGTH), 'x'.repeat(MAX_CODE_LENGTH)],
  ])('%s', (_label, raw, code) => {
    expect(normalizeScan(raw)).toEqual({ ok: true, code });
  });
});

describe('normalizeScan refuses', () => {
  it.each([
    ['empty', ''],
    ['only whitespace', ' \r\n\t '],
    ['too long', 'x'.repeat(MAX_CODE_LENGTH + 1)],
    ['embedded newline', 'ABC\nDEF'],
    ['embedded tab', 'ABC\tDEF'],
    ['NUL', 'ABC\u0000'],
    ['escape sequence', '\u001b[0mABC'],
    ['DEL', 'ABC\u007f'],
    ['zero-width space', 'AB\u200BC'],
    ['bidi override', 'AB\u202EC'],
    ['private use', 'AB\uE000'],
    ['lone surrogate', 'AB\uD800'],
    ['emoji', 'AB😀'],
    ['C1 control', 'AB\u0085C'],
  ])('%s', (_label, raw) => {
    const r = normalizeScan(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('malformed');
      expect(r.detail.length).toBeGreaterThan(0);
    }
  });

  it('says where the bad character is', () => {
    expect(normalizeScan('AB\u0007C')).toEqual({ ok: false, reason: 'malformed', detail: 'character U+0007 not allowed at position 3' });
  });
});

describe('isSignedCode', () => {
  it('recognises the TO1: prefix only', () => {
    expect(isSignedCode('TO1:abc')).toBe(true);
    expect(isSignedCode('to1:abc')).toBe(false);
    expect(isSignedCode('ABC')).toBe(false);
  });
});
