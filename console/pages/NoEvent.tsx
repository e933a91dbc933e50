// Shown by pages that need an event while there is none yet.
import { useTranslation } from 'react-i18next';

export function NoEvent() {
  const { t } = useTranslation();
  return (
    <p className="empty" data-testid="no-event">
      {t('common.noEvent')} <a href="#/events">{t('nav.events')}</a>
    </p>
  );
}
