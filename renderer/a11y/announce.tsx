// Announcements for people who cannot read the screen: one provider per kiosk
// page owns the voice (renderer/a11y/voice.ts) and two aria-live regions, polite
// for prompts and assertive for verdicts, which carry the same text whether or
// not a voice exists (headless Chromium has none; a screen reader still hears
// the regions). Screens call useAnnounce() — or useAnnounceOnShow() for "say
// this when it appears" — with a message rendered in the UI language, so a
// replay after a language switch is spoken in the new language.
// Volume and speed are this device's preference, kept in IndexedDB meta.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { getMeta, setMeta } from '../storage/db';
import { useKiosk } from '../ui/KioskContext';
import type { Lang } from '../i18n';
import { normaliseSettings, VoiceGuide, type AnnounceKind, type SynthLike, type UtteranceLike, type VoiceSettings } from './voice';

/** A fixed-language translator (i18next's getFixedT). */
export type Translate = (key: string, opts?: Record<string, unknown>) => string;
/** Plain text, or text made from the UI language's strings (re-rendered on replay). */
export type Message = string | ((t: Translate, lang: Lang) => string);

export interface Announcer {
  /** A polite announcement: what to do next. Queues behind speech in progress. */
  prompt(message: Message): void;
  /** An assertive announcement: the answer. Interrupts whatever is being said. */
  verdict(message: Message): void;
  /** Says the last announcement again, in the current language. */
  replay(): void;
  settings: VoiceSettings;
  setSettings(s: Partial<VoiceSettings>): void;
  /** Whether a voice for the UI language exists on this device. */
  voiced: boolean;
}

const META_KEY = 'a11y.voice';

const NOOP: Announcer = {
  prompt: () => undefined,
  verdict: () => undefined,
  replay: () => undefined,
  settings: normaliseSettings(undefined),
  setSettings: () => undefined,
  voiced: false,
};

const AnnounceContext = createContext<Announcer>(NOOP);

/** The page's announcer; a no-op outside the provider (isolated component tests). */
export function useAnnounce(): Announcer {
  return useContext(AnnounceContext);
}

/**
 * Announces `message` when the calling component appears and again whenever
 * `key` changes (e.g. a verdict's sequence number).
 */
export function useAnnounceOnShow(kind: AnnounceKind, message: Message | null, key: unknown = null): void {
  const a = useAnnounce();
  useEffect(() => {
    if (message === null) return;
    if (kind === 'verdict') a.verdict(message);
    else a.prompt(message);
    // Only on appearance and key change, not on every render of the caller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, key]);
}

function browserVoice(): VoiceGuide {
  const w = globalThis as { speechSynthesis?: SynthLike; SpeechSynthesisUtterance?: new (text: string) => UtteranceLike };
  const Utterance = w.SpeechSynthesisUtterance;
  const synth = Utterance ? w.speechSynthesis : undefined;
  return new VoiceGuide(synth, (text) => new Utterance!(text));
}

export function AnnounceProvider({ children }: { children: ReactNode }) {
  const { db, lang, i18n } = useKiosk();
  const guide = useMemo(() => browserVoice(), []);
  useEffect(() => () => guide.dispose(), [guide]);
  const [settings, setSettingsState] = useState<VoiceSettings>(guide.getSettings());
  const [live, setLive] = useState<{ polite: string; assertive: string }>({ polite: '', assertive: '' });
  // Chromium fills its voice list late: look again after a moment (the guide also listens for voiceschanged).
  const [voicesTick, setVoicesTick] = useState(0);
  const voiced = useMemo(() => voicesTick >= 0 && guide.canSpeak(lang), [guide, lang, voicesTick]);
  const last = useRef<{ message: Message; kind: AnnounceKind } | undefined>(undefined);
  const fillTimers = useRef<Partial<Record<'polite' | 'assertive', ReturnType<typeof setTimeout>>>>({});

  useEffect(() => {
    let alive = true;
    void getMeta<Partial<VoiceSettings>>(db, META_KEY).then((stored) => {
      if (alive && stored) setSettingsState(guide.setSettings(stored));
    }).catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [db, guide]);
  useEffect(() => {
    const t = setTimeout(() => setVoicesTick((n) => n + 1), 1_000);
    return () => clearTimeout(t);
  }, []);

  const render = useCallback(
    (message: Message): string =>
      typeof message === 'string' ? message : message((key, opts) => i18n.getFixedT(lang)(key, opts ?? {}), lang),
    [i18n, lang],
  );

  const announce = useCallback(
    (kind: AnnounceKind, message: Message) => {
      const text = render(message);
      last.current = { message, kind };
      guide.say(text, lang, kind);
      const region = kind === 'verdict' ? 'assertive' : 'polite';
      // The same text twice is not re-read by screen readers: empty the region first.
      setLive((l) => ({ ...l, [region]: '' }));
      clearTimeout(fillTimers.current[region]);
      fillTimers.current[region] = setTimeout(() => setLive((l) => ({ ...l, [region]: text })), 60);
    },
    [guide, render, lang],
  );
  useEffect(() => {
    const timers = fillTimers.current;
    return () => Object.values(timers).forEach((t) => clearTimeout(t));
  }, []);

  const value = useMemo<Announcer>(
    () => ({
      prompt: (m) => announce('prompt', m),
      verdict: (m) => announce('verdict', m),
      replay: () => {
        if (last.current) announce('verdict', last.current.message);
      },
      settings,
      setSettings: (s) => {
        const next = guide.setSettings(s);
        setSettingsState(next);
        void setMeta(db, META_KEY, next).catch(() => undefined);
      },
      voiced,
    }),
    [announce, settings, guide, db, voiced],
  );

  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div className="sr-only" aria-live="polite" role="status" data-testid="live-polite">{live.polite}</div>
      <div className="sr-only" aria-live="assertive" role="alert" data-testid="live-assertive">{live.assertive}</div>
    </AnnounceContext.Provider>
  );
}
