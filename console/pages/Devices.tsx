// Desks of the chosen event, live (every 5 s): health from the last contact,
// outbox depth, last sync, clock difference, app version and checkpoint; an
// admin renames a desk, moves it to another checkpoint, or revokes it (its
// token is refused from then on and the kiosk goes back to pairing).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceInfo, DevicesResponse, type EventBundle } from '../../core/protocol';
import { call, enc } from '../api';
import { useConsole } from '../context';
import { age, localized, venueTime } from '../format';
import { useLoad } from '../hooks';
import { NoEvent } from './NoEvent';
import { HelpCalls } from '../components/HelpCalls';

type Health = 'alive' | 'stale' | 'silent' | 'revoked';

function health(d: DeviceInfo, now: number): Health {
  if (d.revoked) return 'revoked';
  if (!d.lastSeenAt) return 'silent';
  const ms = now - Date.parse(d.lastSeenAt);
  return ms < 2 * 60_000 ? 'alive' : ms < 10 * 60_000 ? 'stale' : 'silent';
}

export function DevicesPage() {
  const { event } = useConsole();
  return event ? <Devices key={event.event.id} bundle={event} /> : <NoEvent />;
}

function Devices({ bundle }: { bundle: EventBundle }) {
  const { t, i18n } = useTranslation();
  const { canWrite, handleError } = useConsole();
  const list = useLoad(() => call(DevicesResponse, `/v1/admin/devices?eventId=${enc(bundle.event.id)}`), [bundle.event.id], 5000);
  const [message, setMessage] = useState('');
  const now = list.at;
  const cpName = (id: string | null | undefined) => (id ? localized(bundle.checkpoints.find((c) => c.id === id)?.name, i18n.language, id) : '—');
  const ago = (iso: string | null) => {
    const a = age(iso, now);
    return a ? t(`age.${a.unit}`, { n: a.n }) : '—';
  };

  const act = async (what: () => Promise<unknown>, done: string) => {
    setMessage('');
    try {
      await what();
      setMessage(done);
      list.reload();
    } catch (err) {
      setMessage(handleError(err));
    }
  };
  const patch = (d: DeviceInfo, json: object, done: string) =>
    act(() => call(DeviceInfo, `/v1/admin/devices/${enc(d.id)}`, { method: 'PATCH', json }), done);

  const rename = (d: DeviceInfo) => {
    const name = window.prompt(t('devices.renamePrompt'), d.name)?.trim();
    if (name && name !== d.name) void patch(d, { name }, t('devices.renamed', { name }));
  };
  const revoke = (d: DeviceInfo) => {
    if (window.confirm(t('devices.revokeConfirm', { name: d.name }))) {
      void act(() => call(DeviceInfo.pick({ id: true }), `/v1/admin/devices/${enc(d.id)}/revoke`, { method: 'POST' }), t('devices.revoked', { name: d.name }));
    }
  };

  const devices = list.data?.devices ?? [];
  return (
    <section data-testid="devices-page">
      <div className="toolbar">
        <h2>{t('devices.title')}</h2>
        <span className="hint">{t('devices.live')}</span>
      </div>
      {list.error && <p className="error" role="alert">{list.error}</p>}
      <p className="status-line" role="status" data-testid="devices-message">
        {message}
      </p>
      <HelpCalls
        devices={devices}
        bundle={bundle}
        onCleared={(m) => {
          setMessage(m);
          list.reload();
        }}
      />
      <table data-testid="devices">
        <thead>
          <tr>
            <th>{t('devices.state')}</th>
            <th>{t('devices.name')}</th>
            <th>{t('common.checkpoint')}</th>
            <th>{t('devices.lastSeen')}</th>
            <th className="num">{t('devices.outbox')}</th>
            <th>{t('devices.lastSync')}</th>
            <th className="num">{t('devices.clock')}</th>
            <th>{t('devices.version')}</th>
            {canWrite && <th>{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {list.data && devices.length === 0 && (
            <tr>
              <td colSpan={9}>{t('devices.none')}</td>
            </tr>
          )}
          {devices.map((d) => {
            const h = health(d, now);
            return (
              <tr key={d.id} data-device={d.id} data-health={h} data-outbox={d.outboxDepth ?? ''} data-checkpoint={d.checkpointId ?? ''} data-help={d.help ? 'open' : undefined}>
                <td className={`health health-${h}`}>
                  {t(`devices.health.${h}`)}
                  {d.help && <b className="help-flag"> 🛎 {t('devices.help.flag')}</b>}
                </td>
                <td className="wrap" data-testid="device-name">{d.name}</td>
                <td>
                  {canWrite && !d.revoked ? (
                    <select
                      aria-label={t('devices.moveTo', { name: d.name })}
                      data-testid="device-move"
                      value={d.assignedCheckpointId ?? d.checkpointId ?? ''}
                      onChange={(e) => void patch(d, { checkpointId: e.target.value }, t('devices.moved', { name: d.name, checkpoint: cpName(e.target.value) }))}
                    >
                      {!d.checkpointId && <option value="">—</option>}
                      {bundle.checkpoints.map((c) => (
                        <option key={c.id} value={c.id}>
                          {localized(c.name, i18n.language)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    cpName(d.checkpointId)
                  )}
                  {d.assignedCheckpointId && d.assignedCheckpointId !== d.checkpointId && (
                    <small className="hint" data-testid="device-assigned">
                      {' '}
                      {t('devices.assigned', { checkpoint: cpName(d.checkpointId) })}
                    </small>
                  )}
                </td>
                <td title={venueTime(d.lastSeenAt, bundle.event.timeZone)}>{ago(d.lastSeenAt)}</td>
                <td className="num">{d.outboxDepth ?? '—'}</td>
                <td title={venueTime(d.lastSyncAt, bundle.event.timeZone)}>{ago(d.lastSyncAt)}</td>
                <td className="num">{d.clockOffsetMs == null ? '—' : t('devices.seconds', { n: (d.clockOffsetMs / 1000).toFixed(1) })}</td>
                <td>{d.appVersion ?? '—'}</td>
                {canWrite && (
                  <td className="actions">
                    <button type="button" data-testid="device-rename" onClick={() => rename(d)}>
                      {t('devices.rename')}
                    </button>
                    {!d.revoked && (
                      <button type="button" className="danger" data-testid="device-revoke" onClick={() => revoke(d)}>
                        {t('devices.revoke')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
