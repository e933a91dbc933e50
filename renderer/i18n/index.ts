// i18next set-up. Both languages are bundled; the verdict screen shows both at once
// for attendees, the chrome follows the chosen language.
import i18next, { type i18n } from 'i18next';
import { en } from './en';
import { ko } from './ko';

export type Lang = 'ko' | 'en';

export function createI18n(lng: Lang): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, ko: { translation: ko } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
