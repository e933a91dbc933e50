// The idle countdown over a self-service session: big, announced politely to
// screen readers, and dismissed by any touch or key (useIdleReset sees it, and
// spends that key on it). Focus goes back to where it was, so a keypad user
// carries on where they left off.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounceOnShow } from '../../a11y/announce';

export function IdleWarning({ secondsLeft }: { secondsLeft: number }) {
  const { t } = useTranslation();
  // Read while rendering, before the extend button takes focus.
  const [before] = useState(() => document.activeElement);
  const extend = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    extend.current?.focus({ preventScroll: true });
    return () => {
      if (before instanceof HTMLElement && before.isConnected && before !== document.body) before.focus({ preventScroll: true });
    };
  }, [before]);
  // Said once as it appears (not every second): time is running out, touch to stay.
  useAnnounceOnShow('verdict', (tr) => tr('voice.twoSentences', { first: tr('self.idle.title'), second: tr('self.idle.body', { seconds: secondsLeft }) }));
  return (
    <div className="self__idle" role="alertdialog" aria-modal="true" aria-labelledby="self-idle-title" data-testid="self-idle-warning" data-seconds={secondsLeft}>
      <div className="self__idle-box">
        <h2 id="self-idle-title">{t('self.idle.title')}</h2>
        <p className="self__idle-count">{t('self.idle.body', { seconds: secondsLeft })}</p>
        <button type="button" className="self__btn self__btn--primary" data-testid="self-idle-extend" ref={extend}>
          {t('self.idle.extend')}
        </button>
      </div>
    </div>
  );
}
