// Distinct verdict sounds, synthesised with WebAudio so no audio files are needed:
// accepted = two rising notes, rejected = a low double buzz, attention = three
// alternating notes (staff must look up). Sounds are a second channel, never the only one.
type Tone = { freq: number; at: number; dur: number; type: OscillatorType };

const PATTERNS: Record<'accepted' | 'rejected' | 'attention' | 'exit', Tone[]> = {
  accepted: [
    { freq: 880, at: 0, dur: 0.09, type: 'sine' },
    { freq: 1320, at: 0.1, dur: 0.14, type: 'sine' },
  ],
  exit: [
    { freq: 1320, at: 0, dur: 0.09, type: 'sine' },
    { freq: 880, at: 0.1, dur: 0.14, type: 'sine' },
  ],
  rejected: [
    { freq: 180, at: 0, dur: 0.22, type: 'square' },
    { freq: 180, at: 0.3, dur: 0.22, type: 'square' },
  ],
  attention: [
    { freq: 988, at: 0, dur: 0.12, type: 'triangle' },
    { freq: 659, at: 0.15, dur: 0.12, type: 'triangle' },
    { freq: 988, at: 0.3, dur: 0.12, type: 'triangle' },
  ],
};

let ctx: AudioContext | undefined;

export function playSound(kind: keyof typeof PATTERNS): void {
  try {
    ctx ??= new AudioContext();
    const start = ctx.currentTime + 0.01;
    for (const tone of PATTERNS[kind]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = tone.type;
      osc.frequency.value = tone.freq;
      gain.gain.setValueAtTime(0.0001, start + tone.at);
      gain.gain.exponentialRampToValueAtTime(0.25, start + tone.at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + tone.at + tone.dur);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + tone.at);
      osc.stop(start + tone.at + tone.dur + 0.02);
    }
  } catch {
    // No audio device (headless test, muted kiosk): the screen still carries the verdict.
  }
}
