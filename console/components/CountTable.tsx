// A table of tallies (scans, admitted, people, refused, exits, conflicts) per
// checkpoint, category or desk.
import { useTranslation } from 'react-i18next';
import type { Tally } from '../../core/protocol';

const COLS = ['scans', 'accepted', 'uniquePeople', 'rejected', 'exits', 'conflicts'] as const;

export function CountTable<R extends Tally>({ title, rows, label, testId }: { title: string; rows: R[]; label(r: R): string; testId: string }) {
  const { t } = useTranslation();
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th>{title}</th>
          {COLS.map((c) => (
            <th key={c} className="num">
              {t(`tally.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={COLS.length + 1}>{t('common.none')}</td>
          </tr>
        )}
        {rows.map((r) => (
          <tr key={label(r)}>
            <td>{label(r)}</td>
            {COLS.map((c) => (
              <td key={c} className="num">
                {r[c].toLocaleString()}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
