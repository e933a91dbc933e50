// Walk-in registration at a desk (현장등록): staff type the minimum — name, company,
// category (phone optional) — then the person answers the consent items one by
// one (WalkInConsent), then one button registers, checks in and prints the badge.
// The registration, its ticket and its check-in are stored in one durable
// transaction (storage/walkins.ts) before anything is shown or printed; a failed
// write keeps the form as typed and says nothing was registered.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { walkInCategories, walkInProblems, WALKIN_LIMITS, type ConsentItemId, type WalkInForm, type WalkInProblem } from '../../core/walkin';
import type { WalkInOutcome } from '../storage/walkins';
import { registerWalkInWithBadge } from './walkin-submit';
import { useBadgeDesk } from './BadgeDesk';
import { useKiosk } from './KioskContext';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import { useIdleClose } from './useIdleClose';
import { WalkInConsent } from './WalkInConsent';
import { ErrorDetail } from './ErrorDetail';

type Stored = Extract<WalkInOutcome, { kind: 'stored' }>;
type TextField = 'name' | 'company' | 'phone';

interface Props {
  onCancel(): void;
  /** The registration is on disk (its badge, if any, is on its way). */
  onDone(outcome: Stored): void;
}

/** Idle time after which an unfinished walk-in form is discarded (privacy on an unattended desk). */
export const WALKIN_IDLE_MS = 3 * 60_000;

const EMPTY: WalkInForm = { name: '', company: '', category: '', phone: '', consents: {} };

export function WalkInScreen({ onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const { db, config, deviceId, session, now, lang, setLang } = useKiosk();
  const printing = useBadgeDesk().settings;
  const checkpoint = config.checkpoints.find((c) => c.id === session?.checkpointId);
  const [form, setForm] = useState<WalkInForm>(EMPTY);
  const [step, setStep] = useState<'details' | 'consent'>('details');
  const [problems, setProblems] = useState<WalkInProblem[]>([]);
  const [error, setError] = useState<{ text: string; detail: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [keyboard, setKeyboard] = useState<TextField | null>(null);
  const categories = walkInCategories(checkpoint?.categories);
  // A form left half-filled on an unattended desk goes, with the personal data typed into it.
  useIdleClose(onCancel, WALKIN_IDLE_MS);
  const set = (patch: Partial<WalkInForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblems([]);
    setError(null);
  };
  const answer = (item: ConsentItemId, granted: boolean) => set({ consents: { ...form.consents, [item]: granted } });

  const next = () => {
    const found = walkInProblems(form).filter((p) => p !== 'consent_required');
    setProblems(found);
    if (found.length === 0) {
      setKeyboard(null);
      setStep('consent');
    }
  };

  const submit = async () => {
    if (!checkpoint || busy) return;
    const found = walkInProblems(form);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    const result = await registerWalkInWithBadge(db, { form, checkpoint, timeZone: config.event.timeZone, deviceId, now: now() }, config.event.name, printing);
    setBusy(false);
    if (result.kind === 'invalid') return setProblems(result.problems);
    if (result.kind === 'store_failed') {
      return setError({ text: t('walkIn.failed', { reason: t(result.diskFull ? 'error.store.disk_full' : 'error.store.failed') }), detail: result.error });
    }
    onDone(result);
  };

  const field = (key: TextField, max: number, type = 'text') => (
    <label className="field">
      <span>{t(`walkIn.${key}`)}</span>
      <span className="field__row">
        <input
          className="field__input"
          data-testid={`walkin-${key}`}
          type={type}
          value={form[key]}
          maxLength={max}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set({ [key]: e.target.value })}
        />
        <button type="button" className="btn btn--ghost" aria-label={t('keyboard.label')} aria-pressed={keyboard === key} onClick={() => setKeyboard(keyboard === key ? null : key)}>⌨</button>
      </span>
    </label>
  );

  return (
    <div className="screen screen--walkin" data-testid="walkin-screen" data-step={step}>
      <header className="topbar">
        <button type="button" className="btn btn--ghost" data-testid="walkin-cancel" onClick={onCancel}>← {t('walkIn.cancel')}</button>
        <h1 className="topbar__title">{t('walkIn.title')}</h1>
        <span className="walkin__steps">
          <b className={step === 'details' ? 'walkin__step--on' : ''} aria-current={step === 'details' ? 'step' : undefined}>{t('walkIn.stepDetails')}</b>
          <b className={step === 'consent' ? 'walkin__step--on' : ''} aria-current={step === 'consent' ? 'step' : undefined}>{t('walkIn.stepConsent')}</b>
        </span>
        <div className="topbar__actions">
          <button type="button" className="btn btn--ghost" onClick={() => setLang(lang === 'ko' ? 'en' : 'ko')}>{t('scan.language')}</button>
        </div>
      </header>
      <main className="walkin__main">
        {step === 'details' ? (
          <div className="walkin__form">
            {field('name', WALKIN_LIMITS.name)}
            {field('company', WALKIN_LIMITS.company)}
            <div className="field">
              <span>{t('walkIn.category')}</span>
              <div className="choices" role="radiogroup" aria-label={t('walkIn.category')}>
                {categories.map((c) => (
                  <button key={c} type="button" role="radio" aria-checked={form.category === c} data-testid={`walkin-category-${c}`} className={`choice badge--${c}${form.category === c ? ' choice--on' : ''}`} onClick={() => set({ category: c })}>
                    {t(`category.${c}`)}
                  </button>
                ))}
              </div>
            </div>
            {field('phone', WALKIN_LIMITS.phone, 'tel')}
            <p className="dialog__hint">{t('walkIn.phoneHint')}</p>
            {keyboard && <OnScreenKeyboard value={form[keyboard]} onChange={(v) => set({ [keyboard]: v.slice(0, WALKIN_LIMITS[keyboard]) })} />}
          </div>
        ) : (
          <>
            <h2 className="dialog__title">{t('walkIn.consentTitle')}</h2>
            <p className="dialog__who" data-testid="walkin-summary">
              <b>{form.name.trim()}</b> {form.company.trim() && <span>· {form.company.trim()}</span>} {form.category && <span>· {t(`category.${form.category}`)}</span>}
            </p>
            <WalkInConsent answers={form.consents} onAnswer={answer} retainUntil={config.event.retainUntil} />
          </>
        )}
        <div className="dialog__error" role="alert" data-testid="walkin-error">
          {error ? <p>{error.text}<ErrorDetail detail={error.detail} /></p> : problems.map((p) => <p key={p} data-problem={p}>{t(`walkIn.problem.${p}`)}</p>)}
        </div>
      </main>
      <footer className="walkin__footer">
        {step === 'details' ? (
          <button type="button" className="btn btn--big" data-testid="walkin-next" onClick={next}>{t('walkIn.next')}</button>
        ) : (
          <>
            <button type="button" className="btn btn--ghost btn--big" data-testid="walkin-back" onClick={() => setStep('details')}>{t('walkIn.back')}</button>
            <button type="button" className="btn btn--big" data-testid="walkin-submit" disabled={busy || form.consents.registration !== true} onClick={() => void submit()}>
              {busy ? t('walkIn.saving') : printing.enabled ? t('walkIn.submitPrint') : t('walkIn.submit')}
            </button>
          </>
        )}
      </footer>
    </div>
  );
}
