// The console's pure parts: Korean and English strings have the same keys
// (English plural forms count as one key), the reports' default day, and the
// event form's checks beside the API's schema.
import { describe, expect, it } from 'vitest';
import { en } from '../../../console/i18n/en';
import { ko } from '../../../console/i18n/ko';
import { defaultReportDay, reportDays } from '../../../console/report-day';
import { blankEvent, validateBundle, withEventId } from '../../../console/events/validate';
import { rosterContentType, XLSX_TYPE } from '../../../console/upload';
import { demoEvent } from '../../../core/demo/event';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(one|other)$/, '')}`],
  );
}

describe('console strings', () => {
  it('has every key in Korean and in English, none empty', () => {
    expect([...new Set(keys(ko))].sort()).toEqual([...new Set(keys(en))].sort());
    const empty = (o: object): boolean => Object.values(o).some((v) => (typeof v === 'object' ? empty(v as object) : v === ''));
    expect(empty(ko)).toBe(false);
    expect(empty(en)).toBe(false);
  });
});

describe('reports default day', () => {
  const days = ['2025-09-10', '2025-09-11', '2025-09-12'];
  it('is today while the event runs, even before any scan', () => {
    expect(defaultReportDay(days, '2025-09-11', [])).toBe('2025-09-11');
  });
  it('is the latest event day with scans after the event (the demo seen in 2026)', () => {
    expect(defaultReportDay(days, '2026-12-05', [{ day: '2025-09-10', scans: 3 }, { day: '2025-09-11', scans: 9 }])).toBe('2025-09-11');
  });
  it('prefers event days, then any day with scans, then the first event day', () => {
    expect(defaultReportDay(days, '2026-01-01', [{ day: '2025-09-10', scans: 1 }, { day: '2025-09-20', scans: 1 }])).toBe('2025-09-10');
    expect(defaultReportDay(days, '2026-01-01', [{ day: '2025-09-20', scans: 1 }])).toBe('2025-09-20');
    expect(defaultReportDay(days, '2026-01-01', [])).toBe('2025-09-10');
  });
  it('offers event days, days with scans and today, sorted once each', () => {
    expect(reportDays(days, '2025-09-11', [{ day: '2025-09-09' }])).toEqual(['2025-09-09', ...days]);
  });
});

describe('event form checks', () => {
  it('accepts the demo event as it is', () => {
    expect(validateBundle({ ...demoEvent, signingKeys: [] }).ok).toBe(true);
  });
  it('names the field of each problem', () => {
    const b = withEventId({ ...blankEvent('2025-09-10'), event: { id: 'ev 1', name: { ko: '', en: '' }, timeZone: 'Mars/Base', days: ['2025-09-10', '2025-09-10'] } });
    b.checkpoints.push({ ...b.checkpoints[0]!, hours: { default: [{ open: '18:00', close: '09:00' }] } });
    const r = validateBundle(b);
    expect(r.ok).toBe(false);
    expect([...r.issues.keys()].sort()).toEqual(
      ['checkpoints.1.hours.default.0.close', 'checkpoints.1.id', 'event.days.1', 'event.id', 'event.name.ko', 'event.timeZone'].sort(),
    );
  });
  it('reports schema errors at their path (a malformed time)', () => {
    const b = withEventId({ ...blankEvent('2025-09-10'), event: { id: 'e', name: { ko: 'e', en: 'e' }, timeZone: 'Asia/Seoul', days: ['2025-9-1'] } });
    const r = validateBundle(b);
    expect(r.ok).toBe(false);
    expect(r.issues.has('event.days.0')).toBe(true);
  });
});

describe('roster upload content type', () => {
  it('sends XLSX as XLSX and anything else as CSV bytes', () => {
    expect(rosterContentType({ name: 'Roster.XLSX', type: '' })).toBe(XLSX_TYPE);
    expect(rosterContentType({ name: 'roster.csv', type: '' })).toBe('text/csv');
  });
});
