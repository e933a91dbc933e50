// Staff mode's tables: counts per slice (checkpoint, hour, category, programme,
// desk) with people beside scans, refusals by reason, and who is inside.
import { useTranslation } from 'react-i18next';
import type { Counts } from '../../core/tally';

export interface CountRow {
  key: string;
  label: string;
  counts: Counts;
}

const COLUMNS = ['people', 'scans', 'accepted', 'rejected', 'exits', 'conflicts'] as const;
const value = (c: Counts, col: (typeof COLUMNS)[number]) => (col === 'people' ? c.uniquePeople : c[col]);

export function CountsTable({ title, head, rows, testId }: { title: string; head: string; rows: CountRow[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" data-testid={testId}>
      <h3 className="panel__title">{title}</h3>
      {rows.length === 0 ? (
        <p className="panel__empty">{t('staff.none')}</p>
      ) : (
        <table className="tally">
          <thead>
            <tr>
              <th>{head}</th>
              {COLUMNS.map((c) => <th key={c} className="num">{t(`staff.${c}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key} data-scans={r.counts.scans} data-people={r.counts.uniquePeople} data-accepted={r.counts.accepted} data-rejected={r.counts.rejected}>
                <td>{r.label}</td>
                {COLUMNS.map((c) => <td key={c} className="num">{value(r.counts, c).toLocaleString()}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function PairsTable({ title, head, valueHead, rows, testId }: { title: string; head: string; valueHead: string; rows: { key: string; label: string; value: number }[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" data-testid={testId}>
      <h3 className="panel__title">{title}</h3>
      {rows.length === 0 ? (
        <p className="panel__empty">{t('staff.none')}</p>
      ) : (
        <table className="tally">
          <thead>
            <tr><th>{head}</th><th className="num">{valueHead}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key} data-value={r.value}>
                <td>{r.label}</td>
                <td className="num">{r.value.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
