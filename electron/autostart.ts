// Start at login, as a staff setting. Windows (and macOS): the OS login item.
// Linux: an XDG autostart entry, ~/.config/autostart/turnout-kiosk.desktop, whose
// Exec points at the AppImage file (not its temporary mount) or the installed
// binary. Re-applied at each start, so an updated AppImage with a new file name
// still starts.
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';

export const AUTOSTART_FILE = 'turnout-kiosk.desktop';

export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean; path?: string; args?: string[] }): void;
}

export interface AutostartFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: string, options: { mode: number }): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

export interface AutostartDeps {
  platform: string;
  app: LoginItemApp;
  env: Record<string, string | undefined>;
  homeDir: string;
  /** process.execPath */
  execPath: string;
  fs?: AutostartFs;
}

export function autostartDir(env: Record<string, string | undefined>, homeDir: string): string {
  const config = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(homeDir, '.config');
  return join(config, 'autostart');
}

/** Quotes an Exec argument per the Desktop Entry spec. */
export function quoteExecArg(arg: string): string {
  if (!/[\s"'\\`$<>~|&;*?#()]/.test(arg) && arg.length > 0) return arg.replace(/%/g, '%%');
  return `"${arg.replace(/(["`$\\])/g, '\\$1').replace(/%/g, '%%')}"`;
}

/** The program to launch: the AppImage file itself when running from one. */
export function launcherPath(deps: Pick<AutostartDeps, 'env' | 'execPath'>): string {
  return deps.env.APPIMAGE || deps.execPath;
}

export function desktopEntry(exec: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Turnout',
    'Name[ko]=Turnout 체크인',
    'Comment=Check-in kiosk',
    'Comment[ko]=체크인 키오스크',
    `Exec=${quoteExecArg(exec)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    'X-GNOME-Autostart-Delay=5',
    '',
  ].join('\n');
}

export async function setStartAtLogin(enabled: boolean, deps: AutostartDeps): Promise<void> {
  if (deps.platform === 'linux') {
    const fs = deps.fs ?? nodeFs;
    const dir = autostartDir(deps.env, deps.homeDir);
    const file = join(dir, AUTOSTART_FILE);
    if (!enabled) {
      await fs.rm(file, { force: true });
      return;
    }
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(file, desktopEntry(launcherPath(deps)), { mode: 0o644 });
    return;
  }
  // Windows (NSIS installs per user) and macOS: the OS login item for this executable.
  deps.app.setLoginItemSettings({ openAtLogin: enabled, path: deps.execPath, args: [] });
}
