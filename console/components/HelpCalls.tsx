// Kiosks calling for help (issue 12), above the Desks table: one line per open
// call — which desk, where, since when — in an alert, and (for admins) "Clear"
// once someone is on the way. The kiosk hears the clearing on its next heartbeat.
// The chime is sounded by the shell's HelpBanner, once per new call on any page.
import { useTranslation } from 'react-i18next';
import { HelpClearResponse, type DeviceInfo, type EventBundle } from '../../core/protocol';
import { call, enc } from '../api';
import { useConsole } from '../context';
import { localized, venueTime } from '../format';

export function HelpCalls({ devices, bundle, onCleared }: { devices: DeviceInfo[]; bundle: EventBundle; onCleared(message: string): void }) {
  const { t, i18n } = useTranslation();
  const { canWrite, handleError } = useConsole();
  const open = devices.filter((d) => d.help && !d.revoked);
  if (open.length === 0) return null;

  const clear = async (d: DeviceInfo) => {
    try {
      await call(HelpClearResponse, `/v1/admin/devices/${enc(d.id)}/help/clear`, { method: 'POST', json: { id: d.help!.id } });
      onCleared(t('devices.help.cleared', { name: d.name }));
    } catch (err) {
      onCleared(handleError(err));
    }
  };
  const where = (d: DeviceInfo) => (d.checkpointId ? localized(bundle.checkpoints.find((c) => c.id === d.checkpointId)?.name, i18n.language, d.checkpointId) : '—');

  return (
    <div className="help-calls" role="alert" data-testid="help-calls">
      <h3>🛎 {t('devices.help.title', { count: open.length })}</h3>
      <ul>
        {open.map((d) => (
          <li key={d.id} data-testid="help-call" data-device={d.id}>
            <strong>{d.name}</strong> · {where(d)} · {t('devices.help.since', { time: venueTime(d.help!.requestedAt, bundle.event.timeZone) })}
            {canWrite && (
              <button type="button" data-testid="help-clear" onClick={() => void clear(d)}>
                {t('devices.help.clear')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

let ctx: AudioContext | undefined;

/** Three bright notes, twice: heard across a registration area, unlike the kiosks' verdict tones. */
export function chime(): void {
  try {
    ctx ??= new AudioContext();
    const start = ctx.currentTime + 0.01;
    [0, 0.6].forEach((rep) =>
      [1047, 1319, 1568].forEach((freq, i) => {
        const osc = ctx!.createOscillator();
        const gain = ctx!.createGain();
        const at = start + rep + i * 0.14;
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.3, at + 0.01);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
        osc.connect(gain).connect(ctx!.destination);
        osc.start(at);
        osc.stop(at + 0.3);
      }),
    );
  } catch {
    // No audio (muted laptop, blocked autoplay): the red banner still shows the call.
  }
}
