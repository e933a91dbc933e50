// Security guards of the Electron shell, run without Electron: no Electron binary
// can run here, so electron/security.ts gets plain fakes for sessions and web
// contents (dependency injection). Covers: navigation to another origin prevented,
// window.open denied, webviews refused, camera-only permissions, the CSP, and the
// production key guard.
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../electron/log';
import {
  allowPermissionCheck,
  allowPermissionRequest,
  applyCspHeader,
  buildCsp,
  hardenWebContents,
  installPermissionPolicy,
  isBlockedShortcut,
  type KeyInput,
  type PermissionCheckDetails,
  type PermissionRequestDetails,
} from '../../../electron/security';
import { FakeEvent, FakeWebContents } from './fakes';

const APP = 'app://kiosk';

function harden(production = true) {
  const contents = new FakeWebContents();
  const log = memoryLogger();
  hardenWebContents(contents, { appOrigin: APP, production, log });
  return { contents, log };
}

describe('navigation, pop-ups and webviews', () => {
  it('prevents navigation to another origin and logs it', () => {
    const { contents, log } = harden();
    for (const url of ['https://evil.example/', 'http://127.0.0.1:4317/', 'file:///etc/passwd', 'app://other/index.html', 'turnout://pair?code=1']) {
      const event = new FakeEvent(url);
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented, url).toBe(true);
    }
    expect(log.entries.filter((e) => e.message === 'navigation blocked')).toHaveLength(5);
  });

  it('lets the page move within its own origin', () => {
    const { contents } = harden();
    const event = new FakeEvent('app://kiosk/index.html?lang=en');
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('prevents redirects away from the app', () => {
    const { contents } = harden();
    const event = new FakeEvent('https://evil.example/');
    contents.emit('will-redirect', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies window.open for every URL, even the app itself', () => {
    const { contents, log } = harden();
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
    expect(log.entries.some((e) => e.message === 'window.open denied')).toBe(true);
  });

  it('refuses to attach any webview', () => {
    const { contents } = harden();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('keys', () => {
  const key = (code: string, mods: Partial<KeyInput> = {}): KeyInput => ({
    type: 'keyDown',
    key: code,
    code,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...mods,
  });

  it('swallows reload, devtools, close and zoom keys in production', () => {
    const { contents } = harden(true);
    for (const input of [key('F5'), key('KeyR', { control: true }), key('KeyR', { control: true, shift: true }), key('F12'), key('KeyI', { control: true, shift: true }), key('KeyI', { meta: true, alt: true }), key('F4', { alt: true }), key('KeyW', { control: true }), key('Equal', { control: true }), key('F11')]) {
      const event = new FakeEvent();
      contents.emit('before-input-event', event, input);
      expect(event.defaultPrevented, JSON.stringify(input)).toBe(true);
    }
  });

  it('leaves typing and a scanner alone, also with a Korean IME', () => {
    expect(isBlockedShortcut(key('KeyR'))).toBe(false);
    expect(isBlockedShortcut({ ...key('KeyR'), key: 'ㄱ' })).toBe(false);
    expect(isBlockedShortcut(key('Enter'))).toBe(false);
    expect(isBlockedShortcut(key('KeyC', { control: true }))).toBe(false); // copy
    expect(isBlockedShortcut({ ...key('F5'), type: 'keyUp' })).toBe(false);
    // Korean IME active: key is a jamo, code still says KeyR.
    expect(isBlockedShortcut({ ...key('KeyR', { control: true }), key: 'ㄱ' })).toBe(true);
  });

  it('keeps devtools keys usable in development', () => {
    const { contents } = harden(false);
    const event = new FakeEvent();
    contents.emit('before-input-event', event, key('F12'));
    expect(event.defaultPrevented).toBe(false);
  });
});

describe('permissions', () => {
  const request = (d: PermissionRequestDetails) => ({ isMainFrame: true, requestingUrl: 'app://kiosk/index.html', securityOrigin: 'app://kiosk/', ...d });

  it('grants a camera request from the app', () => {
    expect(allowPermissionRequest('media', request({ mediaTypes: ['video'] }), APP)).toBe(true);
  });

  it('denies the microphone, camera + microphone, and empty media requests', () => {
    expect(allowPermissionRequest('media', request({ mediaTypes: ['audio'] }), APP)).toBe(false);
    expect(allowPermissionRequest('media', request({ mediaTypes: ['video', 'audio'] }), APP)).toBe(false);
    expect(allowPermissionRequest('media', request({ mediaTypes: [] }), APP)).toBe(false);
  });

  it('denies geolocation, notifications, clipboard and the rest', () => {
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'display-capture', 'midi', 'openExternal', 'fullscreen', 'unknown']) {
      expect(allowPermissionRequest(p, request({ mediaTypes: ['video'] }), APP), p).toBe(false);
    }
  });

  it('denies the camera to any other origin or to a subframe', () => {
    expect(allowPermissionRequest('media', { mediaTypes: ['video'], isMainFrame: true, requestingUrl: 'https://evil.example/', securityOrigin: 'https://evil.example' }, APP)).toBe(false);
    expect(allowPermissionRequest('media', request({ mediaTypes: ['video'], requestingUrl: 'https://evil.example/' }), APP)).toBe(false);
    expect(allowPermissionRequest('media', request({ mediaTypes: ['video'], isMainFrame: false }), APP)).toBe(false);
  });

  it("grants Chromium's local-network access to the app's main frame only (the venue server is on the LAN), in requests and checks", () => {
    for (const p of ['local-network-access', 'local-network', 'loopback-network']) {
      expect(allowPermissionRequest(p, request({}), APP), p).toBe(true);
      expect(allowPermissionRequest(p, request({ isMainFrame: false }), APP), p).toBe(false);
      expect(allowPermissionRequest(p, { isMainFrame: true, requestingUrl: 'https://evil.example/', securityOrigin: 'https://evil.example' }, APP), p).toBe(false);
      expect(allowPermissionCheck(p, 'app://kiosk', { isMainFrame: true }, APP), p).toBe(true);
      expect(allowPermissionCheck(p, 'app://kiosk', { isMainFrame: false }, APP), p).toBe(false);
      expect(allowPermissionCheck(p, 'https://evil.example', { isMainFrame: true }, APP), p).toBe(false);
    }
  });

  it('answers permission checks the same way', () => {
    const d = (x: PermissionCheckDetails) => ({ isMainFrame: true, ...x });
    expect(allowPermissionCheck('media', 'app://kiosk', d({ mediaType: 'video' }), APP)).toBe(true);
    expect(allowPermissionCheck('media', 'app://kiosk', d({ mediaType: 'audio' }), APP)).toBe(false);
    expect(allowPermissionCheck('media', 'https://evil.example', d({ mediaType: 'video' }), APP)).toBe(false);
    expect(allowPermissionCheck('geolocation', 'app://kiosk', d({}), APP)).toBe(false);
  });

  it('wires the handlers into a session and logs refusals', () => {
    type RequestHandler = (c: unknown, p: string, cb: (granted: boolean) => void, d: PermissionRequestDetails) => void;
    type CheckHandler = (c: unknown, p: string, origin: string, d: PermissionCheckDetails) => boolean;
    const installed: { request?: RequestHandler; check?: CheckHandler; device?: (d: unknown) => boolean } = {};
    const log = memoryLogger();
    installPermissionPolicy(
      {
        setPermissionRequestHandler: (h) => (installed.request = h),
        setPermissionCheckHandler: (h) => (installed.check = h),
        setDevicePermissionHandler: (h) => (installed.device = h),
      },
      APP,
      log,
    );
    const answers: boolean[] = [];
    installed.request?.({}, 'media', (g) => answers.push(g), request({ mediaTypes: ['video'] }));
    installed.request?.({}, 'media', (g) => answers.push(g), request({ mediaTypes: ['audio'] }));
    installed.request?.({}, 'geolocation', (g) => answers.push(g), request({}));
    expect(answers).toEqual([true, false, false]);
    expect(log.entries.filter((e) => e.message === 'permission request denied')).toHaveLength(2);
    expect(installed.check?.({}, 'media', 'app://kiosk', { isMainFrame: true, mediaType: 'video' })).toBe(true);
    expect(installed.device?.({ deviceType: 'usb' })).toBe(false);
  });
});

describe('CSP', () => {
  const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('is strict in production but lets the page do its job', () => {
    const d = directives(buildCsp({ dev: false }));
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get('img-src')).toEqual(expect.arrayContaining(['data:', 'blob:']));
    expect(d.get('media-src')).toEqual(expect.arrayContaining(["'self'", 'blob:', 'mediastream:']));
    expect(d.get('connect-src')).toEqual(expect.arrayContaining(["'self'", 'https:', 'http://127.0.0.1:*']));
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('script-src')).not.toContain("'unsafe-eval'");
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
    expect(buildCsp({ dev: false })).not.toContain('ws:');
  });

  it('relaxes only what the Vite dev server needs in development', () => {
    const d = directives(buildCsp({ dev: true }));
    expect(d.get('script-src')).toContain("'unsafe-inline'");
    expect(d.get('connect-src')).toContain('ws://localhost:*');
  });

  it('is added to every response header', () => {
    let listener: ((details: { responseHeaders?: Record<string, string[] | string> }, cb: (r: { responseHeaders?: Record<string, string[] | string> }) => void) => void) | undefined;
    applyCspHeader({ webRequest: { onHeadersReceived: (l) => (listener = l) } }, "default-src 'self'");
    let out: Record<string, string[] | string> | undefined;
    listener?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (out = r.responseHeaders));
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] });
  });
});

describe('CSP under the evaluator electronegativity uses', () => {
  it('has no HIGH finding; its only MEDIUM ones are the loopback http upstream', async () => {
    const { createRequire } = await import('node:module');
    type Finding = { severity: number; directive: string; value?: string };
    const csp = createRequire(import.meta.url)('@doyensec/csp-evaluator') as {
      CspParser: new (s: string) => { csp: unknown };
      CspEvaluator: new (c: unknown, v: unknown) => { evaluate(): Finding[] };
      Version: { CSP3: unknown };
      severities: Record<string, number>;
    };
    const findings = new csp.CspEvaluator(new csp.CspParser(buildCsp({ dev: false })).csp, csp.Version.CSP3).evaluate();
    expect(findings.filter((f) => f.severity === csp.severities.HIGH)).toEqual([]);
    const medium = findings.filter((f) => f.severity === csp.severities.MEDIUM);
    expect(medium.every((f) => f.directive === 'connect-src' && /^http:\/\/(127\.0\.0\.1|localhost):\*$/.test(f.value ?? ''))).toBe(true);
  });
});
