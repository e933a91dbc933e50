// Voice selection and queueing (renderer/a11y/voice.ts) against a stubbed
// speechSynthesis. Stubbed because headless Chromium — where our e2e run — has
// no voices at all (getVoices() is empty), so the real API would only ever take
// the "nothing to speak with" branch; the stub has the voices a Windows or
// Android kiosk reports and records what it was asked to say, in order.
import { describe, expect, it } from 'vitest';
import { pickVoice, step, VoiceGuide, type SynthLike, type UtteranceLike, type VoiceLike, VOLUME_STEPS, RATE_STEPS } from '../../../renderer/a11y/voice';

const voice = (name: string, lang: string, extra: Partial<VoiceLike> = {}): VoiceLike => ({ name, lang, localService: true, ...extra });

type Event = { kind: 'speak'; u: UtteranceLike & { onend?: () => void } } | { kind: 'cancel' };

function stubSynth(voices: VoiceLike[]) {
  const events: Event[] = [];
  const listeners: Array<() => void> = [];
  const synth: SynthLike & { voices: VoiceLike[] } = {
    voices,
    getVoices: () => synth.voices,
    speak: (u) => void events.push({ kind: 'speak', u }),
    cancel: () => void events.push({ kind: 'cancel' }),
    addEventListener: (_t, fn) => void listeners.push(fn),
  };
  const spoken = () => events.flatMap((e) => (e.kind === 'speak' ? [e.u.text] : []));
  return { synth, events, spoken, voicesChanged: () => listeners.forEach((f) => f()) };
}
const utterance = (text: string): UtteranceLike => ({ text, lang: '', voice: null, volume: 1, rate: 1 });

const WINDOWS = [voice('Microsoft David', 'en-US', { default: true }), voice('Microsoft Heami', 'ko-KR'), voice('Google UK English', 'en-GB', { localService: false })];

describe('pickVoice', () => {
  it('takes the exact tag for each UI language', () => {
    expect(pickVoice(WINDOWS, 'ko')?.name).toBe('Microsoft Heami');
    expect(pickVoice(WINDOWS, 'en')?.name).toBe('Microsoft David');
  });

  it('falls back to the language in another region, Android spelling included', () => {
    expect(pickVoice([voice('UK', 'en-GB'), voice('Korean', 'ko_KR')], 'en')?.name).toBe('UK');
    expect(pickVoice([voice('UK', 'en-GB'), voice('Korean', 'ko_KR')], 'ko')?.name).toBe('Korean');
  });

  it('prefers a local voice over a network one (the network may be down)', () => {
    const vs = [voice('Cloud Korean', 'ko-KR', { localService: false, default: true }), voice('Local Korean', 'ko-KR')];
    expect(pickVoice(vs, 'ko')?.name).toBe('Local Korean');
  });

  it('never reads Korean with an English voice: no match means no voice', () => {
    expect(pickVoice([voice('David', 'en-US')], 'ko')).toBeUndefined();
    expect(pickVoice([], 'en')).toBeUndefined();
  });
});

describe('VoiceGuide', () => {
  it('speaks in the language tag and voice of the UI language, with the volume and speed set', () => {
    const s = stubSynth(WINDOWS);
    const g = new VoiceGuide(s.synth, utterance, { volume: 0.5, rate: 1.25 });
    expect(g.say('입장하세요', 'ko', 'verdict')).toBe(true);
    const u = s.events.flatMap((e) => (e.kind === 'speak' ? [e.u] : []))[0]!;
    expect(u).toMatchObject({ text: '입장하세요', lang: 'ko-KR', volume: 0.5, rate: 1.25 });
    expect(u.voice?.name).toBe('Microsoft Heami');
  });

  it('a verdict interrupts: queued speech is cancelled before it is said', () => {
    const s = stubSynth(WINDOWS);
    const g = new VoiceGuide(s.synth, utterance);
    g.say('Scan your QR code', 'en', 'prompt');
    g.say('Welcome', 'en', 'verdict');
    expect(s.events.map((e) => (e.kind === 'speak' ? e.u.text : 'cancel'))).toEqual(['Scan your QR code', 'cancel', 'Welcome']);
  });

  it('prompts queue behind each other, and the same prompt is not queued twice until it has been said', () => {
    const s = stubSynth(WINDOWS);
    const g = new VoiceGuide(s.synth, utterance);
    g.say('Scan your QR code', 'en', 'prompt');
    g.say('Scan your QR code', 'en', 'prompt');
    g.say('Or search by name', 'en', 'prompt');
    expect(s.spoken()).toEqual(['Scan your QR code', 'Or search by name']);
    expect(s.events.some((e) => e.kind === 'cancel')).toBe(false);
    const first = s.events[0]!;
    if (first.kind === 'speak') first.u.onend?.();
    g.say('Scan your QR code', 'en', 'prompt');
    expect(s.spoken()).toEqual(['Scan your QR code', 'Or search by name', 'Scan your QR code']);
  });

  it('replay says the last announcement again, now', () => {
    const s = stubSynth(WINDOWS);
    const g = new VoiceGuide(s.synth, utterance);
    g.say('이미 체크인됨', 'ko', 'verdict');
    expect(g.replay()).toBe(true);
    expect(s.spoken()).toEqual(['이미 체크인됨', '이미 체크인됨']);
  });

  it('without voices (headless Chromium) nothing is spoken and nothing throws; voices arriving later are used', () => {
    const s = stubSynth([]);
    const g = new VoiceGuide(s.synth, utterance);
    expect(g.canSpeak('ko')).toBe(false);
    expect(g.say('환영합니다', 'ko', 'verdict')).toBe(false);
    expect(s.spoken()).toEqual([]);
    s.synth.voices = WINDOWS;
    s.voicesChanged();
    expect(g.say('환영합니다', 'ko', 'verdict')).toBe(true);
    expect(g.lastSpoken()).toEqual({ text: '환영합니다', lang: 'ko', kind: 'verdict' });
  });

  it('without a synthesiser at all, or with one that throws, say() is false and the page carries on', () => {
    expect(new VoiceGuide(undefined, utterance).say('Welcome', 'en', 'verdict')).toBe(false);
    const broken: SynthLike = { getVoices: () => WINDOWS, speak: () => { throw new Error('audio device gone'); }, cancel: () => { throw new Error('gone'); } };
    expect(new VoiceGuide(broken, utterance).say('Welcome', 'en', 'verdict')).toBe(false);
  });

  it('volume 0 is silence, and settings are clamped to what the API accepts', () => {
    const s = stubSynth(WINDOWS);
    const g = new VoiceGuide(s.synth, utterance);
    expect(g.setSettings({ volume: 0 })).toEqual({ volume: 0, rate: 1 });
    expect(g.say('Welcome', 'en', 'verdict')).toBe(false);
    expect(s.spoken()).toEqual([]);
    expect(g.setSettings({ volume: 7, rate: 9 })).toEqual({ volume: 1, rate: 2 });
    expect(g.setSettings({ rate: Number.NaN })).toEqual({ volume: 1, rate: 2 });
  });

  it('steps move along their lists and stop at the ends', () => {
    expect(step(VOLUME_STEPS, 1, 1)).toBe(1);
    expect(step(VOLUME_STEPS, 1, -1)).toBe(0.75);
    expect(step(VOLUME_STEPS, 0, -1)).toBe(0);
    expect(step(RATE_STEPS, 1, 1)).toBe(1.25);
    expect(step(RATE_STEPS, 0.75, -1)).toBe(0.75);
  });
});
