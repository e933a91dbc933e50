// electron/main.ts wiring, without Electron: no Electron binary can run here, so
// 'electron' is replaced by a factory mock of plain fakes before main.ts loads (the
// real module is never executed). Checks what the entry sets up before and after
// `ready`: fixed data folder, app:// scheme, single-instance lock, hardening of
// every session and web contents, the kiosk window, IPC, display kept awake.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { KIOSK_CHANNELS } from '../../../core/kiosk-api';
import { FakeEvent, type FakeWebContents } from './fakes';
import { testCertificates } from './tls-certs';

const fake = vi.hoisted(() => {
  const calls: Record<string, unknown[]> = {};
  const record = (name: string, value: unknown) => (calls[name] ??= []).push(value);
  return { calls, record, windows: [] as { options: Record<string, unknown>; webContents: unknown; loaded: string[] }[], handlers: new Map<string, unknown>() };
});

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron(fake));

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
    // Certificate pinning is in force before the first page load (service workers included).
    expect(calls.verifyProc).toHaveLength(1);
    expect(calls.order).toEqual(['verifyProc', 'load app://kiosk/index.html']);

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

  it('pins the paired server key through window.kiosk: only that key for those hosts, connections closed on every change', async () => {
    const { calls, handlers } = fake;
    const page = { senderFrame: { url: 'app://kiosk/index.html', parent: null } };
    const save = handlers.get(KIOSK_CHANNELS.tlsPinSave) as (e: unknown, ...a: unknown[]) => Promise<unknown>;
    const clear = handlers.get(KIOSK_CHANNELS.tlsPinClear) as (e: unknown, ...a: unknown[]) => Promise<unknown>;
    const proc = calls.verifyProc![0] as (req: { hostname: string; certificate: { data: string } }, cb: (n: number) => void) => void;
    const verdict = (hostname: string, pem: string) => new Promise<number>((resolve) => proc({ hostname, certificate: { data: pem } }, resolve));
    const { leafPem, pin, otherLeafPem } = await testCertificates();

    expect(await verdict('venue.test', leafPem)).toBe(-3); // no pin yet: Chromium decides
    expect(await save(page, { servers: ['https://venue.test:8787', 'https://192.168.0.10:8787'], fp: 'short' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(calls.closeAllConnections).toBeUndefined();
    expect(await save(page, { servers: ['https://venue.test:8787', 'https://192.168.0.10:8787'], fp: pin })).toEqual({
      ok: true,
      value: { hosts: ['192.168.0.10', 'venue.test'], changed: true },
    });
    expect(calls.closeAllConnections).toHaveLength(1);
    expect(await verdict('venue.test', leafPem)).toBe(0);
    expect(await verdict('192.168.0.10', leafPem)).toBe(0);
    expect(await verdict('venue.test', otherLeafPem)).toBe(-2); // another key for a pinned host: refused
    expect(await verdict('example.org', otherLeafPem)).toBe(-3);
    // The same pin again changes nothing and closes nothing.
    expect(await save(page, { servers: ['https://192.168.0.10:8787', 'https://venue.test:8787'], fp: pin })).toMatchObject({ ok: true, value: { changed: false } });
    expect(calls.closeAllConnections).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(userData, 'tls-pin.json'), 'utf8'))).toEqual({ fp: pin, hosts: ['192.168.0.10', 'venue.test'] });

    expect(await clear(page)).toEqual({ ok: true, value: null });
    expect(calls.closeAllConnections).toHaveLength(2);
    expect(await verdict('venue.test', leafPem)).toBe(-3);
    expect(existsSync(join(userData, 'tls-pin.json'))).toBe(false);
  });
});