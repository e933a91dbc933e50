// Which key a physical keyboard or USB numeric pad sent (renderer/ui/keypad.ts):
// the self-service PIN pad and attract screen act on these.
import { describe, expect, it } from 'vitest';
import { digitOf, isEnter } from '../../../renderer/ui/keypad';

describe('digitOf', () => {
  it('reads top-row and numeric-pad digits', () => {
    expect(digitOf({ key: '7', code: 'Digit7' })).toBe('7');
    expect(digitOf({ key: '0', code: 'Numpad0' })).toBe('0');
  });
  it('reads the numeric pad with NumLock off by its code', () => {
    expect(digitOf({ key: 'End', code: 'Numpad1' })).toBe('1');
    expect(digitOf({ key: 'ArrowDown', code: 'Numpad2' })).toBe('2');
  });
  it('is nothing for letters, shifted digits and other pad keys', () => {
    expect(digitOf({ key: 'a', code: 'KeyA' })).toBeUndefined();
    expect(digitOf({ key: '!', code: 'Digit1' })).toBeUndefined();
    expect(digitOf({ key: '+', code: 'NumpadAdd' })).toBeUndefined();
    expect(digitOf({ key: 'Enter', code: 'NumpadEnter' })).toBeUndefined();
  });
});

describe('isEnter', () => {
  it('is the main Enter and the numeric pad Enter', () => {
    expect(isEnter({ key: 'Enter', code: 'Enter' })).toBe(true);
    expect(isEnter({ key: 'Enter', code: 'NumpadEnter' })).toBe(true);
    expect(isEnter({ key: 'Tab', code: 'Tab' })).toBe(false);
  });
});
