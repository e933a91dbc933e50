// Events: edit the chosen event — its names, zone and days, programmes and
// checkpoints (rules, categories, programmes, hours, entry/exit) — or create a
// new one; checked with the API's schema before sending (events/validate.ts)
// and saved through `POST /v1/admin/events`. Signing keys and anything else
// the form does not show go back as they came. Viewers see it read-only.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EventBundle } from '../../core/protocol';
import { call } from '../api';
import { useConsole } from '../context';
import { CheckpointsEditor } from '../events/CheckpointsEditor';
import { EventFields } from '../events/EventFields';
import { IssuesContext } from '../events/fields';
import { ProgrammesEditor } from '../events/ProgrammesEditor';
import { blankEvent, validateBundle, withEventId, type Issues } from '../events/validate';

export function EventsPage() {
  const { event, canWrite } = useConsole();
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  return (
    <section data-testid="events-page">
      <div className="toolbar">
        <h2>{t('events.title')}</h2>
        <span className="spacer" />
        {canWrite && !creating && (
          <button type="button" data-testid="new-event" onClick={() => setCreating(true)}>
            {t('events.new')}
          </button>
        )}
      </div>
      {creating ? (
        <Editor key="new" initial={blankEvent(new Date().toISOString().slice(0, 10))} isNew onDone={() => setCreating(false)} />
      ) : event ? (
        <Editor key={event.event.id} initial={event} isNew={false} onDone={() => undefined} />
      ) : (
        <p className="empty">{t('events.none')}</p>
      )}
    </section>
  );
}

function Editor({ initial, isNew, onDone }: { initial: EventBundle; isNew: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const { canWrite, reloadEvents, handleError } = useConsole();
  const [draft, setDraft] = useState<EventBundle>(initial);
  const [issues, setIssues] = useState<Issues>(new Map());
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();

  const save = async () => {
    setMessage(undefined);
    const checked = validateBundle(withEventId(draft));
    setIssues(checked.issues);
    if (!checked.ok) {
      setMessage({ kind: 'error', text: t('events.invalid', { count: checked.issues.size }) });
      return;
    }
    try {
      // The original's other fields (signing keys…) travel back unchanged.
      const saved = await call(EventBundle, '/v1/admin/events', { method: 'POST', json: { ...initial, ...checked.bundle } });
      setDraft(saved);
      await reloadEvents(saved.event.id);
      setMessage({ kind: 'ok', text: t('events.saved') });
      if (isNew) onDone();
    } catch (err) {
      setMessage({ kind: 'error', text: handleError(err) });
    }
  };

  return (
    <IssuesContext.Provider value={issues}>
      <form className="editor" data-testid="event-editor" onSubmit={(e) => (e.preventDefault(), void save())}>
        <fieldset disabled={!canWrite}>
          <h3>{isNew ? t('events.newTitle') : t('events.event')}</h3>
          <EventFields value={draft.event} isNew={isNew} onChange={(ev) => setDraft({ ...draft, event: ev })} />
          <h3>{t('events.programmes')}</h3>
          <ProgrammesEditor value={draft.programmes} days={draft.event.days} eventId={draft.event.id} onChange={(programmes) => setDraft({ ...draft, programmes })} />
          <h3>{t('events.checkpoints')}</h3>
          <CheckpointsEditor value={draft.checkpoints} bundle={draft} onChange={(checkpoints) => setDraft({ ...draft, checkpoints })} />
        </fieldset>
        {issues.size > 0 && (
          <ul className="issues" data-testid="event-issues">
            {[...issues].map(([path, msg]) => (
              <li key={path}>
                <code>{path}</code>: {msg}
              </li>
            ))}
          </ul>
        )}
        {canWrite && (
          <div className="toolbar sticky">
            <button type="submit" className="primary" data-testid="save-event">
              {t('events.save')}
            </button>
            {isNew && (
              <button type="button" onClick={onDone}>
                {t('common.cancel')}
              </button>
            )}
            <span className={message?.kind === 'error' ? 'error' : 'ok'} role="status" data-testid="event-message">
              {message?.text}
            </span>
          </div>
        )}
      </form>
    </IssuesContext.Provider>
  );
}
