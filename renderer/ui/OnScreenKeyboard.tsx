// On-screen keyboard for touch kiosks without a keyboard: 2-beolsik Hangul (jamo
// compose into syllables as they are tapped, so 김 + ㅊ + ㅓ shows 김처) and ABC.
import { useState } from 'react';
import { assemble, disassemble, removeLastCharacter } from 'es-hangul';
import { useBilingual } from './KioskContext';

const HANGUL_ROWS = ['ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ', 'ㅁㄴㅇㄹㅎㅗㅓㅏㅣ', 'ㅋㅌㅊㅍㅠㅜㅡ'];
const LATIN_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Appends one tapped key to the text, composing Hangul syllables. */
export function typeKey(text: string, key: string): string {
  return assemble([...disassemble(text).split(''), key]);
}

export function backspace(text: string): string {
  return removeLastCharacter(text);
}

export function OnScreenKeyboard({ value, onChange }: { value: string; onChange(next: string): void }) {
  const [layout, setLayout] = useState<'hangul' | 'latin'>('hangul');
  const { ko, en } = useBilingual();
  const rows = layout === 'hangul' ? HANGUL_ROWS : LATIN_ROWS;
  return (
    <div className="osk" role="group" aria-label="keyboard">
      {rows.map((row) => (
        <div className="osk__row" key={row}>
          {[...row].map((k) => (
            <button type="button" key={k} className="osk__key" onClick={() => onChange(typeKey(value, k))}>
              {k}
            </button>
          ))}
        </div>
      ))}
      <div className="osk__row">
        <button type="button" className="osk__key osk__key--wide" onClick={() => setLayout(layout === 'hangul' ? 'latin' : 'hangul')}>
          {layout === 'hangul' ? en('search.latin') : ko('search.hangul')}
        </button>
        <button type="button" className="osk__key osk__key--space" onClick={() => onChange(`${value} `)}>
          {ko('search.space')}
        </button>
        <button type="button" className="osk__key osk__key--wide" aria-label="backspace" onClick={() => onChange(backspace(value))}>
          ⌫
        </button>
        <button type="button" className="osk__key osk__key--wide" onClick={() => onChange('')}>
          {ko('search.clear')}
        </button>
      </div>
    </div>
  );
}
