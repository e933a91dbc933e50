// US-layout keymap: every printable key a scanner can send, with and without Shift.
import { describe, expect, it } from 'vitest';
import { MAPPED_CODES, charForCode, isPrintableAscii, printableChar } from '../../../renderer/scan/keymap';

describe('charForCode', () => {
  it('maps every letter, lower and upper by Shift', () => {
    for (const ch of 'abcdefghijklmnopqrstuvwxyz') {
      const code = `Key${ch.toUpperCase()}`;
      expect(charForCode(code, false)).toBe(ch);
      expect(charForCode(code, true)).toBe(ch.toUpperCase());
    }
  });

  it('maps the digit row and its shifted symbols', () => {
    const shifted = ')!@#$%^&*(';
    for (let d = 0; d <= 9; d++) {
      expect(charForCode(`Digit${d}`, false)).toBe(String(d));
      expect(charForCode(`Digit${d}`, true)).toBe(shifted[d]);
    }
  });

  it('maps punctuation, plain and shifted, and Space', () => {
    const table: Array<[string, string, string]> = [
      ['Minus', '-', '_'], ['Equal', '=', '+'], ['BracketLeft', '[', '{'], ['BracketRight', ']', '}'],
      ['Backslash', '\\', '|'], ['Semicolon', ';', ':'], ['Quote', "'", '"'], ['Comma', ',', '<'],
      ['Period', '.', '>'], ['Slash', '/', '?'], ['Backquote', '`', '~'], ['Space', ' ', ' '],
    ];
    for (const [code, plain, shifted] of table) {
      expect(charForCode(code, false)).toBe(plain);
      expect(charForCode(code, true)).toBe(shifted);
    }
  });

  it('maps numpad digits and operators the same with or without Shift', () => {
    for (let d = 0; d <= 9; d++) {
      expect(charForCode(`Numpad${d}`, false)).toBe(String(d));
      expect(charForCode(`Numpad${d}`, true)).toBe(String(d));
    }
    expect(charForCode('NumpadDecimal', false)).toBe('.');
    expect(charForCode('NumpadSubtract', true)).toBe('-');
  });

  it('knows nothing of non-printable keys', () => {
    for (const code of ['Enter', 'NumpadEnter', 'Tab', 'ShiftLeft', 'CapsLock', 'Backspace', 'Lang1', 'F1', '']) {
      expect(charForCode(code, false)).toBeUndefined();
    }
  });

  it('covers all 95 printable ASCII characters', () => {
    const typed = new Set<string>();
    for (const code of MAPPED_CODES) {
      typed.add(charForCode(code, false) ?? '');
      typed.add(charForCode(code, true) ?? '');
    }
    for (let c = 0x20; c <= 0x7e; c++) expect(typed.has(String.fromCharCode(c))).toBe(true);
  });
});

describe('printableChar', () => {
  it('prefers code over an IME key', () => {
    expect(printableChar({ code: 'KeyA', key: 'ㅁ', shiftKey: false })).toBe('a');
    expect(printableChar({ code: 'KeyR', key: 'ㄲ', shiftKey: true })).toBe('R');
    expect(printableChar({ code: 'Digit7', key: 'Process', shiftKey: false })).toBe('7');
  });

  it('takes the other character of the same key from synthetic events, unless CapsLock explains it', () => {
    expect(printableChar({ code: 'KeyT', key: 'T', shiftKey: false })).toBe('T');
    expect(printableChar({ code: 'Semicolon', key: ':', shiftKey: false })).toBe(':');
    const caps = { getModifierState: (k: string) => k === 'CapsLock' };
    expect(printableChar({ code: 'KeyT', key: 'T', shiftKey: false, ...caps })).toBe('t');
    expect(printableChar({ code: 'KeyT', key: 't', shiftKey: true, ...caps })).toBe('T');
    // A different layout's character is not trusted: the scanner meant US.
    expect(printableChar({ code: 'KeyQ', key: 'a', shiftKey: false })).toBe('q');
  });

  it('falls back to key only for a single printable ASCII character', () => {
    expect(printableChar({ code: 'IntlBackslash', key: '\\', shiftKey: false })).toBe('\\');
    expect(printableChar({ code: '', key: 'Z', shiftKey: false })).toBe('Z');
    expect(printableChar({ code: '', key: 'ㅁ', shiftKey: false })).toBeUndefined();
    expect(printableChar({ code: '', key: 'Process', shiftKey: false })).toBeUndefined();
    expect(printableChar({ code: 'Unidentified', key: 'Unidentified', shiftKey: false })).toBeUndefined();
  });

  it('isPrintableAscii bounds', () => {
    expect(isPrintableAscii(' ')).toBe(true);
    expect(isPrintableAscii('~')).toBe(true);
    expect(isPrintableAscii('\x7f')).toBe(false);
    expect(isPrintableAscii('\t')).toBe(false);
    expect(isPrintableAscii('ab')).toBe(false);
    expect(isPrintableAscii('')).toBe(false);
  });
});
