// The verdict, full screen: colour plus icon plus words (never colour alone), in
// Korean and English at once, readable at two metres. Contract (DESIGN.md): the
// element carries data-verdict, data-reason when rejected, role="status" and
// data-checkin-id of the stored check-in (absent only for an unstorable scan).
import type { ShownOutcome } from './useCheckIn';
import { useBilingual } from './KioskContext';
import { CategoryBadge } from './CategoryBadge';
import { BadgeStatus, PrinterIcon } from './BadgeDesk';
import { useAnnounceOnShow } from '../a11y/announce';
import { verdictMessage } from '../a11y/verdict-speech';

export function VerdictPanel({ outcome }: { outcome: ShownOutcome }) {
  const { ko, en } = useBilingual();
  // Spoken and put in the assertive live region (the panel is keyed by scan, so once per scan).
  useAnnounceOnShow('verdict', verdictMessage(outcome));

  if (outcome.kind === 'store_failed') {
    const kept = outcome.kept !== undefined && outcome.kept !== 'none';
    const title = kept ? 'verdict.storeFailedKept' : 'verdict.storeFailed';
    const detail = kept ? 'verdict.storeFailedKeptDetail' : 'verdict.storeFailedDetail';
    return (
      <section className="verdict verdict--error" role="alert" data-error="store_failed" data-kept={outcome.kept ?? 'none'}>
        <div className="verdict__icon" aria-hidden>⚠</div>
        <h1 className="verdict__title">{ko(title)}</h1>
        <p className="verdict__title-en">{en(title)}</p>
        {/* One copy kept means the check-in exists and will sync: say so, so staff do not scan twice. */}
        <p className="verdict__detail">{ko(detail)}<br />{en(detail)}</p>
        <p className="verdict__tech">{outcome.error}</p>
      </section>
    );
  }

  if (outcome.kind === 'malformed') {
    return (
      <section className="verdict verdict--rejected" role="status" aria-live="off" data-verdict="rejected" data-reason="malformed">
        <div className="verdict__icon" aria-hidden>✕</div>
        <h1 className="verdict__title">{ko('reason.malformed')}</h1>
        <p className="verdict__title-en">{en('reason.malformed')}</p>
        <p className="verdict__tech">{outcome.detail}</p>
      </section>
    );
  }

  const { checkIn, ticket, verdict } = outcome;
  const accepted = checkIn.verdict === 'accepted';
  const attention = verdict.attention;
  // A staff reprint is titled as what it is; its record keeps the rules' verdict.
  const reprint = checkIn.badge === 'reprint';
  const tone = reprint ? 'reprint' : !accepted ? 'rejected' : attention ? 'attention' : 'accepted';
  const titleKey = reprint ? 'badge.reprinted' : !accepted ? 'verdict.rejected' : checkIn.direction === 'exit' ? 'verdict.exit' : 'verdict.accepted';
  const reason = verdict.verdict === 'rejected' ? verdict.reason : undefined;

  return (
    <section
      className={`verdict verdict--${tone}`}
      role="status"
      // Not read out itself: the announcer's assertive region says the verdict once, in one sentence.
      aria-live="off"
      data-verdict={checkIn.verdict}
      data-reason={reason}
      data-checkin-id={checkIn.id}
      data-direction={checkIn.direction}
      data-badge={checkIn.badge}
      data-override={checkIn.override ? 'true' : undefined}
    >
      <div className="verdict__icon" aria-hidden>{reprint ? <PrinterIcon /> : accepted ? (checkIn.direction === 'exit' ? '←' : '✓') : '✕'}</div>
      <h1 className="verdict__title">{ko(titleKey)}</h1>
      <p className="verdict__title-en">{en(titleKey)}</p>
      {reason && !reprint && (
        <p className="verdict__reason">
          <span>{ko(`reason.${reason}`)}</span>
          <span className="verdict__reason-en">{en(`reason.${reason}`)}</span>
        </p>
      )}
      {ticket && (
        <div className="verdict__person">
          <div className="verdict__name" data-testid="verdict-name">{ticket.name}</div>
          {ticket.company && <div className="verdict__company">{ticket.company}</div>}
          <CategoryBadge category={ticket.category} />
        </div>
      )}
      {!ticket && <p className="verdict__code">{checkIn.code}</p>}
      <BadgeStatus outcome={outcome} />
      {attention && (
        <div className="verdict__attention" data-attention>
          <strong>! {ko('verdict.attention')} / {en('verdict.attention')}</strong>
          <span>{attention}</span>
        </div>
      )}
      {checkIn.override && (
        <p className="verdict__override" data-testid="verdict-override">
          {ko('override.admitted')} · {en('override.admitted')}
        </p>
      )}
      {/* Venue-local time of the scan, straight from the stored ISO 8601 instant. */}
      <p className="verdict__time">{checkIn.scannedAt.slice(11, 19)}</p>
    </section>
  );
}
