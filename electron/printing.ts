// Silent badge printing: the badge HTML is loaded into a hidden, sandboxed window
// with JavaScript off, its own in-memory session and a CSP that blocks every
// network fetch, then printed to the named printer without a dialog. One badge at
// a time; a printer that never answers times out after 15 s (pretix's figure).
import type { BrowserWindowConstructorOptions } from 'electron';
import { badgeDocument, fail, ok, type PrintBadgeInput, type PrintOutcome, type PrinterSummary, type Result } from '../core/kiosk-api';
import type { Schedule } from './lifecycle';
import type { Logger } from './log';

export interface PrintOptions {
  silent: boolean;
  printBackground: boolean;
  deviceName?: string;
  margins?: { marginType: 'none' | 'default' | 'printableArea' };
  pageSize?: { width: number; height: number };
}

export interface PrintWindow {
  webContents: { print(options: PrintOptions, callback: (success: boolean, failureReason: string) => void): void };
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
}

/** The hidden window a badge is printed from. */
export function openPrintWindow<W extends PrintWindow>(BrowserWindow: new (options: BrowserWindowConstructorOptions) => W): W {
  return new BrowserWindow({
    show: false,
    width: 800,
    height: 600,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      javascript: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick', // no middle-click link opening
      devTools: false,
      spellcheck: false,
      partition: 'turnout-badge-print', // in memory: nothing persists between badges
    },
  });
}

export function badgeDataUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(badgeDocument(html), 'utf8').toString('base64')}`;
}

export interface BadgePrinterDeps {
  openWindow: () => PrintWindow;
  listPrinters: () => Promise<PrinterSummary[]>;
  schedule: Schedule;
  log: Logger;
  timeoutMs?: number;
}

export interface BadgePrinter {
  print(input: PrintBadgeInput): Promise<Result<PrintOutcome>>;
}

export function createBadgePrinter(deps: BadgePrinterDeps): BadgePrinter {
  let queue: Promise<unknown> = Promise.resolve();

  const printOnce = async (input: PrintBadgeInput): Promise<Result<PrintOutcome>> => {
    if (input.printerName !== undefined) {
      const printers = await deps.listPrinters();
      if (!printers.some((p) => p.name === input.printerName)) {
        return fail('not_found', `No printer named "${input.printerName}" (found: ${printers.map((p) => p.name).join(', ') || 'none'})`);
      }
    }
    const win = deps.openWindow();
    try {
      await win.loadURL(badgeDataUrl(input.html));
      const options: PrintOptions = {
        silent: true,
        printBackground: true,
        margins: { marginType: 'none' },
        ...(input.printerName !== undefined ? { deviceName: input.printerName } : {}),
        ...(input.page ? { pageSize: { width: Math.round(input.page.widthMm * 1000), height: Math.round(input.page.heightMm * 1000) } } : {}),
      };
      const timeoutMs = deps.timeoutMs ?? 15_000;
      const outcome = await new Promise<{ success: boolean; reason: string }>((resolve) => {
        const cancel = deps.schedule(() => resolve({ success: false, reason: `no answer from the printer in ${timeoutMs / 1000} s` }), timeoutMs);
        win.webContents.print(options, (success, reason) => {
          cancel();
          resolve({ success, reason });
        });
      });
      if (!outcome.success) {
        deps.log.warn('badge print failed', { printer: input.printerName ?? null, reason: outcome.reason });
        return fail('print_failed', `Printing failed: ${outcome.reason || 'unknown reason'}`);
      }
      return ok({ printerName: input.printerName ?? null });
    } catch (error) {
      deps.log.error('badge print error', { error: String(error) });
      return fail('print_failed', `Printing failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (!win.isDestroyed()) win.destroy();
    }
  };

  return {
    print(input) {
      const run = queue.then(() => printOnce(input));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

export interface PrinterInfoLike {
  name: string;
  displayName?: string;
  description?: string;
}

export function summarisePrinters(printers: PrinterInfoLike[]): PrinterSummary[] {
  return printers.map((p) => ({ name: p.name, displayName: p.displayName || p.name, description: p.description ?? '' }));
}
