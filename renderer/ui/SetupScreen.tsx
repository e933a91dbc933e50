// Setup: pick this desk's checkpoint (and direction for entry/exit doors). When
// paired, say with which server; otherwise offer pairing (a scanned pairing link
// works here too, see App) and a local roster import (CSV or XLSX, read in the
// event's time zone) with errors by line, each said in the kiosk's language.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Checkpoint, Direction } from '../../core/model';
import type { RosterError } from '../../core/csv';
import { XLSX_MIME } from '../../core/roster-file';
import { importRosterFileOnKiosk, type KioskImportOutcome } from '../import/roster-import';
import { ticketCount } from '../storage/roster';
import { useKiosk } from './KioskContext';
import { DisplayModeSwitches } from './a11y/DisplayModes';
import { StaffPinNotice } from './StaffPinNotice';
import { BadgeSetup } from './BadgeSetup';
import { StaffGate } from './StaffGate';
import { ErrorDetail } from './ErrorDetail';
import { hasStaffPin } from '../storage/staff-pin';

export function SetupScreen({ onDone, onPair }: { onDone(): void; onPair?: () => void }) {
  const { db, config, session, setSession, lang, setLang, pairing } = useKiosk();
  const { t } = useTranslation();
  const [direction, setDirection] = useState<Direction>(session?.direction ?? 'entry');
  const tickets = useLiveQuery(() => ticketCount(db), [db]) ?? 0;
  const [report, setReport] = useState<KioskImportOutcome | null>(null);
  const [importing, setImporting] = useState(false);
  // Self-service: this device's choice, or the checkpoint's (event config). It needs a staff PIN first.
  const [selfService, setSelfService] = useState(session?.selfService === true);
  const [needPin, setNeedPin] = useState<Checkpoint | null>(null);

  const start = (cp: Checkpoint, self: boolean) => {
    const shown = setSession({ checkpointId: cp.id, direction: cp.mode === 'entry_exit' ? direction : 'entry', ...(self ? { selfService: true } : {}) });
    // Self-service appears once stored (App's setSession); a desk switches in this same tap.
    if (self) void shown.then(onDone);
    else onDone();
  };
  const pick = async (cp: Checkpoint) => {
    const self = selfService || cp.selfService === true;
    if (self && !(await hasStaffPin(db))) setNeedPin(cp);
    else start(cp, self);
  };

  const importFile = async (file: File) => {
    setImporting(true);
    setReport(null);
    try {
      setReport(await importRosterFileOnKiosk(db, file, { timeZone: config.event.timeZone, eventId: config.event.id }));
    } finally {
      setImporting(false);
    }
  };
  // Row errors carry a code said in the kiosk's language (their `message` is English, never shown).
  const rowMessage = (e: RosterError) => t(`rosterImport.row.${e.code}`, e.params ?? {});

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
      <label className="setup__self" data-testid="self-service-toggle">
        <input type="checkbox" checked={selfService} onChange={(e) => setSelfService(e.target.checked)} />
        <span><strong>{t('self.mode')}</strong> — {t('self.modeHint')}</span>
      </label>
      <ul className="setup__checkpoints">
        {config.checkpoints.map((cp) => (
          <li key={cp.id}>
            <button type="button" className="checkpoint" data-checkpoint={cp.id} onClick={() => void pick(cp)}>
              <span className="checkpoint__name">{cp.name[lang]}</span>
              <span className="checkpoint__rule">
                {t(`setup.rule_${cp.rule}`)}
                {cp.mode === 'entry_exit' && <>{' · '}{t('setup.mode_entry_exit')}</>}
                {cp.selfService && <>{' · '}{t('self.modeChip')}</>}
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
            <label className="btn btn--ghost" aria-disabled={importing}>
              {importing ? t('setup.importing') : t('setup.importRoster')}
              <input
                type="file"
                accept={`.csv,.txt,.xlsx,text/csv,${XLSX_MIME}`}
                hidden
                disabled={importing}
                data-testid="csv-input"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = ''; // the same file again is a new import
                  if (f) void importFile(f);
                }}
              />
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
      <DisplayModeSwitches className="setup__display" />
      {needPin && (
        <div className="overlay">
          <StaffGate setOnly purpose={t('self.needPin')} onDone={() => start(needPin, true)} onCancel={() => setNeedPin(null)} />
        </div>
      )}
      <BadgeSetup />
      {report && !report.ok && (
        <div className="setup__report setup__report--failed" role="alert" data-testid="import-report" data-imported={0} data-failed={report.code}>
          <p>{t('setup.importFailed', { reason: t(`rosterImport.file.${report.code}`, report.params) })}</p>
          {/* The file's faults are said in full above; the kiosk's own (storage, a reader crash) also carry the raw text for staff. */}
          {(report.code === 'unreadable' || report.code === 'store_failed' || report.code === 'store_full') && <ErrorDetail detail={report.message} />}
        </div>
      )}
      {report?.ok && (
        <div
          className="setup__report"
          // A long list of broken rows scrolls: keyboard users must reach it too (axe scrollable-region-focusable).
          role="region"
          aria-label={t('setup.importReport')}
          tabIndex={0}
          data-testid="import-report"
          data-imported={report.imported}
          data-errors={report.errors.length}
          data-format={report.format}
          data-encoding={report.encoding}
        >
          <p>
            {t('setup.imported', { count: report.imported })}
            {report.errors.length > 0 && <>{' · '}{t('setup.importErrors', { count: report.errors.length })}</>}
            {' · '}
            {report.format === 'xlsx' ? t('setup.readAs_xlsx') : t('setup.readAs_csv', { encoding: (report.encoding ?? 'utf-8').toUpperCase() })}
          </p>
          <ul>
            {report.errors.slice(0, 20).map((e) => (
              <li key={e.line}>{t(report.format === 'xlsx' ? 'setup.row' : 'setup.line', { line: e.line, problem: rowMessage(e) })}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
