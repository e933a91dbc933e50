// Self-service "find me": the full name, then a second factor, then the few
// matching entries MASKED (김*현 · 한***), then "Is this you?" before anything is
// checked in. The factor is the roster's, asked of everyone alike: the phone's
// last four digits, the birth date as YYMMDD, or (a roster with both) the phone
// with a switch to the birth date; else the company's start. A name alone never lists anyone (lookup.ts), and no full name,
// company or code of anyone is put in this DOM — only what the person typed and
// the masked forms. By keyboard alone (issue 12): focus lands on each step's
// field or heading, Enter submits, Escape goes back a step. Misses are counted
// for the device (core/lookup-guard.ts): past the allowance the search by name
// pauses, for whoever comes next too, and says so; scanning a code still works.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../core/model';
import { maskCompany, maskName } from '../../../core/mask';
import { useKiosk } from '../KioskContext';
import { OnScreenKeyboard } from '../OnScreenKeyboard';
import { PinPad } from '../PinPad';
import { rosterFactors } from '../../storage/second-factor';
import { privateLookup, type Factor, type LookupGuard } from './lookup';
import { useAnnounceOnShow } from '../../a11y/announce';
import { useEscapeKey, useStepFocus } from '../keypad';

/** What each step says (never a name, not even masked: the queue hears the speaker); the factor step's by its kind. */
const PROMPT: Record<Exclude<Step['kind'], 'factor'> | Factor['kind'], string> = {
  name: 'self.lookup.nameTitle',
  phone: 'self.lookup.phoneTitle',
  birth: 'self.lookup.birthPrompt',
  company: 'self.lookup.companyTitle',
  results: 'self.lookup.pick',
  confirm: 'self.lookup.confirmTitle',
};
/** Digits of each keypad factor. */
const DIGITS = { phone: 4, birth: 6 } as const;

type Step = { kind: 'name' } | { kind: 'factor' } | { kind: 'results'; tickets: Ticket[] } | { kind: 'confirm'; ticket: Ticket };

interface Props {
  /** The device's lookup misses: a miss is counted, a pause shown instead of the search. */
  guard: LookupGuard;
  onBack(): void;
  onConfirm(ticket: Ticket): void;
  /** Offered when nobody is found: register on the spot instead. */
  onWalkIn?(): void;
}

export function SelfLookup({ guard, onBack, onConfirm, onWalkIn }: Props) {
  const { t } = useTranslation();
  const { db, config, now } = useKiosk();
  const [pausedUntil, setPausedUntil] = useState(() => guard.pausedUntil(now()));
  // The roster's factors are asked of everyone, never of some names only (storage/second-factor.ts).
  const factors = useLiveQuery(() => rosterFactors(db), [db]) ?? { phone: false, birth: false };
  // With both, the phone is asked first and the person may switch to the birth date (DECISIONS.md).
  const [preferBirth, setPreferBirth] = useState(false);
  const kind: Factor['kind'] = factors.phone && !(factors.birth && preferBirth) ? 'phone' : factors.birth ? 'birth' : 'company';
  const [digits, setDigits] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'name' });
  const [name, setName] = useState('');
  const [company, setCompany] = useState('');
  const [busy, setBusy] = useState(false);
  const none = step.kind === 'results' && step.tickets.length === 0;
  const stepKey = pausedUntil !== null ? 'paused' : `${step.kind === 'factor' ? kind : step.kind}${none ? '-none' : ''}`;
  const pauseMinutes = pausedUntil === null ? 0 : Math.max(1, Math.ceil((pausedUntil - now()) / 60_000));
  useAnnounceOnShow(
    'prompt',
    (tr) => (pausedUntil !== null ? tr('self.lookup.paused', { minutes: pauseMinutes }) : tr(none ? 'self.lookup.none' : PROMPT[step.kind === 'factor' ? kind : step.kind])),
    stepKey,
  );
  // The new step's field, or its heading (the "nobody found" line when there is no list).
  const focusHere = useStepFocus(stepKey);

  const find = async () => {
    setBusy(true);
    try {
      const factor: Factor = kind === 'company' ? { kind, company } : { kind, digits, eventId: config.event.id };
      const tickets = await privateLookup(db, name, factor);
      if (tickets.length === 0) {
        guard.miss(now());
        const until = guard.pausedUntil(now());
        if (until !== null) {
          setPausedUntil(until);
          return;
        }
      }
      setStep({ kind: 'results', tickets });
    } finally {
      setBusy(false);
    }
  };

  const goBack = () => (pausedUntil !== null || step.kind === 'name' ? onBack() : setStep(step.kind === 'results' ? { kind: 'factor' } : { kind: 'name' }));
  // Escape is "back", from the field too (as the Back button; the no of "Is this you?").
  useEscapeKey(goBack, !busy);
  const back = (
    <button type="button" className="self__btn" data-testid="self-lookup-back" onClick={goBack}>
      ← {t('self.lookup.back')}
    </button>
  );

  if (pausedUntil !== null) {
    // No way on from here but back: a scan still checks in, and staff can help.
    return (
      <main className="self__lookup" data-testid="self-lookup-paused">
        <p className="self__none" role="alert" ref={focusHere}>{t('self.lookup.paused', { minutes: pauseMinutes })}</p>
        <button type="button" className="self__btn" data-testid="self-lookup-back" onClick={onBack}>
          ← {t('self.lookup.back')}
        </button>
      </main>
    );
  }

  if (step.kind === 'confirm') {
    return (
      <main className="self__lookup self__confirm" data-testid="self-confirm">
        <h1 className="self__big" ref={focusHere}>{t('self.lookup.confirmTitle')}</h1>
        <p className="self__masked" data-testid="self-confirm-name">{maskName(step.ticket.name)}</p>
        <p className="self__masked-company">{maskCompany(step.ticket.company)}</p>
        <div className="self__row">
          <button type="button" className="self__btn self__btn--primary" data-testid="self-confirm-yes" onClick={() => onConfirm(step.ticket)}>
            {t('self.lookup.yes')}
          </button>
          <button type="button" className="self__btn" data-testid="self-confirm-no" onClick={() => setStep({ kind: 'name' })}>
            {t('self.lookup.no')}
          </button>
        </div>
      </main>
    );
  }

  if (step.kind === 'results') {
    return (
      <main className="self__lookup" data-testid="self-results" data-count={step.tickets.length}>
        {step.tickets.length === 0 ? (
          <>
            <p className="self__none" role="status" data-testid="self-none" ref={focusHere}>{t('self.lookup.none')}</p>
            {onWalkIn && (
              <button type="button" className="self__btn self__btn--primary" data-testid="self-none-walkin" onClick={onWalkIn}>
                {t('self.walkIn.open')}
              </button>
            )}
          </>
        ) : (
          <>
            <h1 className="self__title" ref={focusHere}>{t('self.lookup.pick')}</h1>
            <ul className="self__candidates">
              {step.tickets.map((ticket, i) => (
                <li key={i}>
                  <button type="button" className="self__candidate" data-testid="self-candidate" onClick={() => setStep({ kind: 'confirm', ticket })}>
                    <span className="self__masked">{maskName(ticket.name)}</span>
                    <span className="self__masked-company">{maskCompany(ticket.company)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {back}
      </main>
    );
  }

  const naming = step.kind === 'name';
  if (!naming && kind !== 'company') {
    const birth = kind === 'birth';
    const other = () => {
      setDigits('');
      setPreferBirth(!birth);
    };
    // The digits show as dots: the person behind should not read them (nor a birth date).
    return (
      <main className="self__lookup self__lookup--phone" data-testid="self-lookup" data-step={kind}>
        <h1 className="self__title" ref={focusHere}>{t(birth ? 'self.lookup.birthTitle' : 'self.lookup.phoneTitle')}</h1>
        {birth && <p className="self__hint self__example" data-testid="self-birth-example">{t('self.lookup.birthExample')}</p>}
        <PinPad
          value={digits}
          onChange={(v) => setDigits(v.slice(0, DIGITS[kind]))}
          onSubmit={() => void find()}
          disabled={busy}
          length={DIGITS[kind]}
          grouped={birth}
        />
        <div className="self__row">
          {back}
          {factors.phone && factors.birth && (
            <button type="button" className="self__btn" data-testid="self-factor-switch" onClick={other}>
              {t(birth ? 'self.lookup.usePhone' : 'self.lookup.useBirth')}
            </button>
          )}
        </div>
      </main>
    );
  }
  const value = naming ? name : company;
  const setValue = naming ? setName : setCompany;
  const ready = naming ? [...name.trim()].length >= 2 : [...company.replace(/\s/g, '')].length >= 2;
  const next = () => {
    if (!ready || busy) return;
    if (naming) setStep({ kind: 'factor' });
    else void find();
  };
  return (
    <main className="self__lookup" data-testid="self-lookup" data-step={step.kind}>
      <label className="self__title" htmlFor="self-lookup-input">{naming ? t('self.lookup.nameTitle') : t('self.lookup.companyTitle')}</label>
      <input
        id="self-lookup-input"
        ref={focusHere}
        className="self__input"
        data-testid="self-lookup-input"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          // Enter that ends a Hangul syllable's composition is the IME's, not a submit.
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) next();
        }}
        placeholder={naming ? t('self.lookup.namePlaceholder') : t('self.lookup.companyPlaceholder')}
        autoComplete="off"
        spellCheck={false}
      />
      <div className="self__row">
        {back}
        <button type="button" className="self__btn self__btn--primary" data-testid="self-lookup-next" disabled={!ready || busy} onClick={next}>
          {naming ? t('self.lookup.next') : t('self.lookup.search')}
        </button>
      </div>
      <OnScreenKeyboard key={step.kind} value={value} onChange={setValue} />
    </main>
  );
}
