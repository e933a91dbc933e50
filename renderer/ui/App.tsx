// The kiosk's shell in the page: boot, then route between pairing, setup, scan and
// search. Scanner input is global: a USB-scanner burst checks in from any screen,
// except a pairing link, which goes to pairing. When paired, the sync engine runs
// for as long as the kiosk is ready and the event config follows the server's.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type Lang } from '../i18n';
import { saveSession, type Session } from '../storage/device';
import { loadConfig } from '../storage/roster';
import type { Pairing } from '../storage/sync-meta';
import { looksLikePairingLink } from '../sync/pairing';
import { KioskContext, useKiosk, type KioskServices } from './KioskContext';
import { useBoot } from './useBoot';
import { createScanCapture, ScanCaptureContext } from './scan-capture';
import { useCheckIn } from './useCheckIn';
import { useWedge } from './useWedge';
import { ScanScreen } from './ScanScreen';
import { SearchScreen } from './SearchScreen';
import { SetupScreen } from './SetupScreen';
import { RecoveryNotice } from './RecoveryNotice';
import { HeldNotice } from './HeldNotice';
import type { RecoveryReport } from '../storage/recovery';
import { PairScreen } from './PairScreen';
import { StaffGate } from './StaffGate';
import { StaffScreen } from './StaffScreen';
import { WalkInScreen } from './WalkInScreen';
import { useSyncEngine } from './useSync';
import { useStorageWatch } from './useStorageWatch';
import type { TurnoutDb, EventConfig } from '../storage/db';
import { BadgeDeskContext, useBadgeDesk } from './BadgeDesk';
import { useBadgeDeskValue } from './useBadgeDeskValue';
import { useRetentionWipe } from './useRetentionWipe';
import { StoredDisplayModes, useStoredDisplayModes } from './a11y/DisplayModes';
import { AnnounceProvider } from '../a11y/announce';
import { SelfService } from './self/SelfService';
import { ErrorDetail } from './ErrorDetail';

type Screen = 'setup' | 'scan' | 'search' | 'pair' | 'staffPin' | 'staff' | 'reprintPin' | 'walkin';

export function App({ rosterSize, initialLang, clockOffsetMs }: { rosterSize: number; initialLang: Lang; clockOffsetMs: number }) {
  const boot = useBoot(rosterSize);
  const [lang, setLang] = useState<Lang>(initialLang);
  const i18n = useMemo(() => createI18n(initialLang), [initialLang]);
  useEffect(() => {
    void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
  }, [i18n, lang]);

  if (boot.state === 'loading') {
    return (
      <div className="screen screen--loading" data-testid="loading">
        <h1>{i18n.t('app.loading')}</h1>
        <progress max={boot.total} value={boot.done} />
        <p>{i18n.t('app.loadingRoster', { done: boot.done, total: boot.total })}</p>
      </div>
    );
  }
  if (boot.state === 'failed') {
    return (
      <I18nextProvider i18n={i18n}>
        <div className="screen screen--failed" role="alert" data-testid="boot-failed">
          <p>{i18n.t('app.bootFailed')}</p>
          <ErrorDetail detail={boot.error} />
        </div>
      </I18nextProvider>
    );
  }
  if (boot.state === 'pair') {
    return (
      <I18nextProvider i18n={i18n}>
        {/* A revoked kiosk's restart stops here: it shows the device's display modes too. */}
        <StoredDisplayModes db={boot.db} />
        <PairScreen db={boot.db} deviceName={boot.localId} initialLink={boot.link} resume={boot.resume} revoked={boot.revoked} onPaired={boot.reload} />
      </I18nextProvider>
    );
  }
  return (
    <I18nextProvider i18n={i18n}>
      <Ready
        key={boot.pairing?.deviceId ?? 'local'}
        clockOffsetMs={clockOffsetMs}
        db={boot.db}
        config={boot.config}
        deviceId={boot.deviceId}
        localId={boot.localId}
        pairing={boot.pairing}
        recovery={boot.recovery}
        reload={boot.reload}
        initialSession={boot.session}
        lang={lang}
        setLang={setLang}
        i18n={i18n}
      />
    </I18nextProvider>
  );
}

interface ReadyProps {
  clockOffsetMs: number;
  db: TurnoutDb;
  config: EventConfig;
  deviceId: string;
  localId: string;
  pairing: Pairing | undefined;
  recovery: RecoveryReport | undefined;
  reload(): void;
  initialSession: Session | undefined;
  lang: Lang;
  setLang(lang: Lang): void;
  i18n: KioskServices['i18n'];
}

function Ready({ clockOffsetMs, db, config: bootConfig, deviceId, localId, pairing, recovery, reload, initialSession, lang, setLang, i18n }: ReadyProps) {
  const [session, setSessionState] = useState(initialSession);
  const [screen, setScreen] = useState<Screen>(initialSession ? 'scan' : 'setup');
  const [camera, setCamera] = useState(() => new URLSearchParams(location.search).get('camera') === '1');
  // A revocation wipes the roster: boot again, which shows the pairing screen.
  const sync = useSyncEngine(db, pairing, reload);
  useStoredDisplayModes(db); // large text, high contrast, low position: this device's choice
  const storage = useStorageWatch(sync);
  // Follows config changes the engine pulls (checkpoints, hours) without a restart.
  const config = useLiveQuery(() => loadConfig(db), [db]) ?? bootConfig;
  const services = useMemo<KioskServices>(
    () => ({
      db, config, deviceId, session, lang, setLang, i18n, sync, pairing, storage,
      now: () => Date.now() + clockOffsetMs,
      rehearsal: clockOffsetMs !== 0,
      setSession: async (s) => {
        // Self-service shows only once it is stored: an unattended kiosk that restarts
        // right then (a renderer crash, a power cut) must come back in self-service,
        // never as a desk with staff controls. A desk's choice shows at once (a scan
        // right after the tap must find the scan screen); staff are there to pick it
        // again. A failed write still switches, for this run only.
        const saved = saveSession(db, s).catch(() => undefined);
        if (s.selfService === true) await saved;
        setSessionState(s);
        await saved;
      },
    }),
    [db, config, deviceId, session, lang, setLang, i18n, clockOffsetMs, sync, pairing, storage],
  );
  // Badges: a reprint waits behind the staff PIN (the reprintPin screen).
  const badges = useBadgeDeskValue(db, config.event.name, useCallback(() => setScreen('reprintPin'), []));
  // After the event's retention date the kiosk wipes its personal data by itself.
  useRetentionWipe(db, config.event, services.now);

  return (
    <KioskContext.Provider value={services}>
      <BadgeDeskContext.Provider value={badges}>
        <AnnounceProvider>
          <RecoveryNotice report={recovery} />
          <HeldNotice />
          <Screens screen={screen} setScreen={setScreen} camera={camera} setCamera={setCamera} localId={localId} reload={reload} />
        </AnnounceProvider>
      </BadgeDeskContext.Provider>
    </KioskContext.Provider>
  );
}

interface ScreensProps {
  screen: Screen;
  setScreen(s: Screen): void;
  camera: boolean;
  setCamera(c: boolean): void;
  localId: string;
  reload(): void;
}

function Screens(props: ScreensProps) {
  // A dialog waiting for a scan of its own (a staff card) takes scanner and camera input first.
  const capture = useMemo(() => createScanCapture(), []);
  return (
    <ScanCaptureContext.Provider value={capture}>
      <ScreensIn {...props} capture={capture} />
    </ScanCaptureContext.Provider>
  );
}

function ScreensIn({ screen, setScreen, camera, setCamera, localId, reload, capture }: ScreensProps & { capture: ReturnType<typeof createScanCapture> }) {
  const { outcome, checkIn, clear, show } = useCheckIn();
  const { db, pairing, i18n, session, setSession } = useKiosk();
  // Self-service (renderer/ui/self) owns the screen and the scanner; setup and pairing stay the desk's.
  const selfService = session?.selfService === true && screen !== 'setup' && screen !== 'pair';
  const badges = useBadgeDesk();
  const cameraCode = useCallback((code: string) => (capture.take(code) ? Promise.resolve(undefined) : checkIn(code)), [capture, checkIn]);
  const [pairLink, setPairLink] = useState<string | undefined>(undefined);
  const openPairing = useCallback(
    (link?: string) => {
      setPairLink(link);
      setScreen('pair');
    },
    [setScreen],
  );

  // The pairing screen listens itself.
  useWedge((code) => {
    if (capture.take(code)) return;
    // A pairing link is never a check-in: unpaired kiosks go to pairing, paired ones ignore it.
    if (looksLikePairingLink(code)) {
      if (!pairing) openPairing(code);
      return;
    }
    // Setup, and a walk-in form being filled in (a scan must not throw away what was typed).
    if (screen === 'setup' || screen === 'walkin') return;
    setScreen('scan');
    void checkIn(code);
  }, screen !== 'pair' && !selfService);

  if (selfService && session) {
    return <SelfService onLeave={() => { clear(); void setSession({ ...session, selfService: false }); setScreen('scan'); }} />;
  }
  if (screen === 'pair') {
    return <PairScreen db={db} deviceName={localId} initialLink={pairLink} onPaired={reload} onCancel={() => setScreen('setup')} />;
  }
  if (screen === 'setup') return <SetupScreen onDone={() => { clear(); setScreen('scan'); }} onPair={pairing ? undefined : () => openPairing()} />;
  // Staff mode sits behind the PIN; a scan meanwhile goes back to scanning (and closes it).
  if (screen === 'staffPin') return <StaffGate onDone={() => setScreen('staff')} onCancel={() => setScreen('scan')} />;
  if (screen === 'staff') return <StaffScreen onClose={() => setScreen('scan')} />;
  // A badge reprint: the staff PIN, then a check-in marked `reprint` whose badge prints.
  if (screen === 'reprintPin' && badges.pending) {
    const { code, name } = badges.pending;
    const back = () => {
      badges.clearPending();
      setScreen('scan');
    };
    return (
      <StaffGate
        purpose={`${i18n.getFixedT('ko')('badge.reprintFor', { name })} · ${i18n.getFixedT('en')('badge.reprintFor', { name })}`}
        onDone={() => {
          back();
          void checkIn(code, undefined, { badge: 'reprint' });
        }}
        onCancel={back}
      />
    );
  }
  if (screen === 'walkin') {
    return <WalkInScreen onCancel={() => setScreen('scan')} onDone={(r) => { show({ kind: 'stored', checkIn: r.checkIn, ticket: r.ticket, verdict: r.verdict }); setScreen('scan'); }} />;
  }
  if (screen === 'search') {
    return <SearchScreen onBack={() => setScreen('scan')} onPick={(t) => { setScreen('scan'); void checkIn(t.code); }} />;
  }
  return (
    <ScanScreen
      outcome={outcome}
      camera={camera}
      onToggleCamera={() => setCamera(!camera)}
      onCameraCode={cameraCode}
      onOverride={(code, override) => void checkIn(code, override)}
      onSearch={() => setScreen('search')}
      onSetup={() => setScreen('setup')}
      onStaff={() => setScreen('staffPin')}
      onWalkIn={() => setScreen('walkin')}
    />
  );
}
