// Owns the US-layout translation from a physical key (`KeyboardEvent.code`) to
// the character it types. A USB scanner is a keyboard that "types" its code on
// a US layout; reading `code` instead of `key` keeps scans exact while a Korean
// IME (2-beolsik) is active, where `key` becomes jamo (`ㅁ` for KeyA) or
// `Process`. CapsLock is deliberately ignored: scanners press Shift for capitals
// and never rely on the lock state, which a previous user may have left on.

/** The key fields the translation needs; a real KeyboardEvent satisfies it. */
export interface KeyLike {
  code: string;
  key: string;
  shiftKey: boolean;
  /** KeyboardEvent's; used only to tell whether CapsLock explains a capital. */
  getModifierState?(keyArg: string): boolean;
}

/** Unshifted and shifted character for a `code`. */
type Pair = readonly [plain: string, shifted: string];

function buildTable(): ReadonlyMap<string, Pair> {
  const table = new Map<string, Pair>();
  for (let c = 0; c < 26; c++) {
    const lower = String.fromCharCode(97 + c);
    table.set(`Key${lower.toUpperCase()}`, [lower, lower.toUpperCase()]);
  }
  // The digit row's shifted symbols, in US order from 0 to 9.
  const digitShift = ')!@#$%^&*(';
  for (let d = 0; d <= 9; d++) {
    table.set(`Digit${d}`, [String(d), digitShift.charAt(d)]);
  }
  const punctuation: Record<string, Pair> = {
    Minus: ['-', '_'],
    Equal: ['=', '+'],
    BracketLeft: ['[', '{'],
    BracketRight: [']', '}'],
    Backslash: ['\\', '|'],
    Semicolon: [';', ':'],
    Quote: ["'", '"'],
    Comma: [',', '<'],
    Period: ['.', '>'],
    Slash: ['/', '?'],
    Backquote: ['`', '~'],
    Space: [' ', ' '],
  };
  for (const [code, pair] of Object.entries(punctuation)) table.set(code, pair);
  // Numpad keys type the same character with or without Shift as far as a
  // scanner is concerned (Shift+Numpad on Windows means navigation, which a
  // scanner never intends), so both slots hold the character.
  for (let d = 0; d <= 9; d++) table.set(`Numpad${d}`, [String(d), String(d)]);
  const numpad: Record<string, string> = {
    NumpadDecimal: '.',
    NumpadAdd: '+',
    NumpadSubtract: '-',
    NumpadMultiply: '*',
    NumpadDivide: '/',
    NumpadEqual: '=',
    NumpadComma: ',',
  };
  for (const [code, ch] of Object.entries(numpad)) table.set(code, [ch, ch]);
  return table;
}

const US_TABLE = buildTable();

/** Every `code` the table knows, for tests and diagnostics. */
export const MAPPED_CODES: readonly string[] = [...US_TABLE.keys()];

/** The character a US layout types for `code`, or undefined if it is not a printable key. */
export function charForCode(code: string, shiftKey: boolean): string | undefined {
  const pair = US_TABLE.get(code);
  if (!pair) return undefined;
  return shiftKey ? pair[1] : pair[0];
}

/** True for a single printable ASCII character (space to tilde). */
export function isPrintableAscii(s: string): boolean {
  if (s.length !== 1) return false;
  const c = s.charCodeAt(0);
  return c >= 0x20 && c <= 0x7e;
}

/**
 * The character a key event stands for in a scan, or undefined when it is not
 * a printable key.
 *
 * `code` + `shiftKey` decide, with one exception: when `key` is the *other*
 * character of the same physical key (`:` on Semicolon without Shift, `T` on
 * KeyT without Shift) and CapsLock does not explain it, `key` wins. Real
 * keyboards and scanners never send that; synthetic ones do — Playwright's
 * `keyboard.type('T')`, virtual keyboards, some scanner drivers — and they
 * mean what `key` says. An IME's jamo or `Process` is never such a character,
 * so IME input still comes from `code`.
 *
 * For codes the table does not know (e.g. `IntlBackslash`, or '' from some
 * drivers) `key` is the fallback, and only when it is plain ASCII: jamo or
 * `Process` must never leak into a ticket code.
 */
export function printableChar(ev: KeyLike): string | undefined {
  const pair = US_TABLE.get(ev.code);
  if (!pair) return isPrintableAscii(ev.key) ? ev.key : undefined;
  const byShift = ev.shiftKey ? pair[1] : pair[0];
  if (ev.key !== byShift && (ev.key === pair[0] || ev.key === pair[1])) {
    const capsExplains = /^[a-z]$/i.test(ev.key) && ev.getModifierState?.('CapsLock') === true;
    if (!capsExplains) return ev.key;
  }
  return byShift;
}
