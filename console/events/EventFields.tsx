// The event itself: id (fixed once saved), names in Korean and English, the
// venue's time zone and the event's days.
import { useTranslation } from 'react-i18next';
import type { EventBundle } from '../../core/protocol';
import { Field, TextField } from './fields';

type Info = EventBundle['event'];

export function EventFields({ value, onChange, isNew }: { value: Info; onChange(v: Info): void; isNew: boolean }) {
  const { t } = useTranslation();
  const days = value.days;
  const setDay = (i: number, d: string) => onChange({ ...value, days: days.map((x, j) => (j === i ? d : x)) });
  const addDay = () => {
    const last = days.at(-1);
    const next = last ? new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : new Date().toISOString().slice(0, 10);
    onChange({ ...value, days: [...days, next] });
  };
  return (
    <div className="grid">
      <TextField label={t('events.id')} path="event.id" value={value.id} readOnly={!isNew} placeholder="icw2026" onChange={(id) => onChange({ ...value, id })} />
      <TextField label={t('events.nameKo')} path="event.name.ko" value={value.name.ko} onChange={(ko) => onChange({ ...value, name: { ...value.name, ko } })} />
      <TextField label={t('events.nameEn')} path="event.name.en" value={value.name.en} onChange={(en) => onChange({ ...value, name: { ...value.name, en } })} />
      <TextField label={t('events.timeZone')} path="event.timeZone" value={value.timeZone} placeholder="Asia/Seoul" onChange={(timeZone) => onChange({ ...value, timeZone })} />
      <Field label={t('events.days')} path="event.days">
        <span className="days">
          {days.map((d, i) => (
            <span key={i} className="day" data-invalid={undefined}>
              <input type="date" value={d} data-testid={`f-event.days.${i}`} aria-label={t('events.day', { n: i + 1 })} onChange={(e) => setDay(i, e.target.value)} />
              <button type="button" className="icon" aria-label={t('events.removeDay', { day: d })} onClick={() => onChange({ ...value, days: days.filter((_, j) => j !== i) })}>
                ×
              </button>
            </span>
          ))}
          <button type="button" data-testid="add-day" onClick={addDay}>
            {t('events.addDay')}
          </button>
        </span>
      </Field>
    </div>
  );
}
