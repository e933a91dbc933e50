// The organiser console at `/admin/`: the built page (console/, Vite output in
// dist-console/) under a strict CSP, its session API (`/admin/api/login`,
// `session`, `logout`) and `/dashboard`, which the console replaced: old links
// land on the console's desks page, and a `?token=` in them is ignored
// (tokens never travel in URLs: they end up in history, logs and Referer).

import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LoginRequest, type SessionInfo } from '../../core/console-api';
import { assertSameOrigin, credentialOf, CSRF_HEADER, forbidden, SESSION_COOKIE, sessionOf, tokenRole } from '../admin-auth';
import type { RouteDeps } from '../deps';
import { parseOr400, unauthorized } from '../errors';
import { createSession, deleteSession } from '../repo/sessions';
import { sessionCookie } from '../console/cookie';

export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONSOLE_CSP,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Turnout console</title>
<p>관리 콘솔이 빌드되지 않았습니다 · The organiser console is not built. Run <code>npm run build</code>, then restart the server.</p>`;

export async function consoleRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { db, config, now } = deps;
  const isHttps = (request: FastifyRequest) => request.protocol === 'https';

  app.get('/admin', (_request, reply) => reply.redirect('/admin/'));
  if (existsSync(config.consoleDir)) {
    await app.register(fastifyStatic, {
      root: config.consoleDir,
      prefix: '/admin/',
      index: 'index.html',
      decorateReply: false,
      // index.html must be re-read after an upgrade; hashed assets may be cached.
      setHeaders: (reply, path) => {
        void reply.headers(SECURITY_HEADERS);
        void reply.header('cache-control', /\.html$/.test(path) ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    });
  } else {
    app.get('/admin/', (_request, reply) => {
      return reply
        .headers(SECURITY_HEADERS).code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    });
  }

  // Old dashboard links (often with ?token=): the token is dropped, never forwarded.
  for (const path of ['/dashboard', '/dashboard/']) {
    app.get(path, (_request, reply) => reply.header('referrer-policy', 'no-referrer').redirect('/admin/#/devices', 301));
  }

  const loginLimit = config.rateLimit
    ? { max: 20, timeWindow: config.rateLimit.windowMs, keyGenerator: (r: { ip: string }) => `login:${r.ip}` }
    : false;

  app.post('/admin/api/login', { config: { rateLimit: loginLimit } }, async (request, reply): Promise<SessionInfo> => {
    // A login form posted from another site would log the victim into the attacker's session.
    assertSameOrigin(request);
    const { token } = parseOr400(LoginRequest, request.body);
    const role = tokenRole(config, token);
    if (!role) {
      request.log.warn({ ip: request.ip }, 'console login refused');
      throw unauthorized('This token is not the admin or the viewer token', 'bad_token');
    }
    const session = await createSession(db, role, credentialOf(config, role), config.sessionTtlMs, now());
    request.log.info({ role }, 'console login');
    void reply.header('set-cookie', sessionCookie(session.cookie, { maxAgeS: Math.floor(config.sessionTtlMs / 1000), secure: isHttps(request) }));
    return { role, csrf: session.csrf, expiresAt: new Date(session.expiresAt).toISOString() };
  });

  app.get('/admin/api/session', async (request, reply): Promise<SessionInfo> => {
    void reply.header('cache-control', 'no-store');
    const session = await sessionOf(request, deps);
    if (!session) throw unauthorized('Not logged in', 'login_required');
    return { role: session.role, csrf: session.csrf, expiresAt: new Date(Number(session.expires_at)).toISOString() };
  });

  app.post('/admin/api/logout', async (request, reply) => {
    const session = await sessionOf(request, deps);
    if (session) {
      assertSameOrigin(request);
      if (request.headers[CSRF_HEADER] !== session.csrf) throw forbidden('Missing or wrong CSRF token', 'csrf');
      await deleteSession(db, session.cookie);
    }
    void reply.header('set-cookie', sessionCookie('', { maxAgeS: 0, secure: isHttps(request) }));
    return { ok: true };
  });
}

export { SESSION_COOKIE };
