// The event's checkpoints (check-in lists at doors): id, names, rule (once,
// once per day, unlimited), entry or entry/exit, categories and programmes
// admitted (none ticked = everyone), and opening hours.
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../../core/model';
import type { EventBundle } from '../../core/protocol';
import { localized } from '../format';
import { CheckList, Field, Item, TextField } from './fields';
import { HoursEditor } from './HoursEditor';

type Checkpoint = EventBundle['checkpoints'][number];

/** Empty lists mean "everyone": store them as absent, as the API's own bundles do. */
function tidy(c: Checkpoint): Checkpoint {
  const out = { ...c };
  if (!out.categories?.length) delete out.categories;
  if (!out.programmes?.length) delete out.programmes;
  return out;
}

export function CheckpointsEditor({ value, bundle, onChange }: { value: Checkpoint[]; bundle: EventBundle; onChange(v: Checkpoint[]): void }) {
  const { t, i18n } = useTranslation();
  const set = (i: number, c: Checkpoint) => onChange(value.map((x, j) => (j === i ? tidy(c) : x)));
  const add = () =>
    onChange([...value, { id: `cp${value.length + 1}`, eventId: bundle.event.id, name: { ko: '', en: '' }, rule: 'once_per_day', mode: 'entry' }]);
  return (
    <div className="list" data-testid="checkpoints">
      {value.map((c, i) => (
        <Item
          key={i}
          data={{ 'data-checkpoint': c.id }}
          initiallyOpen={!c.name.ko && !c.name.en}
          summary={
            <>
              <code>{c.id || '?'}</code> {localized(c.name, i18n.language)} <span className="hint">{t(`rule.${c.rule}`)} · {t(`mode.${c.mode}`)}</span>
            </>
          }
        >
          <div className="grid">
            <TextField label={t('events.id')} path={`checkpoints.${i}.id`} value={c.id} onChange={(id) => set(i, { ...c, id })} />
            <TextField label={t('events.nameKo')} path={`checkpoints.${i}.name.ko`} value={c.name.ko} onChange={(ko) => set(i, { ...c, name: { ...c.name, ko } })} />
            <TextField label={t('events.nameEn')} path={`checkpoints.${i}.name.en`} value={c.name.en} onChange={(en) => set(i, { ...c, name: { ...c.name, en } })} />
            <Field label={t('events.rule')} path={`checkpoints.${i}.rule`}>
              <select data-testid={`f-checkpoints.${i}.rule`} value={c.rule} onChange={(e) => set(i, { ...c, rule: e.target.value as Checkpoint['rule'] })}>
                {(['once', 'once_per_day', 'unlimited'] as const).map((r) => (
                  <option key={r} value={r}>
                    {t(`rule.${r}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('events.mode')} path={`checkpoints.${i}.mode`}>
              <select data-testid={`f-checkpoints.${i}.mode`} value={c.mode} onChange={(e) => set(i, { ...c, mode: e.target.value as Checkpoint['mode'] })}>
                <option value="entry">{t('mode.entry')}</option>
                <option value="entry_exit">{t('mode.entry_exit')}</option>
              </select>
            </Field>
          </div>
          <CheckList
            label={t('events.categories')}
            path={`checkpoints.${i}.categories`}
            options={CATEGORIES.map((k) => ({ value: k, label: t(`category.${k}`) }))}
            value={c.categories ?? []}
            onChange={(categories) => set(i, { ...c, categories: categories as Checkpoint['categories'] })}
          />
          <CheckList
            label={t('events.programmes')}
            path={`checkpoints.${i}.programmes`}
            options={bundle.programmes.map((p) => ({ value: p.id, label: localized(p.name, i18n.language, p.id) }))}
            value={c.programmes ?? []}
            onChange={(programmes) => set(i, { ...c, programmes })}
          />
          <p className="hint">{t('events.everyoneHint')}</p>
          <h4>{t('events.hours')}</h4>
          <HoursEditor
            path={`checkpoints.${i}.hours`}
            value={c.hours}
            days={bundle.event.days}
            onChange={(hours) => {
              const next = { ...c, hours };
              if (!hours) delete next.hours;
              set(i, next);
            }}
          />
          <button type="button" className="danger" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t('events.removeCheckpoint')}
          </button>
        </Item>
      ))}
      <button type="button" data-testid="add-checkpoint" onClick={add}>
        {t('events.addCheckpoint')}
      </button>
    </div>
  );
}
