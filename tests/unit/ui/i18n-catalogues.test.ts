// Korean and English are complete, for the kiosk and for the organiser console:
// every key is in both catalogues, and every key is used by the code (a key the
// code never asks for is a string nobody sees — usually a typo on one side).
// Plural forms (_one/_other) count as their base key: Korean has one form.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en as kioskEn } from '../../../renderer/i18n/en';
import { ko as kioskKo } from '../../../renderer/i18n/ko';
import { en as consoleEn } from '../../../console/i18n/en';
import { ko as consoleKo } from '../../../console/i18n/ko';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const unique = (xs: string[]) => [...new Set(xs)].sort();

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

/**
 * Keys the code can ask for: every quoted dotted literal, and every template
 * literal's fixed start (t(`reason.${code}`) uses all of `reason.*`).
 */
function usage(dirs: string[]): { literal: Set<string>; prefixes: string[] } {
  const text = dirs.flatMap(sources).join('\n');
  const literal = new Set([...text.matchAll(/['"`]([A-Za-z][\w]*(?:\.[\w]+)+)['"`]/g)].map((m) => m[1]!));
  const prefixes = [...text.matchAll(/`([A-Za-z][\w]*\.[\w.]*)\$\{/g)].map((m) => m[1]!);
  return { literal, prefixes };
}

function unused(all: string[], use: { literal: Set<string>; prefixes: string[] }): string[] {
  const plurals = new Set(all.filter((k) => /_one$/.test(k)).map((k) => k.replace(PLURAL, '')));
  const base = (k: string) => (plurals.has(k.replace(PLURAL, '')) ? k.replace(PLURAL, '') : k);
  return all.filter((k) => !use.literal.has(base(k)) && !use.prefixes.some((p) => k.startsWith(p)));
}

/** en's `x_one`/`x_other` and ko's plain `x` are the same key (Korean has one plural form). */
function normalise(all: string[]): string[] {
  const plurals = new Set(all.filter((k) => /_one$/.test(k)).map((k) => k.replace(PLURAL, '')));
  return unique(all.map((k) => (plurals.has(k.replace(PLURAL, '')) ? k.replace(PLURAL, '') : k)));
}

describe.each([
  { name: 'kiosk (renderer/i18n)', en: kioskEn, ko: kioskKo, dirs: ['renderer', 'core'] },
  { name: 'console (console/i18n)', en: consoleEn, ko: consoleKo, dirs: ['console', 'core'] },
])('$name', ({ en, ko, dirs }) => {
  const enKeys = normalise(keys(en));
  const koKeys = normalise(keys(ko));

  it('has every key in both Korean and English', () => {
    expect(enKeys.filter((k) => !koKeys.includes(k)), 'missing in ko').toEqual([]);
    expect(koKeys.filter((k) => !enKeys.includes(k)), 'missing in en').toEqual([]);
  });

  it('has no key the code never uses', () => {
    expect(unused(keys(en), usage(dirs))).toEqual([]);
  });

  it('has no empty string in either language', () => {
    const empty = (obj: object, prefix = ''): string[] =>
      Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? (v.trim() ? [] : [`${prefix}${k}`]) : empty(v as object, `${prefix}${k}.`)));
    expect([...empty(en), ...empty(ko)]).toEqual([]);
  });
});

describe('the unused-key check itself', () => {
  it('flags a key nobody asks for and accepts literal and template uses', () => {
    const use = { literal: new Set(['a.b', 'n.files']), prefixes: ['r.'] };
    expect(unused(['a.b', 'r.x', 'a.c', 'n.files_one', 'n.files_other', 'o.reason_other'], use)).toEqual(['a.c', 'o.reason_other']);
  });
});
