// Display helpers: names in the chosen language, instants in the venue's zone.
import type { LocalizedText } from '../core/model';

export const localized = (text: LocalizedText | undefined, lang: string, fallback = '') =>
  text ? (lang === 'en' ? text.en || text.ko : text.ko || text.en) : fallback;

/** `2025-09-10 09:15:02` in the event's time zone. */
export function venueTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}:${p('second')}`;
}

/** Seconds, minutes, hours or days since `iso`, as numbers for a translated sentence. */
export function age(iso: string | null, now: number): { unit: 's' | 'min' | 'h' | 'd'; n: number } | null {
  if (!iso) return null;
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return { unit: 's', n: s };
  if (s < 3600) return { unit: 'min', n: Math.floor(s / 60) };
  if (s < 86400) return { unit: 'h', n: Math.floor(s / 3600) };
  return { unit: 'd', n: Math.floor(s / 86400) };
}
