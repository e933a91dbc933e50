// Server settings from the environment (docs/ARCHITECTURE.md "Server"): TURNOUT_PORT,
// TURNOUT_HOST, TURNOUT_DATA_DIR, TURNOUT_ADMIN_TOKEN, TURNOUT_PUBLIC_URL,
// TURNOUT_LOG_LEVEL, TURNOUT_TRUST_PROXY, DATABASE_URL, TURNOUT_VIEWER_TOKEN (the
// console's read-only role), TURNOUT_CONSOLE_DIR; TLS: TURNOUT_TLS_CERT,
// TURNOUT_TLS_KEY, TURNOUT_TLS_NAMES, TURNOUT_TLS, TURNOUT_HTTP_PORT; signing keys
// at rest: TURNOUT_KEY_ENCRYPTION_KEY. Pure parsing;
// nothing is opened here.

import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { parseKeyEncryptionKey } from './signing/seal';
import { parseTlsNames } from './tls/names';

/**
 * How `serve` speaks TLS. `venue`: a certificate from the server's own venue CA
 * (server/tls/), pinned by kiosks through the pairing link. `files`: the
 * operator's certificate (TURNOUT_TLS_CERT/TURNOUT_TLS_KEY), no pin. `off`: plain
 * HTTP behind a proxy that terminates TLS: on a loopback host, or on any host
 * when TURNOUT_TRUST_PROXY names the proxy (server/tls/serve.ts refuses otherwise).
 */
export interface TlsSettings {
  mode: 'venue' | 'files' | 'off';
  certFile?: string;
  keyFile?: string;
  /** Extra names and addresses for the venue certificate (TURNOUT_TLS_NAMES). */
  names: string[];
}

export interface RateLimitSettings {
  /** Requests per window per client (device token, admin token or IP). */
  max: number;
  /** Pairing attempts per window per IP: pairing codes must not be guessable by brute force. */
  pairMax: number;
  windowMs: number;
}

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL URL; SQLite in dataDir when absent. */
  databaseUrl?: string;
  adminToken: string;
  /** True when no TURNOUT_ADMIN_TOKEN was set and one was made for this run. */
  adminTokenGenerated: boolean;
  /** Read-only token (console viewer role, and bearer for GET admin routes). */
  viewerToken: string;
  viewerTokenGenerated: boolean;
  /** Built organiser console (Vite output), served at /admin/ when present. */
  consoleDir: string;
  /** How long a console login lasts. */
  sessionTtlMs: number;
  /** Base URL put in pairing links; derived from the request when absent. */
  publicUrl?: string;
  /** Built kiosk (Vite output), served at /kiosk/ when present. */
  kioskDir: string;
  pairingTtlMs: number;
  /** Body limit of JSON routes, bytes. */
  bodyLimit: number;
  /** Body limit of roster imports, bytes. */
  importBodyLimit: number;
  rateLimit: RateLimitSettings | false;
  logLevel: string;
  /**
   * Which hops may say who the client is (Fastify's trustProxy): false (the
   * default: the TCP peer is the client), true (any hop: only when nothing but
   * the proxy can reach the server), a hop count, or the proxies' addresses/CIDRs.
   * Behind a proxy it makes request.ip (rate limits, pairing's per-IP limit),
   * request.protocol and request.host (pairing links) the client's own.
   */
  trustProxy: boolean | number | string[];
  tls: TlsSettings;
  /** Plain-HTTP port beside HTTPS: 308 redirects and /ca.crt only; null: none. */
  httpPort: number | null;
  /** Seals events' private signing keys at rest (AES-256-GCM, server/signing/seal.ts); absent: stored plain. */
  keyEncryptionKey?: Buffer;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/**
 * TURNOUT_TRUST_PROXY: unset or `false` → trust no proxy; `true` → trust every
 * hop; a whole number → trust that many hops; otherwise a comma-separated list
 * of proxy addresses or CIDR ranges (`10.0.0.5,10.1.0.0/16`).
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  const v = (value ?? '').trim();
  if (v === '' || v.toLowerCase() === 'false') return false;
  if (v.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(',').map((x) => x.trim()).filter(Boolean);
  for (const entry of list) {
    const [addr, bits, ...rest] = entry.split('/');
    const family = isIP(addr ?? '');
    const max = family === 6 ? 128 : 32;
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= max);
    if (!family || rest.length > 0 || !okBits) {
      throw new Error(`TURNOUT_TRUST_PROXY: "${entry}" is not an IP address or CIDR range (or use true, false, or a hop count)`);
    }
  }
  return list;
}

export function generateAdminToken(): string {
  return `toa_${randomBytes(24).toString('base64url')}`;
}

export function generateViewerToken(): string {
  return `tov_${randomBytes(24).toString('base64url')}`;
}

function tlsSettings(env: NodeJS.ProcessEnv): TlsSettings {
  const names = parseTlsNames(env.TURNOUT_TLS_NAMES);
  const certFile = env.TURNOUT_TLS_CERT || undefined;
  const keyFile = env.TURNOUT_TLS_KEY || undefined;
  if (Boolean(certFile) !== Boolean(keyFile)) throw new Error('TURNOUT_TLS_CERT and TURNOUT_TLS_KEY go together: set both (PEM files) or neither');
  const off = env.TURNOUT_TLS === 'off';
  if (env.TURNOUT_TLS && !off) throw new Error(`TURNOUT_TLS may only be "off", got "${env.TURNOUT_TLS}"`);
  if (off && certFile) throw new Error('TURNOUT_TLS=off and TURNOUT_TLS_CERT contradict each other');
  if (certFile && keyFile) return { mode: 'files', certFile: resolve(certFile), keyFile: resolve(keyFile), names };
  return { mode: off ? 'off' : 'venue', names };
}

/** Reads settings from `env`; `overrides` win (CLI flags, tests). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const dataDir = resolve(env.TURNOUT_DATA_DIR || '.turnout-data');
  const adminToken = env.TURNOUT_ADMIN_TOKEN || '';
  const viewerToken = env.TURNOUT_VIEWER_TOKEN || '';
  const config: ServerConfig = {
    port: int(env.TURNOUT_PORT, 8787, 'TURNOUT_PORT'),
    host: env.TURNOUT_HOST || '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    adminToken: adminToken || generateAdminToken(),
    adminTokenGenerated: !adminToken,
    viewerToken: viewerToken || generateViewerToken(),
    viewerTokenGenerated: !viewerToken,
    consoleDir: resolve(env.TURNOUT_CONSOLE_DIR || 'dist-console'),
    sessionTtlMs: int(env.TURNOUT_SESSION_TTL_S, 12 * 3600, 'TURNOUT_SESSION_TTL_S') * 1000,
    publicUrl: env.TURNOUT_PUBLIC_URL || undefined,
    kioskDir: resolve(env.TURNOUT_KIOSK_DIR || 'dist-renderer'),
    pairingTtlMs: int(env.TURNOUT_PAIRING_TTL_S, 15 * 60, 'TURNOUT_PAIRING_TTL_S') * 1000,
    bodyLimit: 1024 * 1024,
    importBodyLimit: 32 * 1024 * 1024,
    rateLimit: {
      max: int(env.TURNOUT_RATE_LIMIT, 1200, 'TURNOUT_RATE_LIMIT'),
      pairMax: 30,
      windowMs: 60_000,
    },
    logLevel: env.TURNOUT_LOG_LEVEL || 'info',
    trustProxy: parseTrustProxy(env.TURNOUT_TRUST_PROXY),
    tls: tlsSettings(env),
    httpPort: env.TURNOUT_HTTP_PORT === 'off' ? null : int(env.TURNOUT_HTTP_PORT, 8780, 'TURNOUT_HTTP_PORT'),
    keyEncryptionKey: parseKeyEncryptionKey(env.TURNOUT_KEY_ENCRYPTION_KEY),
    ...overrides,
  };
  if (config.adminToken.length < 16) throw new Error('TURNOUT_ADMIN_TOKEN must be at least 16 characters');
  if (config.viewerToken.length < 16) throw new Error('TURNOUT_VIEWER_TOKEN must be at least 16 characters');
  if (config.viewerToken === config.adminToken) throw new Error('TURNOUT_VIEWER_TOKEN must differ from TURNOUT_ADMIN_TOKEN');
  return config;
}

/** The SQLite file inside the data folder. */
export const sqlitePathFor = (config: Pick<ServerConfig, 'dataDir'>) => join(config.dataDir, 'turnout.sqlite');
