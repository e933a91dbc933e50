// Display modes a person can switch on at the kiosk (KS X 9211, WCAG 1.4.4/1.4.6):
// large text (the whole page at 200 %), a high-contrast theme, and a low-position
// layout keeping every control in the lower part of the screen for wheelchair
// users and children. Each is a class on <html> (styled in a11y.css), kept per
// device in IndexedDB (meta table) so the choice survives a reload and a restart.
// Two scopes: the device's configured default (settings, <DisplayModeSwitches />,
// stored) and a self-service attendee's own choice (useSessionDisplayModes(), the
// attract screen: shown at once, never stored) which restoreDeviceDisplayModes()
// undoes when the session ends, so the next stranger gets the device's default.
import { useEffect, useSyncExternalStore } from 'react';
import { getMeta, setMeta, type TurnoutDb } from '../../storage/db';
import { useBilingual, useKiosk } from '../KioskContext';

export const DISPLAY_MODES = ['largeText', 'highContrast', 'lowPosition'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];
export type DisplayModeState = Readonly<Record<DisplayMode, boolean>>;

/** The class each mode puts on <html>. */
export const ROOT_CLASS: Record<DisplayMode, string> = { largeText: 'a11y-large', highContrast: 'a11y-contrast', lowPosition: 'a11y-low' };

const OFF: DisplayModeState = { largeText: false, highContrast: false, lowPosition: false };
const META_KEY = 'displayModes';

function parse(raw: unknown): DisplayModeState {
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return { largeText: obj.largeText === true, highContrast: obj.highContrast === true, lowPosition: obj.lowPosition === true };
}

let state: DisplayModeState = OFF;
/** What this device is configured to show (stored); a session's choice returns to it. */
let deviceDefault: DisplayModeState = OFF;
const listeners = new Set<() => void>();

function apply(s: DisplayModeState): void {
  state = s;
  for (const m of DISPLAY_MODES) document.documentElement.classList.toggle(ROOT_CLASS[m], s[m]);
  for (const l of listeners) l();
}

/**
 * Reads this device's modes from IndexedDB (the meta table; never localStorage)
 * and applies them. The kiosk's shell calls it once the database is open.
 */
export function useStoredDisplayModes(db: TurnoutDb): void {
  useEffect(() => {
    let live = true;
    getMeta<unknown>(db, META_KEY).then(
      (raw) => {
        if (!live) return;
        deviceDefault = parse(raw);
        apply(deviceDefault);
      },
      () => undefined, // unreadable: the plain display, never a crash
    );
    return () => {
      live = false;
    };
  }, [db]);
}

/**
 * The same, for a start that stops at the pairing screen (a revoked kiosk, or one
 * never paired that was given a link) and never reaches the shell's ready state.
 */
export function StoredDisplayModes({ db }: { db: TurnoutDb }): null {
  useStoredDisplayModes(db);
  return null;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useDisplayModes(): { modes: DisplayModeState; set(mode: DisplayMode, on: boolean): void; toggle(mode: DisplayMode): void } {
  const { db } = useKiosk();
  const modes = useSyncExternalStore(subscribe, () => state, () => OFF);
  const set = (mode: DisplayMode, on: boolean) => {
    const next = { ...state, [mode]: on };
    deviceDefault = next;
    apply(next); // shown at once; a failed write keeps it for this session only
    void setMeta(db, META_KEY, next).catch(() => undefined);
  };
  return { modes, set, toggle: (m) => set(m, !modes[m]) };
}

/** An attendee's own choice (self-service attract screen): applied, never stored. */
export function useSessionDisplayModes(): { modes: DisplayModeState; toggle(mode: DisplayMode): void; changed: boolean } {
  const modes = useSyncExternalStore(subscribe, () => state, () => OFF);
  return {
    modes,
    toggle: (m) => apply({ ...state, [m]: !state[m] }),
    changed: DISPLAY_MODES.some((m) => modes[m] !== deviceDefault[m]),
  };
}

/** Back to the device's configured modes: the end of a self-service session. */
export function restoreDeviceDisplayModes(): void {
  if (DISPLAY_MODES.some((m) => state[m] !== deviceDefault[m])) apply(deviceDefault);
}

const ICON: Record<DisplayMode, string> = { largeText: '가A', highContrast: '◐', lowPosition: '⤓' };

/** Three toggle buttons (aria-pressed), labelled in Korean and English. */
export function DisplayModeSwitches({ className = '' }: { className?: string }) {
  const { modes, toggle } = useDisplayModes();
  const { ko, en, both } = useBilingual();
  return (
    <div className={`display-modes ${className}`} role="group" aria-label={both('display.title')} data-testid="display-modes">
      {DISPLAY_MODES.map((m) => (
        <button
          key={m}
          type="button"
          className={`btn display-modes__btn ${modes[m] ? 'btn--on' : 'btn--ghost'}`}
          aria-pressed={modes[m]}
          data-testid={`display-${m}`}
          onClick={() => toggle(m)}
        >
          <span aria-hidden>{ICON[m]}</span> {ko(`display.${m}`)} · {en(`display.${m}`)}
        </button>
      ))}
    </div>
  );
}
