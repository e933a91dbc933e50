// The app:// scheme handler, run without Electron: no Electron binary can run
// here, so the handler is called directly with WHATWG Requests over a temp folder.
// Covers: origins of custom schemes, path traversal refused, CSP on every answer.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, createAppRequestHandler, isSameOrigin, originOf, registerAppScheme, resolveAppPath, serveApp, type PrivilegedScheme } from '../../../electron/protocol';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'turnout-app-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(root, 'assets', 'zxing.wasm'), new Uint8Array([0, 97, 115, 109]));
  writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'turnout-secret.txt'), 'secret');
});

const handler = () => createAppRequestHandler({ rootDir: root, csp: "default-src 'self'" });
const get = (url: string, method = 'GET') => handler()(new Request(url, { method }));

describe('origins', () => {
  it('works for the custom scheme, where URL.origin says "null"', () => {
    expect(new URL('app://kiosk/index.html').origin).toBe('null');
    expect(originOf('app://kiosk/index.html?x=1#y')).toBe(APP_ORIGIN);
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(originOf('not a url')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(isSameOrigin('APP://KIOSK/x', APP_ORIGIN)).toBe(true);
    expect(isSameOrigin('app://kiosk.evil/x', APP_ORIGIN)).toBe(false);
    expect(isSameOrigin(undefined, APP_ORIGIN)).toBe(false);
  });

  it('registers app: as a standard, secure, fetchable scheme', () => {
    const registered: PrivilegedScheme[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (s) => registered.push(...s) });
    expect(registered).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }]);
    let scheme = '';
    serveApp({ handle: (s) => (scheme = s) }, { rootDir: root, csp: '' });
    expect(scheme).toBe('app');
  });
});

describe('serving the page', () => {
  it('serves index.html for / with the CSP and nosniff', async () => {
    const res = await get('app://kiosk/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('kiosk');
  });

  it('serves WebAssembly as application/wasm (streaming compile) and scripts as JavaScript', async () => {
    expect((await get('app://kiosk/assets/zxing.wasm')).headers.get('content-type')).toBe('application/wasm');
    expect((await get('app://kiosk/assets/index.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('falls back to index.html for client-side routes, 404 for missing files', async () => {
    expect(await (await get('app://kiosk/staff')).text()).toContain('kiosk');
    expect((await get('app://kiosk/assets/missing.js')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://kiosk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://kiosk/index.html', 'POST')).status).toBe(405);
  });

  it('refuses paths that leave the folder, and other hosts', async () => {
    for (const url of ['app://kiosk/..%2fturnout-secret.txt', 'app://kiosk/%2e%2e/%2e%2e/turnout-secret.txt', 'app://kiosk/assets/..%5c..%5cturnout-secret.txt', 'app://kiosk/%00.js']) {
      const res = await get(url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(await res.text()).not.toContain('secret');
    }
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
  });

  it('resolves only inside the root', () => {
    expect(resolveAppPath('/srv/app', '/assets/a.js')).toBe(join('/srv/app', 'assets', 'a.js'));
    expect(resolveAppPath('/srv/app', '/../../etc/shadow.txt')).toBe(join('/srv/app', 'etc', 'shadow.txt'));
    expect(resolveAppPath('/srv/app', '/../../etc/passwd')).toBe(join('/srv/app', 'index.html'));
    expect(resolveAppPath('/srv/app', '/%E0%A4%A')).toBeNull();
  });
});
