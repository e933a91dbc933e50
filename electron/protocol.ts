// The `app://kiosk/` scheme that serves the built page in production. A privileged,
// standard + secure scheme gives the page one stable origin (so IndexedDB persists
// under it across updates and install paths), a secure context for the camera, and
// no file:// quirks. Requests are confined to the renderer folder; every document
// carries the CSP header.
import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export interface PrivilegedScheme {
  scheme: string;
  privileges: {
    standard: boolean;
    secure: boolean;
    supportFetchAPI: boolean;
    corsEnabled: boolean;
    stream: boolean;
    codeCache: boolean;
  };
}

export interface SchemeRegistrar {
  registerSchemesAsPrivileged(schemes: PrivilegedScheme[]): void;
}

/** Must run before the app's `ready` event. */
export function registerAppScheme(protocol: SchemeRegistrar): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true },
    },
  ]);
}

/**
 * `scheme://host[:port]` of a URL, or null. Unlike `URL.origin` it also works for
 * custom schemes (Node says "null" for those).
 */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (!u.host) return null;
    return `${u.protocol}//${u.host}`.toLowerCase();
  } catch {
    return null;
  }
}

export function isSameOrigin(url: string | undefined | null, origin: string): boolean {
  return typeof url === 'string' && originOf(url) === origin.toLowerCase();
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
};

export interface AppRequestHandlerOptions {
  /** The built renderer folder (out/renderer). */
  rootDir: string;
  csp: string;
  readFile?: (path: string) => Promise<Uint8Array>;
}

/**
 * Resolves a request path inside rootDir, or null if it would leave it.
 * Paths without an extension fall back to index.html (client-side routes).
 */
export function resolveAppPath(rootDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const clean = normalize(decoded === '/' || decoded === '' ? '/index.html' : decoded);
  const file = join(rootDir, clean);
  const rel = relative(rootDir, file);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return extname(file) === '' ? join(rootDir, 'index.html') : file;
}

export function createAppRequestHandler(options: AppRequestHandlerOptions): (request: Request) => Promise<Response> {
  const read = options.readFile ?? ((p: string) => fsReadFile(p));
  const security = {
    'Content-Security-Policy': options.csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  const text = (status: number, body: string): Response =>
    new Response(body, { status, headers: { ...security, 'Content-Type': 'text/plain; charset=utf-8' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return text(400, 'bad url');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return text(404, 'not found');
    const file = resolveAppPath(options.rootDir, url.pathname);
    if (!file) return text(403, 'forbidden');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return text(404, 'not found');
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers = { ...security, 'Content-Type': type, 'Content-Length': String(body.byteLength) };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

export interface ProtocolHandlerHost {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export function serveApp(protocol: ProtocolHandlerHost, options: AppRequestHandlerOptions): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(options));
}
