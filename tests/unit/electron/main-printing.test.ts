// Badge printing through electron/main.ts as the page reaches it — the
// `printBadge` and `listPrinters` IPC handlers, zod-validated, over main's real
// BadgePrinter — without Electron: no Electron binary can run here, so 'electron'
// is the fake module (fake-electron.ts) whose print callback the test scripts.
// A print the printer refuses comes back as `print_failed` (never an exception,
// never a silent success); the desk's retry is the same call again, printed in a
// fresh window; every print window is destroyed after its job.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BADGE_CSP, KIOSK_CHANNELS } from '../../../core/kiosk-api';

const fake = vi.hoisted(() => {
  const calls: Record<string, unknown[]> = {};
  const record = (name: string, value: unknown) => (calls[name] ??= []).push(value);
  return {
    calls,
    record,
    windows: [] as { options: Record<string, unknown>; webContents: unknown; loaded: string[]; destroyed?: boolean }[],
    handlers: new Map<string, unknown>(),
    printers: [
      { name: 'Brother_QL_820NWB', displayName: 'Brother QL-820NWB', description: '62 mm' },
      { name: 'Office_Laser', displayName: '', description: '' },
    ],
    print: undefined as undefined | ((options: Record<string, unknown>, cb: (ok: boolean, reason: string) => void) => void),
  };
});

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron(fake));

const userData = mkdtempSync(join(tmpdir(), 'turnout-main-print-'));
process.env.TURNOUT_USER_DATA_DIR = userData;
delete process.env.ELECTRON_RENDERER_URL;
const before = process.listeners('uncaughtException');
afterAll(() => {
  for (const l of process.listeners('uncaughtException')) if (!before.includes(l)) process.off('uncaughtException', l);
  delete process.env.TURNOUT_USER_DATA_DIR;
});

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const page = { senderFrame: { url: 'app://kiosk/index.html', parent: null } };
const BADGE = '<!doctype html><html lang="ko"><head><style>@page{size:62mm 100mm;margin:0}</style></head><body><div class="tb-badge">김철현</div></body></html>';

async function handler(channel: string): Promise<Handler> {
  await import('../../../electron/main');
  await vi.waitFor(() => expect(fake.handlers.has(channel)).toBe(true));
  return fake.handlers.get(channel) as Handler;
}

/** The print windows main opened (every window but the kiosk's). */
const printWindows = () => fake.windows.slice(1);

describe('badge printing in main', () => {
  it('lists the system printers by system name through the typed API', async () => {
    const list = await handler(KIOSK_CHANNELS.listPrinters);
    expect(await list(page)).toEqual({
      ok: true,
      value: [
        { name: 'Brother_QL_820NWB', displayName: 'Brother QL-820NWB', description: '62 mm' },
        { name: 'Office_Laser', displayName: 'Office_Laser', description: '' },
      ],
    });
  });

  it('prints silently to the chosen printer at the label size in microns, no margins, in a script-less window it then destroys', async () => {
    const print = await handler(KIOSK_CHANNELS.printBadge);
    const seen: Record<string, unknown>[] = [];
    fake.print = (options, cb) => (seen.push(options), cb(true, ''));
    const r = await print(page, { html: BADGE, printerName: 'Brother_QL_820NWB', page: { widthMm: 62, heightMm: 100 } });
    expect(r).toEqual({ ok: true, value: { printerName: 'Brother_QL_820NWB' } });
    expect(seen).toEqual([
      { silent: true, printBackground: true, deviceName: 'Brother_QL_820NWB', margins: { marginType: 'none' }, pageSize: { width: 62_000, height: 100_000 } },
    ]);
    const w = printWindows().at(-1)!;
    expect(w.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
    const html = Buffer.from(w.loaded[0]!.split('base64,')[1]!, 'base64').toString('utf8');
    expect(html).toContain(BADGE_CSP);
    expect(html).toContain('김철현');
    expect(w.destroyed).toBe(true);
  });

  it('a failed print callback is a print_failed Result; the retry prints in a fresh window', async () => {
    const print = await handler(KIOSK_CHANNELS.printBadge);
    const answers = [
      (cb: (ok: boolean, reason: string) => void) => cb(false, 'Print job failed'),
      (cb: (ok: boolean, reason: string) => void) => cb(true, ''),
    ];
    fake.print = (_options, cb) => answers.shift()?.(cb);
    const opened = printWindows().length;
    const input = { html: BADGE, printerName: 'Brother_QL_820NWB', page: { widthMm: 62, heightMm: 100 } };
    expect(await print(page, input)).toEqual({ ok: false, error: { code: 'print_failed', message: 'Printing failed: Print job failed' } });
    expect(await print(page, input)).toEqual({ ok: true, value: { printerName: 'Brother_QL_820NWB' } });
    const used = printWindows().slice(opened);
    expect(used).toHaveLength(2);
    expect(used.every((w) => w.destroyed)).toBe(true);
  });

  it('refuses a printer that is not there and bad input, opening no window', async () => {
    const print = await handler(KIOSK_CHANNELS.printBadge);
    fake.print = (_o, cb) => cb(true, '');
    const opened = printWindows().length;
    expect(await print(page, { html: BADGE, printerName: 'Brother QL-820NWB', page: { widthMm: 62, heightMm: 100 } })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('Brother_QL_820NWB') },
    });
    expect(await print(page, { html: BADGE, page: { widthMm: 62, heightMm: 0.2 } })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await print(page, { html: BADGE, deviceName: 'x' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await print({ senderFrame: { url: 'https://evil.example/', parent: null } }, { html: BADGE })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(printWindows().length).toBe(opened);
  });
});
