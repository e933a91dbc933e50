// Both ends of the `window.kiosk` bridge, without Electron: no Electron binary can
// run here, so 'electron' is replaced by a factory mock before the preload loads
// (the real module is never executed), and renderer/platform gets fake bridges
// and a fake DOM. Covers the preload's single exposed API, the start-up choice
// between Electron and browser, and the browser fallbacks.
import { describe, expect, it, vi } from 'vitest';
import { fail, KIOSK_CHANNELS, ok, type KioskApi } from '../../../core/kiosk-api';
import { createElectronPlatform } from '../../../renderer/platform/electron';
import { isKioskApi, selectPlatform } from '../../../renderer/platform/index';
import { createWebPlatform, type WebEnv } from '../../../renderer/platform/web';

const exposed = vi.hoisted(() => ({ worlds: new Map<string, unknown>(), invoked: [] as unknown[][] }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.worlds.set(key, api) },
  ipcRenderer: { invoke: async (...args: unknown[]) => (exposed.invoked.push(args), { ok: true, value: null }) },
}));

describe('preload', () => {
  it('exposes exactly one frozen API, window.kiosk, forwarding each method to its channel', async () => {
    await import('../../../electron/preload');
    expect([...exposed.worlds.keys()]).toEqual(['kiosk']);
    const api = exposed.worlds.get('kiosk') as KioskApi;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(Object.keys(KIOSK_CHANNELS).sort());
    expect(isKioskApi(api)).toBe(true);
    await api.info();
    await api.quit({ pin: '1234' });
    await api.saveFile({ name: 'a.csv', data: 'x', mime: 'text/csv' });
    expect(exposed.invoked).toEqual([
      [KIOSK_CHANNELS.info],
      [KIOSK_CHANNELS.quit, { pin: '1234' }],
      [KIOSK_CHANNELS.saveFile, { name: 'a.csv', data: 'x', mime: 'text/csv' }],
    ]);
  });
});

function fakeApi(overrides: Partial<KioskApi> = {}): KioskApi & { calls: unknown[] } {
  const calls: unknown[] = [];
  const api: KioskApi = {
    info: async () => ok({ appName: 'Turnout', appVersion: '0.1.0', electronVersion: '38.8.6', chromeVersion: '140', os: 'linux', osRelease: '6.1', arch: 'x64', hostname: 'desk-7', locale: 'ko', packaged: true, settings: { startAtLogin: false, exportDir: null, staffPinSet: true } }),
    saveFile: async (i) => (calls.push(i), ok({ path: '/x', name: i.name, bytes: 1 })),
    printBadge: async (i) => (calls.push(i), ok({ printerName: i.printerName ?? null })),
    listPrinters: async () => ok([]),
    setStaffPin: async (i) => (calls.push(i), ok(null)),
    updateSettings: async (i) => (calls.push(i), ok({ startAtLogin: true, exportDir: null, staffPinSet: true })),
    quit: async (i) => (calls.push(i), fail('bad_pin', 'Wrong PIN')),
    journalAppend: async (c) => (calls.push(c), ok({ id: c.id, file: `journal/${c.day}.jsonl`, bytes: 200 })),
    journalReadAll: async () => ok({ entries: [], problems: [], files: 0 }),
    journalAck: async (ids) => (calls.push(ids), ok({ acked: ids.length })),
    storageStatus: async () => ok({ level: 'ok', source: 'disk', freeBytes: 5e10, totalBytes: 1e11, journal: { bytes: 0, files: 0 }, path: '/data', checkedAt: '2025-09-10T01:00:00.000Z' }),
    pairingSave: async (p) => (calls.push(p), ok({ protection: 'keychain' as const })),
    pairingLoad: async () => ok(null),
    pairingClear: async () => ok(null),
    tlsPinSave: async (i) => (calls.push(i), ok({ hosts: ['venue.test'], changed: true })),
    tlsPinClear: async () => ok(null),
    ...overrides,
  };
  return Object.assign(api, { calls });
}

describe('platform choice', () => {
  it('uses the Electron bridge when window.kiosk is complete, the browser otherwise', () => {
    const web = createWebPlatform(fakeEnv().env);
    expect(selectPlatform(fakeApi(), () => web).kind).toBe('electron');
    expect(selectPlatform(undefined, () => web)).toBe(web);
    expect(selectPlatform({ info: () => null }, () => web)).toBe(web);
    expect(selectPlatform('kiosk', () => web)).toBe(web);
  });

  it('shapes calls for the bridge and passes Results through', async () => {
    const api = fakeApi();
    const p = createElectronPlatform(api);
    expect(p.canQuit).toBe(true);
    expect(await p.info()).toMatchObject({ ok: true, value: { kind: 'electron', appVersion: '0.1.0', os: 'linux 6.1 x64', hostname: 'desk-7' } });
    await p.printBadge('<p>x</p>');
    await p.printBadge('<p>x</p>', { printerName: 'Zebra' });
    await p.printBadge('<p>y</p>', { printerName: 'Brother_QL_820NWB', page: { widthMm: 62, heightMm: 100 } });
    await p.setStaffPin('1234');
    await p.updateSettings('1234', { startAtLogin: true });
    expect(await p.quit('0000')).toEqual({ ok: false, error: { code: 'bad_pin', message: 'Wrong PIN' } });
    expect(api.calls).toEqual([
      { html: '<p>x</p>' },
      { html: '<p>x</p>', printerName: 'Zebra' },
      { html: '<p>y</p>', printerName: 'Brother_QL_820NWB', page: { widthMm: 62, heightMm: 100 } },
      { pin: '1234' }, { pin: '1234', startAtLogin: true }, { pin: '0000' }]);
  });

  it('turns a bridge that throws into an internal error', async () => {
    const p = createElectronPlatform(fakeApi({ listPrinters: async () => { throw new Error('No handler registered'); } }));
    expect(await p.listPrinters()).toEqual({ ok: false, error: { code: 'internal', message: 'The shell did not answer: No handler registered' } });
  });
});

function fakeEnv() {
  const clicked: { href: string; download: string }[] = [];
  const body: unknown[] = [];
  let printed = 0;
  const created: { tag: string; attributes: Record<string, string>; srcdoc: string }[] = [];
  const element = (tag: string) => {
    const listeners: Record<string, (() => void)[]> = {};
    const el = {
      tag,
      href: '',
      download: '',
      rel: '',
      srcdoc: '',
      tabIndex: 0,
      style: { display: '', cssText: '' },
      attributes: {} as Record<string, string>,
      setAttribute(k: string, v: string) {
        this.attributes[k] = v;
      },
      addEventListener(type: string, l: () => void) {
        (listeners[type] ??= []).push(l);
      },
      click() {
        clicked.push({ href: el.href, download: el.download });
      },
      remove() {
        body.splice(body.indexOf(el), 1);
      },
      contentWindow: { focus() {}, print: () => void (printed += 1) },
      fire(type: string) {
        for (const l of listeners[type] ?? []) l();
      },
    };
    created.push(el);
    return el;
  };
  const revoked: string[] = [];
  const timers: (() => void)[] = [];
  const env = {
    document: {
      createElement: element,
      body: {
        append(el: ReturnType<typeof element>) {
          body.push(el);
          if (el.tag === 'iframe') queueMicrotask(() => el.fire('load'));
        },
      },
    } as unknown as Document,
    URL: { createObjectURL: () => 'blob:kiosk/1', revokeObjectURL: (u: string) => void revoked.push(u) },
    userAgent: 'Mozilla/5.0 test',
    schedule: (run: () => void) => void timers.push(run),
  } satisfies WebEnv;
  return { env, clicked, body, revoked, timers, created, printed: () => printed };
}

describe('browser platform', () => {
  it('downloads exports through a Blob and <a download>, with the same validation as Electron', async () => {
    const f = fakeEnv();
    const p = createWebPlatform(f.env);
    expect(await p.saveFile('집계.csv', '코드\n', 'text/csv')).toEqual({ ok: true, value: { path: null, name: '집계.csv', bytes: 7 } });
    expect(f.clicked).toEqual([{ href: 'blob:kiosk/1', download: '집계.csv' }]);
    expect(f.body).toHaveLength(0);
    f.timers.forEach((t) => t());
    expect(f.revoked).toEqual(['blob:kiosk/1']);
    expect(await p.saveFile('../x.sh', 'x', 'text/plain')).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('prints from a hidden, script-less iframe through the browser dialog', async () => {
    const f = fakeEnv();
    const p = createWebPlatform(f.env);
    expect(p.silentPrint).toBe(false);
    expect(await p.printBadge('<p>김철현</p>')).toEqual({ ok: true, value: { printerName: null } });
    expect(f.printed()).toBe(1);
    expect(f.body).toHaveLength(0);
    const frame = f.created.find((e) => e.tag === 'iframe');
    expect(frame?.attributes.sandbox).toBe('allow-same-origin allow-modals');
    expect(frame?.srcdoc).toContain("default-src 'none'");
  });

  it('has no printers, no quit and no shell settings', async () => {
    const p = createWebPlatform(fakeEnv().env);
    expect(p.canQuit).toBe(false);
    expect(await p.listPrinters()).toEqual({ ok: true, value: [] });
    expect(await p.quit('1234')).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await p.info()).toMatchObject({ ok: true, value: { kind: 'web', os: 'Mozilla/5.0 test', settings: null } });
  });
});
