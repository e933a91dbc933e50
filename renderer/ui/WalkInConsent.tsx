// The PIPA consent of a walk-in (개인정보 보호법 §15, §22), item by item: each item
// its own card stating purpose, items collected, how long they are kept and the
// right to refuse, with its own agree / do-not-agree answer. Required and optional
// items are listed apart; refusing an optional one never blocks. Shared by the
// desk's walk-in screen and self-service registration.
import { useTranslation } from 'react-i18next';
import { CONSENT_ITEMS, type ConsentItemId } from '../../core/walkin';

interface Props {
  answers: Partial<Record<ConsentItemId, boolean>>;
  onAnswer(item: ConsentItemId, granted: boolean): void;
  /** The event's last retention day (`YYYY-MM-DD`), when set. */
  retainUntil?: string;
}

export function WalkInConsent({ answers, onAnswer, retainUntil }: Props) {
  const { t } = useTranslation();
  const kept = retainUntil ? t('walkIn.keptUntil', { date: retainUntil }) : t('walkIn.keptUntilEvent');
  const group = (required: boolean) => CONSENT_ITEMS.filter((c) => c.required === required);
  return (
    <div className="consent" data-testid="walkin-consent">
      <p className="dialog__hint">{t('walkIn.consentIntro')}</p>
      {[true, false].map((required) => (
        <section key={String(required)} className="consent__group" data-testid={`consent-group-${required ? 'required' : 'optional'}`}>
          <h3>{required ? t('walkIn.required') : t('walkIn.optional')}</h3>
          {group(required).map((c) => {
            const answer = answers[c.id];
            return (
              <article key={c.id} className={`consent__item${answer === true ? ' consent__item--yes' : answer === false ? ' consent__item--no' : ''}`} data-testid={`consent-${c.id}`} data-required={c.required}>
                <h4>
                  <span className={`consent__tag consent__tag--${c.required ? 'required' : 'optional'}`}>{c.required ? t('walkIn.required') : t('walkIn.optional')}</span>{' '}
                  {t(`walkIn.consent.${c.id}.title`)}
                </h4>
                <dl className="consent__terms">
                  <dt>{t('walkIn.purpose')}</dt>
                  <dd>{t(`walkIn.consent.${c.id}.purpose`)}</dd>
                  <dt>{t('walkIn.items')}</dt>
                  <dd>{t(`walkIn.consent.${c.id}.items`)}</dd>
                  <dt>{t('walkIn.retention')}</dt>
                  <dd>{kept}</dd>
                  <dt>{t('walkIn.refuse')}</dt>
                  <dd>{t(`walkIn.consent.${c.id}.refuse`)}</dd>
                </dl>
                <div className="consent__answer" role="radiogroup" aria-label={t(`walkIn.consent.${c.id}.title`)}>
                  <button type="button" role="radio" aria-checked={answer === true} data-testid={`consent-${c.id}-yes`} className={`choice${answer === true ? ' choice--on' : ''}`} onClick={() => onAnswer(c.id, true)}>
                    {t('walkIn.agree')}
                  </button>
                  <button type="button" role="radio" aria-checked={answer === false} data-testid={`consent-${c.id}-no`} className={`choice${answer === false ? ' choice--on' : ''}`} onClick={() => onAnswer(c.id, false)}>
                    {t('walkIn.disagree')}
                  </button>
                </div>
                {c.required && answer === false && <p className="dialog__error" role="alert" data-testid="consent-required-refused">{t('walkIn.requiredRefused')}</p>}
              </article>
            );
          })}
        </section>
      ))}
    </div>
  );
}
