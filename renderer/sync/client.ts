// Typed fetch wrapper for sync protocol v1 (core/protocol.ts). Sends the device's
// bearer token, bounds every call (body included) with an AbortController timeout,
// validates every reply with its zod schema — a malformed reply is an error and is
// never trusted — and turns every failure into a classified SyncError.
import { z } from 'zod';
import {
  CheckinsPage,
  ConfigResponse,
  DecideResponse,
  ErrorBody,
  HeartbeatResponse,
  PairResponse,
  TicketsPage,
  UploadResponse,
  RecordUploadResponse,
  VoidsPage,
  type CheckinUpload,
  type VoidUpload,
  type WalkInUpload,
  type DecideRequest,
  type HeartbeatRequest,
  type PairRequest,
} from '../../core/protocol';
import { kindForStatus, parseRetryAfter, SyncError } from './errors';

/**
 * Pull pages may carry a `total` (items after the cursor when the pull began) for
 * progress bars. Not in protocol v1 yet; accepted when present, ignored otherwise.
 */
const total = z.number().int().min(0).optional();
const TicketsPageIn = TicketsPage.extend({ total });
const CheckinsPageIn = CheckinsPage.extend({ total });
export type TicketsPageIn = z.infer<typeof TicketsPageIn>;
export type CheckinsPageIn = z.infer<typeof CheckinsPageIn>;

export interface ClientOptions {
  /** Base URL, http(s). */
  server: string;
  token?: string;
  fetch?: typeof fetch;
  /** Default per-request budget, ms (connect + headers + body). */
  timeoutMs?: number;
}

interface CallOptions<S extends z.ZodType> {
  schema: S;
  body?: unknown;
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** Treat 304 as a success without a body. */
  allowNotModified?: boolean;
  signal?: AbortSignal;
}

export type Result<T> = { status: number; headers: Headers; data: T | undefined };

export class SyncClient {
  readonly server: string;
  private readonly token: string | undefined;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(opts: ClientOptions) {
    this.server = opts.server.replace(/\/+$/, '');
    this.token = opts.token;
    this.fetchImpl = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = opts.timeoutMs ?? 10_000;
  }

  async call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, opts: CallOptions<S>): Promise<Result<z.infer<S>>> {
    const controller = new AbortController();
    const budget = opts.timeoutMs ?? this.timeoutMs;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, budget);
    const onOuterAbort = () => controller.abort();
    opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const where = `${method} ${path}`;
    try {
      let res: Response;
      let text: string;
      try {
        res = await this.fetchImpl(`${this.server}${path}`, {
          method,
          headers,
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
          signal: controller.signal,
          cache: 'no-store',
          redirect: 'error',
        });
        // Read the whole body under the same budget: a reply cut mid-way is a network error.
        text = await res.text();
      } catch (err) {
        if (timedOut) throw new SyncError('timeout', `${where}: no answer within ${budget} ms`);
        const reason = err instanceof Error ? `${err.message}${causeOf(err)}` : String(err);
        throw new SyncError('network', `${where}: ${reason}`);
      }
      if (res.status === 304 && opts.allowNotModified) return { status: 304, headers: res.headers, data: undefined };
      if (!res.ok) throw httpError(where, res, text);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new SyncError('bad_response', `${where}: reply is not JSON (${text.length} bytes)`, { status: res.status });
      }
      const parsed = opts.schema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const at = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
        throw new SyncError('bad_response', `${where}: reply does not match protocol v1 (${at})`, { status: res.status });
      }
      return { status: res.status, headers: res.headers, data: parsed.data };
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onOuterAbort);
    }
  }

  private async data<S extends z.ZodType>(method: 'GET' | 'POST', path: string, opts: CallOptions<S>): Promise<z.infer<S>> {
    const r = await this.call(method, path, opts);
    return r.data as z.infer<S>;
  }

  pair(req: PairRequest) {
    return this.data('POST', '/v1/devices/pair', { schema: PairResponse, body: req });
  }

  /** `notModified` when `etag` still matches. */
  async config(etag?: string): Promise<{ notModified: true } | { notModified: false; config: ConfigResponse; etag: string | null }> {
    const r = await this.call('GET', '/v1/sync/config', {
      schema: ConfigResponse,
      headers: etag ? { 'if-none-match': etag } : {},
      allowNotModified: Boolean(etag),
    });
    if (r.status === 304 || !r.data) return { notModified: true };
    return { notModified: false, config: r.data, etag: r.headers.get('etag') };
  }

  tickets(after: number, limit: number, timeoutMs = 30_000) {
    return this.data('GET', `/v1/sync/tickets?after=${after}&limit=${limit}`, { schema: TicketsPageIn, timeoutMs });
  }

  checkins(after: number, limit: number, timeoutMs = 30_000) {
    return this.data('GET', `/v1/sync/checkins?after=${after}&limit=${limit}`, { schema: CheckinsPageIn, timeoutMs });
  }

  upload(items: CheckinUpload[], timeoutMs = 30_000) {
    return this.data('POST', '/v1/sync/checkins', { schema: UploadResponse, body: { items }, timeoutMs });
  }

  /** `POST /v1/sync/voids` (feature `voids`). */
  uploadVoids(items: VoidUpload[], timeoutMs = 30_000) {
    return this.data('POST', '/v1/sync/voids', { schema: RecordUploadResponse, body: { items }, timeoutMs });
  }

  /** `POST /v1/sync/walkins` (feature `walkins`): idempotent by id. */
  uploadWalkIns(items: WalkInUpload[], timeoutMs = 30_000) {
    return this.data('POST', '/v1/sync/walkins', { schema: RecordUploadResponse, body: { items }, timeoutMs });
  }

  /** `GET /v1/sync/voids` (feature `voids`). */
  voids(after: number, limit: number, timeoutMs = 30_000) {
    return this.data('GET', `/v1/sync/voids?after=${after}&limit=${limit}`, { schema: VoidsPage, timeoutMs });
  }

  decide(req: DecideRequest, timeoutMs: number, signal?: AbortSignal) {
    return this.data('POST', '/v1/sync/decide', { schema: DecideResponse, body: req, timeoutMs, signal });
  }

  heartbeat(req: HeartbeatRequest) {
    return this.data('POST', '/v1/sync/heartbeat', { schema: HeartbeatResponse, body: req });
  }
}

function httpError(where: string, res: Response, text: string): SyncError {
  let code: string | undefined;
  let message = `HTTP ${res.status}`;
  try {
    const body = ErrorBody.safeParse(JSON.parse(text));
    if (body.success) {
      code = body.data.error.code;
      message = `${message} ${code}: ${body.data.error.message}`;
    }
  } catch {
    // Not the protocol's error body (a proxy's HTML page, say): the status alone decides.
  }
  const kind = kindForStatus(res.status, code);
  const retryAfterMs = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get('retry-after')) : undefined;
  return new SyncError(kind, `${where}: ${message}`, { status: res.status, code, retryAfterMs });
}

function causeOf(err: Error): string {
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error) return ` (${(cause as { code?: string }).code ?? cause.message})`;
  return '';
}
