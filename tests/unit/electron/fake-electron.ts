// A stand-in for the 'electron' module, for tests that load electron/main.ts whole.
// No Electron binary can run on the test machines, so vi.mock('electron') returns
// this: plain objects that record what main asked for in `fake`.
import { EventEmitter } from 'node:events';
import { FakeWebContents } from './fakes';

export interface MainRecorder {
  calls: Record<string, unknown[]>;
  record(name: string, value: unknown): void;
  windows: { options: Record<string, unknown>; webContents: unknown; loaded: string[] }[];
  handlers: Map<string, unknown>;
  /** What the system's printers are (getPrintersAsync); none by default. */
  printers?: { name: string; displayName?: string; description?: string }[];
  /** How webContents.print answers; by default it never calls back (a printer that hangs). */
  print?: (options: Record<string, unknown>, callback: (success: boolean, failureReason: string) => void) => void;
}

export function fakeElectron(fake: MainRecorder) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    setPath: (name: string, value: string) => fake.record('setPath', [name, value]),
    getPath: (name: string) => (name === 'userData' ? process.env.TURNOUT_USER_DATA_DIR : `/fake/${name}`),
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    quit: () => fake.record('quit', true),
    exit: (code: number) => fake.record('exit', code),
    getName: () => 'Turnout',
    getVersion: () => '0.1.0',
    getLocale: () => 'ko',
    setLoginItemSettings: () => undefined,
  });
  class BrowserWindow {
    webContents = Object.assign(new FakeWebContents(), {
      getPrintersAsync: async () => fake.printers ?? [],
      forcefullyCrashRenderer: () => undefined,
      print: (options: Record<string, unknown>, cb: (success: boolean, failureReason: string) => void) => fake.print?.(options, cb),
    });
    loaded: string[] = [];
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      fake.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    once() {}
    removeMenu() {}
    destroy() { this.destroyed = true; }
    isDestroyed() { return this.destroyed; }
    async loadURL(url: string) { this.loaded.push(url); fake.record('order', `load ${url}`); }
  }
  const session = {
    setPermissionRequestHandler: (h: unknown) => fake.record('permissionRequestHandler', h),
    setPermissionCheckHandler: (h: unknown) => fake.record('permissionCheckHandler', h),
    setDevicePermissionHandler: (h: unknown) => fake.record('devicePermissionHandler', h),
    webRequest: { onHeadersReceived: (l: unknown) => fake.record('onHeadersReceived', l) },
    setCertificateVerifyProc: (proc: unknown) => (fake.record('verifyProc', proc), fake.record('order', 'verifyProc')),
    closeAllConnections: async () => fake.record('closeAllConnections', true),
  };
  return {
    app,
    BrowserWindow,
    dialog: { showSaveDialog: async () => ({ canceled: true }), showErrorBox: (title: string, body: string) => fake.record('errorBox', [title, body]) },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
    ipcMain: { handle: (channel: string, h: unknown) => fake.handlers.set(channel, h) },
    Menu: { setApplicationMenu: (m: unknown) => fake.record('menu', m) },
    powerSaveBlocker: { start: (t: string) => (fake.record('powerSave', t), 1) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => fake.record('schemes', s),
      handle: (scheme: string) => fake.record('protocolHandle', scheme),
    },
    session: { defaultSession: session },
  };
}
