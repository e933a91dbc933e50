// The console's strings (ko.ts, en.ts: the same keys, checked by a unit test).
// The choice of language is kept in localStorage: a display preference, not data.
import i18next, { type i18n } from 'i18next';
import { en } from './en';
import { ko } from './ko';

export type Lang = 'ko' | 'en';
const KEY = 'turnout.console.lang';

export function initialLang(): Lang {
  const saved = globalThis.localStorage?.getItem(KEY);
  if (saved === 'ko' || saved === 'en') return saved;
  return globalThis.navigator?.language?.toLowerCase().startsWith('en') ? 'en' : 'ko';
}

export function rememberLang(lang: Lang): void {
  globalThis.localStorage?.setItem(KEY, lang);
  document.documentElement.lang = lang;
}

export function createConsoleI18n(lng: Lang): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, ko: { translation: ko } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  return instance;
}
