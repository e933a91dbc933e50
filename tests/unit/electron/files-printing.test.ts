// Exports and badge printing, without Electron: no Electron binary can run here, so
// the save dialog and the hidden print window are plain fakes (dependency
// injection); files are written for real into a temp folder.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BADGE_CSP, badgeDocument } from '../../../core/kiosk-api';
import { checkExportDir, freePath, saveExport, writeFileDurably } from '../../../electron/files';
import { memoryLogger } from '../../../electron/log';
import { badgeDataUrl, createBadgePrinter, summarisePrinters, type PrintOptions, type PrintWindow } from '../../../electron/printing';
import { fakeTimers } from './fakes';

const tmp = () => mkdtempSync(join(tmpdir(), 'turnout-files-'));

describe('exports', () => {
  it('writes into the configured folder without a dialog, never overwriting', async () => {
    const dir = tmp();
    const deps = { exportDir: () => dir, downloadsDir: '/nowhere', showSaveDialog: async () => { throw new Error('no dialog on an unattended kiosk'); } };
    const first = await saveExport({ name: '집계.csv', data: '코드,성명\n', mime: 'text/csv' }, deps);
    const second = await saveExport({ name: '집계.csv', data: new Uint8Array([65]), mime: 'text/csv' }, deps);
    expect(first).toEqual({ ok: true, value: { path: join(dir, '집계.csv'), name: '집계.csv', bytes: 14 } });
    expect(second).toMatchObject({ ok: true, value: { name: '집계 (2).csv', bytes: 1 } });
    expect(readFileSync(join(dir, '집계.csv'), 'utf8')).toBe('코드,성명\n');
    expect(readdirSync(dir).sort()).toEqual(['집계 (2).csv', '집계.csv']); // no temp files left
  });

  it('asks with a save dialog otherwise, and reports a cancel', async () => {
    const dir = tmp();
    const asked: unknown[] = [];
    const target = join(dir, 'chosen.csv');
    const deps = (canceled: boolean) => ({
      exportDir: () => null,
      downloadsDir: '/home/desk/Downloads',
      showSaveDialog: async (o: unknown) => (asked.push(o), canceled ? { canceled: true } : { canceled: false, filePath: target }),
    });
    expect(await saveExport({ name: 'tallies.csv', data: 'x', mime: 'text/csv' }, deps(false))).toMatchObject({ ok: true, value: { path: target } });
    expect(asked[0]).toMatchObject({ defaultPath: join('/home/desk/Downloads', 'tallies.csv'), filters: [{ name: 'CSV', extensions: ['csv'] }] });
    expect(await saveExport({ name: 'tallies.csv', data: 'x', mime: 'text/csv' }, deps(true))).toEqual({ ok: false, error: { code: 'cancelled', message: 'The save dialog was closed' } });
  });

  it('reports a missing export folder instead of writing elsewhere', async () => {
    const r = await saveExport({ name: 'a.csv', data: 'x', mime: 'text/csv' }, { exportDir: () => '/definitely/not/here', downloadsDir: '/', showSaveDialog: async () => ({ canceled: true }) });
    expect(r).toMatchObject({ ok: false, error: { code: 'io_error' } });
    expect(await checkExportDir('relative/dir')).toBe('must be an absolute path');
    const file = join(tmp(), 'f.txt');
    writeFileSync(file, '');
    expect(await checkExportDir(file)).toBe('is not a folder');
  });

  it('replaces a file atomically and finds free names', async () => {
    const dir = tmp();
    await writeFileDurably(join(dir, 'a.json'), new TextEncoder().encode('{"v":1}'));
    await writeFileDurably(join(dir, 'a.json'), new TextEncoder().encode('{"v":2}'));
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"v":2}');
    expect(await freePath(dir, 'a.json')).toBe(join(dir, 'a (2).json'));
  });
});

class FakePrintWindow implements PrintWindow {
  loadedUrl = '';
  printed: PrintOptions | null = null;
  destroyed = false;
  constructor(private readonly answer: ((cb: (ok: boolean, reason: string) => void) => void) | null) {}
  webContents = {
    print: (options: PrintOptions, cb: (ok: boolean, reason: string) => void) => {
      this.printed = options;
      this.answer?.(cb);
    },
  };
  async loadURL(url: string) {
    this.loadedUrl = url;
  }
  destroy() {
    this.destroyed = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

function printer(answer: ((cb: (ok: boolean, reason: string) => void) => void) | null) {
  const windows: FakePrintWindow[] = [];
  const timers = fakeTimers();
  const p = createBadgePrinter({
    openWindow: () => {
      const w = new FakePrintWindow(answer);
      windows.push(w);
      return w;
    },
    listPrinters: async () => [{ name: 'Zebra_ZD421', displayName: 'Zebra', description: '' }],
    schedule: timers.schedule,
    log: memoryLogger(),
  });
  return { p, windows, timers };
}

describe('badge printing', () => {
  it('prints silently to the named printer at the label size, then closes the window', async () => {
    const { p, windows } = printer((cb) => cb(true, ''));
    const r = await p.print({ html: '<!DOCTYPE html><html><body>김철현</body></html>', printerName: 'Zebra_ZD421', page: { widthMm: 90, heightMm: 60 } });
    expect(r).toEqual({ ok: true, value: { printerName: 'Zebra_ZD421' } });
    const w = windows[0];
    expect(w?.printed).toEqual({ silent: true, printBackground: true, deviceName: 'Zebra_ZD421', margins: { marginType: 'none' }, pageSize: { width: 90_000, height: 60_000 } });
    expect(w?.destroyed).toBe(true);
    const html = Buffer.from((w?.loadedUrl ?? '').split('base64,')[1] ?? '', 'base64').toString('utf8');
    expect(html).toBe(`<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="${BADGE_CSP}"><html><body>김철현</body></html>`);
  });

  it('uses the default printer when none is named', async () => {
    const { p, windows } = printer((cb) => cb(true, ''));
    expect(await p.print({ html: '<p>x</p>' })).toEqual({ ok: true, value: { printerName: null } });
    expect(windows[0]?.printed?.deviceName).toBeUndefined();
  });

  it('refuses an unknown printer before opening anything', async () => {
    const { p, windows } = printer((cb) => cb(true, ''));
    expect(await p.print({ html: '<p>x</p>', printerName: 'Nope' })).toEqual({ ok: false, error: { code: 'not_found', message: 'No printer named "Nope" (found: Zebra_ZD421)' } });
    expect(windows).toHaveLength(0);
  });

  it('reports a failed print and a printer that never answers', async () => {
    const failed = printer((cb) => cb(false, 'Print job canceled'));
    expect(await failed.p.print({ html: '<p>x</p>' })).toEqual({ ok: false, error: { code: 'print_failed', message: 'Printing failed: Print job canceled' } });

    const silent = printer(null);
    const pending = silent.p.print({ html: '<p>x</p>' });
    await new Promise((r) => setTimeout(r, 0));
    expect(silent.timers.runAll()).toEqual([15_000]);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'print_failed', message: expect.stringMatching(/no answer from the printer in 15 s/) } });
    expect(silent.windows[0]?.destroyed).toBe(true);
  });

  it('prints one badge at a time', async () => {
    const answers: ((ok: boolean, reason: string) => void)[] = [];
    const { p, windows } = printer((cb) => answers.push(cb));
    const a = p.print({ html: '<p>a</p>' });
    const b = p.print({ html: '<p>b</p>' });
    await new Promise((r) => setTimeout(r, 0));
    expect(windows).toHaveLength(1);
    answers[0]?.(true, '');
    await a;
    await new Promise((r) => setTimeout(r, 0));
    expect(windows).toHaveLength(2);
    answers[1]?.(true, '');
    expect(await b).toMatchObject({ ok: true });
  });

  it('puts the CSP after a doctype, or adds one', () => {
    expect(badgeDocument('<p>x</p>')).toBe(`<!doctype html><meta http-equiv="Content-Security-Policy" content="${BADGE_CSP}"><p>x</p>`);
    expect(badgeDataUrl('<p>x</p>')).toMatch(/^data:text\/html;charset=utf-8;base64,/);
    expect(BADGE_CSP).toContain("default-src 'none'");
    expect(summarisePrinters([{ name: 'p1', displayName: '', description: 'Laser' }])).toEqual([{ name: 'p1', displayName: 'p1', description: 'Laser' }]);
  });
});
