// The event's signing keys: id, status (current, verifies only, retired) and
// when made. An admin rotates (a new current key; tickets already printed keep
// working) and retires a key that no longer signs (its tickets stop being
// admitted once kiosks sync), each after a confirm. Viewers see the list only.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventBundle } from '../../core/protocol';
import { useConsole } from '../context';
import { venueTime } from '../format';
import { useLoad } from '../hooks';
import { issuingError, listKeys, retireKey, rotateKey, type SigningKey } from '../issuing-api';

/** `refresh`: a number the parent bumps when the keys may have changed elsewhere (a first issue makes one). */
export function SigningKeys({ bundle, refresh }: { bundle: EventBundle; refresh: number }) {
  const { t } = useTranslation();
  const { canWrite, handleError } = useConsole();
  const id = bundle.event.id;
  const tz = bundle.event.timeZone;
  const list = useLoad(() => listKeys(id), [id, refresh]);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  /** Runs a change; `what` answers the sentence to show when it worked. */
  const act = async (what: () => Promise<string>) => {
    setMessage('');
    setError('');
    try {
      setMessage(await what());
      list.reload();
    } catch (err) {
      setError(issuingError(t, handleError, err));
      list.reload();
    }
  };
  const rotate = () => {
    if (!window.confirm(t('signingKeys.rotateConfirm'))) return;
    void act(async () => {
      const res = await rotateKey(id);
      return t('signingKeys.rotated', { keyId: res.keys.find((k) => k.status === 'active')?.keyId ?? '' });
    });
  };
  const retire = (k: SigningKey) => {
    if (window.confirm(t('signingKeys.retireConfirm', { keyId: k.keyId }))) void act(async () => {
        await retireKey(id, k.keyId);
        return t('signingKeys.retiredDone', { keyId: k.keyId });
      });
  };

  const keys = list.data?.keys ?? [];
  return (
    <div className="card" data-testid="signing-keys">
      <div className="toolbar">
        <h2>{t('signingKeys.title')}</h2>
        <span className="spacer" />
        {canWrite && (
          <button type="button" data-testid="key-rotate" onClick={rotate}>
            {t('signingKeys.rotate')}
          </button>
        )}
      </div>
      <p className="hint">{t('signingKeys.hint')}</p>
      {list.error && <p className="error" role="alert">{list.error}</p>}
      {error && <p className="error" role="alert" data-testid="key-error">{error}</p>}
      <p className="status-line" role="status" data-testid="key-message">
        {message}
      </p>
      <table data-testid="key-list">
        <thead>
          <tr>
            <th>{t('signingKeys.id')}</th>
            <th>{t('signingKeys.status')}</th>
            <th>{t('signingKeys.created')}</th>
            <th>{t('signingKeys.retired')}</th>
            {canWrite && <th>{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {list.data && keys.length === 0 && (
            <tr>
              <td colSpan={canWrite ? 5 : 4}>{t('signingKeys.none')}</td>
            </tr>
          )}
          {keys.map((k) => (
            <tr key={k.keyId} data-key={k.keyId} data-status={k.status}>
              <td>
                <code>{k.keyId}</code>
              </td>
              <td>{t(`signingKeys.statuses.${k.status}`)}</td>
              <td>{venueTime(k.createdAt, tz)}</td>
              <td>{venueTime(k.retiredAt, tz)}</td>
              {canWrite && (
                <td>
                  {k.status === 'verify' && (
                    <button type="button" className="danger" data-testid={`key-retire-${k.keyId}`} onClick={() => retire(k)}>
                      {t('signingKeys.retire')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
