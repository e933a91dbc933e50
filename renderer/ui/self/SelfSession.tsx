// One person's self-service session: the scan prompt, the private lookup, walk-in
// registration for someone without a ticket, the verdict, and the idle countdown
// over all of them. Mounted fresh for every
// session (SelfService keys it), so unmounting it is the wipe. By keyboard
// alone (issue 12): focus lands on each step's heading (the verdict's title once
// it is in), and Escape ends the session from the home step and the verdict.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../core/model';
import { useCheckIn } from '../useCheckIn';
import { VerdictPanel } from '../VerdictPanel';
import { QrGlyph } from '../ScanScreen';
import { SelfLookup } from './SelfLookup';
import type { LookupGuard } from './lookup';
import { SelfWalkIn } from './SelfWalkIn';
import { walkInFallbackCategory } from '../../../core/walkin';
import { useKiosk } from '../KioskContext';
import { IdleWarning } from './IdleWarning';
import { SESSION_IDLE_MS, VERDICT_IDLE_MS, useIdleReset } from './useIdleReset';
import { useAnnounceOnShow } from '../../a11y/announce';
import { VoiceControls } from '../../a11y/VoiceControls';
import { HelpCallButton } from '../../a11y/HelpCall';
import { useEscapeKey, useStepFocus } from '../keypad';

interface Props {
  firstCode?: string;
  byName?: boolean;
  /** The device's lookup misses (SelfService keeps it across sessions). */
  lookupGuard: LookupGuard;
  onEnd(): void;
  /** Scans made during the session come here (SelfService owns the scanner). */
  registerScan(fn: (code: string) => void): void;
}

type Step = 'home' | 'lookup' | 'walkin' | 'verdict';

export function SelfSession({ firstCode, byName, lookupGuard, onEnd, registerScan }: Props) {
  const { t } = useTranslation();
  const { outcome, checkIn, show } = useCheckIn();
  // Registering is an entry: a door set to exit offers no walk-in (as at the desk),
  // nor one that admits no category a walk-in may have (staff only: never a walk-in).
  const { session, config } = useKiosk();
  const door = config.checkpoints.find((c) => c.id === session?.checkpointId);
  const walkIns = session?.direction === 'entry' && walkInFallbackCategory(door?.categories) !== '';
  const [step, setStep] = useState<Step>(firstCode ? 'verdict' : byName ? 'lookup' : 'home');
  const idle = useIdleReset(onEnd, step === 'verdict' && outcome ? VERDICT_IDLE_MS : SESSION_IDLE_MS);

  const scan = useCallback(
    (code: string) => {
      setStep('verdict');
      void checkIn(code);
    },
    [checkIn],
  );
  useEffect(() => registerScan(scan), [registerScan, scan]);
  // The home step's prompt is said; lookup and verdict announce themselves.
  useAnnounceOnShow('prompt', step === 'home' ? (tr) => tr('voice.twoSentences', { first: tr('self.home.title'), second: tr('self.home.hint') }) : null, step);
  const homeHeading = useStepFocus(step);
  // The verdict's own title (VerdictPanel is the desk's too), once this scan's outcome is in.
  const verdictBox = useRef<HTMLElement>(null);
  const shown = step === 'verdict' ? (outcome?.seq ?? -1) : null;
  useEffect(() => {
    const title = shown === null ? null : verdictBox.current?.querySelector<HTMLElement>('h1');
    if (!title) return;
    title.tabIndex = -1;
    title.focus({ preventScroll: true });
  }, [shown]);
  useEscapeKey(onEnd, step === 'home' || step === 'verdict');
  const first = useRef(firstCode);
  useEffect(() => {
    // Once per session (a StrictMode re-run of the effect must not scan twice).
    const code = first.current;
    first.current = undefined;
    if (code) scan(code);
  }, [scan]);

  const done = (
    <button type="button" className="self__btn self__btn--end" data-testid="self-done" onClick={onEnd}>
      {step === 'verdict' ? t('self.verdict.done') : t('self.home.done')}
    </button>
  );

  return (
    <div className="self self--session" data-testid="self-session" data-step={step}>
      {step === 'home' && (
        <main className="self__home">
          <QrGlyph />
          <h1 className="self__big" ref={homeHeading}>{t('self.home.title')}</h1>
          <p className="self__hint">{t('self.home.hint')}</p>
          <button type="button" className="self__btn self__btn--primary" data-testid="self-by-name" onClick={() => setStep('lookup')}>
            {t('self.home.byName')}
          </button>
          {walkIns && (
            <button type="button" className="self__btn" data-testid="self-walkin-open" onClick={() => setStep('walkin')}>
              {t('self.walkIn.open')}
            </button>
          )}
          {done}
        </main>
      )}
      {step === 'lookup' && (
        <SelfLookup
          guard={lookupGuard}
          onBack={() => setStep('home')}
          onConfirm={(ticket: Ticket) => scan(ticket.code)}
          onWalkIn={walkIns ? () => setStep('walkin') : undefined}
        />
      )}
      {step === 'walkin' && (
        <SelfWalkIn
          onBack={() => setStep('home')}
          onDone={(r) => {
            show({ kind: 'stored', checkIn: r.checkIn, ticket: r.ticket, verdict: r.verdict });
            setStep('verdict');
          }}
        />
      )}
      {step === 'verdict' && (
        <main className="self__verdict" ref={verdictBox}>
          {outcome ? <VerdictPanel key={outcome.seq} outcome={outcome} /> : <p className="self__hint" role="status">…</p>}
          {outcome && (outcome.kind !== 'stored' || outcome.checkIn.verdict !== 'accepted') && (
            <p className="self__see-staff" role="note">{t('self.verdict.seeStaff')}</p>
          )}
          {done}
        </main>
      )}
      {/* Voice (replay, volume, speed) and the help call, on every step of the session. */}
      <footer className="self__a11y" data-testid="self-a11y">
        <VoiceControls />
        <HelpCallButton />
      </footer>
      {idle.warning && <IdleWarning secondsLeft={idle.secondsLeft} />}
      <span hidden data-testid="self-extensions" data-count={idle.extensions} />
    </div>
  );
}
