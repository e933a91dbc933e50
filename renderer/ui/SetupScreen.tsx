// Setup: pick this desk's checkpoint (and direction for entry/exit doors). When
// paired, say with which server; otherwise offer pairing (a scanned pairing link
// works here too, see App) and a local roster CSV import with errors by line.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Checkpoint, Direction } from '../../core/model';
import { parseRosterCsv } from '../../core/csv';
import { putTickets, ticketCount } from '../storage/roster';
import { useKiosk } from './KioskContext';
import { StaffPinNotice } from './StaffPinNotice';
import { BadgeSetup } from './BadgeSetup';

export function SetupScreen({ onDone, onPair }: { onDone(): void; onPair?: () => void }) {
  const { db, config, session, setSession, lang, setLang, pairing } = useKiosk();
  const { t } = useTranslation();
  const [direction, setDirection] = useState<Direction>(session?.direction ?? 'entry');
  const tickets = useLiveQuery(() => ticketCount(db), [db]) ?? 0;
  const [report, setReport] = useState<{ imported: number; errors: { line: number; message: string }[] } | null>(null);

  const pick = (cp: Checkpoint) => {
    setSession({ checkpointId: cp.id, direction: cp.mode === 'entry_exit' ? direction : 'entry' });
    onDone();
  };

  const importFile = async (file: File) => {
    const { tickets: rows, errors } = parseRosterCsv(await file.text());
    const imported = await putTickets(db, rows);
    setReport({ imported, errors });
  };

  return (
    <div className="screen screen--setup">
      <header className="topbar">
        <h1 className="topbar__title">{config.event.name[lang]}</h1>
        <button type="button" className="btn btn--ghost" onClick={() => setLang(lang === 'ko' ? 'en' : 'ko')}>{t('scan.language')}</button>
      </header>
      <h2 className="setup__heading">{t('setup.title')}</h2>
      <div className="setup__direction" role="radiogroup" aria-label={t('setup.direction')}>
        {(['entry', 'exit'] as const).map((d) => (
          <button key={d} type="button" role="radio" aria-checked={direction === d} className={`btn ${direction === d ? 'btn--on' : 'btn--ghost'}`} onClick={() => setDirection(d)}>
            {t(`setup.${d}`)}
          </button>
        ))}
      </div>
      <ul className="setup__checkpoints">
        {config.checkpoints.map((cp) => (
          <li key={cp.id}>
            <button type="button" className="checkpoint" data-checkpoint={cp.id} onClick={() => pick(cp)}>
              <span className="checkpoint__name">{cp.name[lang]}</span>
              <span className="checkpoint__rule">
                {t(`setup.rule_${cp.rule}`)}
                {cp.mode === 'entry_exit' && ` · ${t('setup.mode_entry_exit')}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="setup__roster">
        <span data-testid="ticket-count">{t('setup.tickets', { count: tickets })}</span>
        {pairing ? (
          <span className="setup__paired" data-testid="paired" data-server={pairing.server}>
            {t('pair.paired', { server: pairing.server, name: pairing.name })}
          </span>
        ) : (
          <>
            <label className="btn btn--ghost">
              {t('setup.importCsv')}
              <input type="file" accept=".csv,text/csv" hidden data-testid="csv-input" onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); }} />
            </label>
            {onPair && (
              <button type="button" className="btn btn--ghost" data-testid="open-pairing" onClick={onPair}>
                {t('pair.start')}
              </button>
            )}
          </>
        )}
      </div>
      <StaffPinNotice />
      <BadgeSetup />
      {report && (
        <div className="setup__report" data-testid="import-report" data-imported={report.imported} data-errors={report.errors.length}>
          <p>{t('setup.imported', { count: report.imported })}{report.errors.length > 0 && ` · ${t('setup.importErrors', { count: report.errors.length })}`}</p>
          <ul>{report.errors.slice(0, 20).map((e) => <li key={e.line}>{t('setup.line', e)}</li>)}</ul>
        </div>
      )}
    </div>
  );
}
