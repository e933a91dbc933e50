// The kiosk window, built without Electron: no Electron binary can run here, so
// createKioskWindow gets a fake BrowserWindow class (dependency injection) and the
// test reads the options it was given. Covers kiosk mode, no menu, the locked-down
// web preferences, no pinch zoom, where the page is loaded from.
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createKioskWindow, focusWindow, startUrl } from '../../../electron/window';
import { FakeWebContents } from './fakes';

class FakeWindow {
  static last: FakeWindow | null = null;
  webContents = new FakeWebContents();
  shown = 0;
  focused = 0;
  restored = 0;
  menuRemoved = false;
  minimized = false;
  destroyed = false;
  private readyListeners: (() => void)[] = [];
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.last = this;
  }
  once(_event: 'ready-to-show', listener: () => void) {
    this.readyListeners.push(listener);
    return this;
  }
  fireReady() {
    for (const l of this.readyListeners.splice(0)) l();
  }
  show() {
    this.shown += 1;
  }
  focus() {
    this.focused += 1;
  }
  restore() {
    this.restored += 1;
  }
  isMinimized() {
    return this.minimized;
  }
  isDestroyed() {
    return this.destroyed;
  }
  removeMenu() {
    this.menuRemoved = true;
  }
  async loadURL(url: string) {
    this.webContents.loaded.push(url);
  }
}

describe('kiosk window', () => {
  const make = (over: Partial<Parameters<typeof createKioskWindow>[1]> = {}) =>
    createKioskWindow(FakeWindow, { preloadPath: '/app/out/preload/index.cjs', kiosk: true, devTools: false, ...over });

  it('opens in kiosk mode, full screen, with no menu and no frame', () => {
    const win = make();
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, show: false, autoHideMenuBar: true });
    expect(win.menuRemoved).toBe(true);
  });

  it('locks the page down: isolation, sandbox, no Node, web security, no webviews, no devtools', () => {
    const prefs = make().options.webPreferences ?? {};
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
  });

  it('allows devtools and a normal window only when asked (development)', () => {
    const win = make({ kiosk: false, devTools: true });
    expect(win.options).toMatchObject({ kiosk: false, fullscreen: false, frame: true });
    expect(win.options.webPreferences?.devTools).toBe(true);
    expect(win.options.webPreferences?.sandbox).toBe(true);
  });

  it('shows itself once painted, and disables pinch zoom', () => {
    const win = make();
    expect(win.shown).toBe(0);
    win.fireReady();
    expect(win.shown).toBe(1);
    expect(win.focused).toBe(1);
    expect(win.webContents.zoomLimits).toEqual([1, 1]);
  });

  it('never lets a beforeunload prompt block a reload or a staff quit', () => {
    const win = make();
    const event = { prevented: false, preventDefault() { this.prevented = true; } };
    win.webContents.emit('will-prevent-unload', event);
    expect(event.prevented).toBe(true);
  });

  it('is brought forward on a second launch', () => {
    const win = make();
    win.minimized = true;
    focusWindow(win);
    expect(win.restored).toBe(1);
    expect(win.focused).toBe(1);
    win.destroyed = true;
    focusWindow(win);
    expect(win.focused).toBe(1);
    focusWindow(null);
  });
});

describe('start URL', () => {
  it('is app://kiosk/ in production, whatever the environment says', () => {
    expect(startUrl({ packaged: true, devServerUrl: 'http://localhost:5173' })).toBe('app://kiosk/index.html');
    expect(startUrl({ packaged: false })).toBe('app://kiosk/index.html');
  });

  it('is the loopback dev server only when not packaged', () => {
    expect(startUrl({ packaged: false, devServerUrl: 'http://localhost:5173' })).toBe('http://localhost:5173');
    expect(startUrl({ packaged: false, devServerUrl: 'https://evil.example/' })).toBe('app://kiosk/index.html');
  });

  it('passes only the page\'s own start parameters (npm start hands over a pairing link)', () => {
    const link = 'turnout://pair?server=http%3A%2F%2F127.0.0.1%3A8787&code=ABCD';
    const url = new URL(startUrl({ packaged: true, query: `pair=${encodeURIComponent(link)}&at=2025-09-10T11:00&evil=1` }));
    expect(url.searchParams.get('pair')).toBe(link);
    expect(url.searchParams.get('at')).toBe('2025-09-10T11:00');
    expect(url.searchParams.has('evil')).toBe(false);
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe('app://kiosk/index.html');
  });
});
