// Undo one of this desk's check-ins: staff pick why (wrong person, scanned twice,
// other with a note) and confirm. The void is written durably before "undone" is
// said; the rules of the window (core/desk-rules.ts) are checked again at that
// moment, so a button left on screen too long says why it no longer can.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNDO_LAST, UNDO_WINDOW_MS } from '../../core/desk-rules';
import { VOID_REASONS, type Ticket, type VoidReason } from '../../core/model';
import { voidCheckIn, type RecentRow } from '../storage/voids';
import { useKiosk } from './KioskContext';
import { useScanCapture } from './scan-capture';

interface Props {
  row: RecentRow;
  ticket: Ticket | undefined;
  onDone(undone: boolean): void;
}

export function UndoDialog({ row, ticket, onDone }: Props) {
  const { db, deviceId, now, config } = useKiosk();
  const { t } = useTranslation();
  const [reason, setReason] = useState<VoidReason | undefined>(undefined);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A scan while the dialog is open is not a check-in: the desk is busy undoing.
  useScanCapture(() => undefined);
  const c = row.checkIn;
  const limits = { minutes: UNDO_WINDOW_MS / 60_000, count: UNDO_LAST };

  const confirm = async () => {
    if (!reason) return;
    setBusy(true);
    const out = await voidCheckIn(db, { checkinId: c.id, reason, note, deviceId, now: now(), timeZone: config.event.timeZone }).catch(
      (err: unknown) => ({ ok: false as const, refusal: 'unknown' as const, err }),
    );
    setBusy(false);
    if (out.ok) onDone(true);
    else setError(t(`undo.refused_${out.refusal}`, limits));
  };

  return (
    <div className="overlay overlay--dim" role="dialog" aria-modal="true" aria-labelledby="undo-title" data-testid="undo-dialog">
      <div className="dialog">
        <h2 id="undo-title" className="dialog__title">{t('undo.title')}</h2>
        <p className="dialog__who">
          <b>{ticket?.name || c.code}</b> {ticket?.company && <span>{ticket.company}</span>} <small>{c.scannedAt.slice(11, 19)}</small>
        </p>
        <p className="dialog__hint">{t('undo.hint')} {t('undo.window', limits)}</p>
        <div className="choices" role="radiogroup">
          {VOID_REASONS.map((r) => (
            <button key={r} type="button" role="radio" aria-checked={reason === r} data-testid={`undo-reason-${r}`} className={`choice${reason === r ? ' choice--on' : ''}`} onClick={() => setReason(r)}>
              {t(`undo.reason_${r}`)}
            </button>
          ))}
        </div>
        <label className="field">
          <span>{t('undo.note')}</span>
          <input className="field__input" data-testid="undo-note" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
        </label>
        {error && <p className="dialog__error" role="alert" data-testid="undo-error">{error}</p>}
        <div className="dialog__actions">
          <button type="button" className="btn btn--ghost" data-testid="undo-cancel" onClick={() => onDone(false)}>{t('undo.cancel')}</button>
          <button type="button" className="btn btn--danger-solid" data-testid="undo-confirm" disabled={!reason || busy || error !== null} onClick={() => void confirm()}>
            {t('undo.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
