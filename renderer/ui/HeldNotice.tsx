// Tells staff, in Korean and English, that this kiosk holds unsent records of
// another event it was paired to before (storage/held.ts): how many, of which
// event, that they are kept and not sent here, and how to get them to that
// event's organiser (export, or pair the kiosk to that event again).
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { exportHeld } from '../export/held';
import { heldSummaries, type HeldSummary } from '../storage/held';
import { useBilingual, useKiosk } from './KioskContext';
import { ErrorDetail } from './ErrorDetail';
import type { KioskErrorCode } from '../../core/kiosk-api';

const reasonKey = (code: KioskErrorCode | 'unexpected') => (code === 'unexpected' ? 'error.unexpected' : `error.kiosk.${code}`);

export function HeldNotice() {
  const { db } = useKiosk();
  const { ko, en, both } = useBilingual();
  const held = useLiveQuery(() => heldSummaries(db), [db]) ?? [];
  const [saved, setSaved] = useState<Record<string, { ok: true; text: string } | { ok: false; code: KioskErrorCode | 'unexpected'; text: string }>>({});
  if (held.length === 0) return null;
  const save = async (h: HeldSummary) => {
    const r = await exportHeld(db, h).catch((err: unknown) => ({ ok: false as const, error: { code: 'unexpected' as const, message: String(err) } }));
    // A failure is said by its code in both languages; the raw text goes under it, for staff.
    const done = r.ok ? { ok: true as const, text: r.value.path ?? r.value.name } : { ok: false as const, code: r.error.code, text: r.error.message };
    setSaved((s) => ({ ...s, [h.eventId]: done }));
  };
  return (
    <div className="notice" role="alert" data-testid="held-notice">
      {held.map((h) => {
        const count = h.checkins + h.walkins + h.voids;
        const args = { count, checkins: h.checkins, walkins: h.walkins, voids: h.voids };
        const done = saved[h.eventId];
        return (
          <div key={`${h.server} ${h.eventId}`} data-held-event={h.eventId} data-held={count} data-held-walkins={h.walkins}>
            <strong>
              {ko('held.title', { ...args, event: h.eventName?.ko ?? h.eventId })} · {en('held.title', { ...args, event: h.eventName?.en ?? h.eventId })}
            </strong>
            <p>
              {ko('held.body', args)} · {en('held.body', args)}
            </p>
            <button type="button" className="btn btn--ghost" data-testid="held-export" onClick={() => void save(h)}>
              {ko('held.export')} · {en('held.export')}
            </button>
            {done && (
              <p data-testid="held-exported" data-ok={done.ok}>
                {done.ok ? (
                  both('held.saved', { name: done.text })
                ) : (
                  <>
                    {ko('held.failed', { reason: ko(reasonKey(done.code)) })} · {en('held.failed', { reason: en(reasonKey(done.code)) })}
                    <ErrorDetail detail={done.text} />
                  </>
                )}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
