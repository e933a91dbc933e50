// Override: admit a refused scan. First staff authorise — the staff PIN on the
// pad, or a staff card (a valid staff badge of this event) scanned instead —
// then pick why from a short list, with free text (required for "other"). The
// admission is a new check-in carrying the override (who authorised, why):
// recorded, synced, exported and counted apart in the tallies.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NOTE_LENGTH, overrideComplete, overrideReasonText } from '../../core/desk-rules';
import { OVERRIDE_REASONS, type Override, type OverrideReason, type RejectReason } from '../../core/model';
import { normalizeScan } from '../../core/code';
import { getTicket } from '../storage/roster-store';
import { checkStaffPin } from '../storage/staff-pin';
import { useKiosk } from './KioskContext';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import { PinPad } from './PinPad';
import { useScanCapture } from './scan-capture';
import { useIdleClose } from './useIdleClose';

/** Who authorised: the event's staff PIN, or the code of the staff card scanned. */
export const BY_PIN = 'staff-pin';
export const byCard = (code: string) => `staff-card:${code}`;

interface Props {
  code: string;
  refused: RejectReason;
  onAdmit(override: Override): void;
  onCancel(): void;
}

export function OverrideDialog({ code, refused, onAdmit, onCancel }: Props) {
  const { db } = useKiosk();
  const { t } = useTranslation();
  const [by, setBy] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<{ text: string; kind: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState<OverrideReason | undefined>(undefined);
  const [note, setNote] = useState('');
  const [keyboard, setKeyboard] = useState(false);
  useIdleClose(onCancel, 90_000);

  // A staff card scanned while the pad is up authorises; any other scan is refused here, never checked in.
  useScanCapture((raw) => {
    if (by) return;
    const parsed = normalizeScan(raw);
    if (!parsed.ok) return setMessage({ text: t('override.notStaffCard'), kind: 'not_staff' });
    void getTicket(db, parsed.code).then((ticket) => {
      if (ticket?.category === 'staff' && ticket.status === 'valid') {
        setMessage(null);
        setBy(byCard(parsed.code));
      } else setMessage({ text: t('override.notStaffCard'), kind: 'not_staff' });
    });
  });

  const checkPin = async () => {
    const entered = pin;
    setPin('');
    setBusy(true);
    const result = await checkStaffPin(db, entered);
    setBusy(false);
    if (result.ok) {
      setMessage(null);
      setBy(BY_PIN);
    } else if (result.reason === 'not_set') setMessage({ text: t('pin.notSet'), kind: 'not_set' });
    else if (result.reason === 'locked') setMessage({ text: t('pin.locked', { time: t('pin.seconds', { count: Math.ceil((result.until - Date.now()) / 1000) }) }), kind: 'locked' });
    else setMessage({ text: result.left > 0 ? t('pin.wrong', { count: result.left }) : t('pin.wrongLocked'), kind: 'wrong' });
  };

  const ready = by !== null && overrideComplete(reason, note);
  return (
    <div className="overlay overlay--dim" role="dialog" aria-modal="true" aria-labelledby="override-title" data-testid="override-dialog" data-step={by ? 'reason' : 'authorise'}>
      <div className="dialog dialog--wide">
        <h2 id="override-title" className="dialog__title">{t('override.title')}</h2>
        <p className="dialog__who"><code>{code}</code> · {t('override.refused', { reason: t(`reason.${refused}`) })}</p>
        {!by ? (
          <div className="override__auth">
            <div>
              <h3>{t('override.authorise')}</h3>
              <p className="dialog__hint">{t('override.cardHint')}</p>
              <p className="dialog__error" role="alert" data-testid="override-message" data-kind={message?.kind ?? ''}>{message?.text ?? '\u00a0'}</p>
            </div>
            <PinPad value={pin} onChange={setPin} onSubmit={() => void checkPin()} disabled={busy} />
          </div>
        ) : (
          <>
            <p className="override__by" data-testid="override-by" data-by={by}>
              ✓ {by === BY_PIN ? t('override.byPin') : t('override.byCard', { code: by.slice('staff-card:'.length) })}
            </p>
            <h3>{t('override.reasonTitle')}</h3>
            <div className="choices" role="radiogroup">
              {OVERRIDE_REASONS.map((r) => (
                <button key={r} type="button" role="radio" aria-checked={reason === r} data-testid={`override-reason-${r}`} className={`choice${reason === r ? ' choice--on' : ''}`} onClick={() => setReason(r)}>
                  {t(`override.reason_${r}`)}
                </button>
              ))}
            </div>
            <label className="field">
              <span>{t('override.note')}</span>
              <span className="field__row">
                <input className="field__input" data-testid="override-note" value={note} maxLength={MAX_NOTE_LENGTH} placeholder={t('override.notePlaceholder')} onChange={(e) => setNote(e.target.value)} />
                <button type="button" className="btn btn--ghost" aria-pressed={keyboard} onClick={() => setKeyboard(!keyboard)}>{t('override.keyboard')}</button>
              </span>
            </label>
            {keyboard && <OnScreenKeyboard value={note} onChange={(v) => setNote(v.slice(0, MAX_NOTE_LENGTH))} />}
          </>
        )}
        <div className="dialog__actions">
          <button type="button" className="btn btn--ghost" data-testid="override-cancel" onClick={onCancel}>{t('override.cancel')}</button>
          {by && (
            <button type="button" className="btn" data-testid="override-confirm" disabled={!ready} onClick={() => reason && onAdmit({ by, reason: overrideReasonText(reason, note) })}>
              {t('override.confirm')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
