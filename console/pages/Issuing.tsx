// Tickets / 발급: an admin issues N signed `TO1:` tickets of one category (or
// one per typed name), sees how many were made and the first codes with their
// QR (the server's one-ticket QR image), and downloads the A4 sheet and the
// mail-merge CSV; below, the event's signing keys (SigningKeys). Issuing is a
// write: the viewer role sees the keys but no form.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventBundle } from '../../core/protocol';
import { CATEGORIES } from '../../core/model';
import { useConsole } from '../context';
import { csvUrl, issueTickets, issuingError, sheetUrl, type IssueAnswer } from '../issuing-api';
import { NoEvent } from './NoEvent';
import { SigningKeys } from './SigningKeys';

/** How many of a batch are shown with their QR. */
const SHOWN = 6;

export function IssuingPage() {
  const { event, canWrite } = useConsole();
  const { t } = useTranslation();
  // Bumped after each batch: the first issue of an event makes its first key, so the list reloads.
  const [batches, setBatches] = useState(0);
  if (!event) return <NoEvent />;
  return (
    <section data-testid="issuing-page">
      {canWrite ? (
        <IssueForm key={event.event.id} bundle={event} onIssued={() => setBatches((n) => n + 1)} />
      ) : (
        <p className="empty" data-testid="read-only-note">{t('common.readOnly')}</p>
      )}
      <SigningKeys key={`k-${event.event.id}`} bundle={event} refresh={batches} />
    </section>
  );
}

function IssueForm({ bundle, onIssued }: { bundle: EventBundle; onIssued(): void }) {
  const { t } = useTranslation();
  const { handleError } = useConsole();
  const id = bundle.event.id;
  const [count, setCount] = useState(10);
  const [category, setCategory] = useState<string>('visitor');
  const [namesText, setNamesText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IssueAnswer>();
  const [error, setError] = useState('');
  const names = namesText.split('\n').map((n) => n.trim()).filter(Boolean);
  const n = names.length > 0 ? names.length : count;

  const issue = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    setResult(undefined);
    setBusy(true);
    try {
      setResult(await issueTickets(id, category, count, names));
      onIssued();
    } catch (err) {
      setError(issuingError(t, handleError, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card">
      <h2>{t('issuing.title')}</h2>
      <p className="hint">{t('issuing.hint')}</p>
      <form className="issue-form" data-testid="issue-form" onSubmit={(e) => void issue(e)}>
        <label>
          {t('issuing.count')}
          <input
            type="number"
            data-testid="issue-count"
            min={1}
            max={10000}
            required
            disabled={names.length > 0}
            value={names.length > 0 ? names.length : count}
            onChange={(e) => setCount(Math.max(1, Math.floor(Number(e.target.value)) || 1))}
          />
        </label>
        <label>
          {t('ticket.category')}
          <select data-testid="issue-category" value={category} onChange={(e) => setCategory(e.target.value)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="issue-names">
          {t('issuing.names')}
          <textarea data-testid="issue-names" rows={3} value={namesText} onChange={(e) => setNamesText(e.target.value)} />
        </label>
        <div className="toolbar">
          <button type="submit" className="primary" data-testid="issue-go" disabled={busy}>
            {busy ? t('issuing.issuing') : t('issuing.issue', { count: n })}
          </button>
        </div>
      </form>
      {error && <p className="error" role="alert" data-testid="issue-error">{error}</p>}
      {result && <Batch eventId={id} result={result} />}
    </div>
  );
}

function Batch({ eventId, result }: { eventId: string; result: IssueAnswer }) {
  const { t } = useTranslation();
  const serials = result.issued.map((tk) => tk.serial);
  // Re-issuing a roster row keeps its old serial, so a batch is its lowest to highest serial.
  const range = serials.length > 0 ? { from: Math.min(...serials), to: Math.max(...serials) } : undefined;
  return (
    <div className="issued" data-testid="issue-result" data-count={result.issued.length}>
      <p className="status-line" role="status" data-testid="issue-summary">
        {t('issuing.issued', { count: result.issued.length })}
        {result.errors.length > 0 && <> {t('issuing.notIssued', { count: result.errors.length })}</>}
      </p>
      {range && (
        <>
          <div className="toolbar">
            <a className="button" data-testid="issue-sheet" href={sheetUrl(eventId, range)} download>
              {t('issuing.sheet')}
            </a>
            <a className="button" data-testid="issue-csv" href={csvUrl(eventId, range)} download>
              {t('issuing.csv')}
            </a>
          </div>
          <p className="hint">{t('issuing.filesHint', range)}</p>
        </>
      )}
      <p className="hint">
        {t('issuing.allFiles')}{' '}
        <a data-testid="issue-sheet-all" href={sheetUrl(eventId)} download>
          {t('issuing.sheet')}
        </a>
        {' · '}
        <a data-testid="issue-csv-all" href={csvUrl(eventId)} download>
          {t('issuing.csv')}
        </a>
      </p>
      {result.issued.length > 0 && <h3>{t('issuing.first', { count: Math.min(SHOWN, result.issued.length) })}</h3>}
      <ul className="issued-codes">
        {result.issued.slice(0, SHOWN).map((tk) => (
          <li key={tk.code} data-testid="issued-ticket" data-code={tk.code}>
            <img className="qr-card" src={tk.qrSvg} alt={t('issuing.qrLabel', { serial: tk.serial })} />
            <span>
              {tk.name
                ? t('issuing.ticketLine', { serial: tk.serial, name: tk.name, category: t(`category.${tk.category}`) })
                : t('issuing.ticketLineNameless', { serial: tk.serial, category: t(`category.${tk.category}`) })}
            </span>
            <code>{tk.code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
