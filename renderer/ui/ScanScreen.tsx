// The desk's main screen: who and where in the header, the verdict (or the scan
// prompt) filling the screen, a camera preview and the way to name search.
import { useTranslation } from 'react-i18next';
import { useKiosk, useBilingual } from './KioskContext';
import { VerdictPanel } from './VerdictPanel';
import { SyncIndicator } from './SyncIndicator';
import { CameraView } from './CameraView';
import { StorageBanner } from './StorageBanner';
import { useStorageStatus } from './useStorageWatch';
import type { ShownOutcome } from './useCheckIn';
import { BadgeFailures, PrinterIcon, useBadgeDesk } from './BadgeDesk';
import { useEffect, useState } from 'react';
import type { Override, RejectReason, Ticket } from '../../core/model';
import type { RecentRow } from '../storage/voids';
import { OverrideDialog } from './OverrideDialog';
import { RecentStrip } from './RecentStrip';
import { UndoDialog } from './UndoDialog';
import { useAnnounceOnShow } from '../a11y/announce';
import { VoiceControls } from '../a11y/VoiceControls';
import { HelpCallButton } from '../a11y/HelpCall';
import { walkInCategories } from '../../core/walkin';

interface Props {
  outcome: ShownOutcome | null;
  camera: boolean;
  onToggleCamera(): void;
  onCameraCode(code: string): Promise<unknown>;
  onSearch(): void;
  onSetup(): void;
  /** Opens staff mode (behind the PIN pad). */
  onStaff?: () => void;
  /** Admits a refused code with staff's override (a new check-in). */
  onOverride?: (code: string, override: Override) => void;
  /** Opens walk-in registration (entry desks). */
  onWalkIn?: () => void;
}

export function ScanScreen({ outcome, camera, onToggleCamera, onCameraCode, onSearch, onSetup, onStaff, onOverride, onWalkIn }: Props) {
  const { t } = useTranslation();
  const { ko, en } = useBilingual();
  const { config, session, lang, setLang, rehearsal, now, storage, sync } = useKiosk();
  const checkpoint = config.checkpoints.find((c) => c.id === session?.checkpointId);
  const disk = useStorageStatus(storage);
  const badges = useBadgeDesk().settings;
  const [override, setOverride] = useState<{ code: string; refused: RejectReason } | null>(null);
  const [undo, setUndo] = useState<{ row: RecentRow; ticket: Ticket | undefined } | null>(null);
  const [undone, setUndone] = useState(false);
  // The scan prompt is said (politely) whenever the screen is back to waiting.
  useAnnounceOnShow('prompt', outcome ? null : (tr) => tr('scan.prompt'), outcome ? 'verdict' : 'idle');
  useEffect(() => {
    if (!undone) return undefined;
    const id = setTimeout(() => setUndone(false), 4_000);
    return () => clearTimeout(id);
  }, [undone]);
  // The override button stands on a refusal that was stored (a malformed or unsaved scan has nothing to admit).
  const refusal =
    outcome?.kind === 'stored' && outcome.checkIn.verdict === 'rejected' && outcome.verdict.verdict === 'rejected'
      ? { code: outcome.checkIn.code, refused: outcome.verdict.reason }
      : null;

  return (
    <div className="screen screen--scan">
      <header className="topbar">
        <div className="topbar__where">
          <strong data-testid="checkpoint-name">{checkpoint ? checkpoint.name[lang] : '—'}</strong>
          <span className={`chip chip--${session?.direction}`}>{t(`setup.${session?.direction ?? 'entry'}`)}</span>
          <span className="topbar__event">{config.event.name[lang]}</span>
          {rehearsal && (
            <span className="chip chip--rehearsal" data-testid="rehearsal" title={new Date(now()).toISOString()}>
              {t('scan.rehearsal')}
            </span>
          )}
        </div>
        {badges.enabled && (
          <span className="chip chip--badge" data-testid="badge-chip" data-template={badges.template}>
            <PrinterIcon /> {t('badge.isOn')}
          </span>
        )}
        <SyncIndicator />
        <div className="topbar__actions">
          <button type="button" className="btn btn--ghost" onClick={onToggleCamera} aria-pressed={camera}>
            {camera ? t('scan.camera') : t('scan.cameraOff')}
          </button>
          <button type="button" className="btn btn--ghost" onClick={() => setLang(lang === 'ko' ? 'en' : 'ko')}>
            {t('scan.language')}
          </button>
          <button type="button" className="btn btn--ghost" data-testid="open-setup" onClick={onSetup}>{t('scan.change')}</button>
          {onStaff && <button type="button" className="btn btn--ghost" data-testid="open-staff" onClick={onStaff}>{t('staff.open')}</button>}
        </div>
      </header>
      <StorageBanner status={disk} onExport={onStaff} syncing={sync !== null} />
      <BadgeFailures />
      <main className="scan__main">
        {outcome ? (
          <VerdictPanel key={outcome.seq} outcome={outcome} />
        ) : (
          <section className="idle" data-testid="scan-prompt">
            <QrGlyph />
            <h1 className="idle__title">{ko('scan.prompt')}</h1>
            <p className="idle__title-en">{en('scan.prompt')}</p>
            <p className="idle__hint">{ko('scan.hint')} · {en('scan.hint')}</p>
          </section>
        )}
        <RecentStrip onUndo={(row, ticket) => { setUndone(false); setUndo({ row, ticket }); }} />
      </main>
      {undone && <p className="toast" role="status" data-testid="undo-done">✓ {t('undo.done')}</p>}
      {override && onOverride && (
        <OverrideDialog
          code={override.code}
          refused={override.refused}
          onCancel={() => setOverride(null)}
          onAdmit={(o) => {
            setOverride(null);
            onOverride(override.code, o);
          }}
        />
      )}
      {undo && (
        <UndoDialog
          row={undo.row}
          ticket={undo.ticket}
          onDone={(ok) => {
            setUndo(null);
            setUndone(ok);
          }}
        />
      )}
      <footer className="scan__footer">
        {camera && <CameraView onCode={onCameraCode} />}
        <button type="button" className="btn btn--big" data-testid="open-search" onClick={onSearch}>
          {ko('search.title')} · {en('search.title')}
        </button>
        <VoiceControls compact />
        {/* Entry desks only, and not at a door that admits no walk-in category (staff only: a walk-in is never staff). */}
        {onWalkIn && session?.direction === 'entry' && walkInCategories(checkpoint?.categories).length > 0 && (
          <button type="button" className="btn btn--big btn--ghost" data-testid="open-walkin" onClick={onWalkIn}>
            {ko('walkIn.open')} · {en('walkIn.open')}
          </button>
        )}
        <HelpCallButton />
        {refusal && onOverride && (
          <button type="button" className="btn btn--big btn--override" data-testid="override-open" onClick={() => setOverride(refusal)}>
            {ko('override.open')} · {en('override.open')}
          </button>
        )}
      </footer>
    </div>
  );
}

/** A QR-code pictogram drawn inline: no font on a kiosk is guaranteed to have a QR symbol. */
export function QrGlyph() {
  const finder = (x: number, y: number) => (
    <g key={`${x}-${y}`}>
      <rect x={x} y={y} width="7" height="7" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <rect x={x + 2.2} y={y + 2.2} width="2.6" height="2.6" fill="currentColor" />
    </g>
  );
  const dots = [[10, 1], [12, 3], [10, 5], [1, 10], [4, 12], [10, 10], [13, 10], [11, 13], [15, 12], [18, 10], [16, 15], [12, 17], [18, 18], [10, 19]];
  return (
    <svg className="idle__icon" viewBox="-1 -1 22 22" width="1em" height="1em" aria-hidden>
      {[finder(0, 0), finder(13, 0), finder(0, 13)]}
      {dots.map(([x, y]) => <rect key={`${x}-${y}`} x={x} y={y} width="2" height="2" fill="currentColor" />)}
    </svg>
  );
}
