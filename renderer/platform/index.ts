// Picks the Platform once, at start-up: Electron's bridge when the preload exposed
// `window.kiosk`, else the browser implementation. The only module that reads
// window.kiosk (a lint rule keeps everyone else out).
import type { KioskApi } from '../../core/kiosk-api';
import { KIOSK_CHANNELS } from '../../core/kiosk-channels';
import { createElectronPlatform } from './electron';
import type { Platform } from './types';
import { createWebPlatform } from './web';

export type { BadgePrintOptions, Platform, PlatformInfo, PlatformPairingCopy, PlatformTlsPin, ShellSettingsPatch } from './types';

declare global {
  interface Window {
    /** Set by electron/preload.ts; absent in a browser. */
    kiosk?: KioskApi;
  }
}

/** True when every KioskApi method is there (a partial or foreign object doesn't count). */
export function isKioskApi(value: unknown): value is KioskApi {
  if (value === null || typeof value !== 'object') return false;
  return Object.keys(KIOSK_CHANNELS).every((method) => typeof (value as Record<string, unknown>)[method] === 'function');
}

export function selectPlatform(bridge: unknown, makeWeb: () => Platform = () => createWebPlatform()): Platform {
  return isKioskApi(bridge) ? createElectronPlatform(bridge) : makeWeb();
}

let current: Platform | undefined;

/** The platform for this page, chosen on first use and kept. */
export function getPlatform(): Platform {
  current ??= selectPlatform(typeof window === 'undefined' ? undefined : window.kiosk);
  return current;
}
