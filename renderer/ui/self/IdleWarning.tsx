// The idle countdown over a self-service session: big, announced politely to
// screen readers, and dismissed by any touch or key (useIdleReset sees it).
import { useTranslation } from 'react-i18next';
import { useAnnounceOnShow } from '../../a11y/announce';

export function IdleWarning({ secondsLeft }: { secondsLeft: number }) {
  const { t } = useTranslation();
  // Said once as it appears (not every second): time is running out, touch to stay.
  useAnnounceOnShow('verdict', (tr) => tr('voice.twoSentences', { first: tr('self.idle.title'), second: tr('self.idle.body', { seconds: secondsLeft }) }));
  return (
    <div className="self__idle" role="alertdialog" aria-modal="true" aria-labelledby="self-idle-title" data-testid="self-idle-warning" data-seconds={secondsLeft}>
      <div className="self__idle-box">
        <h2 id="self-idle-title">{t('self.idle.title')}</h2>
        <p className="self__idle-count">{t('self.idle.body', { seconds: secondsLeft })}</p>
        <button type="button" className="self__btn self__btn--primary" data-testid="self-idle-extend" autoFocus>
          {t('self.idle.extend')}
        </button>
      </div>
    </div>
  );
}
