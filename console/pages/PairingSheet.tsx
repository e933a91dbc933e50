// A printable sheet of pairing QRs: a number of desks per checkpoint, one
// single-use code each (made one by one through the admin API), laid out as
// cards that print two columns to an A4 page with the code and expiry.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventBundle, PairingCode } from '../../core/protocol';
import { QrImage } from '../components/QrImage';
import { useConsole } from '../context';
import { localized, venueTime } from '../format';
import { Lifetime, LIFETIMES, makePairingCode } from './Pairing';

type Card = PairingCode & { checkpointId: string; n: number };

export function PairingSheet({ bundle }: { bundle: EventBundle }) {
  const { t, i18n } = useTranslation();
  const { handleError } = useConsole();
  const [counts, setCounts] = useState<Record<string, number>>(() => Object.fromEntries(bundle.checkpoints.map((c) => [c.id, 1])));
  const [ttl, setTtl] = useState<number>(LIFETIMES[2]);
  const [cards, setCards] = useState<Card[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const total = Object.values(counts).reduce((a, b) => a + b, 0);

  const make = async () => {
    setBusy(true);
    setError('');
    const made: Card[] = [];
    try {
      for (const cp of bundle.checkpoints) {
        for (let n = 1; n <= (counts[cp.id] ?? 0); n++) made.push({ ...(await makePairingCode(bundle.event.id, cp.id, ttl)), checkpointId: cp.id, n });
      }
      setCards(made);
    } catch (err) {
      setError(handleError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section data-testid="pairing-sheet">
      <div className="toolbar no-print">
        <h2>{t('pairing.sheetTitle')}</h2>
        <a href="#/pairing">{t('pairing.back')}</a>
      </div>
      <div className="sheet-form no-print">
        {bundle.checkpoints.map((c) => (
          <label key={c.id}>
            {localized(c.name, i18n.language)}{' '}
            <input
              type="number"
              min={0}
              max={50}
              data-testid={`sheet-count-${c.id}`}
              value={counts[c.id] ?? 0}
              onChange={(e) => setCounts({ ...counts, [c.id]: Math.max(0, Math.min(50, Number(e.target.value) || 0)) })}
            />
          </label>
        ))}
        <Lifetime value={ttl} onChange={setTtl} />
        <button type="button" className="primary" data-testid="sheet-make" disabled={busy || total === 0} onClick={() => void make()}>
          {t('pairing.sheetMake', { count: total })}
        </button>
        {cards.length > 0 && (
          <button type="button" data-testid="sheet-print" onClick={() => window.print()}>
            {t('pairing.print')}
          </button>
        )}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="sheet">
        {cards.map((c) => {
          const name = localized(bundle.checkpoints.find((x) => x.id === c.checkpointId)?.name, i18n.language);
          return (
            <article key={c.code} className="pair-card" data-testid="sheet-card" data-checkpoint={c.checkpointId}>
              <h3>{t('pairing.cardTitle', { checkpoint: name, n: c.n })}</h3>
              <QrImage text={c.link} label={t('pairing.qrLabel', { checkpoint: name })} className="qr-card" />
              <p>
                <code>{c.code}</code>
              </p>
              <p className="hint">{t('pairing.cardExpiry', { time: venueTime(c.expiresAt, bundle.event.timeZone) })}</p>
            </article>
          );
        })}
      </div>
    </section>
  );
}
