// The journal and storage channels of `window.kiosk`, main side (fake ipcMain, a
// real Journal in a temp folder) and page side (renderer/platform over a fake
// bridge, and the browser's quota): every input validated, journal errors become
// their own Result codes, and the browser says it has no journal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KIOSK_CHANNELS, ok, type KioskApi, type Result } from '../../../core/kiosk-api';
import type { InvokeEvent, ShellServices } from '../../../electron/ipc';
import { Journal, JournalError } from '../../../electron/journal';
import { createElectronPlatform } from '../../../renderer/platform/electron';
import { createWebPlatform, type WebEnv } from '../../../renderer/platform/web';
import { registeredHandlers, stubShellServices } from '../../support/shell-services';
import { checkIn, tempDir } from './helpers';

const APP_FRAME: InvokeEvent = { senderFrame: { url: 'app://kiosk/index.html', parent: null } };
let dir: string;
let cleanup: () => void;
let journal: Journal;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  journal = new Journal({ dir });
});
afterEach(async () => {
  await journal.close();
  cleanup();
});

function setup(overrides: Partial<ShellServices> = {}) {
  const handlers = registeredHandlers(
    stubShellServices({
      journal,
      storageStatus: async () => ({ level: 'warning', source: 'disk', freeBytes: 900 * 1024 ** 2, totalBytes: 64 * 1024 ** 3, journal: await journal.size(), path: dir, checkedAt: '2025-09-10T01:00:00.000Z' }),
      ...overrides,
    }),
  );
  return async (channel: string, ...args: unknown[]) => (await handlers.get(channel)!(APP_FRAME, ...args)) as Result<unknown>;
}

const errorOf = (r: Result<unknown>) => (r.ok ? null : r.error);

describe('bad input is rejected before it reaches the journal', () => {
  const good = checkIn(1);
  const { syncState: _s, ...noState } = good;
  const cases: [string, string, unknown, RegExp][] = [
    ['no check-in', KIOSK_CHANNELS.journalAppend, undefined, /journalAppend: input:/],
    ['a missing field', KIOSK_CHANNELS.journalAppend, noState, /journalAppend: syncState:/],
    ['an unknown key', KIOSK_CHANNELS.journalAppend, { ...good, path: '/etc' }, /Unrecognized key: "path"/],
    ['a day that is a path', KIOSK_CHANNELS.journalAppend, { ...good, day: '../../x' }, /journalAppend: day: must be a day as YYYY-MM-DD/],
    ['an id that is not a UUID', KIOSK_CHANNELS.journalAppend, { ...good, id: 'abc' }, /journalAppend: id:/],
    ['an unknown sync state', KIOSK_CHANNELS.journalAppend, { ...good, syncState: 'lost' }, /journalAppend: syncState:/],
    ['a clock offset that is not a number', KIOSK_CHANNELS.journalAppend, { ...good, clockOffsetMs: '5' }, /journalAppend: clockOffsetMs:/],
    ['a scan time without offset', KIOSK_CHANNELS.journalAppend, { ...good, scannedAt: '2025-09-10 10:00' }, /journalAppend: scannedAt:/],
    ['an override with extra keys', KIOSK_CHANNELS.journalAppend, { ...good, override: { by: 'kim', reason: 'vip', pin: '1234' } }, /Unrecognized key: "pin"/],
    ['acks not a list', KIOSK_CHANNELS.journalAck, { ids: [good.id] }, /journalAck: input:/],
    ['no acks', KIOSK_CHANNELS.journalAck, [], /journalAck: input: is empty/],
    ['an ack that is not an id', KIOSK_CHANNELS.journalAck, ['x'], /journalAck: 0: must be a check-in id/],
    ['too many acks', KIOSK_CHANNELS.journalAck, Array.from({ length: 5001 }, () => good.id), /must hold at most 5000 ids/],
    ['input to readAll', KIOSK_CHANNELS.journalReadAll, { all: true }, /journalReadAll: input: takes no input/],
    ['input to storageStatus', KIOSK_CHANNELS.storageStatus, '/', /storageStatus: input: takes no input/],
  ];
  for (const [what, channel, input, message] of cases) {
    it(what, async () => {
      const error = errorOf(await setup()(channel, input));
      expect(error?.code).toBe('bad_input');
      expect(error?.message).toMatch(message);
      expect(await journal.size()).toEqual({ bytes: 0, files: 0 });
    });
  }
});

describe('journal channels', () => {
  it('append, read back, acknowledge, measure', async () => {
    const invoke = setup();
    const c = checkIn(1, '2025-09-10', { override: { by: '김', reason: 'VIP' }, clockOffsetMs: -120.5, verdict: 'rejected', reason: 'already_checked_in' });
    expect(await invoke(KIOSK_CHANNELS.journalAppend, c)).toEqual({ ok: true, value: { id: c.id, file: expect.stringMatching(/\/2025-09-10\.jsonl$/), bytes: expect.any(Number) } });
    expect(await invoke(KIOSK_CHANNELS.journalAck, [c.id])).toEqual({ ok: true, value: { acked: 1 } });
    expect(await invoke(KIOSK_CHANNELS.journalReadAll)).toEqual({ ok: true, value: { entries: [{ checkIn: c, acked: true }], problems: [], files: 1 } });
    expect(await invoke(KIOSK_CHANNELS.storageStatus)).toMatchObject({ ok: true, value: { level: 'warning', journal: { files: 2 } } });
  });

  it('turns a full disk into disk_full, a missing journal into unsupported, a failed statfs into io_error', async () => {
    const full = setup({ journal: { append: async () => { throw new JournalError('disk_full', 'Could not journal: no space left on the disk (ENOSPC)', 'ENOSPC'); }, readAll: () => journal.readAll(), ack: (ids) => journal.ack(ids) } });
    expect(errorOf(await full(KIOSK_CHANNELS.journalAppend, checkIn(1)))).toEqual({ code: 'disk_full', message: 'Could not journal: no space left on the disk (ENOSPC)' });
    const none = setup({ journal: undefined, storageStatus: async () => { throw Object.assign(new Error('ENOENT: no such folder'), { code: 'ENOENT' }); } });
    expect(errorOf(await none(KIOSK_CHANNELS.journalReadAll))?.code).toBe('unsupported');
    expect(errorOf(await none(KIOSK_CHANNELS.storageStatus))).toEqual({ code: 'io_error', message: 'Could not measure free disk space: ENOENT: no such folder' });
  });
});

describe('renderer/platform', () => {
  it('Electron: journal and storage calls go over the bridge as they are', async () => {
    const calls: unknown[][] = [];
    const record = (name: string) => async (...args: unknown[]) => (calls.push([name, ...args]), ok(null));
    const api = Object.fromEntries(Object.keys(KIOSK_CHANNELS).map((m) => [m, record(m)])) as unknown as KioskApi;
    const p = createElectronPlatform(api);
    const c = checkIn(1);
    await p.journal?.append(c);
    await p.journal?.readAll();
    await p.journal?.ack([c.id]);
    await p.storageStatus();
    expect(calls).toEqual([['journalAppend', c], ['journalReadAll'], ['journalAck', [c.id]], ['storageStatus']]);
  });

  const webEnv = (storage?: WebEnv['storage']): WebEnv => ({
    document: {} as Document,
    URL: { createObjectURL: () => '', revokeObjectURL: () => undefined },
    userAgent: 'test',
    schedule: () => undefined,
    storage,
    now: () => Date.parse('2025-09-10T01:00:00Z'),
  });

  it('browser: no journal, and storage measured as quota − usage', async () => {
    const p = createWebPlatform(webEnv({ estimate: async () => ({ quota: 2 * 1024 ** 3, usage: 2 * 1024 ** 3 - 100 * 1024 ** 2 }) }));
    expect(p.journal).toBeUndefined();
    expect(await p.storageStatus()).toEqual({
      ok: true,
      value: { level: 'critical', source: 'quota', freeBytes: 100 * 1024 ** 2, totalBytes: 2 * 1024 ** 3, journal: null, path: null, checkedAt: '2025-09-10T01:00:00.000Z' },
    });
    const roomy = createWebPlatform(webEnv({ estimate: async () => ({ quota: 100 * 1024 ** 3, usage: 0 }) }));
    expect(await roomy.storageStatus()).toMatchObject({ ok: true, value: { level: 'ok' } });
    expect(await createWebPlatform(webEnv()).storageStatus()).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});
