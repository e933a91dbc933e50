// Walk-ins registered at the desks (현장등록), for the organiser: each with its desk,
// time, category and the consent items agreed, and — first, highlighted — those
// that may be the same person registered twice (two desks offline), with the code
// of the earlier registration, to settle by hand rather than count twice.
import { useTranslation } from 'react-i18next';
import type { WalkInAdmin } from '../../core/protocol';
import { venueTime } from '../format';

export function WalkIns({ items, timeZone, deviceName }: { items: WalkInAdmin[]; timeZone: string; deviceName(id: string): string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p data-testid="walkins-none">{t('walkIns.none')}</p>;
  const flagged = items.filter((w) => w.possibleDuplicateOf !== null);
  // Flagged ones first (organiser's attention), then by registration time.
  const ordered = [...flagged, ...items.filter((w) => w.possibleDuplicateOf === null)];
  return (
    <>
      <p data-testid="walkins-summary" data-count={items.length} data-duplicates={flagged.length}>
        {t('walkIns.summary', { count: items.length })}
        {flagged.length > 0 && <b className="walkins__warn"> · {t('walkIns.duplicates', { count: flagged.length })}</b>}
      </p>
      <table data-testid="walkins">
        <thead>
          <tr>
            <th>{t('ticket.code')}</th>
            <th>{t('ticket.name')}</th>
            <th>{t('walkIns.company')}</th>
            <th>{t('ticket.category')}</th>
            <th>{t('walkIns.registered')}</th>
            <th>{t('walkIns.consents')}</th>
            <th>{t('walkIns.duplicateOf')}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((w) => (
            <tr key={w.id} data-code={w.code} data-duplicate-of={w.possibleDuplicateOf ?? ''} className={w.possibleDuplicateOf ? 'walkins__row--dup' : undefined}>
              <td><code>{w.code}</code></td>
              <td>{w.purgedAt ? <i>{t('walkIns.purged')}</i> : w.name}</td>
              <td>{w.company}</td>
              <td>{t(`category.${w.category}`, { defaultValue: w.category })}</td>
              <td>{venueTime(w.registeredAt, timeZone)} · {deviceName(w.deviceId)}</td>
              <td>{w.consents.filter((c) => c.granted).map((c) => t(`walkIns.item_${c.item}`, { defaultValue: c.item })).join(', ')}</td>
              <td data-testid="walkin-duplicate">{w.possibleDuplicateOf ? <b>⚠ {t('walkIns.maybeSame', { code: w.possibleDuplicateOf })}</b> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
