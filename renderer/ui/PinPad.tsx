// On-screen numeric keypad for the staff PIN (touch kiosks have no keyboard):
// the PIN shows as dots, keys are big enough for a thumb, and nothing typed
// ever reaches the page as key events, so the USB-scanner listener never sees it.
// A physical keyboard or USB numeric pad drives it too (issue 12): digits (top
// row or pad), Backspace, Enter / NumpadEnter — wherever focus is, except in a
// text field, and never a key the scanner listener swallowed (keypad.ts).
import { useTranslation } from 'react-i18next';
import { activatesItself, digitOf, isEnter, isTextField, useWindowKey } from './keypad';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
export const PIN_MAX = 12;

interface Props {
  value: string;
  onChange(next: string): void;
  onSubmit(): void;
  disabled?: boolean;
  /**
   * Digits needed before OK (4 by default: a PIN or a phone's last four); also
   * the dots shown. `grouped`: a gap after every two dots, as YY MM DD is read.
   */
  length?: number;
  grouped?: boolean;
}

export function PinPad({ value, onChange, onSubmit, disabled = false, length = 4, grouped = false }: Props) {
  const { t } = useTranslation();
  const press = (d: string) => value.length < PIN_MAX && onChange(value + d);
  useWindowKey((e) => {
    if (isTextField(e.target)) return;
    const digit = digitOf(e);
    if (digit !== undefined) press(digit);
    else if (e.key === 'Backspace' && value !== '') onChange(value.slice(0, -1));
    // Enter on a focused key or button is that button's own click.
    else if (isEnter(e) && !activatesItself(e.target) && value.length >= length) onSubmit();
    else return;
    e.preventDefault();
  }, !disabled);
  const key = (d: string) => (
    <button key={d} type="button" className="pinpad__key" data-testid={`pin-key-${d}`} disabled={disabled} onClick={() => press(d)}>
      {d}
    </button>
  );
  return (
    <div className="pinpad" data-testid="pin-pad">
      <div className={`pinpad__dots${grouped ? ' pinpad__dots--pairs' : ''}`} role="status" aria-live="polite" aria-label={t('pin.entered', { count: value.length })} data-length={value.length}>
        {Array.from({ length: Math.max(length, value.length) }, (_, i) => (
          <span key={i} className={`pinpad__dot${i < value.length ? ' pinpad__dot--on' : ''}`} />
        ))}
      </div>
      <div className="pinpad__grid">
        {KEYS.map(key)}
        <button type="button" className="pinpad__key pinpad__key--fn" data-testid="pin-clear" disabled={disabled || value === ''} onClick={() => onChange('')}>
          {t('pin.clear')}
        </button>
        {key('0')}
        <button type="button" className="pinpad__key pinpad__key--fn" data-testid="pin-back" disabled={disabled || value === ''} onClick={() => onChange(value.slice(0, -1))}>
          ⌫ <span className="sr-only">{t('pin.back')}</span>
        </button>
      </div>
      <button type="button" className="btn btn--big pinpad__ok" data-testid="pin-ok" disabled={disabled || value.length < length} onClick={onSubmit}>
        {t('pin.ok')}
      </button>
    </div>
  );
}
