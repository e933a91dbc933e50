// A checkpoint's opening hours (venue-local HH:MM, close exclusive): none =
// always open; `default` windows for every day, and per event day either the
// default, closed, or its own windows (core/model Checkpoint.hours).
import { useTranslation } from 'react-i18next';
import type { EventBundle } from '../../core/protocol';
import { useIssue } from './fields';

type Hours = NonNullable<EventBundle['checkpoints'][number]['hours']>;
type Window = { open: string; close: string };

function Windows({ path, value, onChange }: { path: string; value: Window[]; onChange(v: Window[]): void }) {
  const { t } = useTranslation();
  return (
    <span className="windows">
      {value.map((w, i) => (
        <WindowInput key={i} path={`${path}.${i}`} value={w} onChange={(nw) => onChange(value.map((x, j) => (j === i ? nw : x)))} onRemove={() => onChange(value.filter((_, j) => j !== i))} />
      ))}
      <button type="button" data-testid={`add-window-${path}`} onClick={() => onChange([...value, { open: '09:00', close: '18:00' }])}>
        {t('hours.addWindow')}
      </button>
    </span>
  );
}

function WindowInput({ path, value, onChange, onRemove }: { path: string; value: Window; onChange(v: Window): void; onRemove(): void }) {
  const { t } = useTranslation();
  const closeIssue = useIssue(`${path}.close`);
  const openIssue = useIssue(`${path}.open`);
  const issue = closeIssue ?? openIssue;
  return (
    <span className="window" data-invalid={issue ? 'true' : undefined} title={issue}>
      <input type="time" aria-label={t('hours.open')} data-testid={`f-${path}.open`} value={value.open} onChange={(e) => onChange({ ...value, open: e.target.value })} />–
      <input type="time" aria-label={t('hours.close')} data-testid={`f-${path}.close`} value={value.close} onChange={(e) => onChange({ ...value, close: e.target.value })} />
      <button type="button" className="icon" aria-label={t('hours.removeWindow')} onClick={onRemove}>
        ×
      </button>
      {issue && <small className="field-error">{issue}</small>}
    </span>
  );
}

export function HoursEditor({ path, value, days, onChange }: { path: string; value: Hours | undefined; days: string[]; onChange(v: Hours | undefined): void }) {
  const { t } = useTranslation();
  if (!value) {
    return (
      <div className="hours">
        <span>{t('hours.always')}</span>{' '}
        <button type="button" data-testid={`set-hours-${path}`} onClick={() => onChange({ default: [{ open: '09:00', close: '18:00' }] })}>
          {t('hours.set')}
        </button>
      </div>
    );
  }
  const perDay = value.days ?? {};
  const setDay = (day: string, mode: string) => {
    const next = { ...perDay };
    if (mode === 'default') delete next[day];
    else next[day] = mode === 'closed' ? [] : (perDay[day]?.length ? perDay[day] : [{ open: '09:00', close: '18:00' }]);
    onChange({ ...value, days: next });
  };
  return (
    <div className="hours">
      <div className="hours-row">
        <span className="hours-label">{t('hours.everyDay')}</span>
        <Windows path={`${path}.default`} value={value.default ?? []} onChange={(d) => onChange({ ...value, default: d })} />
      </div>
      {days.map((day) => {
        const mode = !(day in perDay) ? 'default' : perDay[day]!.length === 0 ? 'closed' : 'custom';
        return (
          <div key={day} className="hours-row" data-day={day}>
            <span className="hours-label">{day}</span>
            <select data-testid={`hours-mode-${path}-${day}`} value={mode} onChange={(e) => setDay(day, e.target.value)}>
              <option value="default">{t('hours.asDefault')}</option>
              <option value="closed">{t('hours.closed')}</option>
              <option value="custom">{t('hours.custom')}</option>
            </select>
            {mode === 'custom' && <Windows path={`${path}.days.${day}`} value={perDay[day]!} onChange={(w) => onChange({ ...value, days: { ...perDay, [day]: w } })} />}
          </div>
        );
      })}
      <button type="button" onClick={() => onChange(undefined)}>
        {t('hours.clear')}
      </button>
    </div>
  );
}
