// Error responses of the protocol: `{ error: { code, message } }` with a
// proper HTTP status (DESIGN.md "Sync protocol v1"). Routes throw ApiError;
// the handler installed here also maps Fastify's own errors (body too large,
// malformed JSON, rate limit) and zod validation failures to that shape.

import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ErrorBody } from '../core/protocol';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, code = 'invalid_request') => new ApiError(400, code, message);
export const unauthorized = (message = 'Missing or invalid bearer token', code = 'unauthorized') =>
  new ApiError(401, code, message);
export const notFound = (message: string, code = 'not_found') => new ApiError(404, code, message);
export const unprocessable = (message: string, code: string) => new ApiError(422, code, message);

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** Parses with a zod schema or throws a 400 naming the first problems. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, what = 'request body'): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
  throw badRequest(`Invalid ${what}: ${issues}`);
}

const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_content_length' },
};

function classify(err: FastifyError | Error): { status: number; code: string; message: string } {
  if (err instanceof ApiError) return { status: err.statusCode, code: err.code, message: err.message };
  const fe = err as FastifyError;
  const known = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (known) return { ...known, message: err.message };
  if (err instanceof SyntaxError) return { status: 400, code: 'malformed_json', message: err.message };
  if (fe.statusCode === 429) return { status: 429, code: 'rate_limited', message: err.message };
  if (fe.statusCode === 403) return { status: 403, code: 'forbidden', message: err.message };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: 'bad_request', message: err.message };
  }
  return { status: 500, code: 'internal', message: 'Internal server error' };
}

/** Installs the error and not-found handlers that give every failure the contract's body. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, request, reply) => {
    const { status, code, message } = classify(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code, status }, message);
    void reply.status(status).type('application/json; charset=utf-8').send(errorBody(code, message));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(errorBody('not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
}
