// On-screen keyboard for touch kiosks without a keyboard: 2-beolsik Hangul with a
// one-shot Shift (ㄲㄸㅃㅆㅉ ㅒㅖ), a digits row, ABC, space, backspace by jamo and
// clear. A controlled component (value + onChange), used by desk search, the
// override note and self-service lookup; what a key does lives in keyboard/input.ts.
import { useState, type PointerEvent } from 'react';
import { useBilingual } from './KioskContext';
import { backspace, DIGITS, ROWS, shifted, typeKey, type Layout } from './keyboard/input';
import './keyboard/keyboard.css';

interface Props {
  value: string;
  onChange(next: string): void;
  /** Longest text the field takes; keys do nothing beyond it. */
  maxLength?: number;
  /** Shows a Done key (self-service lookup submits with it). */
  onEnter?(): void;
}

// A tap must not move focus off the text field (its caret stays visible); the
// keys still take focus from Tab and a keypad, so keyboard users reach them.
const keepFocus = (e: PointerEvent) => e.preventDefault();

export function OnScreenKeyboard({ value, onChange, maxLength, onEnter }: Props) {
  const [layout, setLayout] = useState<Layout>('hangul');
  const [shift, setShift] = useState(false);
  const { both } = useBilingual();
  const emit = (next: string) => {
    if (maxLength === undefined || next.length <= maxLength || next.length < value.length) onChange(next);
  };
  const type = (ch: string) => {
    emit(typeKey(value, ch));
    setShift(false);
  };
  const key = (ch: string) => (
    <button type="button" key={ch} className="osk__key" data-testid={`osk-key-${ch}`} onPointerDown={keepFocus} onClick={() => type(ch)}>
      {ch}
    </button>
  );

  return (
    <div className="osk" role="group" aria-label={both('keyboard.label')} data-testid="osk" data-layout={layout} data-shift={shift}>
      <div className="osk__row">{[...DIGITS].map(key)}</div>
      {ROWS[layout].map((row, i) => (
        <div className="osk__row" key={row}>
          {i === 2 && (
            <button
              type="button"
              className={`osk__key osk__key--wide${shift ? ' osk__key--on' : ''}`}
              data-testid="osk-shift"
              aria-pressed={shift}
              aria-label={both(shift ? 'keyboard.shiftOn' : 'keyboard.shift')}
              onPointerDown={keepFocus}
              onClick={() => setShift(!shift)}
            >
              ⇧
            </button>
          )}
          {[...row].map((k) => key(shift ? shifted(k, layout) : k))}
          {i === 2 && (
            <button type="button" className="osk__key osk__key--wide" data-testid="osk-backspace" aria-label={both('keyboard.backspace')} onPointerDown={keepFocus} onClick={() => emit(backspace(value))}>
              ⌫
            </button>
          )}
        </div>
      ))}
      <div className="osk__row">
        <button
          type="button"
          className="osk__key osk__key--wide"
          data-testid="osk-layout"
          aria-label={both(layout === 'hangul' ? 'keyboard.toLatin' : 'keyboard.toHangul')}
          onPointerDown={keepFocus}
          onClick={() => {
            setLayout(layout === 'hangul' ? 'latin' : 'hangul');
            setShift(false);
          }}
        >
          {layout === 'hangul' ? 'ABC' : '한글'}
        </button>
        <button type="button" className="osk__key osk__key--space" data-testid="osk-space" onPointerDown={keepFocus} onClick={() => type(' ')}>
          {both('keyboard.space')}
        </button>
        <button type="button" className="osk__key osk__key--clear" data-testid="osk-clear" onPointerDown={keepFocus} onClick={() => emit('')}>
          {both('keyboard.clear')}
        </button>
        {onEnter && (
          <button type="button" className="osk__key osk__key--wide osk__key--enter" data-testid="osk-enter" onPointerDown={keepFocus} onClick={onEnter}>
            {both('keyboard.enter')}
          </button>
        )}
      </div>
    </div>
  );
}
