// Test helper: builds plain keydown-like objects a US-layout keyboard (or a
// scanner emulating one) would produce, so wedge tests read like key streams.
import { charForCode, MAPPED_CODES } from '../../../renderer/scan/keymap';
import type { WedgeKey } from '../../../renderer/scan/wedge';

/** The main-block key (not the numpad) that types `ch`, and whether Shift is needed. */
export function keyFor(ch: string): { code: string; shiftKey: boolean } {
  for (const code of MAPPED_CODES) {
    if (code.startsWith('Numpad')) continue;
    if (charForCode(code, false) === ch) return { code, shiftKey: false };
    if (charForCode(code, true) === ch) return { code, shiftKey: true };
  }
  throw new Error(`no US key types ${JSON.stringify(ch)}`);
}

/** A keydown stamped with the (fake) current time. */
export function key(code: string, key: string, extra: Partial<WedgeKey> = {}): WedgeKey {
  return { code, key, shiftKey: false, timeStamp: Date.now(), ...extra };
}

/** The keydown for character `ch`, with `key` as the page would see it (overridable for IME cases). */
export function charKey(ch: string, keyValue: string = ch): WedgeKey {
  const { code, shiftKey } = keyFor(ch);
  return key(code, keyValue, { shiftKey });
}
