// The installers' configuration, checked without building them: no Electron binary
// (which electron-builder packs) can be had here. electron-builder.yml is parsed,
// validated against electron-builder's own schema, and held to our rules: targets,
// a files whitelist that ships no sources, tests or source maps, bilingual names,
// a stable data folder; and the electron-vite build that feeds it.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import viteConfig from '../../../electron.vite.config';

const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { minimatch } = require('minimatch') as { minimatch(path: string, pattern: string, options: { dot: boolean }): boolean };

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  extraResources: { from: string; to: string }[];
  directories: { output: string; buildResources: string };
  linux: { target: string[]; synopsis: string; description: string; desktop: { entry: Record<string, string> } };
  deb: { synopsis: string };
  win: { target: { target: string }[] };
  nsis: Record<string, unknown>;
  [key: string]: unknown;
}
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** electron-builder's rule: the last matching pattern wins, "!" excludes. */
function shipped(path: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    const negate = pattern.startsWith('!');
    if (included !== negate) continue;
    if (minimatch(path, negate ? pattern.slice(1) : pattern, { dot: true })) included = !negate;
  }
  return included;
}

const HANGUL = /[\uac00-\ud7a3]/;

describe('electron-builder.yml', () => {
  it('is valid for electron-builder 26', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(c: unknown, logger: { isEnabled: boolean }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false })).resolves.toBeUndefined();
  });

  it('names the app and builds AppImage + deb for Linux, NSIS for Windows', () => {
    expect(config.appId).toBe('kr.turnout.kiosk');
    expect(config.productName).toBe('Turnout');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.publish).toBeNull();
  });

  it('ships the built app only: no sources, no tests, no source maps, no node_modules', () => {
    expect(config.files.filter((p) => !p.startsWith('!'))).toEqual(['out/**/*', 'package.json']);
    expect(config.files).toEqual(expect.arrayContaining(['!**/*.map', '!node_modules/**/*']));
    for (const path of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/zxing_reader.wasm', 'package.json']) {
      expect(shipped(path), path).toBe(true);
    }
    for (const path of ['out/main/index.js.map', 'out/renderer/assets/index.js.map', 'electron/main.ts', 'core/kiosk-api.ts', 'renderer/main.tsx', 'tests/unit/electron/ipc.test.ts', 'tests/electron/kiosk.spec.ts', 'node_modules/zod/index.js', 'server/index.ts', 'electron-builder.yml', '.env']) {
      expect(shipped(path), path).toBe(false);
    }
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
  });

  it('carries the runtime resources and a 512×512 PNG icon', () => {
    for (const r of config.extraResources) expect(existsSync(join(root, r.from)), r.from).toBe(true);
    expect(config.extraResources).toContainEqual({ from: 'resources/icon.png', to: 'icon.png' });
    const png = readFileSync(join(root, 'resources', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(config.directories.buildResources).toBe('resources');
  });

  it('speaks Korean and English: installer languages, shortcut, desktop entry, package text', () => {
    expect(config.nsis.installerLanguages).toEqual(['ko_KR', 'en_US']);
    expect(config.nsis.multiLanguageInstaller).toBe(true);
    expect(config.nsis.shortcutName).toMatch(HANGUL);
    expect(config.linux.desktop.entry['Name[ko]']).toMatch(HANGUL);
    expect(config.linux.desktop.entry.Name).toBe('Turnout');
    expect(config.linux.synopsis).toMatch(HANGUL);
    expect(config.linux.synopsis).toMatch(/check-in/i);
    expect(config.linux.description).toMatch(HANGUL);
    expect(config.deb.synopsis).toMatch(HANGUL);
  });

  it('keeps the kiosk data across updates and uninstalls', () => {
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(config.nsis.perMachine).toBe(false);
    const main = readFileSync(join(root, 'electron', 'main.ts'), 'utf8');
    expect(main).toMatch(/const USER_DATA_DIR = 'turnout-kiosk';/);
    expect(main).toMatch(/app\.setPath\('userData',[^)]*USER_DATA_DIR/);
  });
});

describe('electron-vite build', () => {
  const build = (section: 'main' | 'preload' | 'renderer') => (viteConfig as Record<string, { build?: Record<string, unknown>; root?: string }>)[section];

  it('emits no source maps and bundles main/preload dependencies', () => {
    for (const s of ['main', 'preload', 'renderer'] as const) expect(build(s)?.build?.sourcemap, s).toBe(false);
    expect(build('main')?.build?.externalizeDeps).toBe(false);
    expect(build('preload')?.build?.externalizeDeps).toBe(false);
  });

  it('makes the sandboxed preload one CommonJS file and points at the kiosk page', () => {
    const rolldown = build('preload')?.build?.rolldownOptions as { output: { format: string; entryFileNames: string } };
    expect(rolldown.output).toEqual({ format: 'cjs', entryFileNames: '[name].cjs' });
    expect(build('renderer')?.root).toBe(join(root, 'renderer'));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
  });

  it.runIf(existsSync(join(root, 'out', 'main', 'index.js')))('left no source maps or tests in out/ (after `electron-vite build`)', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p.slice(root.length + 1));
      }
    };
    walk(join(root, 'out'));
    expect(files.filter((f) => f.endsWith('.map') || /\.(test|spec)\./.test(f))).toEqual([]);
    expect(files).toContain(join('out', 'preload', 'index.cjs'));
    expect(readFileSync(join(root, 'out', 'preload', 'index.cjs'), 'utf8')).not.toMatch(/^import /m);
  });
});
