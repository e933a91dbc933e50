// Pairing screen: shown at start when the kiosk is not paired and a pairing was
// requested (or it was revoked), and from the setup screen. Takes the pairing
// link from a USB scanner (its own wedge listener), the camera, or typed/pasted
// text; shows the first sync's progress; explains failures staff can act on.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TurnoutDb } from '../storage/db';
import type { Pairing } from '../storage/sync-meta';
import { useWedge } from './useWedge';
import { getPlatform } from '../platform';
import { firstSync, looksLikePairingLink, pairDevice, PairError, type PairErrorKind } from '../sync/pairing';
import type { PullProgress } from '../sync/pull';
import { CameraView } from './CameraView';
import { ErrorDetail } from './ErrorDetail';
import type { PairingLinkErrorCode } from '../../core/pairing-link';

type Phase =
  | { kind: 'idle' }
  | { kind: 'pairing' }
  | { kind: 'syncing'; progress?: PullProgress }
  | { kind: 'done' }
  | { kind: 'failed'; error: PairErrorKind; link?: PairingLinkErrorCode; message: string };

interface Props {
  db: TurnoutDb;
  /** The name staff will see for this kiosk. */
  deviceName: string;
  /** A link to pair with at once (from `?pair=`, or a scan routed here). */
  initialLink?: string;
  /** Paired, but the first sync did not finish: resume it. */
  resume?: Pairing;
  /** The organiser revoked this kiosk (or the server forgot it); `unsent` check-ins are still kept. */
  revoked?: { unsent: number; reason: 'revoked' | 'unknown_device' };
  onPaired(): void;
  onCancel?(): void;
}

export function PairScreen({ db, deviceName, initialLink, resume, revoked, onPaired, onCancel }: Props) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [text, setText] = useState(initialLink ?? '');
  const [camera, setCamera] = useState(false);
  const busy = useRef(false);
  const paired = useRef<Pairing | undefined>(resume);
  const [isPaired, setIsPaired] = useState(Boolean(resume));
  const autoStarted = useRef(false);
  const lastLink = useRef<string | undefined>(undefined);

  const run = useCallback(
    async (link?: string) => {
      if (busy.current) return;
      busy.current = true;
      try {
        if (!paired.current || link) {
          if (!link) return;
          setPhase({ kind: 'pairing' });
          lastLink.current = link;
          paired.current = await pairDevice(db, link, { name: deviceName, pairingCopy: getPlatform().pairingCopy, tlsPin: getPlatform().tlsPin });
          setIsPaired(true);
        }
        setPhase({ kind: 'syncing' });
        await firstSync(db, paired.current, { onProgress: (progress) => setPhase({ kind: 'syncing', progress }) });
        setPhase({ kind: 'done' });
        onPaired();
      } catch (err) {
        const e = err instanceof PairError ? err : new PairError('server_error', err instanceof Error ? err.message : String(err));
        setPhase({ kind: 'failed', error: e.kind, ...(e.link ? { link: e.link } : {}), message: e.message });
      } finally {
        busy.current = false;
      }
    },
    [db, deviceName, onPaired],
  );

  // A link in the page URL, or a first sync to resume: start at once, once.
  useEffect(() => {
    if (autoStarted.current || (!initialLink && !resume)) return;
    autoStarted.current = true;
    queueMicrotask(() => void run(initialLink));
  }, [initialLink, resume, run]);

  // The USB scanner: a pairing link scanned anywhere on this screen pairs.
  useWedge((code) => {
    if (!looksLikePairingLink(code)) return;
    setText(code);
    void run(code);
  });

  const working = phase.kind === 'pairing' || phase.kind === 'syncing' || phase.kind === 'done';
  const p = phase.kind === 'syncing' ? phase.progress : undefined;

  return (
    <div className="screen screen--pair" data-testid="pair-screen" data-pair-state={phase.kind}>
      <header className="topbar">
        <h1 className="topbar__title">{t('pair.title')}</h1>
        {onCancel && (
          <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={working}>
            {t('pair.back')}
          </button>
        )}
      </header>
      <main className="pair">
        {revoked && (
          <p className="pair__notice" role="status" data-testid="pair-revoked" data-reason={revoked.reason} data-unsent={revoked.unsent}>
            {t(revoked.reason === 'unknown_device' ? 'pair.unknownDevice' : 'pair.revoked', { count: revoked.unsent })}
          </p>
        )}
        <p className="pair__hint">{t('pair.hint')}</p>
        <form
          className="pair__form"
          onSubmit={(e) => {
            e.preventDefault();
            // The link already redeemed is not redeemed twice: "try again" resumes the first sync.
            const link = text.trim();
            void run(link && (link !== lastLink.current || !paired.current) ? link : undefined);
          }}
        >
          <label className="pair__label">
            {t('pair.label')}
            <input
              className="pair__input"
              data-testid="pair-input"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('pair.placeholder')}
              spellCheck={false}
              autoComplete="off"
              disabled={working}
            />
          </label>
          <button type="submit" className="btn btn--big" data-testid="pair-submit" disabled={working || (!text.trim() && !isPaired)}>
            {phase.kind === 'failed' && isPaired ? t('pair.retry') : t('pair.submit')}
          </button>
          <button type="button" className="btn btn--ghost" data-testid="pair-camera" onClick={() => setCamera(!camera)} aria-pressed={camera} disabled={working}>
            {camera ? t('pair.cameraOff') : t('pair.camera')}
          </button>
        </form>
        {camera && !working && (
          <CameraView
            onCode={async (code) => {
              if (!looksLikePairingLink(code)) return;
              setCamera(false);
              setText(code);
              await run(code);
            }}
          />
        )}
        {phase.kind === 'pairing' && <p className="pair__status">{t('pair.pairing')}</p>}
        {phase.kind === 'syncing' && (
          <div className="pair__progress" data-testid="pair-progress" data-done={p?.done ?? 0} data-total={p?.total ?? ''}>
            <p className="pair__status">{t('pair.syncing')}</p>
            {/* No total from the server: an indeterminate bar and a running count. */}
            <progress max={p?.total || undefined} value={p?.total ? p.done : undefined} />
            {p && (
              <p>
                {t(`pair.phase_${p.phase}`)}{' '}
                {p.total ? t('pair.progress', { done: p.done, total: p.total }) : t('pair.progressPages', { done: p.done, pages: p.pages })}
              </p>
            )}
          </div>
        )}
        {phase.kind === 'done' && <p className="pair__status">{t('pair.done')}</p>}
        {phase.kind === 'failed' && (
          <div className="pair__error" role="alert" data-testid="pair-error" data-error={phase.error} data-link-error={phase.link}>
            <p data-testid="pair-error-message">{t(`pair.error_${phase.error}`, { reason: t(`error.pairLink.${phase.link ?? 'not_pairing_link'}`) })}</p>
            <ErrorDetail detail={phase.message} />
          </div>
        )}
      </main>
    </div>
  );
}
