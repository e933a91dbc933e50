// Ticket lookup: search by code, name or company; a ticket's details and every
// scan of it (when, where, which desk, verdict, conflict), oldest first. An
// admin can revoke (after a confirm), block or restore it (kiosks pull the change).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DevicesResponse, TicketDetail, TicketSearchResponse, TicketWire, type EventBundle } from '../../core/protocol';
import { call, enc } from '../api';
import { useConsole } from '../context';
import { localized, venueTime } from '../format';
import { useLoad } from '../hooks';

export function TicketLookup({ bundle }: { bundle: EventBundle }) {
  const { t } = useTranslation();
  const { handleError } = useConsole();
  const id = bundle.event.id;
  const [q, setQ] = useState('');
  const [found, setFound] = useState<TicketSearchResponse>();
  const [code, setCode] = useState<string>();
  const [error, setError] = useState('');

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      const res = await call(TicketSearchResponse, `/v1/admin/events/${enc(id)}/tickets?q=${enc(q)}&limit=50`);
      setFound(res);
      setCode(res.items.length === 1 ? res.items[0]!.code : undefined);
    } catch (err) {
      setError(handleError(err));
    }
  };

  return (
    <div className="card">
      <h2>{t('lookup.title')}</h2>
      <form className="toolbar" onSubmit={(e) => void search(e)}>
        <input type="search" data-testid="lookup-q" placeholder={t('lookup.placeholder')} value={q} required onChange={(e) => setQ(e.target.value)} />
        <button type="submit" data-testid="lookup-go">
          {t('lookup.search')}
        </button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {found && (
        <ul className="results" data-testid="lookup-results">
          {found.items.length === 0 && <li>{t('lookup.none')}</li>}
          {found.items.map((tk) => (
            <li key={tk.code}>
              <button type="button" className="link" data-code={tk.code} aria-pressed={tk.code === code} onClick={() => setCode(tk.code)}>
                <code>{tk.code}</code> {tk.name} · {tk.company} · {t(`category.${tk.category}`)}
              </button>
            </li>
          ))}
          {found.more && <li className="hint">{t('lookup.more')}</li>}
        </ul>
      )}
      {code && <Detail key={code} bundle={bundle} code={code} />}
    </div>
  );
}

function Detail({ bundle, code }: { bundle: EventBundle; code: string }) {
  const { t, i18n } = useTranslation();
  const { canWrite, handleError } = useConsole();
  const id = bundle.event.id;
  const detail = useLoad(() => call(TicketDetail, `/v1/admin/events/${enc(id)}/tickets/${enc(code)}`), [id, code]);
  const devices = useLoad(() => call(DevicesResponse, `/v1/admin/devices?eventId=${enc(id)}`), [id]);
  const [error, setError] = useState('');
  const tz = bundle.event.timeZone;
  const cpName = (cid: string) => localized(bundle.checkpoints.find((c) => c.id === cid)?.name, i18n.language, cid);
  const devName = (did: string) => devices.data?.devices.find((d) => d.id === did)?.name ?? did.slice(0, 8);
  const setStatus = async (status: TicketWire['status']) => {
    try {
      await call(TicketWire, `/v1/admin/events/${enc(id)}/tickets/${enc(code)}`, { method: 'PATCH', json: { status } });
      detail.reload();
    } catch (err) {
      setError(handleError(err));
    }
  };
  const d = detail.data;
  if (!d) return detail.error ? <p className="error">{detail.error}</p> : null;
  const tk = d.ticket;
  return (
    <div className="ticket" data-testid="ticket-detail" data-code={tk.code} data-status={tk.status}>
      <h3>
        {tk.name} <code>{tk.code}</code>
      </h3>
      <dl>
        <dt>{t('ticket.company')}</dt>
        <dd>{tk.company || '—'}</dd>
        <dt>{t('ticket.category')}</dt>
        <dd>{t(`category.${tk.category}`)}</dd>
        <dt>{t('ticket.programmes')}</dt>
        <dd>{tk.programmes.map((p) => localized(bundle.programmes.find((x) => x.id === p)?.name, i18n.language, p)).join(', ') || '—'}</dd>
        <dt>{t('ticket.status')}</dt>
        <dd data-testid="ticket-status">{t(`ticket.statuses.${tk.status}`)}</dd>
        {tk.note && (
          <>
            <dt>{t('ticket.note')}</dt>
            <dd>{tk.note}</dd>
          </>
        )}
      </dl>
      {canWrite && (
        <div className="toolbar">
          {tk.status !== 'valid' && <button type="button" data-testid="ticket-restore" onClick={() => void setStatus('valid')}>{t('ticket.restore')}</button>}
          {tk.status === 'valid' && <button type="button" data-testid="ticket-block" onClick={() => void setStatus('blocked')}>{t('ticket.block')}</button>}
          {tk.status !== 'revoked' && <button type="button" className="danger" data-testid="ticket-revoke" onClick={() => window.confirm(t('ticket.revokeConfirm', { code: tk.code, name: tk.name || '—' })) && void setStatus('revoked')}>{t('ticket.revoke')}</button>}
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <h4>{t('lookup.history', { count: d.checkins.length })}</h4>
      <table data-testid="ticket-history">
        <thead>
          <tr>
            <th>{t('lookup.when')}</th>
            <th>{t('common.checkpoint')}</th>
            <th>{t('lookup.desk')}</th>
            <th>{t('lookup.direction')}</th>
            <th>{t('lookup.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {d.checkins.length === 0 && (
            <tr>
              <td colSpan={5}>{t('lookup.noScans')}</td>
            </tr>
          )}
          {d.checkins.map((c) => (
            <tr key={c.id} data-checkin={c.id} data-verdict={c.verdict} data-status={c.status}>
              <td>{venueTime(c.scannedAt, tz)}</td>
              <td>{cpName(c.checkpointId)}</td>
              <td>{devName(c.deviceId)}</td>
              <td>{t(`lookup.${c.direction}`)}</td>
              <td>
                {c.verdict === 'accepted' ? t('lookup.accepted') : t(`reason.${c.reason ?? 'malformed'}`)}
                {c.status === 'conflict' && <strong className="tag-conflict"> · {t('lookup.conflict')}</strong>}
                {c.override && <span> · {t('lookup.override', { by: c.override.by, reason: c.override.reason })}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
