// The Platform in a plain browser (the same kiosk page without Electron): exports
// download through a Blob and <a download>, badges print through the browser's
// dialog from a hidden, script-less iframe, there are no printers to list and no
// app to quit. Inputs get the same validation as in Electron, so the UI sees the
// same errors on both. There is no on-disk journal here (`journal` is undefined):
// check-ins live in IndexedDB alone, and storageStatus() measures the browser's
// storage quota, not a disk.
import {
  badgeDocument,
  describeIssues,
  fail,
  ok,
  PrintBadgeInputSchema,
  SaveFileInputSchema,
  storageLevel,
  type Result,
  type StorageStatus,
} from '../../core/kiosk-api';
import type { Platform, PlatformInfo } from './types';

export interface WebEnv {
  document: Document;
  URL: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;
  userAgent: string;
  schedule: (run: () => void, ms: number) => void;
  /** navigator.storage; absent where the browser has no StorageManager (insecure context). */
  storage?: Pick<StorageManager, 'estimate'>;
  now?: () => number;
}

const browserEnv = (): WebEnv => ({
  document,
  URL,
  userAgent: navigator.userAgent,
  schedule: (run, ms) => void setTimeout(() => run(), ms),
  storage: navigator.storage,
});

/** The browser's quota as a StorageStatus: free = quota − usage, level by what remains. */
async function quotaStatus(env: WebEnv): Promise<Result<StorageStatus>> {
  if (!env.storage?.estimate) return fail('unsupported', 'This browser does not report its storage quota');
  try {
    const { quota = 0, usage = 0 } = await env.storage.estimate();
    const freeBytes = Math.max(0, quota - usage);
    return ok({
      level: storageLevel(freeBytes, quota),
      source: 'quota',
      freeBytes,
      totalBytes: quota,
      journal: null,
      path: null,
      checkedAt: new Date((env.now ?? Date.now)()).toISOString(),
    });
  } catch (error) {
    return fail('io_error', `The storage estimate failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const unsupported = (what: string): Result<never> => fail('unsupported', `${what} needs the Turnout app; this is the browser version`);

export function createWebPlatform(env: WebEnv = browserEnv()): Platform {
  return {
    kind: 'web',
    canQuit: false,
    silentPrint: false,
    async info() {
      const info: PlatformInfo = { kind: 'web', appVersion: null, os: env.userAgent, hostname: null, electronVersion: null, settings: null };
      return ok(info);
    },
    async saveFile(name, data, mime) {
      const parsed = SaveFileInputSchema.safeParse({ name, data, mime });
      if (!parsed.success) return fail('bad_input', `saveFile: ${describeIssues(parsed.error)}`);
      const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type: mime });
      const url = env.URL.createObjectURL(blob);
      const link = env.document.createElement('a');
      link.href = url;
      link.download = name;
      link.rel = 'noopener';
      link.style.display = 'none';
      env.document.body.append(link);
      link.click();
      link.remove();
      // Revoking at once can cancel the download in some browsers.
      env.schedule(() => env.URL.revokeObjectURL(url), 60_000);
      return ok({ path: null, name, bytes: blob.size });
    },
    printBadge(html) {
      const parsed = PrintBadgeInputSchema.safeParse({ html });
      if (!parsed.success) return Promise.resolve(fail('bad_input', `printBadge: ${describeIssues(parsed.error)}`));
      return new Promise((resolve) => {
        const frame = env.document.createElement('iframe');
        // Same origin so the page may call print(); no allow-scripts, so the badge runs nothing.
        frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
        frame.setAttribute('aria-hidden', 'true');
        frame.tabIndex = -1;
        frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
        let settled = false;
        const finish = (result: Result<{ printerName: null }>) => {
          if (settled) return;
          settled = true;
          frame.remove();
          resolve(result);
        };
        frame.addEventListener('load', () => {
          try {
            frame.contentWindow?.focus();
            frame.contentWindow?.print(); // returns when the dialog closes
            finish(ok({ printerName: null }));
          } catch (error) {
            finish(fail('print_failed', `Printing failed: ${error instanceof Error ? error.message : String(error)}`));
          }
        });
        env.schedule(() => finish(fail('print_failed', 'The badge did not load for printing')), 15_000);
        frame.srcdoc = badgeDocument(html);
        env.document.body.append(frame);
      });
    },
    listPrinters: async () => ok([]),
    quit: async () => unsupported('Quitting'),
    setStaffPin: async () => unsupported('A shell staff PIN'),
    updateSettings: async () => unsupported('Shell settings'),
    // No on-disk journal in a browser: check-ins are kept in IndexedDB only.
    journal: undefined,
    // Nor a second home for the pairing: a wiped database here means pairing again.
    pairingCopy: undefined,
    // Nor certificate pinning: the page never sees the server's certificate.
    tlsPin: undefined,
    storageStatus: () => quotaStatus(env),
  };
}
