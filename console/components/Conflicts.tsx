// Conflicts pair by pair: each admission flagged `conflict` beside the stored
// admission it repeated — which desk, when — so staff can see what happened
// (two desks offline admitting one ticket), not only how often.
import { useTranslation } from 'react-i18next';
import type { ConflictPair } from '../../core/protocol';
import { venueTime } from '../format';

export function Conflicts({ items, timeZone, checkpointName, deviceName }: {
  items: ConflictPair[];
  timeZone: string;
  checkpointName(id: string): string;
  deviceName(id: string): string;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <p data-testid="conflicts-none">{t('reports.noConflicts')}</p>;
  return (
    <table data-testid="conflicts">
      <thead>
        <tr>
          <th>{t('ticket.code')}</th>
          <th>{t('ticket.name')}</th>
          <th>{t('common.checkpoint')}</th>
          <th>{t('reports.firstAdmission')}</th>
          <th>{t('reports.conflictAdmission')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((p) => (
          <tr key={p.conflict.id} data-conflict={p.conflict.id} data-code={p.code}>
            <td>
              <code>{p.code}</code>
            </td>
            <td>{p.name ?? '—'}</td>
            <td>{checkpointName(p.checkpointId)}</td>
            <td data-testid="conflict-first">
              {p.first ? t('reports.firstAt', { time: venueTime(p.first.scannedAt, timeZone), device: deviceName(p.first.deviceId) }) : t('reports.firstUnknown')}
            </td>
            <td data-testid="conflict-second">
              {venueTime(p.conflict.scannedAt, timeZone)} · {deviceName(p.conflict.deviceId)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
