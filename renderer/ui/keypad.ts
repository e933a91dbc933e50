// Physical keyboard and USB numeric pad in self-service (issue 12): which key a
// keydown means (a digit from the top row or the numeric pad, NumLock on or
// off), whether a focused control already handles it natively (Enter on a
// button, letters in a field), a window key listener that never sees what the
// USB-scanner listener swallowed, and moving focus to each new step.
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';

/** The digit a key types: top row, or numeric pad by its code (NumLock off sends End, ArrowDown…). */
export function digitOf(e: Pick<KeyboardEvent, 'key' | 'code'>): string | undefined {
  if (/^[0-9]$/.test(e.key)) return e.key;
  return /^Numpad([0-9])$/.exec(e.code)?.[1];
}

export function isEnter(e: Pick<KeyboardEvent, 'key' | 'code'>): boolean {
  return e.key === 'Enter' || e.code === 'Enter' || e.code === 'NumpadEnter';
}

/** A field that takes typed text: its keys are its own. */
export function isTextField(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(t.type));
}

/** A control that Enter and Space already activate (or type into): a second handler would act twice. */
export function activatesItself(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && (isTextField(t) || t.closest('button, a[href], [role="button"], summary') !== null);
}

/**
 * Calls `onKey` for each keydown on the window that reached the page as a key a
 * person pressed: not a scanner's (the wedge listener stops those in the capture
 * phase), not a shortcut, not an IME still composing, not already handled.
 */
export function useWindowKey(onKey: (e: KeyboardEvent) => void, enabled = true): void {
  const latest = useRef(onKey);
  useLayoutEffect(() => {
    latest.current = onKey;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    // A key that brought this listener in (Enter on "next" mounting the PIN pad)
    // is still on its way up to the window: it must not act a second time here.
    const during = window.event;
    const listener = (e: KeyboardEvent) => {
      // Untrusted: a script's own KeyboardEvent at the window (an in-page test burst),
      // which the scanner listener there cannot stop from reaching this one.
      if (e === during || !e.isTrusted || e.defaultPrevented || e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return;
      latest.current(e);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}

/** Escape as a step's Back (or End) button, while `when` holds; otherwise the key is left alone. */
export function useEscapeKey(action: () => void, when = true): void {
  useWindowKey((e) => {
    if (e.key !== 'Escape' || !when) return;
    e.preventDefault();
    action();
  });
}

/**
 * Moves focus, whenever `step` changes (and on mount), to the element given the
 * returned ref, so a keypad user and a screen reader land on the new step, not
 * on the body. A heading gets tabIndex -1 (focusable by script, not a Tab stop).
 */
export function useStepFocus(step: unknown): (el: HTMLElement | null) => void {
  const target = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    if (!el.hasAttribute('tabindex') && el.tabIndex < 0) el.tabIndex = -1;
    el.focus({ preventScroll: true });
  }, [step]);
  return useCallback((el: HTMLElement | null) => {
    target.current = el;
  }, []);
}
