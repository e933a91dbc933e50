// The display modes an attendee can switch on from the attract screen (issue 12):
// large text (200 %), high contrast and low position, each a big two-line toggle
// (icon, Korean, English; aria-pressed). The choice is this person's only: it is
// applied at once but never stored, and SelfService puts the device's configured
// modes back when the session ends (Done, the idle reset) — the next stranger
// does not inherit it. While a choice differs from the device's default and
// nobody touches the attract screen, AttractIdle counts down and restores it.
import { useBilingual } from '../KioskContext';
import { DISPLAY_MODES, restoreDeviceDisplayModes, useSessionDisplayModes, type DisplayMode } from '../a11y/DisplayModes';
import { IdleWarning } from './IdleWarning';
import { SESSION_IDLE_MS, useIdleReset } from './useIdleReset';

/** Drawn icons (a font may lack ◐ or ⤓): 가A, a half-filled disc, an arrow down to a bar. */
function ModeIcon({ mode }: { mode: DisplayMode }) {
  if (mode === 'largeText') {
    return (
      <span className="self__mode-icon self__mode-icon--text" aria-hidden>
        가A
      </span>
    );
  }
  return (
    <svg className="self__mode-icon" viewBox="0 0 24 24" aria-hidden focusable="false">
      {mode === 'highContrast' ? (
        <>
          <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
          <path d="M12 2.5a9.5 9.5 0 0 1 0 19z" fill="currentColor" />
        </>
      ) : (
        <path d="M12 2v14M6 10l6 6 6-6M4 21h16" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
      )}
    </svg>
  );
}

export function AttractModes() {
  const { modes, toggle, changed } = useSessionDisplayModes();
  const { ko, en, both } = useBilingual();
  return (
    <div className="self__modes" role="group" aria-label={both('display.title')} data-testid="self-display-modes" data-no-start>
      {DISPLAY_MODES.map((m) => (
        <button
          key={m}
          type="button"
          className={`self__btn self__mode${modes[m] ? ' self__mode--on' : ''}`}
          aria-pressed={modes[m]}
          data-testid={`self-display-${m}`}
          onClick={() => toggle(m)}
        >
          <ModeIcon mode={m} />
          <span className="self__mode-label">
            <span lang="ko">{ko(`display.${m}`)}</span>
            <span lang="en">{en(`display.${m}`)}</span>
          </span>
        </button>
      ))}
      {changed && <AttractIdle />}
    </div>
  );
}

/** Mounted only while the attract screen shows a choice that is not the device's. */
function AttractIdle() {
  const idle = useIdleReset(restoreDeviceDisplayModes, SESSION_IDLE_MS);
  return idle.warning ? <IdleWarning secondsLeft={idle.secondsLeft} /> : null;
}
