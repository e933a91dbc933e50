// Main's side of `window.kiosk` for tests that are not about printing, files or
// settings: every ShellServices member stubbed (overrides replace them), and the
// real handlers (electron/ipc.ts: sender check, zod validation) registered on a
// fake ipcMain. Shared by the IPC unit tests and the Chromium shell bridge.
import { fail } from '../../core/kiosk-api';
import { createKioskHandlers, registerKioskIpc, type InvokeEvent, type ShellServices } from '../../electron/ipc';
import { memoryLogger, type Logger } from '../../electron/log';
import { DEFAULT_SETTINGS } from '../../electron/settings';
import { createPinGate } from '../../electron/staff-pin';

export function stubShellServices(overrides: Partial<ShellServices> = {}): ShellServices {
  return {
    info: () => ({ appName: 'Turnout', appVersion: '0.1.0', electronVersion: '38', chromeVersion: '140', os: 'linux', osRelease: '6.1', arch: 'x64', hostname: 'desk-7', locale: 'ko', packaged: true }),
    settings: { get: () => DEFAULT_SETTINGS, update: async () => DEFAULT_SETTINGS },
    pin: createPinGate({ load: () => null, save: async () => undefined, now: () => 0, iterations: 1000 }),
    saveFile: async () => fail('io_error', 'unused'),
    printBadge: async () => fail('print_failed', 'unused'),
    listPrinters: async () => [],
    setStartAtLogin: async () => undefined,
    checkExportDir: async () => null,
    quit: () => undefined,
    ...overrides,
  };
}

export type IpcListener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** Main's real handlers for `services`, by channel, as ipcMain would hold them. */
export function registeredHandlers(services: ShellServices, appOrigin = 'app://kiosk', log: Logger = memoryLogger()): Map<string, IpcListener> {
  const byChannel = new Map<string, IpcListener>();
  registerKioskIpc({ handle: (channel, listener) => byChannel.set(channel, listener) }, createKioskHandlers(services), { appOrigin, log });
  return byChannel;
}
