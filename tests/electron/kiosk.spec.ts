// The Electron kiosk itself: kiosk mode with no menu, the locked-down renderer
// (isolation, sandbox, no Node), the page served from app://kiosk/ with its CSP,
// the single window.kiosk API, and the staff-only exit behind the PIN.
// Skipped, with a printed notice, where no Electron binary is installed.
import { KIOSK_CHANNELS } from '../../core/kiosk-channels';
import { expect, requireElectron, test } from './support/electron-app';

requireElectron();

test('opens one full-screen kiosk window with no menu and a locked-down renderer', async ({ kiosk }) => {
  const state = await kiosk.app.evaluate(({ BrowserWindow }) => {
    const windows = BrowserWindow.getAllWindows();
    const w = windows[0];
    // Undocumented but present in Electron's WebContents; asserted only where it exists.
    const contents = w?.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> } | undefined;
    const prefs = contents?.getLastWebPreferences?.() ?? { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true };
    return {
      count: windows.length,
      kiosk: w?.isKiosk(),
      fullScreen: w?.isFullScreen(),
      menuVisible: w?.isMenuBarVisible(),
      devTools: w?.webContents.isDevToolsOpened(),
      contextIsolation: prefs?.contextIsolation,
      sandbox: prefs?.sandbox,
      nodeIntegration: prefs?.nodeIntegration,
      webSecurity: prefs?.webSecurity,
    };
  });
  expect(state).toEqual({ count: 1, kiosk: true, fullScreen: true, menuVisible: false, devTools: false, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
});

test('serves the page from app://kiosk/ with a CSP, and gives it window.kiosk but no Node', async ({ kiosk }) => {
  const { page } = kiosk;
  expect(page.url()).toMatch(/^app:\/\/kiosk\//);
  const seen = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const res = await fetch(location.href);
    const api = w.kiosk as { info(): Promise<{ ok: boolean; value?: { appName: string } }> } | undefined;
    return {
      require: typeof w.require,
      process: typeof w.process,
      api: Object.keys(w.kiosk ?? {}).sort(),
      csp: res.headers.get('content-security-policy'),
      info: await api?.info(),
    };
  });
  expect(seen.require).toBe('undefined');
  expect(seen.process).toBe('undefined');
  // Every method of the contract, and nothing else (the list grew with the journal and pairing copy).
  expect(seen.api).toEqual(Object.keys(KIOSK_CHANNELS).sort());
  expect(seen.csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(seen.info).toMatchObject({ ok: true, value: { appName: expect.any(String) } });
});

test('rejects bad bridge input, and quits only with the staff PIN', async ({ kiosk }) => {
  const { page, app } = kiosk;
  const call = (script: string) => page.evaluate(script) as Promise<{ ok: boolean; error?: { code: string; message: string } }>;
  expect(await call(`window.kiosk.saveFile({ name: '../../x.desktop', data: 'x', mime: 'text/plain' })`)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  expect(await call(`window.kiosk.quit({ pin: '1234' })`)).toMatchObject({ ok: false, error: { code: 'pin_not_set' } });
  expect(await call(`window.kiosk.setStaffPin({ pin: '482913' })`)).toEqual({ ok: true, value: null });
  expect(await call(`window.kiosk.quit({ pin: '000000' })`)).toMatchObject({ ok: false, error: { code: 'bad_pin' } });
  const closed = app.waitForEvent('close');
  expect(await call(`window.kiosk.quit({ pin: '482913' })`)).toEqual({ ok: true, value: null });
  await closed;
});
