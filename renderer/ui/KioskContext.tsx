// What every screen needs: the database, the event configuration, this device and
// its session, and the sync engine when paired. Provided once by App; screens read
// it with useKiosk().
import { createContext, useContext } from 'react';
import type { i18n } from 'i18next';
import type { TurnoutDb, EventConfig } from '../storage/db';
import type { Session } from '../storage/device';
import type { Pairing } from '../storage/sync-meta';
import type { SyncEngine } from '../sync/engine';
import type { Lang } from '../i18n';
import type { StorageWatch } from '../storage/storage-watch';

export interface KioskServices {
  db: TurnoutDb;
  config: EventConfig;
  deviceId: string;
  session: Session | undefined;
  /**
   * Shows and stores the session; resolves once stored. Self-service is shown only
   * after the write (see App); any other session shows at once, as staff pick it.
   */
  setSession(session: Session): Promise<void>;
  lang: Lang;
  setLang(lang: Lang): void;
  i18n: i18n;
  /** The kiosk's clock: real time, or a rehearsal clock shifted to an event day. */
  now(): number;
  rehearsal: boolean;
  /** The sync engine when paired with a server; null in demo/local mode. */
  sync: SyncEngine | null;
  pairing?: Pairing;
  /** Free storage (disk in Electron, quota in a browser); read with useStorageStatus(). */
  storage: StorageWatch | null;
}

export const KioskContext = createContext<KioskServices | null>(null);

export function useKiosk(): KioskServices {
  const value = useContext(KioskContext);
  if (!value) throw new Error('useKiosk outside KioskContext');
  return value;
}

/** A translator bound to one language, for showing Korean and English side by side. */
type Translate = (key: string, opts?: Record<string, unknown>) => string;

/**
 * `ko` and `en` translate into one language each; `both` gives the two side by
 * side as one string, for text that cannot be two elements (aria-label, a prop).
 * It is the kiosk's one place that joins the languages: each half is a whole
 * translated string, so no sentence is built from pieces (eslint turnout/no-ui-text-concat).
 */
export function useBilingual(): { ko: Translate; en: Translate; both: Translate } {
  const { i18n } = useKiosk();
  const fixed = (lng: 'ko' | 'en'): Translate => (key, opts) => i18n.getFixedT(lng)(key, opts ?? {});
  const ko = fixed('ko');
  const en = fixed('en');
  return { ko, en, both: (key, opts) => `${ko(key, opts)} · ${en(key, opts)}` };
}
