// Walk-in registration in self-service mode (issue 13): someone without a ticket
// registers themselves. The person types name and company (phone optional) on the
// on-screen keyboard, answers the same item-by-item PIPA consent as at the desk
// (WalkInConsent), and registers through the desk's own storage function
// (storage/walkins.ts: ticket + walk-in + check-in in one durable transaction).
// The category is fixed (core/walkin.ts walkInFallbackCategory: visitor where this door admits it — never staff: a
// stranger must not make themselves a staff card). Only after the write commits
// does SelfSession show the verdict and the badge print. Everything typed here
// lives in this component's state, inside the session subtree: the idle reset
// and "Done" unmount it, which is the wipe.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { walkInFallbackCategory, walkInProblems, WALKIN_LIMITS, type ConsentItemId, type WalkInForm, type WalkInProblem } from '../../../core/walkin';
import type { WalkInOutcome } from '../../storage/walkins';
import { registerWalkInWithBadge } from '../walkin-submit';
import { useAnnounceOnShow } from '../../a11y/announce';
import { useKiosk } from '../KioskContext';
import { OnScreenKeyboard } from '../OnScreenKeyboard';
import { WalkInConsent } from '../WalkInConsent';
import { useEscapeKey, useStepFocus } from '../keypad';

type Stored = Extract<WalkInOutcome, { kind: 'stored' }>;
type TextField = 'name' | 'company' | 'phone';

interface Props {
  onBack(): void;
  /** The registration is on disk; show its verdict. */
  onDone(outcome: Stored): void;
}

export function SelfWalkIn({ onBack, onDone }: Props) {
  const { t } = useTranslation();
  const { db, config, deviceId, session, now } = useKiosk();
  const checkpoint = config.checkpoints.find((c) => c.id === session?.checkpointId);
  const [form, setForm] = useState<WalkInForm>(() => ({ name: '', company: '', category: walkInFallbackCategory(checkpoint?.categories), phone: '', consents: {} }));
  const [step, setStep] = useState<'details' | 'consent'>('details');
  const [active, setActive] = useState<TextField>('name');
  const [problems, setProblems] = useState<WalkInProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useAnnounceOnShow('prompt', (tr) => tr(step === 'details' ? 'self.walkIn.title' : 'walkIn.consentTitle'), step);
  // Keypad users land on each step's heading (issue 12); Escape is Back.
  const heading = useStepFocus(step);
  useEscapeKey(() => (step === 'consent' ? setStep('details') : onBack()), !busy);

  const set = (patch: Partial<WalkInForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblems([]);
    setError(null);
  };
  const answer = (item: ConsentItemId, granted: boolean) => set({ consents: { ...form.consents, [item]: granted } });

  const next = () => {
    const found = walkInProblems(form).filter((p) => p !== 'consent_required');
    setProblems(found);
    if (found.length === 0) setStep('consent');
  };

  const submit = async () => {
    if (!checkpoint || busy) return;
    const found = walkInProblems(form);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    const result = await registerWalkInWithBadge(db, { form, checkpoint, timeZone: config.event.timeZone, deviceId, now: now() }, config.event.name);
    setBusy(false);
    if (result.kind === 'invalid') return setProblems(result.problems);
    // An attendee sees the reason in their language only: the raw text is for staff, on the desk.
    if (result.kind === 'store_failed') return setError(t('walkIn.failed', { reason: t(result.diskFull ? 'error.store.disk_full' : 'error.store.failed') }));
    onDone(result);
  };

  const field = (key: TextField, max: number, type = 'text') => (
    <label className={`self__field${active === key ? ' self__field--on' : ''}`}>
      <span>{t(`walkIn.${key}`)}</span>
      <input
        className="self__input"
        data-testid={`self-walkin-${key}`}
        type={type}
        value={form[key]}
        maxLength={max}
        autoComplete="off"
        spellCheck={false}
        onFocus={() => setActive(key)}
        onChange={(e) => set({ [key]: e.target.value })}
        // Enter in a field is Next (not while an IME is still composing a syllable).
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) next();
        }}
      />
    </label>
  );

  const errors = (
    <div className="dialog__error" role="alert" data-testid="self-walkin-error">
      {error ?? problems.map((p) => <p key={p} data-problem={p}>{t(`walkIn.problem.${p}`)}</p>)}
    </div>
  );

  if (step === 'consent') {
    return (
      <main className="self__lookup self__walkin" data-testid="self-walkin" data-step="consent">
        <h1 className="self__title" ref={heading}>{t('walkIn.consentTitle')}</h1>
        <div className="self__walkin-consent">
          <WalkInConsent answers={form.consents} onAnswer={answer} retainUntil={config.event.retainUntil} />
        </div>
        {errors}
        <div className="self__row self__walkin-foot">
          <button type="button" className="self__btn" data-testid="self-walkin-back" onClick={() => setStep('details')}>
            ← {t('walkIn.back')}
          </button>
          <button type="button" className="self__btn self__btn--primary" data-testid="self-walkin-submit" disabled={busy || form.consents.registration !== true} onClick={() => void submit()}>
            {busy ? t('walkIn.saving') : t('walkIn.submit')}
          </button>
        </div>
      </main>
    );
  }

  return (
    <main className="self__lookup self__walkin" data-testid="self-walkin" data-step="details">
      <h1 className="self__title" ref={heading}>{t('self.walkIn.title')}</h1>
      <p className="self__hint">{t('self.walkIn.hint')}</p>
      <div className="self__walkin-fields">
        {field('name', WALKIN_LIMITS.name)}
        {field('company', WALKIN_LIMITS.company)}
        {field('phone', WALKIN_LIMITS.phone, 'tel')}
      </div>
      {form.category && (
        <p className="self__hint" data-testid="self-walkin-category" data-category={form.category}>
          {t('self.walkIn.category', { category: t(`category.${form.category}`) })}
        </p>
      )}
      {errors}
      <div className="self__row">
        <button type="button" className="self__btn" data-testid="self-walkin-back" onClick={onBack}>
          ← {t('walkIn.back')}
        </button>
        <button type="button" className="self__btn self__btn--primary" data-testid="self-walkin-next" onClick={next}>
          {t('walkIn.next')}
        </button>
      </div>
      <OnScreenKeyboard key={active} value={form[active]} maxLength={WALKIN_LIMITS[active]} onChange={(v) => set({ [active]: v })} />
    </main>
  );
}
