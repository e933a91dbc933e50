// Downgrade refusal: an older Turnout (or an older Chromium) must not open a data
// folder a newer one wrote — Chromium would discard the newer IndexedDB with the
// unsent check-ins. The guard on the real file system, main refusing to open a
// window (with 'electron' mocked: no binary runs here), and the NSIS installer hook.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDowngrade, compareVersions, guardAgainstDowngrade, VERSION_FILE } from '../../../electron/version-guard';
import { tempDir } from '../journal/helpers';

describe('compareVersions', () => {
  it.each([
    ['1.2.3', '1.2.3', 0],
    ['1.2.10', '1.2.9', 1],
    ['1.10.0', '1.9.9', 1],
    ['2.0.0', '10.0.0', -1],
    ['1.0.0', '1.0.0-beta.2', 1],
    ['1.0.0-beta.2', '1.0.0-beta.10', 1], // by text, as documented: prereleases are not kiosk releases
    ['v1.2.0', '1.2', 0],
  ])('%s vs %s → %i', (a, b, want) => expect(compareVersions(a, b)).toBe(want));
});

describe('checkDowngrade', () => {
  const prev = { appVersion: '1.4.0', chromeVersion: '140.0.7339.41', at: '2025-09-01T00:00:00.000Z' };
  it('lets a first start, the same version and upgrades through', () => {
    expect(checkDowngrade(null, '1.0.0', '140.0.0.0')).toEqual({ ok: true, previous: null });
    expect(checkDowngrade(prev, '1.4.0', '140.0.7339.41').ok).toBe(true);
    expect(checkDowngrade(prev, '1.5.0', '142.0.0.0').ok).toBe(true);
  });
  it('refuses an older app and an older Chromium, saying which version to install', () => {
    expect(checkDowngrade(prev, '1.3.9', '140.0.7339.41')).toMatchObject({ ok: false, reason: 'app_downgrade', message: expect.stringContaining('Install 1.4.0 or newer') });
    expect(checkDowngrade(prev, '1.4.1', '138.0.1.2')).toMatchObject({ ok: false, reason: 'chromium_downgrade', message: expect.stringContaining('Chromium 140 or newer') });
  });
});

describe('guardAgainstDowngrade (real files)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('records the newest version that ran and refuses to go back', async () => {
    const file = join(dir, VERSION_FILE);
    expect((await guardAgainstDowngrade({ file, appVersion: '1.0.0', chromeVersion: '140.0.1.2', now: () => 0 })).ok).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ appVersion: '1.0.0', chromeVersion: '140.0.1.2' });
    expect((await guardAgainstDowngrade({ file, appVersion: '1.1.0', chromeVersion: '141.0.0.0' })).ok).toBe(true);
    const back = await guardAgainstDowngrade({ file, appVersion: '1.0.0', chromeVersion: '140.0.1.2' });
    expect(back).toMatchObject({ ok: false, reason: 'app_downgrade' });
    // The refusal leaves the record as it was.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ appVersion: '1.1.0', chromeVersion: '141.0.0.0' });
  });

  it('treats an unreadable record as a first start (and rewrites it)', async () => {
    const file = join(dir, VERSION_FILE);
    writeFileSync(file, 'not json');
    expect((await guardAgainstDowngrade({ file, appVersion: '1.0.0', chromeVersion: '140' })).ok).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).appVersion).toBe('1.0.0');
  });
});

describe('Windows installer', () => {
  it('runs the downgrade check in customInit and stops with a bilingual message', () => {
    const root = join(__dirname, '..', '..', '..');
    expect(readFileSync(join(root, 'electron-builder.yml'), 'utf8')).toMatch(/^\s+include: resources\/installer\.nsh$/m);
    const nsh = readFileSync(join(root, 'resources', 'installer.nsh'), 'utf8');
    expect(nsh).toMatch(/!macro customInit[\s\S]*\$\{VersionCompare\} "\$R0" "\$\{VERSION\}" \$R1[\s\S]*Quit[\s\S]*!macroend/);
    expect(nsh).toMatch(/설치하지 않습니다/);
    expect(nsh).toMatch(/setup stops/);
  });
});
