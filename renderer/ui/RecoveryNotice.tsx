// Tells staff, once per start, that check-ins came back from the on-disk journal
// (IndexedDB was reset or wiped) or that journal lines were unreadable. Staff
// dismiss it; the numbers stay in the logs and the staff screen's sync health.
// A bar in the page's flow above the screen (styles.css .notice): it pushes the
// screen down and never covers a control, in large text too.
import { useState } from 'react';
import type { RecoveryReport } from '../storage/recovery';
import { useBilingual } from './KioskContext';

export function RecoveryNotice({ report }: { report: RecoveryReport | undefined }) {
  const { ko, en } = useBilingual();
  const [open, setOpen] = useState(true);
  if (!report || report.reasons.length === 0 || !open) return null;
  return (
    <div className="notice notice--row" role="alert" data-testid="recovery-notice" data-recovered={report.recovered} data-outbox={report.intoOutbox}>
      <div className="notice__text">
        <strong>
          {ko('recovery.title', { count: report.recovered })} · {en('recovery.title', { count: report.recovered })}
        </strong>
        <ul>
          {report.reasons.map((r) => (
            <li key={r.code}>
              {ko(`recovery.${r.code}`, { count: r.count })} · {en(`recovery.${r.code}`, { count: r.count })}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)}>
        {ko('recovery.dismiss')} · {en('recovery.dismiss')}
      </button>
    </div>
  );
}
