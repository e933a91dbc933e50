// The console shell: asks the server for the session (the cookie is HttpOnly,
// so only the server knows), shows the login form without one, else the top
// bar (event, pages, language, role, log out) and the page of the hash route.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminEventsResponse } from '../core/protocol';
import type { SessionInfo } from '../core/console-api';
import { ApiFailure, call, logout, session as fetchSession, setCsrf } from './api';
import { ConsoleContext, type ConsoleState } from './context';
import { useRoute } from './hooks';
import { rememberLang, type Lang } from './i18n';
import { Login } from './Login';
import { localized } from './format';
import { HelpBanner } from './components/HelpBanner';
import { DevicesPage } from './pages/Devices';
import { EventsPage } from './pages/Events';
import { IssuingPage } from './pages/Issuing';
import { PairingPage } from './pages/Pairing';
import { ReportsPage } from './pages/Reports';
import { RosterPage } from './pages/Roster';

const PAGES = ['reports', 'devices', 'events', 'roster', 'issuing', 'pairing'] as const;

export function App() {
  const { t, i18n } = useTranslation();
  const [auth, setAuth] = useState<SessionInfo | null | undefined>(undefined);
  const [events, setEvents] = useState<AdminEventsResponse['events']>([]);
  const [eventId, setEventId] = useState<string>();
  const route = useRoute();

  const signedIn = useCallback((s: SessionInfo | null) => {
    setCsrf(s?.csrf ?? '');
    setAuth(s);
  }, []);

  useEffect(() => {
    fetchSession().then(signedIn, () => signedIn(null));
  }, [signedIn]);

  const handleError = useCallback(
    (err: unknown) => {
      if (err instanceof ApiFailure && err.status === 401) signedIn(null);
      if (err instanceof ApiFailure) return `${err.message} (${err.code})`;
      return err instanceof Error ? err.message : String(err);
    },
    [signedIn],
  );

  const applyEvents = useCallback((list: AdminEventsResponse['events'], selectId?: string) => {
    setEvents(list);
    setEventId((cur) => selectId ?? (cur && list.some((b) => b.event.id === cur) ? cur : list[0]?.event.id));
  }, []);
  const reloadEvents = useCallback(
    async (selectId?: string) => applyEvents((await call(AdminEventsResponse, '/v1/admin/events')).events, selectId),
    [applyEvents],
  );

  useEffect(() => {
    if (!auth) return undefined;
    let live = true;
    call(AdminEventsResponse, '/v1/admin/events').then((res) => live && applyEvents(res.events), handleError);
    return () => {
      live = false;
    };
  }, [auth, applyEvents, handleError]);

  const state = useMemo<ConsoleState | null>(
    () =>
      auth
        ? {
            role: auth.role,
            canWrite: auth.role === 'admin',
            events,
            event: events.find((b) => b.event.id === eventId),
            selectEvent: setEventId,
            reloadEvents,
            handleError,
          }
        : null,
    [auth, events, eventId, reloadEvents, handleError],
  );

  const switchLang = (lang: Lang) => {
    void i18n.changeLanguage(lang);
    rememberLang(lang);
  };
  const langSwitch = (
    <div className="lang" role="group" aria-label={t('shell.language')}>
      {(['ko', 'en'] as const).map((l) => (
        <button key={l} type="button" data-testid={`lang-${l}`} aria-pressed={i18n.language === l} onClick={() => switchLang(l)}>
          {l === 'ko' ? '한국어' : 'English'}
        </button>
      ))}
    </div>
  );

  if (auth === undefined) return <p className="loading">{t('shell.loading')}</p>;
  if (!state) return <Login onLoggedIn={signedIn} langSwitch={langSwitch} />;

  const page = (PAGES as readonly string[]).includes(route.split('/')[0]!) ? route : 'reports';
  return (
    <ConsoleContext.Provider value={state}>
      <header className="top no-print" data-role={state.role}>
        <h1>
          Turnout <span>{t('shell.title')}</span>
        </h1>
        <label className="event-pick">
          <span>{t('shell.event')}</span>
          <select data-testid="event-select" value={eventId ?? ''} onChange={(e) => setEventId(e.target.value)}>
            {events.map((b) => (
              <option key={b.event.id} value={b.event.id}>
                {localized(b.event.name, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        {langSwitch}
        <span className="role" data-testid="role">{t(`shell.role.${state.role}`)}</span>
        <button type="button" data-testid="logout" onClick={() => void logout().finally(() => signedIn(null))}>
          {t('shell.logout')}
        </button>
      </header>
      <nav className="tabs no-print">
        {PAGES.map((p) => (
          <a key={p} href={`#/${p}`} data-testid={`nav-${p}`} aria-current={page.split('/')[0] === p ? 'page' : undefined}>
            {t(`nav.${p}`)}
          </a>
        ))}
      </nav>
      <HelpBanner bundle={state.event} hidden={page.startsWith('devices')} />
      <main className="page">
        {page.startsWith('events') && <EventsPage />}
        {page.startsWith('roster') && <RosterPage />}
        {page.startsWith('issuing') && <IssuingPage />}
        {page.startsWith('pairing') && <PairingPage />}
        {page.startsWith('devices') && <DevicesPage />}
        {page.startsWith('reports') && <ReportsPage />}
      </main>
    </ConsoleContext.Provider>
  );
}
