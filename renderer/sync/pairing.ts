// Pairing a kiosk: parse the link `turnout://pair?server=URL&code=CODE[&checkpoint=ID]`
// strictly (http/https server only, no credentials; code and checkpoint charsets
// and lengths), redeem the code (`POST /v1/devices/pair`), keep {server, deviceId,
// token, eventId} in IndexedDB meta (never localStorage), then run the first sync
// (config → roster with progress → check-ins). Failures come back as a kind the
// pairing screen can explain.
import type { TurnoutDb } from '../storage/db';
import { savePairing } from '../storage/replica';
import { keepPairingCopy } from '../storage/pairing-copy';
import type { PlatformPairingCopy } from '../platform';
import { loadPairing, type Pairing } from '../storage/sync-meta';
import { SyncClient } from './client';
import { SyncEngine, type EngineOptions } from './engine';
import { SyncError } from './errors';
import type { PullProgress } from './pull';

export interface PairingLink {
  server: string;
  code: string;
  checkpointId?: string;
}

export type PairErrorKind =
  | 'invalid_link'
  | 'code_unknown'
  | 'code_used'
  | 'code_expired'
  | 'unreachable'
  | 'rate_limited'
  | 'server_error'
  | 'revoked'
  | 'first_sync_failed';

export class PairError extends Error {
  override readonly name = 'PairError';
  constructor(
    readonly kind: PairErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const CODE = /^[A-Za-z0-9-]{4,64}$/;
const CHECKPOINT = /^[A-Za-z0-9_.:-]{1,200}$/;

/** Cheap test for routing a scan: does this look like a pairing link at all? */
export function looksLikePairingLink(text: string): boolean {
  return /^turnout:\/\/pair\?/i.test(text.trim());
}

export function parsePairingLink(text: string): { ok: true; link: PairingLink } | { ok: false; error: string } {
  const raw = text.trim();
  if (raw.length > 2048) return { ok: false, error: 'link too long' };
  if (!looksLikePairingLink(raw)) return { ok: false, error: 'not a turnout://pair link' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: 'not a valid URL' };
  }
  const q = url.searchParams;
  for (const key of q.keys()) {
    if (!['server', 'code', 'checkpoint'].includes(key)) return { ok: false, error: `unexpected parameter "${key}"` };
  }
  if (q.getAll('server').length !== 1 || q.getAll('code').length !== 1 || q.getAll('checkpoint').length > 1) {
    return { ok: false, error: 'server and code must appear exactly once' };
  }
  const server = parseServer(q.get('server') ?? '');
  if (!server) return { ok: false, error: 'server must be an http(s) URL without credentials, query or fragment' };
  const code = q.get('code') ?? '';
  if (!CODE.test(code)) return { ok: false, error: 'code must be 4–64 letters, digits or dashes' };
  const checkpoint = q.get('checkpoint');
  if (checkpoint !== null && !CHECKPOINT.test(checkpoint)) return { ok: false, error: 'invalid checkpoint id' };
  return { ok: true, link: { server, code, ...(checkpoint ? { checkpointId: checkpoint } : {}) } };
}

/** An http(s) base URL, normalised without a trailing slash; undefined if unacceptable. */
export function parseServer(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password || url.search || url.hash || !url.hostname) return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The pairing request in the kiosk page's own URL: `?pair=<url-encoded turnout:// link>`,
 * or `?server=URL&pair=CODE[&checkpoint=ID]`. Returns a link for parsePairingLink.
 */
export function pairingFromSearch(search: string): string | undefined {
  const q = new URLSearchParams(search);
  const pair = q.get('pair');
  if (!pair) return undefined;
  if (looksLikePairingLink(pair)) return pair;
  const server = q.get('server');
  if (!server) return undefined;
  const cp = q.get('checkpoint');
  return `turnout://pair?server=${encodeURIComponent(server)}&code=${encodeURIComponent(pair)}${cp ? `&checkpoint=${encodeURIComponent(cp)}` : ''}`;
}

export interface PairOptions {
  /** The name staff see for this kiosk. */
  name: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Where the shell keeps a copy of the pairing (Electron's platform); omitted: no copy (browser). */
  pairingCopy?: PlatformPairingCopy;
}

/** Redeems the code and stores the pairing. Throws PairError. */
export async function pairDevice(db: TurnoutDb, text: string, opts: PairOptions): Promise<Pairing> {
  const parsed = parsePairingLink(text);
  if (!parsed.ok) throw new PairError('invalid_link', parsed.error);
  const { link } = parsed;
  const client = new SyncClient({ server: link.server, fetch: opts.fetch, timeoutMs: 15_000 });
  let res;
  try {
    res = await client.pair({ code: link.code, name: opts.name.slice(0, 100) || 'kiosk' });
  } catch (err) {
    throw toPairError(err);
  }
  // The server's checkpoint wins only when the link named none.
  const checkpointId = link.checkpointId ?? res.checkpointId ?? null;
  const pairing: Pairing = {
    server: link.server,
    deviceId: res.deviceId,
    token: res.token,
    eventId: res.eventId,
    checkpointId,
    name: opts.name,
    pairedAt: new Date((opts.now ?? Date.now)()).toISOString(),
  };
  await savePairing(db, pairing);
  const notKept = await keepPairingCopy(opts.pairingCopy, pairing);
  if (notKept) console.warn('[turnout] pairing copy not kept:', notKept);
  return pairing;
}

export interface PairAndSyncOptions extends PairOptions {
  onProgress?: (p: PullProgress) => void;
  engine?: Omit<EngineOptions, 'db' | 'pairing'>;
}

/**
 * Pairs, then runs the first sync (config → roster → check-ins) with progress.
 * A first sync that does not complete throws `first_sync_failed`; the pairing is
 * kept, and the engine resumes from the last committed page.
 */
export async function pairAndSync(db: TurnoutDb, text: string, opts: PairAndSyncOptions): Promise<Pairing> {
  const pairing = await pairDevice(db, text, opts);
  await firstSync(db, pairing, opts);
  return pairing;
}

/** The first sync of a stored pairing (also used to resume one that was cut). */
export async function firstSync(db: TurnoutDb, pairing: Pairing, opts: Omit<PairAndSyncOptions, 'name'> = {}): Promise<void> {
  const engine = new SyncEngine({ ...opts.engine, db, pairing, fetch: opts.fetch ?? opts.engine?.fetch, events: null });
  const report = await engine.syncNow({ onProgress: opts.onProgress });
  const hasConfig = Boolean(await db.config.get('current'));
  if (!report.ok || !hasConfig) {
    const err = report.errors[0];
    if (err?.kind === 'device_revoked' || (await loadPairing(db)) === undefined) {
      throw new PairError('revoked', err?.message ?? 'this device was revoked');
    }
    throw new PairError(err && (err.kind === 'network' || err.kind === 'timeout') ? 'unreachable' : 'first_sync_failed', err?.message ?? 'no event config');
  }
}

function toPairError(err: unknown): PairError {
  if (!(err instanceof SyncError)) return new PairError('server_error', String(err));
  switch (err.kind) {
    case 'network':
    case 'timeout':
      return new PairError('unreachable', err.message);
    case 'rate_limited':
      return new PairError('rate_limited', err.message);
    case 'rejected':
      if (err.code === 'pairing_code_used') return new PairError('code_used', err.message);
      if (err.code === 'pairing_code_expired') return new PairError('code_expired', err.message);
      if (err.code === 'pairing_code_unknown' || err.status === 404) return new PairError('code_unknown', err.message);
      return new PairError('server_error', err.message);
    default:
      return new PairError('server_error', err.message);
  }
}
