// The event's programmes: id, names, organising region, venue and the days it runs.
import { useTranslation } from 'react-i18next';
import type { EventBundle } from '../../core/protocol';
import { localized } from '../format';
import { CheckList, Item, TextField } from './fields';

type Programme = EventBundle['programmes'][number];

export function ProgrammesEditor({ value, days, eventId, onChange }: { value: Programme[]; days: string[]; eventId: string; onChange(v: Programme[]): void }) {
  const { t, i18n } = useTranslation();
  const set = (i: number, p: Programme) => onChange(value.map((x, j) => (j === i ? p : x)));
  const add = () =>
    onChange([...value, { id: `p${value.length + 1}`, eventId, name: { ko: '', en: '' }, region: '', venue: '', days: [] }]);
  return (
    <div className="list" data-testid="programmes">
      {value.map((p, i) => (
        <Item
          key={i}
          data={{ 'data-programme': p.id }}
          initiallyOpen={!p.name.ko && !p.name.en}
          summary={
            <>
              <code>{p.id || '?'}</code> {localized(p.name, i18n.language)} <span className="hint">{p.days.join(', ')}</span>
            </>
          }
        >
          <div className="grid">
            <TextField label={t('events.id')} path={`programmes.${i}.id`} value={p.id} onChange={(id) => set(i, { ...p, id })} />
            <TextField label={t('events.nameKo')} path={`programmes.${i}.name.ko`} value={p.name.ko} onChange={(ko) => set(i, { ...p, name: { ...p.name, ko } })} />
            <TextField label={t('events.nameEn')} path={`programmes.${i}.name.en`} value={p.name.en} onChange={(en) => set(i, { ...p, name: { ...p.name, en } })} />
            <TextField label={t('events.region')} path={`programmes.${i}.region`} value={p.region} onChange={(region) => set(i, { ...p, region })} />
            <TextField label={t('events.venue')} path={`programmes.${i}.venue`} value={p.venue} onChange={(venue) => set(i, { ...p, venue })} />
          </div>
          <CheckList label={t('events.days')} path={`programmes.${i}.days`} options={days.map((d) => ({ value: d, label: d }))} value={p.days} onChange={(d) => set(i, { ...p, days: d })} />
          <button type="button" className="danger" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t('events.removeProgramme')}
          </button>
        </Item>
      ))}
      <button type="button" data-testid="add-programme" onClick={add}>
        {t('events.addProgramme')}
      </button>
    </div>
  );
}
