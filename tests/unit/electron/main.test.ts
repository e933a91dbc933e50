// electron/main.ts wiring, without Electron: no Electron binary can run here, so
// 'electron' is replaced by a factory mock of plain fakes before main.ts loads (the
// real module is never executed). Checks what the entry sets up before and after
// `ready`: fixed data folder, app:// scheme, single-instance lock, hardening of
// every session and web contents, the kiosk window, IPC, display kept awake.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { KIOSK_CHANNELS } from '../../../core/kiosk-api';
import { FakeEvent, type FakeWebContents } from './fakes';

const fake = vi.hoisted(() => {
  const calls: Record<string, unknown[]> = {};
  const record = (name: string, value: unknown) => (calls[name] ??= []).push(value);
  return { calls, record, windows: [] as { options: Record<string, unknown>; webContents: unknown; loaded: string[] }[], handlers: new Map<string, unknown>() };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { FakeWebContents: Contents } = await import('./fakes');
  const app = Object.assign(new Emitter(), {
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
    webContents = Object.assign(new Contents(), { getPrintersAsync: async () => [], forcefullyCrashRenderer: () => undefined });
    loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      fake.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    once() {}
    removeMenu() {}
    isDestroyed() { return false; }
    async loadURL(url: string) { this.loaded.push(url); }
  }
  const session = {
    setPermissionRequestHandler: (h: unknown) => fake.record('permissionRequestHandler', h),
    setPermissionCheckHandler: (h: unknown) => fake.record('permissionCheckHandler', h),
    setDevicePermissionHandler: (h: unknown) => fake.record('devicePermissionHandler', h),
    webRequest: { onHeadersReceived: (l: unknown) => fake.record('onHeadersReceived', l) },
  };
  return {
    app,
    BrowserWindow,
    dialog: { showSaveDialog: async () => ({ canceled: true }) },
    ipcMain: { handle: (channel: string, h: unknown) => fake.handlers.set(channel, h) },
    Menu: { setApplicationMenu: (m: unknown) => fake.record('menu', m) },
    powerSaveBlocker: { start: (t: string) => (fake.record('powerSave', t), 1) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => fake.record('schemes', s),
      handle: (scheme: string) => fake.record('protocolHandle', scheme),
    },
    session: { defaultSession: session },
  };
});

const userData = mkdtempSync(join(tmpdir(), 'turnout-main-'));
process.env.TURNOUT_USER_DATA_DIR = userData;
delete process.env.ELECTRON_RENDERER_URL;
const before = process.listeners('uncaughtException');

afterAll(() => {
  for (const l of process.listeners('uncaughtException')) if (!before.includes(l)) process.off('uncaughtException', l);
  delete process.env.TURNOUT_USER_DATA_DIR;
});

describe('main.ts', () => {
  it('starts a hardened production kiosk on app://kiosk/', async () => {
    await import('../../../electron/main');
    await vi.waitFor(() => expect(fake.windows[0]?.loaded).toEqual(['app://kiosk/index.html']));
    const { calls, windows, handlers } = fake;

    expect(calls.setPath).toEqual([['userData', userData]]);
    expect(calls.schemes).toEqual([[expect.objectContaining({ scheme: 'app' })]]);
    expect(calls.protocolHandle).toEqual(['app']);
    expect(calls.menu).toEqual([null]);
    expect(calls.powerSave).toEqual(['prevent-display-sleep']);
    expect(calls.permissionRequestHandler).toHaveLength(1);
    expect(calls.onHeadersReceived).toHaveLength(1);

    expect(windows).toHaveLength(1);
    const options = windows[0]?.options as { kiosk: boolean; webPreferences: Record<string, unknown> };
    expect(options.kiosk).toBe(true);
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
    expect(String(options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/);

    expect([...handlers.keys()].sort()).toEqual(Object.values(KIOSK_CHANNELS).sort());

    // The window's contents were hardened as they were created.
    const contents = windows[0]?.webContents as FakeWebContents;
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const nav = new FakeEvent('https://evil.example/');
    contents.emit('will-navigate', nav);
    expect(nav.defaultPrevented).toBe(true);
    expect(contents).toBeInstanceOf(EventEmitter);
  });

  it('answers the page over IPC with Results', async () => {
    const info = fake.handlers.get(KIOSK_CHANNELS.info) as (e: unknown, ...a: unknown[]) => Promise<unknown>;
    const page = { senderFrame: { url: 'app://kiosk/index.html', parent: null } };
    expect(await info(page)).toMatchObject({ ok: true, value: { appName: 'Turnout', settings: { staffPinSet: false } } });
    expect(await info({ senderFrame: { url: 'https://evil.example/', parent: null } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
