// The event's checkpoints (check-in lists at doors): id, names, rule (once,
// once per day, unlimited), entry or entry/exit, categories and programmes
// admitted (none ticked = everyone), opening hours, and the rules of issue 14:
// when the venue day starts (a night past midnight stays one day), how many
// admissions a ticket gets (in total or per day) and no re-entry after exit;
// and whether desks set up here start in self-service mode (issue 12).
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
  // Absent rules are the old behaviour: midnight, one admission, re-entry allowed.
  if (!out.dayStart || out.dayStart === '00:00') delete out.dayStart;
  if (out.maxAdmissions === undefined || out.rule === 'unlimited') delete out.maxAdmissions;
  if (!out.noReentry || out.mode !== 'entry_exit') delete out.noReentry;
  if (!out.selfService) delete out.selfService;
  return out;
}

/** The cap field's text: a whole number as typed; empty = absent (1). Anything else is kept for the schema to flag. */
function capOf(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  return Number(text);
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
          <div className="grid" data-testid={`rules-${i}`}>
            <TextField
              type="time"
              label={t('events.dayStart')}
              path={`checkpoints.${i}.dayStart`}
              value={c.dayStart ?? ''}
              onChange={(dayStart) => set(i, { ...c, dayStart })}
            />
            {c.rule !== 'unlimited' && (
              <Field label={t(c.rule === 'once' ? 'events.capTotal' : 'events.capPerDay')} path={`checkpoints.${i}.maxAdmissions`}>
                <input
                  type="number"
                  min={1}
                  step={1}
                  inputMode="numeric"
                  placeholder="1"
                  data-testid={`f-checkpoints.${i}.maxAdmissions`}
                  value={c.maxAdmissions ?? ''}
                  onChange={(e) => set(i, { ...c, maxAdmissions: capOf(e.target.value) })}
                />
              </Field>
            )}
            {c.mode === 'entry_exit' && (
              <label className="field">
                <span>
                  <input
                    type="checkbox"
                    data-testid={`c-checkpoints.${i}.noReentry`}
                    checked={c.noReentry === true}
                    onChange={(e) => set(i, { ...c, noReentry: e.target.checked })}
                  />{' '}
                  {t('events.noReentry')}
                </span>
              </label>
            )}
            <label className="field">
              <span>
                <input
                  type="checkbox"
                  data-testid={`c-checkpoints.${i}.selfService`}
                  checked={c.selfService === true}
                  onChange={(e) => set(i, { ...c, selfService: e.target.checked })}
                />{' '}
                {t('events.selfService')}
              </span>
            </label>
          </div>
          <p className="hint">{t('events.rulesHint')}</p>
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
