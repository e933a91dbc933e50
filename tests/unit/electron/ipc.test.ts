// The IPC bridge in main, without Electron: no Electron binary can run here, so
// registerKioskIpc gets a fake ipcMain that records handlers, and the tests invoke
// them as the page would (dependency injection). Covers: bad input rejected with a
// clear error on every channel, untrusted senders refused, thrown errors turned
// into Results, and the staff PIN gate in front of quit and settings.
import { describe, expect, it } from 'vitest';
import { KIOSK_CHANNELS, ok, type Result } from '../../../core/kiosk-api';
import { createKioskHandlers, registerKioskIpc, type InvokeEvent, type ShellServices } from '../../../electron/ipc';
import { memoryLogger } from '../../../electron/log';
import { DEFAULT_SETTINGS, type SettingsStore, type StoredSettings } from '../../../electron/settings';
import { createPinGate, MAX_FAILURES } from '../../../electron/staff-pin';

const APP_FRAME: InvokeEvent = { senderFrame: { url: 'app://kiosk/index.html', parent: null } };

function memoryStore(): SettingsStore {
  let current: StoredSettings = { ...DEFAULT_SETTINGS };
  return { get: () => current, update: async (patch) => (current = { ...current, ...patch }) };
}

function setup(overrides: Partial<ShellServices> = {}) {
  const settings = memoryStore();
  let clock = 1_000_000;
  const calls = { quit: 0, autostart: [] as boolean[], saved: 0 };
  const services: ShellServices = {
    info: () => ({ appName: 'Turnout', appVersion: '0.1.0', electronVersion: '38.8.6', chromeVersion: '140', os: 'linux', osRelease: '6.1', arch: 'x64', hostname: 'desk-7', locale: 'ko', packaged: true }),
    settings,
    pin: createPinGate({ load: () => settings.get().staffPin, save: async (r) => void (await settings.update({ staffPin: r })), now: () => clock, iterations: 1000 }),
    saveFile: async (input) => ((calls.saved += 1), ok({ path: `/exports/${input.name}`, name: input.name, bytes: 3 })),
    printBadge: async (input) => ok({ printerName: input.printerName ?? null }),
    listPrinters: async () => [{ name: 'Zebra', displayName: 'Zebra ZD421', description: '' }],
    setStartAtLogin: async (enabled) => void calls.autostart.push(enabled),
    checkExportDir: async (dir) => (dir === '/srv/exports' ? null : 'does not exist or is not writable'),
    quit: () => (calls.quit += 1),
    ...overrides,
  };
  const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  const log = memoryLogger();
  registerKioskIpc({ handle: (channel, listener) => handlers.set(channel, listener) }, createKioskHandlers(services), { appOrigin: 'app://kiosk', log });
  const invoke = async (channel: string, ...args: unknown[]) => {
    const h = handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return (await h(APP_FRAME, ...args)) as Result<unknown>;
  };
  const invokeFrom = async (event: InvokeEvent, channel: string, ...args: unknown[]) => (await handlers.get(channel)?.(event, ...args)) as Result<unknown>;
  return { invoke, invokeFrom, handlers, calls, log, settings, tick: (ms: number) => (clock += ms) };
}

const errorOf = (r: Result<unknown>) => (r.ok ? null : r.error);

describe('registration', () => {
  it('handles exactly one channel per API method', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(Object.values(KIOSK_CHANNELS).sort());
  });
});

describe('bad input is rejected with a clear error', () => {
  const cases: [string, string, unknown, RegExp][] = [
    ['path in the file name', KIOSK_CHANNELS.saveFile, { name: '../../.config/autostart/x.desktop', data: 'a', mime: 'text/csv' }, /saveFile: name: must be a plain file name/],
    ['executable extension', KIOSK_CHANNELS.saveFile, { name: 'run.sh', data: 'a', mime: 'text/csv' }, /saveFile: name: must end in \.csv/],
    ['reserved device name', KIOSK_CHANNELS.saveFile, { name: 'CON.csv', data: 'a', mime: 'text/csv' }, /reserved device name/],
    ['data of the wrong type', KIOSK_CHANNELS.saveFile, { name: 'a.csv', data: 42, mime: 'text/csv' }, /saveFile: data:/],
    ['unknown key', KIOSK_CHANNELS.saveFile, { name: 'a.csv', data: 'a', mime: 'text/csv', path: '/etc' }, /Unrecognized key: "path"/],
    ['missing input', KIOSK_CHANNELS.saveFile, undefined, /saveFile: input:/],
    ['bad mime', KIOSK_CHANNELS.saveFile, { name: 'a.csv', data: 'a', mime: 'text/csv\r\nX: y' }, /saveFile: mime: must be a media type/],
    ['empty badge', KIOSK_CHANNELS.printBadge, { html: '' }, /printBadge: html: is empty/],
    ['huge badge', KIOSK_CHANNELS.printBadge, { html: 'x'.repeat(300_000) }, /printBadge: html: must be at most/],
    ['printer with control chars', KIOSK_CHANNELS.printBadge, { html: '<p>x</p>', printerName: 'a\u0000b' }, /printerName: must not contain control characters/],
    ['absurd label size', KIOSK_CHANNELS.printBadge, { html: '<p>x</p>', page: { widthMm: 5000, heightMm: 50 } }, /page\.widthMm/],
    ['non-numeric PIN', KIOSK_CHANNELS.quit, { pin: 'abcd' }, /quit: pin: must be 4–12 digits/],
    ['PIN as a number', KIOSK_CHANNELS.setStaffPin, { pin: 1234 }, /setStaffPin: pin:/],
    ['input where none is taken', KIOSK_CHANNELS.info, { evil: true }, /info: input: takes no input/],
    ['settings with a bad folder type', KIOSK_CHANNELS.updateSettings, { pin: '1234', exportDir: 7 }, /updateSettings: exportDir:/],
  ];
  for (const [what, channel, input, message] of cases) {
    it(what, async () => {
      const { invoke, calls } = setup();
      const error = errorOf(await invoke(channel, input));
      expect(error?.code).toBe('bad_input');
      expect(error?.message).toMatch(message);
      expect(calls.saved).toBe(0);
    });
  }

  it('more than one argument', async () => {
    expect(errorOf(await setup().invoke(KIOSK_CHANNELS.listPrinters, undefined, 'extra'))).toEqual({ code: 'bad_input', message: 'listPrinters: takes a single argument, got 2' });
  });

  it('accepts good input: Korean file names, bytes, a named printer and label size', async () => {
    const { invoke } = setup();
    expect(await invoke(KIOSK_CHANNELS.saveFile, { name: '출입기록 2025-09-10.csv', data: 'a', mime: 'text/csv; charset=utf-8' })).toMatchObject({ ok: true });
    expect(await invoke(KIOSK_CHANNELS.saveFile, { name: 'tallies.xlsx', data: new Uint8Array([1, 2, 3]), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).toMatchObject({ ok: true });
    expect(await invoke(KIOSK_CHANNELS.printBadge, { html: '<p>김철현</p>', printerName: 'Zebra', page: { widthMm: 90, heightMm: 60 } })).toEqual({ ok: true, value: { printerName: 'Zebra' } });
    expect(await invoke(KIOSK_CHANNELS.info)).toMatchObject({ ok: true, value: { hostname: 'desk-7', settings: { staffPinSet: false } } });
  });
});

describe('senders', () => {
  it('refuses calls from other origins, subframes or no frame', async () => {
    const { invokeFrom, log } = setup();
    for (const event of [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'app://kiosk/index.html', parent: {} } },
      { senderFrame: null },
    ]) {
      expect(errorOf(await invokeFrom(event, KIOSK_CHANNELS.quit, { pin: '1234' }))?.code).toBe('forbidden');
    }
    expect(log.entries.filter((e) => e.message.includes('untrusted sender'))).toHaveLength(3);
  });

  it('turns a throwing service into an internal error', async () => {
    const { invoke, log } = setup({ listPrinters: async () => { throw new Error('CUPS is down'); } });
    expect(errorOf(await invoke(KIOSK_CHANNELS.listPrinters))).toEqual({ code: 'internal', message: 'listPrinters: CUPS is down' });
    expect(log.entries.some((e) => e.level === 'error')).toBe(true);
  });
});

describe('staff PIN', () => {
  it('cannot quit before a PIN is registered, and quits with the right one', async () => {
    const { invoke, calls } = setup();
    expect(errorOf(await invoke(KIOSK_CHANNELS.quit, { pin: '1234' }))?.code).toBe('pin_not_set');
    expect(await invoke(KIOSK_CHANNELS.setStaffPin, { pin: '482913' })).toEqual({ ok: true, value: null });
    expect(errorOf(await invoke(KIOSK_CHANNELS.quit, { pin: '000000' }))?.code).toBe('bad_pin');
    expect(calls.quit).toBe(0);
    expect(await invoke(KIOSK_CHANNELS.quit, { pin: '482913' })).toEqual({ ok: true, value: null });
    expect(calls.quit).toBe(1);
  });

  it('keeps only a PBKDF2 hash, never the PIN', async () => {
    const { invoke, settings } = setup();
    await invoke(KIOSK_CHANNELS.setStaffPin, { pin: '482913' });
    const record = settings.get().staffPin;
    expect(record).toMatchObject({ algo: 'pbkdf2-sha256', iterations: 1000 });
    expect(JSON.stringify(record)).not.toContain('482913');
  });

  it('needs the current PIN to change it', async () => {
    const { invoke } = setup();
    await invoke(KIOSK_CHANNELS.setStaffPin, { pin: '482913' });
    expect(errorOf(await invoke(KIOSK_CHANNELS.setStaffPin, { pin: '111111' }))?.code).toBe('bad_pin');
    expect(errorOf(await invoke(KIOSK_CHANNELS.setStaffPin, { pin: '111111', currentPin: '999999' }))?.code).toBe('bad_pin');
    expect(await invoke(KIOSK_CHANNELS.setStaffPin, { pin: '111111', currentPin: '482913' })).toMatchObject({ ok: true });
    expect(await invoke(KIOSK_CHANNELS.quit, { pin: '111111' })).toMatchObject({ ok: true });
  });

  it(`locks out after ${MAX_FAILURES} wrong PINs, even for the right one, until the lock expires`, async () => {
    const { invoke, calls, tick } = setup();
    await invoke(KIOSK_CHANNELS.setStaffPin, { pin: '482913' });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < MAX_FAILURES; i += 1) codes.push(errorOf(await invoke(KIOSK_CHANNELS.quit, { pin: String(100000 + i) }))?.code);
    expect(codes).toEqual(['bad_pin', 'bad_pin', 'bad_pin', 'bad_pin', 'pin_locked']);
    expect(errorOf(await invoke(KIOSK_CHANNELS.quit, { pin: '482913' }))?.code).toBe('pin_locked');
    tick(31_000);
    expect(await invoke(KIOSK_CHANNELS.quit, { pin: '482913' })).toMatchObject({ ok: true });
    expect(calls.quit).toBe(1);
  });

  it('guards settings: start at login and the export folder', async () => {
    const { invoke, calls } = setup();
    await invoke(KIOSK_CHANNELS.setStaffPin, { pin: '482913' });
    expect(errorOf(await invoke(KIOSK_CHANNELS.updateSettings, { pin: '000000', startAtLogin: true }))?.code).toBe('bad_pin');
    expect(calls.autostart).toEqual([]);
    expect(errorOf(await invoke(KIOSK_CHANNELS.updateSettings, { pin: '482913', exportDir: 'exports' }))).toEqual({ code: 'bad_input', message: 'exportDir: must be an absolute path' });
    expect(errorOf(await invoke(KIOSK_CHANNELS.updateSettings, { pin: '482913', exportDir: '/nope' }))?.message).toBe('exportDir: does not exist or is not writable');
    const done = await invoke(KIOSK_CHANNELS.updateSettings, { pin: '482913', startAtLogin: true, exportDir: '/srv/exports' });
    expect(done).toEqual({ ok: true, value: { startAtLogin: true, exportDir: '/srv/exports', staffPinSet: true } });
    expect(calls.autostart).toEqual([true]);
    expect(await invoke(KIOSK_CHANNELS.updateSettings, { pin: '482913', exportDir: null })).toMatchObject({ ok: true, value: { exportDir: null } });
  });
});

describe('certificate pin', () => {
  const FP = 'wKzGE_2hgNVF3US1eC9B4OV10zRId3JY0PaZSRAVT64';

  it('refuses what could widen trust: plain http, credentials, a malformed pin, too many servers, extra fields — and changes nothing', async () => {
    const saved: unknown[] = [];
    const { invoke } = setup({ tlsPin: { save: async (input) => (saved.push(input), { hosts: [], changed: true }), clear: async () => undefined } });
    const bad: [unknown, RegExp][] = [
      [{ servers: ['http://192.168.0.10:8787'], fp: FP }, /servers\.0: must be an https URL/],
      [{ servers: ['https://user:pw@venue.lan'], fp: FP }, /must be an https URL without credentials/],
      [{ servers: ['https://venue.lan'], fp: `${FP}=` }, /fp: must be a base64url SHA-256 pin/],
      [{ servers: [], fp: FP }, /servers/],
      [{ servers: ['https://a.lan', 'https://b.lan', 'https://c.lan', 'https://d.lan', 'https://e.lan'], fp: FP }, /servers/],
      [{ servers: ['https://venue.lan'], fp: FP, hosts: ['*'] }, /unrecognized key/i],
    ];
    for (const [input, message] of bad) {
      const r = await invoke(KIOSK_CHANNELS.tlsPinSave, input);
      expect(errorOf(r)?.code, JSON.stringify(input)).toBe('bad_input');
      expect(errorOf(r)?.message, JSON.stringify(input)).toMatch(message);
    }
    expect(saved).toEqual([]);
    expect(await invoke(KIOSK_CHANNELS.tlsPinSave, { servers: ['https://venue.lan:8787'], fp: FP })).toEqual({ ok: true, value: { hosts: [], changed: true } });
    expect(saved).toEqual([{ servers: ['https://venue.lan:8787'], fp: FP }]);
  });

  it('says unsupported where the shell cannot pin', async () => {
    const { invoke } = setup();
    expect(errorOf(await invoke(KIOSK_CHANNELS.tlsPinSave, { servers: ['https://venue.lan'], fp: FP }))?.code).toBe('unsupported');
    expect(errorOf(await invoke(KIOSK_CHANNELS.tlsPinClear))?.code).toBe('unsupported');
  });
});
