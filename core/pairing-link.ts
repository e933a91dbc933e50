// The pairing link (contract; docs/ARCHITECTURE.md "Pairing"): what the organiser's
// QR holds and what a kiosk pairs from. Both sides use this module: the server
// builds links, the kiosk parses them. Pure.
//
//   legacy:  turnout://pair?server=URL&code=CODE[&checkpoint=ID]
//   v1:      turnout://pair?v=1&server=https://HOST:PORT[&server=…]&fp=PIN&code=CODE[&checkpoint=ID]
//
// `fp` is the RFC 7469 pin of the server's TLS key: base64url (no padding) of the
// SHA-256 of the leaf certificate's SubjectPublicKeyInfo. The kiosk tries the
// servers in order and trusts, for their host names, only a certificate carrying
// that key. A link without `fp` relies on a publicly trusted certificate (or
// loopback HTTP for the demo). Links are written in the legacy form when they use
// no v1 feature (one server, no pin), so kiosks from before v1 still read them.

export const PAIRING_LINK_VERSION = 1;
/** At most this many `server=` values: each one is a QR's worth of characters and a probe. */
export const MAX_PAIRING_SERVERS = 4;
export const MAX_PAIRING_LINK_LENGTH = 2048;

export interface PairingLink {
  /** Base URLs to try, in order (http(s), normalised without a trailing slash). */
  servers: string[];
  /** The first server (what a legacy link holds). */
  server: string;
  code: string;
  checkpointId?: string;
  /** The server key's SPKI pin; absent: the certificate must be publicly trusted. */
  fp?: string;
  /** 0 for a legacy link (no `v=`), else the `v=` it carried. */
  version: 0 | 1;
}

const CODE = /^[A-Za-z0-9-]{4,64}$/;
const CHECKPOINT = /^[A-Za-z0-9_.:-]{1,200}$/;
/** 32 bytes in base64url without padding are exactly 43 characters. */
export const SPKI_PIN = /^[A-Za-z0-9_-]{43}$/;
const KEYS = new Set(['v', 'server', 'fp', 'code', 'checkpoint']);

/** Cheap test for routing a scan: does this look like a pairing link at all? */
export function looksLikePairingLink(text: string): boolean {
  return /^turnout:\/\/pair\?/i.test(text.trim());
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

/** Why a pairing link was refused, as a code the kiosk says in its language (`error` stays English, for logs). */
export const PAIRING_LINK_ERROR_CODES = [
  'too_long',
  'not_pairing_link',
  'bad_url',
  'unexpected_param',
  'repeated_param',
  'newer_version',
  'bad_version',
  'missing_server_or_code',
  'too_many_servers',
  'bad_server',
  'bad_fp',
  'fp_needs_https',
  'bad_code',
  'bad_checkpoint',
] as const;
export type PairingLinkErrorCode = (typeof PAIRING_LINK_ERROR_CODES)[number];

export type ParsedPairingLink = { ok: true; link: PairingLink } | { ok: false; code: PairingLinkErrorCode; error: string };

export function parsePairingLink(text: string): ParsedPairingLink {
  const raw = text.trim();
  if (raw.length > MAX_PAIRING_LINK_LENGTH) return { ok: false, code: 'too_long', error: 'link too long' };
  if (!looksLikePairingLink(raw)) return { ok: false, code: 'not_pairing_link', error: 'not a turnout://pair link' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, code: 'bad_url', error: 'not a valid URL' };
  }
  const q = url.searchParams;
  for (const key of q.keys()) {
    if (!KEYS.has(key)) return { ok: false, code: 'unexpected_param', error: `unexpected parameter "${key}"` };
  }
  for (const key of ['v', 'code', 'fp', 'checkpoint']) {
    if (q.getAll(key).length > 1) return { ok: false, code: 'repeated_param', error: `${key} must appear at most once` };
  }
  const v = q.get('v');
  if (v !== null && v !== '1') {
    return /^\d+$/.test(v) && Number(v) > 1
      ? { ok: false, code: 'newer_version', error: `made for a newer Turnout (link version ${v})` }
      : { ok: false, code: 'bad_version', error: 'invalid link version' };
  }
  const rawServers = q.getAll('server');
  if (rawServers.length === 0 || q.getAll('code').length !== 1) return { ok: false, code: 'missing_server_or_code', error: 'server and code are required' };
  if (rawServers.length > MAX_PAIRING_SERVERS) return { ok: false, code: 'too_many_servers', error: `at most ${MAX_PAIRING_SERVERS} servers` };
  const servers: string[] = [];
  for (const s of rawServers) {
    const server = parseServer(s);
    if (!server) return { ok: false, code: 'bad_server', error: 'server must be an http(s) URL without credentials, query or fragment' };
    if (!servers.includes(server)) servers.push(server);
  }
  const fp = q.get('fp');
  if (fp !== null) {
    if (!SPKI_PIN.test(fp)) return { ok: false, code: 'bad_fp', error: 'fp must be a base64url SHA-256 pin (43 characters)' };
    // A pin says "this TLS key": it means nothing for plain HTTP.
    if (servers.some((s) => !s.startsWith('https:'))) return { ok: false, code: 'fp_needs_https', error: 'a link with fp must use https servers' };
  }
  const code = q.get('code') ?? '';
  if (!CODE.test(code)) return { ok: false, code: 'bad_code', error: 'code must be 4–64 letters, digits or dashes' };
  const checkpoint = q.get('checkpoint');
  if (checkpoint !== null && !CHECKPOINT.test(checkpoint)) return { ok: false, code: 'bad_checkpoint', error: 'invalid checkpoint id' };
  return {
    ok: true,
    link: {
      servers,
      server: servers[0]!,
      code,
      ...(checkpoint ? { checkpointId: checkpoint } : {}),
      ...(fp ? { fp } : {}),
      version: v === '1' ? 1 : 0,
    },
  };
}

export interface PairingLinkInput {
  /** One base URL, or several to try in order. */
  servers: string | readonly string[];
  code: string;
  checkpointId?: string | null;
  fp?: string | null;
}

/** Builds the link; v1 (with `v=1`) only when it pins a key or names several servers. */
export function formatPairingLink({ servers, code, checkpointId, fp }: PairingLinkInput): string {
  const list = [...new Set(typeof servers === 'string' ? [servers] : servers)].slice(0, MAX_PAIRING_SERVERS);
  if (list.length === 0) throw new Error('a pairing link needs a server');
  const parts: string[] = [];
  if (fp || list.length > 1) parts.push(`v=${PAIRING_LINK_VERSION}`);
  for (const s of list) parts.push(`server=${encodeURIComponent(s)}`);
  if (fp) parts.push(`fp=${fp}`);
  parts.push(`code=${encodeURIComponent(code)}`);
  if (checkpointId) parts.push(`checkpoint=${encodeURIComponent(checkpointId)}`);
  return `turnout://pair?${parts.join('&')}`;
}
