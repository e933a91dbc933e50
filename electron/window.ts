// The kiosk window: full screen in kiosk mode, no menu, locked-down web
// preferences (context isolation, sandbox, no Node, web security, no webviews),
// no pinch zoom, shown once painted. The BrowserWindow constructor is a parameter
// so tests can pass a fake; the options stay a literal here so electronegativity
// checks the real thing.
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_START_URL } from './protocol';
import type { Listener } from './types';

export interface KioskContents {
  on(event: string, listener: Listener): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void>;
  loadURL(url: string): Promise<void>;
  getURL(): string;
}

export interface KioskWindow {
  webContents: KioskContents;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  removeMenu(): void;
  loadURL(url: string): Promise<void>;
}

export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

export interface KioskWindowOptions {
  preloadPath: string;
  /** Kiosk mode (full screen, no way out). Off only for development windows. */
  kiosk: boolean;
  /** Devtools allowed (development only). */
  devTools: boolean;
  iconPath?: string;
}

export function createKioskWindow<W extends KioskWindow>(BrowserWindow: WindowConstructor<W>, options: KioskWindowOptions): W {
  const { preloadPath, kiosk, devTools, iconPath } = options;
  const win = new BrowserWindow({
    title: 'Turnout',
    kiosk,
    fullscreen: kiosk,
    width: 1280,
    height: 800,
    show: false,
    frame: !kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#0f172a',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK -- reviewed: exposes only the typed window.kiosk API, every input re-validated in main (electron/ipc.ts)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick', // no middle-click link opening
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
      safeDialogs: true,
      // A kiosk scanning by camera beeps without anyone touching it first.
      autoplayPolicy: 'no-user-gesture-required',
      // Sync timers keep running while the screen saver or another window is up.
      backgroundThrottling: false,
    },
  });
  win.removeMenu();
  win.once('ready-to-show', () => {
    win.show();
    win.focus();
  });
  // No "Leave site?" prompt can block a reload after a crash or a staff quit.
  win.webContents.on('will-prevent-unload', (event: { preventDefault(): void }) => event.preventDefault());
  // Touch kiosks: no pinch zoom.
  win.webContents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  return win;
}

/** Bring the existing kiosk forward (a second launch, a wake from sleep). */
export function focusWindow(win: KioskWindow | null | undefined): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

export interface StartUrlOptions {
  /** electron-vite's dev server (ELECTRON_RENDERER_URL), only honoured when not packaged. */
  devServerUrl?: string;
  packaged: boolean;
  /**
   * Start parameters for the page (TURNOUT_KIOSK_QUERY), e.g. the pairing link that
   * `npm start` hands its kiosk. Only the page's own parameters pass; others are dropped.
   */
  query?: string;
}

const PAGE_PARAMS = new Set(['pair', 'at', 'lang', 'camera', 'roster']);

/** Where the page comes from: the dev server in development, app://kiosk/ otherwise. */
export function startUrl({ devServerUrl, packaged, query }: StartUrlOptions): string {
  const base = !packaged && devServerUrl && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/?$/.test(devServerUrl) ? devServerUrl : APP_START_URL;
  if (!query) return base;
  const kept = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(query)) if (PAGE_PARAMS.has(key) && value.length <= 2048) kept.append(key, value);
  const q = kept.toString();
  return q ? `${base}?${q}` : base;
}
