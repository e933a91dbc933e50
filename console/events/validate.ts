// Checks an edited event before it is sent, with the API's own schema
// (core/protocol EventBundle) plus the rules the server adds (one id per
// programme and per checkpoint, a known time zone), as `path → message` so
// the form can mark the very field. The server checks again: this is for the
// organiser, not for safety.
import { EventBundle } from '../../core/protocol';

export type Issues = Map<string, string>;

export function validateBundle(draft: unknown): { ok: true; bundle: EventBundle; issues: Issues } | { ok: false; issues: Issues } {
  const issues: Issues = new Map();
  const parsed = EventBundle.safeParse(draft);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const path = i.path.map(String).join('.');
      if (!issues.has(path)) issues.set(path, i.message);
    }
    return { ok: false, issues };
  }
  const b = parsed.data;
  if (!/^[\w.-]+$/.test(b.event.id)) issues.set('event.id', 'letters, digits, - _ . only');
  if (b.event.name.ko.trim() === '' && b.event.name.en.trim() === '') issues.set('event.name.ko', 'a name is required');
  try {
    new Intl.DateTimeFormat('en', { timeZone: b.event.timeZone });
  } catch {
    issues.set('event.timeZone', `unknown time zone ${b.event.timeZone}`);
  }
  b.event.days.forEach((d, i) => {
    if (b.event.days.indexOf(d) !== i) issues.set(`event.days.${i}`, `${d} twice`);
  });
  for (const [key, list] of [['programmes', b.programmes], ['checkpoints', b.checkpoints]] as const) {
    list.forEach((x, i) => {
      if (x.id.trim() === '') issues.set(`${key}.${i}.id`, 'an id is required');
      else if (list.findIndex((y) => y.id === x.id) !== i) issues.set(`${key}.${i}.id`, `duplicate id ${x.id}`);
      if (x.eventId !== b.event.id) issues.set(`${key}.${i}.eventId`, `belongs to ${x.eventId}`);
    });
  }
  b.checkpoints.forEach((c, i) => {
    const windows: [string, { open: string; close: string }][] = (c.hours?.default ?? []).map((w, j) => [`checkpoints.${i}.hours.default.${j}`, w]);
    for (const [day, list] of Object.entries(c.hours?.days ?? {})) list.forEach((w, j) => windows.push([`checkpoints.${i}.hours.days.${day}.${j}`, w]));
    for (const [path, w] of windows) if (w.close <= w.open) issues.set(`${path}.close`, 'closes before it opens');
  });
  return issues.size ? { ok: false, issues } : { ok: true, bundle: b, issues };
}

/** A new, empty event: one day (today), no programmes, one entrance open all day. */
export function blankEvent(today: string): EventBundle {
  return {
    event: { id: '', name: { ko: '', en: '' }, timeZone: 'Asia/Seoul', days: [today] },
    programmes: [],
    checkpoints: [{ id: 'entrance', eventId: '', name: { ko: '입구', en: 'Entrance' }, rule: 'once_per_day', mode: 'entry' }],
    signingKeys: [],
  };
}

/** Every programme and checkpoint follows the event's id (it may be typed after them). */
export function withEventId(b: EventBundle): EventBundle {
  const eventId = b.event.id;
  return {
    ...b,
    programmes: b.programmes.map((p) => ({ ...p, eventId })),
    checkpoints: b.checkpoints.map((c) => ({ ...c, eventId })),
  };
}
