// Hardening applied to every session and every web contents: the CSP, the
// permission policy (camera only, video only, and local-network access, only the
// app's own origin), denied
// navigation / pop-ups / webviews, and no reload or devtools keys in production.
// Electron objects come in as parameters so tests can pass plain fakes.
import type { Logger } from './log';
import { isSameOrigin } from './protocol';
import type { Listener } from './types';

// ---------------------------------------------------------------- CSP

export interface CspOptions {
  /** electron-vite's dev server: Vite injects inline module scripts and an HMR socket. */
  dev: boolean;
}

export function buildCsp({ dev }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // 'wasm-unsafe-eval' compiles the ZXing decoder; nothing allows eval or inline script.
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...(dev ? ["'unsafe-inline'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"], // React inline styles
    ['img-src', "'self'", 'data:', 'blob:'],
    ['media-src', "'self'", 'blob:', 'mediastream:', 'data:'],
    ['font-src', "'self'", 'data:'],
    // The upstream server: https anywhere, plain http only on loopback (a secure page can't reach LAN http anyway).
    ['connect-src', "'self'", 'https:', 'http://127.0.0.1:*', 'http://localhost:*', ...(dev ? ['ws://localhost:*', 'ws://127.0.0.1:*'] : [])],
    ['worker-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-src', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

type HeaderMap = Record<string, string[] | string>;

export interface HeaderHookSession {
  webRequest: {
    onHeadersReceived(
      listener: (details: { responseHeaders?: HeaderMap }, callback: (response: { responseHeaders?: HeaderMap }) => void) => void,
    ): void;
  };
}

/** The CSP header on every http(s) response (the dev server); app:// responses carry it already. */
export function applyCspHeader(session: HeaderHookSession, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}

// ---------------------------------------------------------------- permissions

export interface PermissionRequestDetails {
  mediaTypes?: string[];
  securityOrigin?: string;
  requestingUrl?: string;
  isMainFrame?: boolean;
}

export interface PermissionCheckDetails {
  mediaType?: string;
  securityOrigin?: string;
  requestingUrl?: string;
  isMainFrame?: boolean;
}

/**
 * Chromium's Local Network Access: a page (app://kiosk) reaching a server on the
 * venue LAN or on loopback needs this permission in newer builds; without it the
 * sync requests fail as if the network were down. Names as Chromium and Electron
 * have spelled it across versions.
 */
export const LOCAL_NETWORK_PERMISSIONS: ReadonlySet<string> = new Set(['local-network-access', 'local-network', 'loopback-network']);

/**
 * The grants there are: the camera, without the microphone, and local-network
 * access — each to the app's own main frame only.
 */
export function allowPermissionRequest(permission: string, details: PermissionRequestDetails, appOrigin: string): boolean {
  if (LOCAL_NETWORK_PERMISSIONS.has(permission)) {
    if (details.isMainFrame === false) return false;
    return isSameOrigin(details.securityOrigin ?? details.requestingUrl, appOrigin);
  }
  if (permission !== 'media') return false;
  const types = details.mediaTypes ?? [];
  if (types.length === 0 || types.some((t) => t !== 'video')) return false;
  if (details.isMainFrame === false) return false;
  const origin = details.securityOrigin ?? details.requestingUrl;
  return isSameOrigin(origin, appOrigin) && (details.requestingUrl === undefined || isSameOrigin(details.requestingUrl, appOrigin));
}

export function allowPermissionCheck(permission: string, requestingOrigin: string, details: PermissionCheckDetails, appOrigin: string): boolean {
  if (LOCAL_NETWORK_PERMISSIONS.has(permission)) return details.isMainFrame !== false && isSameOrigin(details.securityOrigin ?? requestingOrigin, appOrigin);
  if (permission !== 'media' || details.mediaType !== 'video') return false;
  return isSameOrigin(details.securityOrigin ?? requestingOrigin, appOrigin);
}

export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetails) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string, details: PermissionCheckDetails) => boolean,
  ): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

export function installPermissionPolicy(session: PermissionSession, appOrigin: string, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = allowPermissionRequest(permission, details, appOrigin);
    if (!granted) {
      log.warn('permission request denied', { permission, mediaTypes: details.mediaTypes, origin: details.securityOrigin ?? details.requestingUrl });
    }
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowPermissionCheck(permission, requestingOrigin, details, appOrigin),
  );
  // WebHID / WebUSB / Web Serial: never.
  session.setDevicePermissionHandler(() => false);
}

// ---------------------------------------------------------------- navigation, pop-ups, webviews, keys

export interface KeyInput {
  type: string;
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const ALWAYS_BLOCKED_CODES = new Set(['F5', 'F11', 'F12', 'BrowserRefresh', 'BrowserBack', 'BrowserForward']);
const MOD_BLOCKED_CODES = new Set(['KeyR', 'KeyW', 'KeyQ', 'KeyN', 'KeyT', 'KeyP', 'KeyO', 'KeyS', 'KeyU', 'Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);
const DEVTOOLS_CODES = new Set(['KeyI', 'KeyJ', 'KeyC']);

/**
 * Keys a kiosk user must not press with effect: reload, devtools, close, quit,
 * zoom, print, view-source, history navigation, full-screen toggle. Read by
 * `code`, so they are caught with a Korean IME active too. Plain typing and a
 * scanner's Enter are untouched.
 */
export function isBlockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const mod = input.control || input.meta;
  if (ALWAYS_BLOCKED_CODES.has(input.code)) return true;
  if (input.alt && (input.code === 'F4' || input.code === 'ArrowLeft' || input.code === 'ArrowRight' || input.code === 'Home')) return true;
  if (mod && MOD_BLOCKED_CODES.has(input.code)) return true;
  if (mod && (input.shift || input.alt) && DEVTOOLS_CODES.has(input.code)) return true;
  return false;
}

export interface GuardableContents {
  on(event: string, listener: Listener): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

interface PreventableEvent {
  preventDefault(): void;
}

export interface HardenOptions {
  appOrigin: string;
  /** Production: reload / devtools / close keys are swallowed. */
  production: boolean;
  log: Logger;
}

/** Applies to every web contents the app creates (windows, the print window, any webview attempt). */
export function hardenWebContents(contents: GuardableContents, { appOrigin, production, log }: HardenOptions): void {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('window.open denied', { url });
    return { action: 'deny' };
  });

  const guardNavigation = (kind: string) => (event: PreventableEvent & { url?: string }, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl ?? '';
    if (isSameOrigin(url, appOrigin)) return;
    event.preventDefault();
    log.warn(`${kind} blocked`, { url });
  };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));

  contents.on('will-attach-webview', (event: PreventableEvent) => {
    event.preventDefault();
    log.warn('webview blocked');
  });

  if (production) {
    contents.on('before-input-event', (event: PreventableEvent, input: KeyInput) => {
      if (isBlockedShortcut(input)) event.preventDefault();
    });
  }
}
