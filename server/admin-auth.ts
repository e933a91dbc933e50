// Who may use the admin routes (`/v1/admin/*`) and the console's own API:
// - a bearer token: TURNOUT_ADMIN_TOKEN (everything) or TURNOUT_VIEWER_TOKEN
//   (reads only), for scripts; no cookie, so no CSRF to fear;
// - the console's session cookie (HttpOnly, SameSite=Strict), where every
//   write must also come from this origin and carry the session's CSRF token
//   in `x-csrf-token` (synchronizer token: the page learns it from
//   /admin/api/session, a cross-site page cannot).
// A write is any method but GET/HEAD/OPTIONS; a viewer's write is 403.

import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { ServerConfig } from './config';
import type { RouteDeps } from './deps';
import { bearerToken } from './auth';
import { ApiError, unauthorized } from './errors';
import { findSession, sha256Hex, type Role } from './repo/sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireAdmin. */
    adminRole: Role | null;
  }
}

export const SESSION_COOKIE = 'turnout_console';
export const CSRF_HEADER = 'x-csrf-token';

const sameText = (a: string, b: string) => {
  const x = Buffer.from(sha256Hex(a), 'hex');
  const y = Buffer.from(sha256Hex(b), 'hex');
  return timingSafeEqual(x, y);
};

/** The role a token opens, compared in constant time; null for anything else. */
export function tokenRole(config: Pick<ServerConfig, 'adminToken' | 'viewerToken'>, token: string): Role | null {
  const admin = sameText(token, config.adminToken);
  const viewer = sameText(token, config.viewerToken);
  return admin ? 'admin' : viewer ? 'viewer' : null;
}

/** The SHA-256 of the token a role logs in with now: sessions opened with an older token stop working. */
export function credentialOf(config: Pick<ServerConfig, 'adminToken' | 'viewerToken'>, role: Role): string {
  return sha256Hex(role === 'admin' ? config.adminToken : config.viewerToken);
}

export const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

export const forbidden = (message: string, code = 'forbidden') => new ApiError(403, code, message);

/**
 * Refuses a request another site made: `Sec-Fetch-Site` when the browser sends
 * it, else `Origin` against this request's own host. Requests without either
 * (curl, old browsers on same-origin GETs) pass: the CSRF token still guards them.
 */
export function assertSameOrigin(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    throw forbidden('Cross-site request refused', 'cross_site');
  }
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw forbidden('Bad Origin header', 'cross_site');
    }
    if (host !== request.host) throw forbidden('Cross-site request refused', 'cross_site');
  } else if (origin === 'null') {
    throw forbidden('Cross-site request refused', 'cross_site');
  }
}

/** The session behind the request's console cookie, if any and still valid for the current tokens. */
export async function sessionOf(request: FastifyRequest, { db, config, now }: RouteDeps) {
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return undefined;
  const session = await findSession(db, cookie, now());
  if (!session || session.credential !== credentialOf(config, session.role)) return undefined;
  return { ...session, cookie };
}

/** A preHandler for admin routes: sets `request.adminRole`, or throws 401/403. */
export function requireAdmin(deps: RouteDeps) {
  return async (request: FastifyRequest): Promise<void> => {
    const write = isWrite(request.method);
    const token = bearerToken(request);
    let role: Role | null;
    if (token) {
      role = tokenRole(deps.config, token);
      if (!role) throw unauthorized('Admin token required');
    } else {
      const session = await sessionOf(request, deps);
      if (!session) throw unauthorized('Log in to the console, or send the admin token');
      if (write) {
        assertSameOrigin(request);
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameText(sent, session.csrf)) {
          throw forbidden('Missing or wrong CSRF token', 'csrf');
        }
      }
      role = session.role;
    }
    if (write && role !== 'admin') throw forbidden('The viewer role is read-only', 'read_only');
    request.adminRole = role;
  };
}
