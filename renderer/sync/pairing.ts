// Pairing a kiosk: parse the link (core/pairing-link.ts: legacy, or v1 with
// several servers and the server key's pin `fp`) strictly; in Electron hand the
// pin to the shell first, so it trusts only that key for those hosts; pick the
// first server that answers; redeem the code (`POST /v1/devices/pair`, naming the
// pairings this kiosk held before so its unsent records stay its own), keep
// {server, deviceId, token, eventId} in IndexedDB meta (never localStorage), then
// run the first sync (config → roster with progress → check-ins). Failures come
// back as a kind the pairing screen can explain. In a plain browser the pin cannot
// be checked by the page: the browser's own trust store decides (the provisioning
// script installs the venue CA only after checking the served key against `fp`).
import type { TurnoutDb } from '../storage/db';
import { savePairing } from '../storage/replica';
import { keepPairingCopy } from '../storage/pairing-copy';
import { looksLikePairingLink, parsePairingLink, parseServer, type PairingLink, type PairingLinkErrorCode } from '../../core/pairing-link';
import type { PlatformPairingCopy, PlatformTlsPin } from '../platform';
import { loadPairing, predecessors, type Pairing } from '../storage/sync-meta';
import { SyncClient } from './client';
import { SyncEngine, type EngineOptions } from './engine';
import { SyncError } from './errors';
import type { PullProgress } from './pull';

export type { PairingLink };
export { looksLikePairingLink, parsePairingLink, parseServer };

/** Every way pairing fails; each is `pair.error_<kind>` in both catalogues (tests/unit/ui/error-codes.test.ts). */
export const PAIR_ERROR_KINDS = [
  'invalid_link',
  'code_unknown',
  'code_used',
  'code_expired',
  'unreachable',
  'rate_limited',
  'server_error',
  'tls_pin_failed',
  'revoked',
  'first_sync_failed',
] as const;
export type PairErrorKind = (typeof PAIR_ERROR_KINDS)[number];

/** `message` is English, for logs and the staff details line; `link` says why a link was refused. */
export class PairError extends Error {
  override readonly name = 'PairError';
  constructor(
    readonly kind: PairErrorKind,
    message: string,
    readonly link?: PairingLinkErrorCode,
  ) {
    super(message);
  }
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
  /** The shell's certificate pinning (Electron); omitted: the browser's trust store decides. */
  tlsPin?: PlatformTlsPin;
  /** Budget of each server's reachability probe when a link names several, ms. */
  probeTimeoutMs?: number;
}

/**
 * The first of the link's servers (in link order) that answers `GET /healthz`.
 * A link with one server is not probed: pairing itself says whether it answers.
 */
export async function pickServer(servers: readonly string[], opts: Pick<PairOptions, 'fetch' | 'probeTimeoutMs'> = {}): Promise<string> {
  if (servers.length === 1) return servers[0]!;
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const budget = opts.probeTimeoutMs ?? 5000;
  const probes = servers.map(async (server) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), budget);
    try {
      const res = await doFetch(`${server}/healthz`, { signal: controller.signal, cache: 'no-store' });
      await res.body?.cancel().catch(() => undefined);
      return res.ok;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  });
  // Probes run at once; the answer is the earliest server in the link's order that
  // answered, so an organiser's preferred name wins over a fallback address.
  for (let i = 0; i < servers.length; i++) if (await probes[i]) return servers[i]!;
  throw new PairError('unreachable', `none of ${servers.join(', ')} answered`);
}

/** Redeems the code and stores the pairing. Throws PairError. */
export async function pairDevice(db: TurnoutDb, text: string, opts: PairOptions): Promise<Pairing> {
  const parsed = parsePairingLink(text);
  if (!parsed.ok) throw new PairError('invalid_link', parsed.error, parsed.code);
  const { link } = parsed;
  if (link.fp && opts.tlsPin) {
    // Before any request: the shell must trust this key (and only this key) for these hosts.
    const pinned = await opts.tlsPin.save(link.servers, link.fp);
    if (!pinned.ok) throw new PairError('tls_pin_failed', `the app could not pin the server's key: ${pinned.error.message}`);
  }
  const server = await pickServer(link.servers, opts);
  const client = new SyncClient({ server, fetch: opts.fetch, timeoutMs: 15_000 });
  // A token goes only back to the server that issued it (any of the link's addresses).
  const replaces = (await predecessors(db))
    .filter((p) => p.server === server || link.servers.includes(p.server))
    .map((p) => ({ deviceId: p.deviceId, token: p.token }));
  let res;
  try {
    res = await client.pair({ code: link.code, name: opts.name.slice(0, 100) || 'kiosk', ...(replaces.length ? { replaces } : {}) });
  } catch (err) {
    throw toPairError(err);
  }
  // The server's checkpoint wins only when the link named none.
  const checkpointId = link.checkpointId ?? res.checkpointId ?? null;
  const pairing: Pairing = {
    server,
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
