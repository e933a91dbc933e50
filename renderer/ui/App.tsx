// The kiosk's shell in the page: boot, then route between setup, scan and search.
// Scanner input is global: a USB-scanner burst checks in from any screen.
import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type Lang } from '../i18n';
import { saveSession, type Session } from '../storage/device';
import { attachWedge } from '../scan/wedge';
import { KioskContext, type KioskServices } from './KioskContext';
import { useBoot } from './useBoot';
import { useCheckIn } from './useCheckIn';
import { ScanScreen } from './ScanScreen';
import { SearchScreen } from './SearchScreen';
import { SetupScreen } from './SetupScreen';
import type { TurnoutDb, EventConfig } from '../storage/db';

type Screen = 'setup' | 'scan' | 'search';

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
    return <div className="screen screen--failed" role="alert">{boot.error}</div>;
  }
  return (
    <I18nextProvider i18n={i18n}>
      <Ready clockOffsetMs={clockOffsetMs} db={boot.db} config={boot.config} deviceId={boot.deviceId} initialSession={boot.session} lang={lang} setLang={setLang} i18n={i18n} />
    </I18nextProvider>
  );
}

interface ReadyProps {
  clockOffsetMs: number;
  db: TurnoutDb;
  config: EventConfig;
  deviceId: string;
  initialSession: Session | undefined;
  lang: Lang;
  setLang(lang: Lang): void;
  i18n: KioskServices['i18n'];
}

function Ready({ clockOffsetMs, db, config, deviceId, initialSession, lang, setLang, i18n }: ReadyProps) {
  const [session, setSessionState] = useState(initialSession);
  const [screen, setScreen] = useState<Screen>(initialSession ? 'scan' : 'setup');
  const [camera, setCamera] = useState(() => new URLSearchParams(location.search).get('camera') === '1');
  const services = useMemo<KioskServices>(
    () => ({
      db, config, deviceId, session, lang, setLang, i18n,
      now: () => Date.now() + clockOffsetMs,
      rehearsal: clockOffsetMs !== 0,
      setSession: (s) => {
        setSessionState(s);
        void saveSession(db, s);
      },
    }),
    [db, config, deviceId, session, lang, setLang, i18n, clockOffsetMs],
  );

  return (
    <KioskContext.Provider value={services}>
      <Screens screen={screen} setScreen={setScreen} camera={camera} setCamera={setCamera} />
    </KioskContext.Provider>
  );
}

function Screens({ screen, setScreen, camera, setCamera }: { screen: Screen; setScreen(s: Screen): void; camera: boolean; setCamera(c: boolean): void }) {
  const { outcome, checkIn, clear } = useCheckIn();

  useEffect(() => {
    if (screen === 'setup') return undefined;
    return attachWedge(window, (code) => {
      setScreen('scan');
      void checkIn(code);
    });
  }, [screen, checkIn, setScreen]);

  if (screen === 'setup') return <SetupScreen onDone={() => { clear(); setScreen('scan'); }} />;
  if (screen === 'search') {
    return <SearchScreen onBack={() => setScreen('scan')} onPick={(t) => { setScreen('scan'); void checkIn(t.code); }} />;
  }
  return (
    <ScanScreen
      outcome={outcome}
      camera={camera}
      onToggleCamera={() => setCamera(!camera)}
      onCameraCode={checkIn}
      onSearch={() => setScreen('search')}
      onSetup={() => setScreen('setup')}
    />
  );
}
