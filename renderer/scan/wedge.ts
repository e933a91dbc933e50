// Owns USB-scanner ("keyboard wedge") detection: telling a scanner's burst of
// keystrokes apart from a person typing, turning it into the scanned string,
// and keeping those keystrokes out of whatever input has focus.
//
// Scanners type at 2–25 ms a key, people at 80–200 ms. A burst is judged by its
// average rate, as onScan.js does (avgTimeByChar): keys up to `maxGapMs` apart
// (jitter) whose mean gap stays ≤ `avgGapMs`, at least `minLength` long, are a
// scan. Bluetooth HID scanners, and a busy machine between the HID stack and
// the page, also stall now and then mid-burst: once a burst has already
// qualified as a scanner's (≥ minLength fast keys since the start or the last
// stall), one gap of up to `stallMs` does not split it. A person never gets
// there: people do not type minLength keys at scanner speed. A burst ends with
// Enter/Tab, or with `idleMs` of quiet for scanners that send no terminator
// (longer than a stall, or a stall would end the scan early; only those
// scanners wait for it).
// `WedgeDetector` is pure (events in, scans out, injected clock) so it can be
// tested with fake timers; `attachWedge` (wedge-attach.ts) wires it to a
// window's keydowns.

import { printableChar, type KeyLike } from './keymap';

/** The keydown fields the detector reads; a real KeyboardEvent satisfies it. */
export interface WedgeKey extends KeyLike {
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** Auto-repeat from a held key: never a scanner. */
  repeat?: boolean;
  /** Same time origin as `clock.now()` (DOMHighResTimeStamp in a browser). */
  timeStamp: number;
}

export interface WedgeScan {
  /** The scanned text, at most `maxLength` characters. */
  code: string;
  /**
   * How many leading characters of `code` were not suppressed (their keydowns
   * reached the page before the burst could be told apart from typing). A
   * focused search box may hold them; strip that many trailing characters.
   */
  leaked: number;
  terminator: 'Enter' | 'Tab' | 'idle';
  /** The burst was longer than `maxLength`; `code` holds its start only. */
  truncated: boolean;
  /** From the first to the last character of the burst. */
  durationMs: number;
}

export interface WedgeClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface WedgeOptions {
  /** Shortest burst that counts as a scan. Default 4. */
  minLength?: number;
  /** Longest ordinary gap between two keys of one burst (scanner jitter). Default 60 ms. */
  maxGapMs?: number;
  /** Longest mean gap of a burst that is a scan (onScan.js's avgTimeByChar). Default 30 ms. */
  avgGapMs?: number;
  /**
   * Longest single stall tolerated inside a burst that has already qualified as a
   * scanner's (≥ minLength keys at ordinary gaps since its start or its last stall).
   * Stalls are left out of the mean. 0 turns stall tolerance off. Default 150 ms.
   */
  stallMs?: number;
  /**
   * Quiet time after the last key that ends a burst without a terminator. Default
   * 250 ms: a stall of `stallMs` in the keys' own timestamps reaches the page later
   * than that in real time (the OS and the page's event loop add their own delay:
   * 120 ms stamped arrived 165 ms later through Chromium's input pipeline here).
   */
  idleMs?: number;
  /** Characters kept; the rest of a longer burst is dropped and `truncated` set. Default 8192. */
  maxLength?: number;
  /**
   * Fast gaps needed before keys are suppressed. Default 2: the first two keys
   * leak, so a fast typist rolling two keys (often < 35 ms) never loses one.
   */
  confirmGaps?: number;
  /**
   * Called with the suppressed characters of a burst that turned out not to be
   * a scan (too short, or cut by a slow key, a chord or a non-printable key),
   * so the UI can put them back into the focused field.
   */
  onSwallowed?: (text: string) => void;
  /** Injected for tests; defaults read the globals at call time (fake-timer friendly). */
  clock?: Partial<WedgeClock>;
}

// Keys that only change state (Shift around capitals, the Hangul/Hanja
// toggles): neither part of a burst nor a break in one.
const MODIFIER_CODES = new Set(['ShiftLeft', 'ShiftRight', 'ControlLeft', 'ControlRight', 'AltLeft', 'AltRight',
  'MetaLeft', 'MetaRight', 'OSLeft', 'OSRight', 'CapsLock', 'NumLock', 'ScrollLock', 'Lang1', 'Lang2', 'Fn']);
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'NumLock',
  'ScrollLock', 'HangulMode', 'HanjaMode', 'Fn']);
const isModifierOnly = (ev: WedgeKey): boolean => MODIFIER_CODES.has(ev.code) || MODIFIER_KEYS.has(ev.key);

function terminatorOf(ev: WedgeKey): 'Enter' | 'Tab' | undefined {
  // `key` covers drivers that send an empty or unknown code.
  if (ev.code === 'Enter' || ev.code === 'NumpadEnter' || ev.key === 'Enter') return 'Enter';
  if (ev.code === 'Tab' || ev.key === 'Tab') return 'Tab';
  return undefined;
}

/** Re-throw a callback's error outside our state machine, so a bad handler can't wedge it. */
function reportLater(err: unknown): void {
  queueMicrotask(() => {
    throw err;
  });
}

export class WedgeDetector {
  private readonly minLength: number;
  private readonly maxGapMs: number;
  private readonly avgGapMs: number;
  private readonly stallMs: number;
  private readonly idleMs: number;
  private readonly maxLength: number;
  private readonly confirmGaps: number;
  private readonly clock: WedgeClock;

  private buf = '';
  private count = 0;
  private startTs = 0;
  private lastTs = 0;
  /** Sum and number of the burst's ordinary gaps (stalls left out): its mean rate. */
  private gapSum = 0;
  private gaps = 0;
  /** Keys since the burst's start or its last stall, all at ordinary gaps. */
  private run = 0;
  private timer: unknown = undefined;
  /** Until this time a stray Enter/Tab is the tail of the scan just delivered (CR LF, or a terminator after an idle end). */
  private trailUntil = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly onScan: (scan: WedgeScan) => void,
    private readonly opts: WedgeOptions = {},
  ) {
    this.minLength = Math.max(1, opts.minLength ?? 4);
    this.maxGapMs = Math.max(0, opts.maxGapMs ?? 60);
    this.avgGapMs = Math.max(0, opts.avgGapMs ?? 30);
    this.stallMs = Math.max(0, opts.stallMs ?? 150);
    // An idle end shorter than a tolerated gap would split every scan that has one.
    this.idleMs = Math.max(this.maxGapMs, this.stallMs + 1, opts.idleMs ?? 250);
    this.maxLength = Math.max(1, opts.maxLength ?? 8192);
    this.confirmGaps = Math.max(1, opts.confirmGaps ?? 2);
    const c = opts.clock ?? {};
    this.clock = {
      setTimeout: c.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms)),
      clearTimeout: c.clearTimeout ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>)),
      now: c.now ?? (() => performance.now()),
    };
  }

  /** Whether the burst's keys so far come at a scanner's mean rate. */
  private get fastOnAverage(): boolean {
    return this.gaps === 0 || this.gapSum / this.gaps <= this.avgGapMs;
  }

  /** Whether a burst is being suppressed right now: its keys are a scanner's. */
  private get suppressing(): boolean {
    return this.count > this.confirmGaps && this.fastOnAverage;
  }

  /** Whether the burst is a scan if it ended now. */
  private get qualifies(): boolean {
    return this.count >= this.minLength && this.fastOnAverage;
  }

  /**
   * How the gap before a key at `ts` fits the burst in progress: an ordinary
   * gap, a tolerated stall, or the end of the burst.
   */
  private gapKind(ts: number): 'ordinary' | 'stall' | 'break' {
    const gap = ts - this.lastTs;
    if (gap <= this.maxGapMs) return 'ordinary';
    if (gap <= this.stallMs && this.run >= this.minLength && this.qualifies) return 'stall';
    return 'break';
  }

  /**
   * Feed one keydown. Returns true when the caller must `preventDefault()` it
   * (a key of a recognised burst, or its terminator).
   */
  handle(ev: WedgeKey): boolean {
    if (isModifierOnly(ev)) return false;
    const ts = Number.isFinite(ev.timeStamp) && ev.timeStamp > 0 ? ev.timeStamp : this.clock.now();
    // A key after a slow gap is not part of the burst before it, which is over
    // (and may be a scan from a scanner that sends no terminator). Judged by
    // the events' own times, not only the idle timer: a busy main thread can
    // run the timer late, and tests may not run it at all.
    const kind = this.count > 0 ? this.gapKind(ts) : 'ordinary';
    if (kind === 'break') this.end('idle');

    if (ev.ctrlKey || ev.altKey || ev.metaKey || ev.repeat) {
      // Shortcuts and held keys are people; whatever burst was building is not a scan.
      this.abandon();
      this.trailUntil = Number.NEGATIVE_INFINITY;
      return false;
    }
    const term = terminatorOf(ev);
    if (term) return this.terminate(term, ts);

    this.trailUntil = Number.NEGATIVE_INFINITY;
    const ch = printableChar(ev);
    if (ch === undefined) {
      // Backspace, arrows, Escape, an IME key with no usable code: a person.
      this.abandon();
      return false;
    }
    this.append(ch, ts, kind);
    return this.suppressing;
  }

  /** Drop any burst in progress without delivering it. */
  reset(): void {
    this.clearTimer();
    this.buf = '';
    this.count = 0;
    this.trailUntil = Number.NEGATIVE_INFINITY;
  }

  dispose(): void {
    this.reset();
  }

  private append(ch: string, ts: number, kind: 'ordinary' | 'stall' | 'break'): void {
    if (this.count === 0) {
      this.startTs = ts;
      this.gapSum = 0;
      this.gaps = 0;
      this.run = 0;
    } else if (kind === 'stall') {
      this.run = 0;
    } else {
      this.gapSum += Math.max(0, ts - this.lastTs);
      this.gaps++;
    }
    this.run++;
    // Past the cap keep counting (the burst is still a scanner's and its keys
    // are still suppressed) but stop growing the string: never hang.
    if (this.count < this.maxLength) this.buf += ch;
    this.count++;
    this.lastTs = ts;
    this.armTimer(this.idleMs);
  }

  private terminate(term: 'Enter' | 'Tab', ts: number): boolean {
    if (this.qualifies) {
      this.deliver(term);
      this.trailUntil = ts + this.idleMs;
      return true;
    }
    if (this.count > 0) {
      // Too short for a scan: a person pressing Enter/Tab; let it through.
      this.abandon();
      return false;
    }
    return ts <= this.trailUntil;
  }

  /** The burst is over: a scan if long enough, otherwise nothing. */
  private end(term: WedgeScan['terminator']): void {
    if (this.qualifies) {
      const last = this.lastTs;
      this.deliver(term);
      this.trailUntil = last + 2 * this.idleMs;
    } else {
      this.abandon();
    }
  }

  private deliver(terminator: WedgeScan['terminator']): void {
    const scan: WedgeScan = {
      code: this.buf,
      leaked: Math.min(this.count, this.confirmGaps),
      terminator,
      truncated: this.count > this.maxLength,
      durationMs: this.lastTs - this.startTs,
    };
    // Clear first so the handler sees (and may feed) a fresh detector.
    this.clearTimer();
    this.buf = '';
    this.count = 0;
    try {
      this.onScan(scan);
    } catch (err) {
      reportLater(err);
    }
  }

  private abandon(): void {
    const swallowed = this.suppressing ? this.buf.slice(this.confirmGaps) : '';
    this.clearTimer();
    this.buf = '';
    this.count = 0;
    if (swallowed && this.opts.onSwallowed) {
      try {
        this.opts.onSwallowed(swallowed);
      } catch (err) {
        reportLater(err);
      }
    }
  }

  private armTimer(ms: number): void {
    this.clearTimer();
    this.timer = this.clock.setTimeout(() => this.onIdle(), ms);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private onIdle(): void {
    this.timer = undefined;
    if (this.count === 0) return;
    // A timer may fire early relative to event timestamps; wait out the rest.
    // Timestamps can also run slightly ahead of the clock (keys delivered faster
    // than their hardware stamps say): that too means "not idle yet". Only a
    // skew beyond a second is treated as a broken clock and ends the burst.
    const elapsed = this.clock.now() - this.lastTs;
    if (elapsed > -1000 && elapsed < this.idleMs - 1) {
      this.armTimer(Math.min(this.idleMs, this.idleMs - elapsed));
      return;
    }
    this.end('idle');
  }
}
