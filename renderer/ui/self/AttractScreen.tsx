// The self-service attract screen, shown while nobody is using the kiosk: the
// event's name, how to scan, a language choice that also starts the session, the
// display modes (AttractModes: large text, high contrast, low position, for this
// person only), and a small staff button (behind the PIN). A touch anywhere
// starts a session, and so do Enter, Space or a digit on a keyboard or USB
// numeric pad (the scanner's keys never get here: its listener stops them first).
import type { Lang } from '../../i18n';
import { useBilingual, useKiosk } from '../KioskContext';
import { QrGlyph } from '../ScanScreen';
import { activatesItself, digitOf, isEnter, isTextField, useWindowKey } from '../keypad';
import { AttractModes } from './AttractModes';

interface Props {
  onStart(opts: { lang?: Lang; byName?: boolean }): void;
  onStaff(): void;
}

export function AttractScreen({ onStart, onStaff }: Props) {
  const { config } = useKiosk();
  const { ko, en, both } = useBilingual();
  useWindowKey((e) => {
    const go = digitOf(e) !== undefined ? !isTextField(e.target) : (isEnter(e) || e.key === ' ') && !activatesItself(e.target);
    if (!go) return;
    e.preventDefault();
    onStart({});
  });
  return (
    <div
      className="self self--attract"
      data-testid="self-attract"
      onClick={(e) => {
        // A touch on the background starts a session; the controls do their own thing.
        if ((e.target as HTMLElement).closest('button, a, input, [data-no-start]') === null) onStart({});
      }}
    >
      <header className="self__event">
        <h1 data-testid="self-event-name">{config.event.name.ko}</h1>
        {config.event.name.en !== config.event.name.ko && <p lang="en">{config.event.name.en}</p>}
      </header>
      <main className="self__attract-main">
        <QrGlyph />
        <h2 className="self__big">{ko('self.attract.scan')}</h2>
        <p className="self__big-en" lang="en">{en('self.attract.scan')}</p>
        <p className="self__hint">{ko('self.attract.scanHint')} · <span lang="en">{en('self.attract.scanHint')}</span></p>
        <button type="button" className="self__btn self__btn--primary" data-testid="self-start" autoFocus onClick={() => onStart({})}>
          {ko('self.attract.touch')} · <span lang="en">{en('self.attract.touch')}</span>
        </button>
        <button type="button" className="self__btn" data-testid="self-start-name" onClick={() => onStart({ byName: true })}>
          {ko('self.attract.noCode')}
          <br />
          <span lang="en">{en('self.attract.noCode')}</span>
        </button>
      </main>
      <footer className="self__attract-foot">
        <div className="self__langs" role="group" aria-label={both('self.attract.language')}>
          <button type="button" className="self__btn self__btn--lang" data-testid="self-lang-ko" lang="ko" onClick={() => onStart({ lang: 'ko' })}>
            한국어
          </button>
          <button type="button" className="self__btn self__btn--lang" data-testid="self-lang-en" lang="en" onClick={() => onStart({ lang: 'en' })}>
            English
          </button>
        </div>
        <AttractModes />
        <button type="button" className="self__staff" data-testid="self-staff" onClick={onStaff}>
          {ko('self.attract.staff')} · <span lang="en">{en('self.attract.staff')}</span>
        </button>
      </footer>
    </div>
  );
}
