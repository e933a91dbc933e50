// Roster: upload a CSV or XLSX (admins) with a progress bar, the counts of
// imported / updated / unchanged tickets and every refused line with its
// number; and ticket lookup (TicketLookup) for everyone.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../core/protocol';
import { ApiFailure } from '../api';
import { useConsole } from '../context';
import { uploadRoster } from '../upload';
import { NoEvent } from './NoEvent';
import { TicketLookup } from './TicketLookup';

export function RosterPage() {
  const { event, canWrite } = useConsole();
  if (!event) return <NoEvent />;
  return (
    <section data-testid="roster-page">
      {canWrite && <Upload key={`u-${event.event.id}`} eventId={event.event.id} />}
      <TicketLookup key={`l-${event.event.id}`} bundle={event} />
    </section>
  );
}

function Upload({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const { handleError } = useConsole();
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<number>();
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState('');

  const upload = async () => {
    if (!file) return;
    setError('');
    setResult(undefined);
    setProgress(0);
    try {
      setResult(await uploadRoster(eventId, file, setProgress));
    } catch (err) {
      // A file refused as a whole says why in the console's language, by the server's code.
      if (err instanceof ApiFailure && i18n.exists(`rosterFile.${err.code}`)) setError(t('roster.refused', { reason: t(`rosterFile.${err.code}`) }));
      else setError(handleError(err));
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <div className="card">
      <h2>{t('roster.uploadTitle')}</h2>
      <p className="hint">{t('roster.uploadHint')}</p>
      <div className="toolbar">
        <input type="file" data-testid="roster-file" accept=".csv,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0])} />
        <button type="button" className="primary" data-testid="roster-upload" disabled={!file || progress !== undefined} onClick={() => void upload()}>
          {t('roster.upload')}
        </button>
      </div>
      {progress !== undefined && (
        <div className="progress" data-testid="upload-progress">
          {progress < 1 ? (
            <progress max={1} value={progress} aria-label={t('roster.sending')} />
          ) : (
            <progress aria-label={t('roster.processing')} />
          )}
          <span>{progress < 1 ? t('roster.sendingPct', { pct: Math.round(progress * 100) }) : t('roster.processing')}</span>
        </div>
      )}
      {error && <p className="error" role="alert" data-testid="upload-error">{error}</p>}
      {result && (
        <div data-testid="import-result">
          <div className="totals">
            {(['imported', 'updated', 'unchanged'] as const).map((k) => (
              <div key={k} className="total" data-count={k}>
                <b>{result[k].toLocaleString()}</b>
                <span>{t(`roster.${k}`)}</span>
              </div>
            ))}
            <div className={`total${result.errors.length ? ' bad' : ''}`} data-count="errors">
              <b>{result.errors.length.toLocaleString()}</b>
              <span>{t('roster.errors')}</span>
            </div>
          </div>
          {result.errors.length > 0 && (
            <>
              <p>{t('roster.errorsHint')}</p>
              <table data-testid="import-errors">
                <thead>
                  <tr>
                    <th className="num">{t('roster.line')}</th>
                    <th>{t('roster.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.errors.map((e, i) => (
                    <tr key={i} data-line={e.line}>
                      <td className="num">{e.line}</td>
                      <td className="wrap">{e.code && i18n.exists(`rosterRow.${e.code}`) ? t(`rosterRow.${e.code}`, e.params ?? {}) : e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      )}
    </div>
  );
}
