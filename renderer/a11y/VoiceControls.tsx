// The voice guidance controls: replay, and volume and speed in steps. Buttons,
// not sliders, so a touch, a keypad's Enter or a mouse all work the same, each a
// target of at least 44 × 44 px (styles in a11y.css). `compact` shows replay only
// (the staffed desk keeps its volume behind the staff screen).
import { useTranslation } from 'react-i18next';
import { useAnnounce } from './announce';
import { SpeakerIcon } from './icons';
import { RATE_STEPS, step, VOLUME_STEPS } from './voice';
import './a11y.css';

export function VoiceControls({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const a = useAnnounce();
  const { volume, rate } = a.settings;
  const replay = (
    <button type="button" className="btn voice__btn" data-testid="voice-replay" onClick={() => a.replay()}>
      <SpeakerIcon /> {t('voice.replay')}
    </button>
  );
  if (compact) return replay;
  return (
    <div className="voice" role="group" aria-label={t('voice.controls')} data-testid="voice-controls" data-voiced={a.voiced ? 'true' : 'false'}>
      {replay}
      <span className="voice__value" data-testid="voice-volume">{t('voice.volume', { pct: Math.round(volume * 100) })}</span>
      <button type="button" className="btn voice__btn" onClick={() => a.setSettings({ volume: step(VOLUME_STEPS, volume, -1) })} disabled={volume <= VOLUME_STEPS[0]}>
        {t('voice.volumeDown')}
      </button>
      <button type="button" className="btn voice__btn" onClick={() => a.setSettings({ volume: step(VOLUME_STEPS, volume, 1) })} disabled={volume >= VOLUME_STEPS[4]}>
        {t('voice.volumeUp')}
      </button>
      <span className="voice__value" data-testid="voice-rate">{t('voice.rate', { rate })}</span>
      <button type="button" className="btn voice__btn" onClick={() => a.setSettings({ rate: step(RATE_STEPS, rate, -1) })} disabled={rate <= RATE_STEPS[0]}>
        {t('voice.slower')}
      </button>
      <button type="button" className="btn voice__btn" onClick={() => a.setSettings({ rate: step(RATE_STEPS, rate, 1) })} disabled={rate >= RATE_STEPS[3]}>
        {t('voice.faster')}
      </button>
      {!a.voiced && <p className="voice__none" data-testid="voice-none">{t('voice.noVoice')}</p>}
    </div>
  );
}
