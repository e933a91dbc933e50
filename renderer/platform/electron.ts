// The Platform over Electron's `window.kiosk` bridge. Main validates everything
// again; here inputs are only shaped, and a bridge that throws (main not ready,
// channel missing) becomes an `internal` Result instead of an exception.
import { fail, type KioskApi, type Result } from '../../core/kiosk-api';
import type { Platform, PlatformInfo } from './types';

async function call<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    const result = await run();
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return fail('internal', 'The shell returned no result');
  } catch (error) {
    return fail('internal', `The shell did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function createElectronPlatform(api: KioskApi): Platform {
  return {
    kind: 'electron',
    canQuit: true,
    silentPrint: true,
    async info() {
      const result = await call(() => api.info());
      if (!result.ok) return result;
      const v = result.value;
      const info: PlatformInfo = {
        kind: 'electron',
        appVersion: v.appVersion,
        os: `${v.os} ${v.osRelease} ${v.arch}`,
        hostname: v.hostname,
        electronVersion: v.electronVersion,
        settings: v.settings,
      };
      return { ok: true, value: info };
    },
    saveFile: (name, data, mime) => call(() => api.saveFile({ name, data, mime })),
    printBadge: (html, opts = {}) =>
      call(() =>
        api.printBadge({
          html,
          ...(opts.printerName !== undefined ? { printerName: opts.printerName } : {}),
          ...(opts.page !== undefined ? { page: opts.page } : {}),
        }),
      ),
    listPrinters: () => call(() => api.listPrinters()),
    quit: (pin) => call(() => api.quit({ pin })),
    setStaffPin: (pin, currentPin) => call(() => api.setStaffPin(currentPin === undefined ? { pin } : { pin, currentPin })),
    updateSettings: (pin, patch) => call(() => api.updateSettings({ pin, ...patch })),
    journal: {
      append: (checkIn) => call(() => api.journalAppend(checkIn)),
      readAll: () => call(() => api.journalReadAll()),
      ack: (ids) => call(() => api.journalAck(ids)),
    },
    storageStatus: () => call(() => api.storageStatus()),
    pairingCopy: {
      save: (pairing) => call(() => api.pairingSave(pairing)),
      load: () => call(() => api.pairingLoad()),
      clear: () => call(() => api.pairingClear()),
    },
    tlsPin: {
      save: (servers, fp) => call(() => api.tlsPinSave({ servers, fp })),
      clear: () => call(() => api.tlsPinClear()),
    },
  };
}
