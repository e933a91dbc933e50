// Entry of the Electron main process: wires the shell's modules to the real
// Electron APIs, nothing more. Before `ready`: the fixed data folder, the app://
// scheme and the single-instance lock. Every session and web contents is hardened
// as it is created. See DESIGN.md "Electron shell".
import { app, BrowserWindow, dialog, ipcMain, Menu, powerSaveBlocker, protocol, safeStorage, session } from 'electron';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setStartAtLogin, type AutostartDeps } from './autostart';
import { checkExportDir, saveExport } from './files';
import { createKioskHandlers, registerKioskIpc } from './ipc';
import { Journal } from './journal';
import {
  acquireSingleInstance,
  createQuitController,
  keepDisplayAwake,
  watchGpuProcess,
  watchRendererHealth,
  type QuitController,
  type Schedule,
} from './lifecycle';
import { createLogger } from './log';
import { createPairingVault } from './pairing-vault';
import { createBadgePrinter, openPrintWindow, summarisePrinters } from './printing';
import { APP_ORIGIN, originOf, registerAppScheme, serveApp } from './protocol';
import { applyCspHeader, buildCsp, hardenWebContents, installPermissionPolicy } from './security';
import { createSettingsStore } from './settings';
import { createStorageGuard } from './storage-guard';
import { createPinGate } from './staff-pin';
import { installPinning, openPinStore } from './tls-pin';
import { createKioskWindow, focusWindow, startUrl } from './window';
import { guardAgainstDowngrade, VERSION_FILE } from './version-guard';

/** The data folder's name: fixed, so IndexedDB, the journal and settings survive updates and renames. */
const USER_DATA_DIR = 'turnout-kiosk';
/** Acknowledged journal days older than this are removed at start (whole files only). */
const JOURNAL_RETENTION_DAYS = 30;

const here = dirname(fileURLToPath(import.meta.url));
app.setPath('userData', process.env.TURNOUT_USER_DATA_DIR || join(app.getPath('appData'), USER_DATA_DIR));
const log = createLogger({ file: join(app.getPath('userData'), 'logs', 'main.log') });
registerAppScheme(protocol);

const dev = !app.isPackaged && Boolean(process.env.ELECTRON_RENDERER_URL);
const production = !dev;
const pageUrl = startUrl({ devServerUrl: process.env.ELECTRON_RENDERER_URL, packaged: app.isPackaged, query: process.env.TURNOUT_KIOSK_QUERY });
const appOrigin = originOf(pageUrl) ?? APP_ORIGIN;
const schedule: Schedule = (run, ms) => {
  const timer = setTimeout(() => run(), ms);
  return () => clearTimeout(timer);
};

let win: BrowserWindow | null = null;
const reloadPage = (): void => {
  if (win && !win.isDestroyed()) win.webContents.loadURL(pageUrl).catch((error: unknown) => log.error('reload failed', { error: String(error) }));
};

process.on('uncaughtException', (error) => log.error('uncaught exception in main', { error: error.stack ?? String(error) }));

if (acquireSingleInstance(app, () => focusWindow(win), log)) {
  const quitter = createQuitController(app, schedule, log);
  app.on('session-created', (ses) => installPermissionPolicy(ses, appOrigin, log));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { appOrigin, production, log }));
  app.on('window-all-closed', () => app.quit());
  watchGpuProcess(app, { log, reload: reloadPage, isQuitting: quitter.isQuitting });
  app
    .whenReady()
    .then(() => start(quitter))
    .catch((error: unknown) => {
      log.error('start-up failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      app.exit(1);
    });
}

async function start(quitter: QuitController): Promise<void> {
  // Before any window (and so before Chromium opens IndexedDB): an older build would
  // discard a database a newer one wrote, unsent check-ins included.
  const version = await guardAgainstDowngrade({
    file: join(app.getPath('userData'), VERSION_FILE),
    appVersion: app.getVersion(),
    chromeVersion: process.versions.chrome ?? '',
  });
  if (!version.ok) {
    log.error('downgrade refused', { reason: version.reason, running: app.getVersion(), previous: version.previous });
    dialog.showErrorBox(
      'Turnout',
      `이 키오스크의 데이터는 더 새로운 버전(Turnout ${version.previous.appVersion})이 사용했습니다. 이전 버전으로 시작하면 전송되지 않은 체크인을 잃을 수 있어 시작하지 않습니다. 같은 버전 이상을 설치하세요.\n\n${version.message}`,
    );
    app.exit(2);
    return;
  }
  Menu.setApplicationMenu(null);
  const csp = buildCsp({ dev });
  installPermissionPolicy(session.defaultSession, appOrigin, log);
  applyCspHeader(session.defaultSession, csp);
  serveApp(protocol, { rootDir: join(here, '..', 'renderer'), csp });

  const userData = app.getPath('userData');
  // Before any window: the paired server's key must be trusted (and only it) from
  // the first request on, service workers included.
  const tlsPin = installPinning(session.defaultSession, await openPinStore({ file: join(userData, 'tls-pin.json'), log }), log);
  const settings = createSettingsStore({ file: join(userData, 'shell-settings.json'), log });
  const autostart: AutostartDeps = { platform: process.platform, app, env: process.env, homeDir: os.homedir(), execPath: process.execPath };
  if (settings.get().startAtLogin) {
    // Refresh the entry: an updated AppImage may have a new file name.
    await setStartAtLogin(true, autostart).catch((error: unknown) => log.warn('autostart refresh failed', { error: String(error) }));
  }

  const kiosk = createKioskWindow(BrowserWindow, {
    preloadPath: join(here, '..', 'preload', 'index.cjs'),
    kiosk: production || process.env.TURNOUT_KIOSK === '1',
    devTools: dev,
    iconPath: app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(here, '..', '..', 'resources', 'icon.png'),
  });
  win = kiosk;
  watchRendererHealth(kiosk.webContents, {
    log,
    reload: reloadPage,
    schedule,
    now: Date.now,
    killHungRenderer: () => kiosk.webContents.forcefullyCrashRenderer(),
    isQuitting: quitter.isQuitting,
  });
  keepDisplayAwake(powerSaveBlocker, log);

  // The second copy of every check-in, and the watch on the disk both copies live on.
  const journal = new Journal({ dir: join(userData, 'journal'), log });
  const guard = createStorageGuard({
    dir: userData,
    log,
    journalSize: () => journal.size(),
    schedule: (run, ms) => {
      const timer = setTimeout(() => run(), ms);
      timer.unref();
      return () => clearTimeout(timer);
    },
  });
  guard.start();
  journal.compact(JOURNAL_RETENTION_DAYS).catch((error: unknown) => log.warn('journal compaction failed', { error: String(error) }));

  const listPrinters = async () => summarisePrinters(await kiosk.webContents.getPrintersAsync());
  const printer = createBadgePrinter({ openWindow: () => openPrintWindow(BrowserWindow), listPrinters, schedule, log });
  const pin = createPinGate({
    load: () => settings.get().staffPin,
    save: async (record) => {
      await settings.update({ staffPin: record });
    },
    now: Date.now,
  });
  const handlers = createKioskHandlers({
    info: () => ({
      appName: app.getName(),
      appVersion: app.getVersion(),
      electronVersion: process.versions.electron ?? '',
      chromeVersion: process.versions.chrome ?? '',
      os: process.platform,
      osRelease: os.release(),
      arch: process.arch,
      hostname: os.hostname(),
      locale: app.getLocale(),
      packaged: app.isPackaged,
    }),
    settings,
    pin,
    saveFile: (input) =>
      saveExport(input, {
        exportDir: () => settings.get().exportDir,
        showSaveDialog: (options) => dialog.showSaveDialog(kiosk, options),
        downloadsDir: app.getPath('downloads'),
      }),
    printBadge: (input) => printer.print(input),
    listPrinters,
    setStartAtLogin: (enabled) => setStartAtLogin(enabled, autostart),
    checkExportDir: (dir) => checkExportDir(dir),
    quit: () => quitter.quit(),
    journal,
    storageStatus: () => guard.check(),
    // safeStorage is usable only after 'ready' (we are past it here).
    pairingVault: createPairingVault({ file: join(userData, 'pairing.json'), log, safeStorage }),
    tlsPin,
  });
  registerKioskIpc(ipcMain, handlers, { appOrigin, log });

  log.info('kiosk starting', { version: app.getVersion(), url: pageUrl, production, userData });
  await kiosk.loadURL(pageUrl);
}
