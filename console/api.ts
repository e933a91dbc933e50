// The console's HTTP client: same-origin fetch with the session cookie, the
// session's CSRF token on every write, JSON answers checked with the
// protocol's zod schemas, and errors as ApiFailure with the server's code.
import type { z } from 'zod';
import { SessionInfo } from '../core/console-api';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrf = '';
export const setCsrf = (token: string) => {
  csrf = token;
};

async function failure(res: Response): Promise<ApiFailure> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    return new ApiFailure(res.status, body.error?.code ?? 'http', body.error?.message ?? res.statusText);
  } catch {
    return new ApiFailure(res.status, 'http', res.statusText);
  }
}

export interface CallOptions {
  method?: string;
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
}

export async function call<T extends z.ZodType>(schema: T, path: string, opts: CallOptions = {}): Promise<z.infer<T>> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  let body = opts.body;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.contentType) headers['content-type'] = opts.contentType;
  const res = await fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  if (!res.ok) throw await failure(res);
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) throw new ApiFailure(res.status, 'bad_response', `Unexpected answer from ${path}`);
  return parsed.data;
}

export const csrfToken = () => csrf;

export const session = () => call(SessionInfo, '/admin/api/session');
export const login = (token: string) => call(SessionInfo, '/admin/api/login', { method: 'POST', json: { token } });

export async function logout(): Promise<void> {
  await fetch('/admin/api/logout', { method: 'POST', headers: { 'x-csrf-token': csrf }, credentials: 'same-origin' });
  csrf = '';
}

export const enc = encodeURIComponent;
