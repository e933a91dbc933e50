// Start at login and the shell's settings file, without Electron: no Electron
// binary can run here, so the login-item API is a fake and files go to a temp
// folder (dependency injection).
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTOSTART_FILE, autostartDir, desktopEntry, launcherPath, quoteExecArg, setStartAtLogin } from '../../../electron/autostart';
import { memoryLogger } from '../../../electron/log';
import { createSettingsStore, parseSettings } from '../../../electron/settings';
import { hashPin, verifyPin } from '../../../electron/staff-pin';

const tmp = () => mkdtempSync(join(tmpdir(), 'turnout-auto-'));

describe('start at login', () => {
  const loginItems: unknown[] = [];
  const app = { setLoginItemSettings: (s: unknown) => void loginItems.push(s) };

  it('on Linux writes and removes an XDG autostart entry that runs the AppImage file', async () => {
    const config = tmp();
    const deps = { platform: 'linux', app, env: { XDG_CONFIG_HOME: config, APPIMAGE: '/home/desk/Apps/Turnout-0.2.0-x86_64.AppImage' }, homeDir: '/home/desk', execPath: '/tmp/.mount_Turnou/turnout' };
    await setStartAtLogin(true, deps);
    const file = join(config, 'autostart', AUTOSTART_FILE);
    const entry = readFileSync(file, 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec=/home/desk/Apps/Turnout-0.2.0-x86_64.AppImage\n');
    expect(entry).toContain('Name[ko]=Turnout 체크인');
    expect(entry).toContain('X-GNOME-Autostart-enabled=true');
    await setStartAtLogin(false, deps);
    expect(() => statSync(file)).toThrow();
    await setStartAtLogin(false, deps); // already gone: fine
    expect(loginItems).toEqual([]);
  });

  it('on Linux without an AppImage runs the installed binary from ~/.config', () => {
    expect(launcherPath({ env: {}, execPath: '/opt/Turnout/turnout' })).toBe('/opt/Turnout/turnout');
    expect(autostartDir({}, '/home/desk')).toBe('/home/desk/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative' }, '/home/desk')).toBe('/home/desk/.config/autostart');
  });

  it('quotes Exec paths per the Desktop Entry spec', () => {
    expect(quoteExecArg('/opt/Turnout/turnout')).toBe('/opt/Turnout/turnout');
    expect(quoteExecArg('/home/desk/My Apps/Turnout "x" $HOME.AppImage')).toBe('"/home/desk/My Apps/Turnout \\"x\\" \\$HOME.AppImage"');
    expect(quoteExecArg('/a/100%.AppImage')).toBe('/a/100%%.AppImage');
    expect(desktopEntry('/a b/c')).toContain('Exec="/a b/c"');
  });

  it('on Windows sets the login item for this executable', async () => {
    await setStartAtLogin(true, { platform: 'win32', app, env: {}, homeDir: 'C:\\Users\\desk', execPath: 'C:\\Users\\desk\\AppData\\Local\\Programs\\Turnout\\Turnout.exe' });
    await setStartAtLogin(false, { platform: 'win32', app, env: {}, homeDir: 'C:\\Users\\desk', execPath: 'C:\\x\\Turnout.exe' });
    expect(loginItems).toEqual([
      { openAtLogin: true, path: 'C:\\Users\\desk\\AppData\\Local\\Programs\\Turnout\\Turnout.exe', args: [] },
      { openAtLogin: false, path: 'C:\\x\\Turnout.exe', args: [] },
    ]);
  });
});

describe('settings file', () => {
  it('starts from defaults, persists updates with mode 0600, and reloads them', async () => {
    const file = join(tmp(), 'shell-settings.json');
    const store = createSettingsStore({ file });
    expect(store.get()).toEqual({ startAtLogin: false, exportDir: null, staffPin: null });
    await store.update({ startAtLogin: true, exportDir: '/srv/exports' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(createSettingsStore({ file }).get()).toMatchObject({ startAtLogin: true, exportDir: '/srv/exports' });
  });

  it('falls back to defaults on a corrupt or foreign file, and says so', () => {
    const log = memoryLogger();
    expect(parseSettings('{not json', log)).toEqual({ startAtLogin: false, exportDir: null, staffPin: null });
    expect(parseSettings('{"startAtLogin":"yes"}', log).startAtLogin).toBe(false);
    expect(log.entries.map((e) => e.level)).toEqual(['error', 'error']);
    const file = join(tmp(), 's.json');
    writeFileSync(file, '{"exportDir":"/x"}');
    expect(createSettingsStore({ file }).get()).toEqual({ startAtLogin: false, exportDir: '/x', staffPin: null });
  });

  it('stores the PIN as salted PBKDF2 that verifies only the right PIN', async () => {
    const a = await hashPin('482913', 1000);
    const b = await hashPin('482913', 1000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPin('482913', a)).toBe(true);
    expect(await verifyPin('482914', a)).toBe(false);
  });
});
