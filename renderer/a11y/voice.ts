// Voice guidance through the Web Speech API (speechSynthesis): which installed
// voice speaks a UI language, and the small queue on top of the browser's own.
// No React here, and the synthesiser is passed in, so the rules are unit-tested
// with a stub (headless Chromium has no voices at all). Speech is a second
// channel: the aria-live regions (renderer/a11y/announce.tsx) carry the same
// text whether or not anything is spoken.
import type { Lang } from '../i18n';

/** The subset of SpeechSynthesisVoice we read. */
export interface VoiceLike {
  name: string;
  lang: string;
  localService?: boolean;
  default?: boolean;
}

/** The subset of SpeechSynthesisUtterance we set. */
export interface UtteranceLike {
  text: string;
  lang: string;
  voice: VoiceLike | null;
  volume: number;
  rate: number;
}

/** The subset of window.speechSynthesis we use. */
export interface SynthLike {
  getVoices(): VoiceLike[];
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  addEventListener?(type: 'voiceschanged', listener: () => void): void;
  removeEventListener?(type: 'voiceschanged', listener: () => void): void;
}

export type AnnounceKind = 'prompt' | 'verdict';

export interface VoiceSettings {
  /** 0 (silent) to 1. */
  volume: number;
  /** Speech rate: 0.5 (slow) to 2. */
  rate: number;
}

export const DEFAULT_VOICE_SETTINGS: VoiceSettings = { volume: 1, rate: 1 };
export const VOLUME_STEPS = [0, 0.25, 0.5, 0.75, 1] as const;
export const RATE_STEPS = [0.75, 1, 1.25, 1.5] as const;

/** The BCP 47 tag each UI language is spoken in. */
export const SPEECH_TAG: Record<Lang, string> = { ko: 'ko-KR', en: 'en-US' };

/** Clamps stored or stepped settings into the ranges the Web Speech API accepts. */
export function normaliseSettings(s: Partial<VoiceSettings> | undefined): VoiceSettings {
  const volume = Number.isFinite(s?.volume) ? Math.min(1, Math.max(0, s!.volume!)) : DEFAULT_VOICE_SETTINGS.volume;
  const rate = Number.isFinite(s?.rate) ? Math.min(2, Math.max(0.5, s!.rate!)) : DEFAULT_VOICE_SETTINGS.rate;
  return { volume, rate };
}

/** Moves a setting to the next step up or down its list (never past the ends). */
export function step(steps: readonly number[], current: number, dir: 1 | -1): number {
  let i = steps.findIndex((v) => v >= current - 1e-9);
  if (i < 0) i = steps.length - 1;
  return steps[Math.min(steps.length - 1, Math.max(0, i + dir))]!;
}

/**
 * The voice for a UI language, or undefined when none speaks it: the exact tag
 * first (ko-KR; Android spells it ko_KR), then the language in any region
 * (en-GB for English). Local voices before network ones, which fail offline;
 * the platform's default as a tiebreak. A Korean prompt read by an English
 * voice is noise, so no match means no speech.
 */
export function pickVoice(voices: readonly VoiceLike[], lang: Lang): VoiceLike | undefined {
  const tag = SPEECH_TAG[lang].toLowerCase();
  const norm = (v: VoiceLike) => v.lang.replace('_', '-').toLowerCase();
  const score = (v: VoiceLike): number => {
    const l = norm(v);
    const match = l === tag ? 4 : l === lang || l.startsWith(`${lang}-`) ? 2 : 0;
    if (!match) return 0;
    return match + (v.localService !== false ? 1 : 0) + (v.default ? 0.5 : 0);
  };
  let best: VoiceLike | undefined;
  let bestScore = 0;
  for (const v of voices) {
    const s = score(v);
    if (s > bestScore) {
      best = v;
      bestScore = s;
    }
  }
  return best;
}

export interface Spoken {
  text: string;
  lang: Lang;
  kind: AnnounceKind;
}

/**
 * Speaks prompts and verdicts. A verdict interrupts whatever is speaking or
 * queued (the person in front of the kiosk needs the answer now, not the end of
 * a prompt); a prompt queues behind what is speaking, and the same prompt is not
 * queued twice. Everything fails soft: no synthesiser, no voice, or a throwing
 * one only means nothing is heard.
 */
export class VoiceGuide {
  private settings: VoiceSettings;
  private last: Spoken | undefined;
  private voices: VoiceLike[] = [];
  private queuedPrompt: string | undefined;
  private readonly onVoices = () => this.loadVoices();

  constructor(
    private readonly synth: SynthLike | undefined,
    private readonly makeUtterance: (text: string) => UtteranceLike,
    settings: Partial<VoiceSettings> = DEFAULT_VOICE_SETTINGS,
  ) {
    this.settings = normaliseSettings(settings);
    // Chromium fills getVoices() asynchronously: ask now and again on voiceschanged.
    this.loadVoices();
    synth?.addEventListener?.('voiceschanged', this.onVoices);
  }

  dispose(): void {
    this.synth?.removeEventListener?.('voiceschanged', this.onVoices);
  }

  private loadVoices(): void {
    try {
      this.voices = this.synth?.getVoices() ?? [];
    } catch {
      this.voices = [];
    }
  }

  /** Whether anything can be heard in this language (a voice exists for it). */
  canSpeak(lang: Lang): boolean {
    if (!this.voices.length) this.loadVoices();
    return !!this.synth && pickVoice(this.voices, lang) !== undefined;
  }

  getSettings(): VoiceSettings {
    return this.settings;
  }

  setSettings(s: Partial<VoiceSettings>): VoiceSettings {
    // A non-number (a damaged stored preference) keeps the current value.
    const volume = Number.isFinite(s.volume) ? s.volume : this.settings.volume;
    const rate = Number.isFinite(s.rate) ? s.rate : this.settings.rate;
    this.settings = normaliseSettings({ volume, rate });
    if (this.settings.volume === 0) this.stop();
    return this.settings;
  }

  lastSpoken(): Spoken | undefined {
    return this.last;
  }

  /** Speaks `text`; true when it was handed to a voice. */
  say(text: string, lang: Lang, kind: AnnounceKind): boolean {
    const trimmed = text.trim();
    if (!trimmed) return false;
    this.last = { text: trimmed, lang, kind };
    if (kind === 'prompt' && this.queuedPrompt === trimmed) return false;
    if (this.settings.volume === 0 || !this.canSpeak(lang)) return false;
    const voice = pickVoice(this.voices, lang)!;
    try {
      if (kind === 'verdict') this.stop();
      const u = this.makeUtterance(trimmed);
      u.lang = SPEECH_TAG[lang];
      u.voice = voice;
      u.volume = this.settings.volume;
      u.rate = this.settings.rate;
      if (kind === 'prompt') {
        this.queuedPrompt = trimmed;
        const done = () => {
          if (this.queuedPrompt === trimmed) this.queuedPrompt = undefined;
        };
        const events = u as unknown as { onend?: () => void; onerror?: () => void };
        events.onend = done;
        events.onerror = done;
      }
      this.synth!.speak(u);
      return true;
    } catch {
      return false;
    }
  }

  /** Says the last announcement again, now (the replay button). */
  replay(text?: string, lang?: Lang): boolean {
    const last = this.last;
    if (!last) return false;
    return this.say(text ?? last.text, lang ?? last.lang, 'verdict');
  }

  stop(): void {
    this.queuedPrompt = undefined;
    try {
      this.synth?.cancel();
    } catch {
      // A broken synthesiser: nothing was being heard anyway.
    }
  }
}
