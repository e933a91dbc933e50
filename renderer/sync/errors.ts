// Every way a protocol call can fail, as one typed error. The kind decides what
// the engine does: network/timeout → offline and back off; device_revoked or auth
// (token unknown) → wipe the roster, keep unsent check-ins, stop until re-paired; rate_limited/server → back off (honouring Retry-After);
// too_large/rejected → split the batch or quarantine a row; bad_response → a
// reply we refuse to trust (never applied), back off.

/** Every kind, for the screens: each is `error.sync.<kind>` in both catalogues (tests/unit/ui/error-codes.test.ts). */
export const SYNC_ERROR_KINDS = [
  'network', // unreachable: DNS, refused, reset, cut mid-response
  'timeout', // no complete answer in time
  'device_revoked', // 401 device_revoked
  'auth', // 401 otherwise: the server does not know this token (device deleted, server reset)
  'too_large', // 413
  'rate_limited', // 429
  'server', // 5xx
  'rejected', // another 4xx: the request itself was refused (e.g. 400, 404, 409, 410, 422)
  'bad_response', // malformed JSON or a body that fails its schema
] as const;
export type SyncErrorKind = (typeof SYNC_ERROR_KINDS)[number];

export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly detail: { status?: number; code?: string; retryAfterMs?: number } = {},
  ) {
    super(message);
  }

  get status(): number | undefined {
    return this.detail.status;
  }
  /** The protocol's `error.code`, when the server sent one. */
  get code(): string | undefined {
    return this.detail.code;
  }
  get retryAfterMs(): number | undefined {
    return this.detail.retryAfterMs;
  }
}

/** The server could not be reached at all (vs. reached and answered badly). */
export const isUnreachable = (err: unknown): boolean =>
  err instanceof SyncError && (err.kind === 'network' || err.kind === 'timeout');

/** Errors after which this device must not talk to the server again until re-paired. */
export const isFatal = (err: unknown): boolean =>
  err instanceof SyncError && (err.kind === 'device_revoked' || err.kind === 'auth');

export function asSyncError(err: unknown): SyncError {
  if (err instanceof SyncError) return err;
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new SyncError('network', message);
}

/** `Retry-After`: delta-seconds or an HTTP date; ms from `now`, clamped to [0, 1 h]. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (!Number.isFinite(at)) return undefined;
    ms = at - now;
  }
  return Math.min(3_600_000, Math.max(0, Math.round(ms)));
}

/** Maps an HTTP error status (and the protocol's error code) to a kind. */
export function kindForStatus(status: number, code: string | undefined): SyncErrorKind {
  if (status === 401 && code === 'device_revoked') return 'device_revoked';
  if (status === 401) return 'auth';
  if (status === 413) return 'too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'rejected';
}
