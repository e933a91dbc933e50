// Staff exports of the chosen day: check-ins CSV, tallies CSV, or one XLSX with
// both; a progress bar while a large day is read in chunks and packed; the
// file goes out through the platform (download in a browser, save in Electron).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayTallies } from '../../core/tally';
import { runExport, type ExportKind, type ExportProgress } from '../export/run';
import { useKiosk } from './KioskContext';
import { ErrorDetail } from './ErrorDetail';

type Outcome = { status: 'ok'; text: string } | { status: 'error'; text: string; detail: string };

const KINDS: { kind: ExportKind; label: string }[] = [
  { kind: 'xlsx', label: 'exports.xlsx' },
  { kind: 'checkins-csv', label: 'exports.checkinsCsv' },
  { kind: 'tallies-csv', label: 'exports.talliesCsv' },
];

export function ExportPanel({ day, tallies }: { day: string; tallies: DayTallies | undefined }) {
  const { db, config, lang } = useKiosk();
  const { t } = useTranslation();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const start = async (kind: ExportKind) => {
    if (!tallies) return;
    setBusy(kind);
    setOutcome(null);
    setProgress(null);
    try {
      const result = await runExport({ db, kind, day, config, tallies, lang, onProgress: setProgress });
      setOutcome(
        result.ok
          ? { status: 'ok', text: t('exports.saved', { name: result.value.path ?? result.value.name }) }
          : { status: 'error', text: t('exports.failed', { reason: t(`error.kiosk.${result.error.code}`) }), detail: result.error.message },
      );
    } catch (err) {
      setOutcome({ status: 'error', text: t('exports.failed', { reason: t('error.unexpected') }), detail: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const label = progress
    ? progress.phase === 'reading'
      ? t('exports.reading', { done: progress.done.toLocaleString(), total: progress.total.toLocaleString() })
      : t(`exports.${progress.phase}`)
    : '';
  return (
    <section className="panel" data-testid="export-panel">
      <h3 className="panel__title">{t('exports.title')}</h3>
      <p className="panel__note">{t('exports.note')}</p>
      <div className="export__buttons">
        {KINDS.map(({ kind, label: key }) => (
          <button key={kind} type="button" className="btn btn--ghost" data-testid={`export-${kind}`} disabled={busy !== null || !tallies} onClick={() => void start(kind)}>
            {t(key)}
          </button>
        ))}
      </div>
      {busy && (
        <div className="export__progress" data-testid="export-progress" data-phase={progress?.phase ?? 'reading'}>
          <progress max={progress?.total || 1} value={progress?.phase === 'reading' ? progress.done : undefined} />
          <span>{label}</span>
        </div>
      )}
      {outcome && (
        <p className={`export__result export__result--${outcome.status}`} role="status" data-testid="export-result" data-status={outcome.status}>
          {outcome.text}
          {outcome.status === 'error' && <ErrorDetail detail={outcome.detail} />}
        </p>
      )}
    </section>
  );
}
