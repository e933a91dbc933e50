// Pairing: pick a checkpoint (or let the desk choose), make a single-use
// pairing code and show its QR large, with the code to type and when it
// expires; or make a printable sheet of pairing QRs for many desks at once
// (PairingSheet). Making a code is a write: the viewer role sees neither.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PairingCode, type EventBundle } from '../../core/protocol';
import { call, enc } from '../api';
import { QrImage } from '../components/QrImage';
import { useConsole } from '../context';
import { localized, venueTime } from '../format';
import { useRoute } from '../hooks';
import { NoEvent } from './NoEvent';
import { PairingSheet } from './PairingSheet';

export const LIFETIMES = [15 * 60, 3600, 8 * 3600, 24 * 3600] as const;

export function PairingPage() {
  const { event, canWrite } = useConsole();
  const { t } = useTranslation();
  const route = useRoute();
  if (!event) return <NoEvent />;
  if (!canWrite) return <p className="empty" data-testid="read-only-note">{t('common.readOnly')}</p>;
  return route === 'pairing/sheet' ? <PairingSheet key={event.event.id} bundle={event} /> : <PairOne key={event.event.id} bundle={event} />;
}

export function makePairingCode(eventId: string, checkpointId: string, ttlSeconds: number) {
  return call(PairingCode, `/v1/admin/events/${enc(eventId)}/pairing-codes`, {
    method: 'POST',
    json: { ...(checkpointId ? { checkpointId } : {}), ttlSeconds },
  });
}

function PairOne({ bundle }: { bundle: EventBundle }) {
  const { t, i18n } = useTranslation();
  const { handleError } = useConsole();
  const [checkpointId, setCheckpointId] = useState(bundle.checkpoints[0]?.id ?? '');
  const [ttl, setTtl] = useState<number>(LIFETIMES[0]);
  const [code, setCode] = useState<PairingCode & { checkpointId: string }>();
  const [error, setError] = useState('');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const make = async () => {
    setError('');
    try {
      setCode({ ...(await makePairingCode(bundle.event.id, checkpointId, ttl)), checkpointId });
    } catch (err) {
      setError(handleError(err));
    }
  };
  const left = code ? Math.max(0, Math.round((Date.parse(code.expiresAt) - now) / 1000)) : 0;
  const cpName = localized(bundle.checkpoints.find((c) => c.id === code?.checkpointId)?.name, i18n.language, t('pairing.anyCheckpoint'));

  return (
    <section data-testid="pairing-page">
      <div className="toolbar no-print">
        <h2>{t('pairing.title')}</h2>
        <label>
          {t('common.checkpoint')}{' '}
          <select data-testid="pair-checkpoint" value={checkpointId} onChange={(e) => setCheckpointId(e.target.value)}>
            {bundle.checkpoints.map((c) => (
              <option key={c.id} value={c.id}>
                {localized(c.name, i18n.language)}
              </option>
            ))}
            <option value="">{t('pairing.anyCheckpoint')}</option>
          </select>
        </label>
        <Lifetime value={ttl} onChange={setTtl} />
        <button type="button" className="primary" data-testid="pair-make" onClick={() => void make()}>
          {t('pairing.make')}
        </button>
        <span className="spacer" />
        <a className="button" href="#/pairing/sheet" data-testid="pair-sheet-link">
          {t('pairing.sheet')}
        </a>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {code && (
        <div className="pair-big" data-testid="pair-code" data-expired={left === 0}>
          <QrImage text={code.link} label={t('pairing.qrLabel', { checkpoint: cpName })} className="qr-big" testId="pair-qr" />
          <div>
            <p className="pair-cp">{cpName}</p>
            <p className="pair-code-text">
              <code>{code.code}</code>
            </p>
            <p data-testid="pair-expiry">
              {left > 0
                ? t('pairing.expiresIn', { time: venueTime(code.expiresAt, bundle.event.timeZone), minutes: Math.floor(left / 60), seconds: left % 60 })
                : t('pairing.expired')}
            </p>
            <p className="hint">{t('pairing.howTo')}</p>
          </div>
        </div>
      )}
    </section>
  );
}

export function Lifetime({ value, onChange }: { value: number; onChange(v: number): void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t('pairing.lifetime')}{' '}
      <select data-testid="pair-ttl" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {LIFETIMES.map((s) => (
          <option key={s} value={s}>
            {s < 3600 ? t('pairing.minutes', { n: s / 60 }) : t('pairing.hours', { n: s / 3600 })}
          </option>
        ))}
      </select>
    </label>
  );
}
