// Keyboard-wedge detection: scanner bursts vs people typing, IME safety,
// terminators, suppression and limits. Plain event objects + fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WedgeDetector, type WedgeOptions, type WedgeScan } from '../../../renderer/scan/wedge';
import { attachWedge } from '../../../renderer/scan/wedge-attach';
import { charKey, key } from './keys';

const ENTER = (): ReturnType<typeof key> => key('Enter', 'Enter');
const TAB = (): ReturnType<typeof key> => key('Tab', 'Tab');

function setup(opts: WedgeOptions = {}) {
  const scans: WedgeScan[] = [];
  const swallowed: string[] = [];
  const det = new WedgeDetector((s) => scans.push(s), {
    onSwallowed: (t) => swallowed.push(t),
    clock: { now: () => Date.now() },
    ...opts,
  });
  /** Types `text` with `gapMs` before every key; returns which keydowns were suppressed. */
  const type = (text: string, gapMs: number, keyValue?: (ch: string) => string): boolean[] =>
    [...text].map((ch) => {
      vi.advanceTimersByTime(gapMs);
      return det.handle(charKey(ch, keyValue ? keyValue(ch) : ch));
    });
  const press = (ev: () => ReturnType<typeof key>, gapMs: number): boolean => {
    vi.advanceTimersByTime(gapMs);
    return det.handle(ev());
  };
  return { det, scans, swallowed, type, press };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('scanner bursts', () => {
  it('delivers a fast burst ended by Enter and suppresses it after the first keys', () => {
    const { scans, type, press } = setup();
    const prevented = type('TO1:AB-12', 5);
    expect(prevented).toEqual([false, false, true, true, true, true, true, true, true]);
    expect(press(ENTER, 5)).toBe(true);
    expect(scans).toEqual([{ code: 'TO1:AB-12', leaked: 2, terminator: 'Enter', truncated: false, durationMs: 40 }]);
  });

  it('delivers a burst ended by Tab and suppresses the Tab', () => {
    const { scans, type, press } = setup();
    type('K2025-0042', 3);
    expect(press(TAB, 3)).toBe(true);
    expect(scans.map((s) => [s.code, s.terminator])).toEqual([['K2025-0042', 'Tab']]);
  });

  it('ends a burst with no terminator after the idle gap, not before', () => {
    const { scans, type, press } = setup();
    type('ABCD1234', 8);
    // Quiet for a stall's length is not the end: 250 ms by default.
    vi.advanceTimersByTime(249);
    expect(scans).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(scans.map((s) => [s.code, s.terminator])).toEqual([['ABCD1234', 'idle']]);
    // A person pressing Enter much later is not eaten.
    expect(press(ENTER, 500)).toBe(false);
  });

  it('swallows a late terminator trailing an idle-ended scan, and a CR LF double Enter', () => {
    const a = setup();
    a.type('ABCD1234', 8);
    expect(a.press(ENTER, 260)).toBe(true); // timer already delivered at 250 ms
    expect(a.scans.map((s) => s.code)).toEqual(['ABCD1234']);

    const b = setup();
    b.type('WXYZ', 5);
    expect(b.press(ENTER, 5)).toBe(true);
    expect(b.press(ENTER, 5)).toBe(true);
    expect(b.scans).toHaveLength(1);
  });

  it('delivers back-to-back scans separately', () => {
    const { scans, type, press } = setup();
    type('AAAA1', 4);
    press(ENTER, 4);
    type('BBBB2', 4);
    press(ENTER, 4);
    expect(scans.map((s) => s.code)).toEqual(['AAAA1', 'BBBB2']);
  });
});

describe('timestamps and delivery', () => {
  it('keeps one burst whose hardware timestamps run ahead of a slower delivery', () => {
    const { det, scans } = setup();
    // Keys stamped 10 ms apart but delivered 1 ms apart real time: by the time the idle
    // timer fires the stamps are in the "future"; that is not idleness.
    const code = 'ICW25-DTF59U9Z6R';
    let stamp = Date.now();
    for (const ch of code) {
      vi.advanceTimersByTime(1);
      stamp += 10;
      det.handle({ ...charKey(ch), timeStamp: stamp });
    }
    vi.advanceTimersByTime(251);
    expect(scans).toHaveLength(0);
    vi.advanceTimersByTime(400);
    expect(scans.map((s) => s.code)).toEqual([code]);
  });

  it('keeps one burst delivered late in a lump after a main-thread stall', () => {
    const { det, scans } = setup();
    const code = 'ABCD-1234';
    const stamps = [...code].map((_, i) => Date.now() + i * 5);
    vi.advanceTimersByTime(400); // the page was busy; every key arrives now, with its own time
    [...code].forEach((ch, i) => det.handle({ ...charKey(ch), timeStamp: stamps[i]! }));
    det.handle({ ...key('Enter', 'Enter'), timeStamp: stamps.at(-1)! + 5 });
    expect(scans.map((s) => s.code)).toEqual([code]);
  });
});

describe('Korean IME and layout', () => {
  it('reads code, not jamo keys, while a 2-beolsik IME is active', () => {
    const jamo: Record<string, string> = { a: 'ㅁ', s: 'ㄴ', d: 'ㅇ', f: 'ㄹ', q: 'ㅂ', w: 'ㅈ' };
    const { scans, type, press } = setup();
    type('asdfqw', 5, (ch) => jamo[ch] ?? ch);
    press(ENTER, 5);
    expect(scans.map((s) => s.code)).toEqual(['asdfqw']);
  });

  it("reads code when key is 'Process'", () => {
    const { scans, type, press } = setup();
    type('TO1:Kx9z', 5, () => 'Process');
    press(ENTER, 5);
    expect(scans.map((s) => s.code)).toEqual(['TO1:Kx9z']);
  });

  it('types shifted characters from shiftKey, whatever CapsLock says', () => {
    const text = 'Ab_C{}|:"<>?~!@#$%^&*()+ -=[]\\;\',./`';
    const { det, scans, press } = setup();
    // A scanner presses Shift around capitals; Shift keydowns are neither chars nor gaps.
    expect(det.handle(key('ShiftLeft', 'Shift', { shiftKey: true }))).toBe(false);
    // CapsLock left on: lower-case letters arrive as capitals in `key`.
    for (const ch of text) {
      vi.advanceTimersByTime(4);
      const ev = charKey(ch, /[a-z]/.test(ch) ? ch.toUpperCase() : ch);
      det.handle({ ...ev, getModifierState: (k: string) => k === 'CapsLock' });
    }
    press(ENTER, 4);
    expect(scans.map((s) => s.code)).toEqual([text]);
  });

  it('trusts key from synthetic keyboards that send capitals and symbols without Shift', () => {
    // What Playwright's keyboard.type('TO1:Ab') produces: shiftKey false, key is the character.
    const { det, scans, press } = setup();
    for (const ch of 'TO1:Ab') {
      vi.advanceTimersByTime(4);
      det.handle(key(charKey(ch).code, ch));
    }
    press(ENTER, 4);
    expect(scans.map((s) => s.code)).toEqual(['TO1:Ab']);
  });

  it('falls back to an ASCII key for unmapped codes, never to jamo', () => {
    const { det, scans, press } = setup();
    for (const ch of 'QR-7') {
      vi.advanceTimersByTime(4);
      det.handle(key('', ch));
    }
    press(ENTER, 4);
    expect(scans.map((s) => s.code)).toEqual(['QR-7']);

    const b = setup();
    b.type('AB', 4);
    vi.advanceTimersByTime(4);
    expect(b.det.handle(key('', 'ㅁ'))).toBe(false); // unusable key: a person, burst dropped
    b.type('CD', 4);
    expect(b.press(ENTER, 4)).toBe(false);
    expect(b.scans).toHaveLength(0);
  });

  it('reads numpad digits and NumpadEnter', () => {
    const { det, scans } = setup();
    for (const d of '80912') {
      vi.advanceTimersByTime(4);
      det.handle(key(`Numpad${d}`, d));
    }
    vi.advanceTimersByTime(4);
    expect(det.handle(key('NumpadEnter', 'Enter'))).toBe(true);
    expect(scans.map((s) => s.code)).toEqual(['80912']);
  });
});

describe('people typing', () => {
  it('does not treat 120 ms typing as a scan, nor eat any of it', () => {
    const { scans, swallowed, type, press } = setup();
    const prevented = type('kimcheolhyeon', 120);
    expect(prevented.every((p) => !p)).toBe(true);
    expect(press(ENTER, 120)).toBe(false);
    expect(press(TAB, 120)).toBe(false);
    expect(scans).toHaveLength(0);
    expect(swallowed).toHaveLength(0);
  });

  it('lets a fast two-key roll through untouched', () => {
    const { scans, type } = setup();
    expect([...type('th', 120), ...type('e', 25), ...type(' ', 150)]).toEqual([false, false, false, false]);
    vi.advanceTimersByTime(200);
    expect(scans).toHaveLength(0);
  });

  it('picks out a scanner burst right after a person typing', () => {
    const { scans, type, press } = setup();
    expect(type('kim', 120)).toEqual([false, false, false]);
    vi.advanceTimersByTime(100); // the scanner's trigger is pulled a moment later
    expect(type('T-000187', 8)).toEqual([false, false, true, true, true, true, true, true]);
    expect(press(ENTER, 8)).toBe(true);
    expect(scans.map((s) => [s.code, s.leaked])).toEqual([['T-000187', 2]]);
  });

  it('lets Enter through after a too-short fast burst and hands back what was swallowed', () => {
    const { scans, swallowed, type, press } = setup();
    expect(type('abc', 10)).toEqual([false, false, true]);
    expect(press(ENTER, 10)).toBe(false);
    expect(scans).toHaveLength(0);
    expect(swallowed).toEqual(['c']);
  });

  it('resets on a modifier chord', () => {
    const { det, scans, swallowed, type, press } = setup();
    type('ABCD', 5);
    vi.advanceTimersByTime(5);
    expect(det.handle(key('ControlLeft', 'Control', { ctrlKey: true }))).toBe(false); // the modifier alone is ignored
    expect(det.handle(key('KeyV', 'v', { ctrlKey: true }))).toBe(false);
    expect(swallowed).toEqual(['CD']);
    type('EFGH', 5);
    press(ENTER, 5);
    expect(scans.map((s) => s.code)).toEqual(['EFGH']);
    // Alt and Meta chords too.
    type('IJK', 5);
    vi.advanceTimersByTime(5);
    expect(det.handle(key('KeyL', 'l', { altKey: true }))).toBe(false);
    type('MN', 5);
    vi.advanceTimersByTime(5);
    expect(det.handle(key('KeyO', 'o', { metaKey: true }))).toBe(false);
    vi.advanceTimersByTime(100);
    expect(scans).toHaveLength(1);
  });

  it('resets on auto-repeat and on editing keys', () => {
    const { det, scans, type, press } = setup();
    type('xx', 30);
    vi.advanceTimersByTime(30);
    expect(det.handle(key('KeyX', 'x', { repeat: true }))).toBe(false);
    type('AB', 5);
    vi.advanceTimersByTime(5);
    expect(det.handle(key('Backspace', 'Backspace'))).toBe(false);
    type('CD', 5);
    expect(press(ENTER, 5)).toBe(false);
    expect(scans).toHaveLength(0);
  });
});

describe('limits', () => {
  it('delivers a 5,000-character burst without hanging', () => {
    const { scans, type, press } = setup();
    const text = 'A1b2-'.repeat(1000);
    type(text, 2);
    press(ENTER, 2);
    expect(scans).toHaveLength(1);
    expect(scans[0]?.code).toBe(text);
    expect(scans[0]?.truncated).toBe(false);
  });

  it('truncates past maxLength, flags it, and keeps suppressing', () => {
    const { scans, type, press } = setup({ maxLength: 100 });
    const prevented = type('Z'.repeat(250), 2);
    expect(prevented.slice(2).every(Boolean)).toBe(true);
    expect(press(ENTER, 2)).toBe(true);
    expect(scans[0]?.code).toBe('Z'.repeat(100));
    expect(scans[0]?.truncated).toBe(true);
  });

  it('honours minLength and maxGapMs options', () => {
    const { scans, type, press } = setup({ minLength: 8, maxGapMs: 20 });
    type('SHORT12', 5);
    press(ENTER, 5);
    type('LONGER123', 25);
    press(ENTER, 25);
    expect(scans).toHaveLength(0);
    type('LONGER123', 15);
    press(ENTER, 15);
    expect(scans.map((s) => s.code)).toEqual(['LONGER123']);
  });
});

describe('attachWedge', () => {
  function keyEvent(init: Partial<KeyboardEvent>): Event {
    const ev = new Event('keydown', { cancelable: true });
    Object.assign(ev, { shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, repeat: false, ...init });
    Object.defineProperty(ev, 'timeStamp', { value: Date.now() });
    return ev;
  }

  it('listens on keydown, prevents scanner keys, and detaches', () => {
    const target = new EventTarget();
    const got: Array<[string, number]> = [];
    const detach = attachWedge(target, (code, scan) => got.push([code, scan.leaked]), {
      clock: { now: () => Date.now() },
    });
    const defaults: boolean[] = [];
    for (const [code, k] of [['KeyA', 'ㅁ'], ['Digit1', '1'], ['Digit2', '2'], ['Digit3', '3'], ['Enter', 'Enter']] as const) {
      vi.advanceTimersByTime(5);
      const ev = keyEvent({ code, key: k });
      target.dispatchEvent(ev);
      defaults.push(ev.defaultPrevented);
    }
    expect(defaults).toEqual([false, false, true, true, true]);
    expect(got).toEqual([['a123', 2]]);

    detach();
    detach(); // idempotent
    for (const code of ['KeyB', 'KeyC', 'KeyD', 'KeyE', 'Enter']) {
      vi.advanceTimersByTime(5);
      target.dispatchEvent(keyEvent({ code, key: code === 'Enter' ? 'Enter' : code.slice(3).toLowerCase() }));
    }
    vi.advanceTimersByTime(100);
    expect(got).toHaveLength(1);
  });
});
