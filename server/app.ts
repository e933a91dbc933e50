// The HTTP app: Fastify with the protocol's error bodies, rate limiting,
// structured logs (pino), the v1 routes, the organiser console at /admin/
// (which replaced /dashboard), the built kiosk at /kiosk/ and, over TLS, the
// venue CA at /ca.crt. Plain HTTP/1.1, or HTTPS with HTTP/2 (HTTP/1.1 allowed)
// when given a key and certificate.
// buildApp never listens: the CLI and the tests do, so tests can use port 0.

import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { bearerToken } from './auth';
import type { AppDeps, RouteDeps } from './deps';
import { ApiError, installErrorHandlers } from './errors';
import { hashToken } from './repo/devices';
import { purgeExpired } from './repo/retention';
import { adminRoutes } from './routes/admin';
import { consoleRoutes } from './routes/console';
import { lookupRoutes } from './routes/lookup';
import { importRoutes } from './routes/import';
import { pairRoutes } from './routes/pair';
import { reportRoutes } from './routes/reports';
import { issueRoutes, signingRoutes } from './routes/signing';
import { syncRoutes } from './routes/sync';
import { caRoutes } from './tls/ca-route';

/** Rate-limit bucket: the bearer token (hashed) when there is one, else the client IP. */
function rateKey(request: FastifyRequest): string {
  const token = bearerToken(request);
  return token ? `t:${hashToken(token).slice(0, 32)}` : `ip:${request.ip}`;
}

/** Trust the nearest `n` hops (Fastify takes a hop count too, but its types do not say so). */
const hopsTrusted = (n: number) => (_address: string, hop: number) => hop < n;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const routeDeps: RouteDeps = { db: deps.db, config, now: deps.now ?? Date.now, tls: deps.tls };
  // HTTP/2 gives kiosks one multiplexed connection; HTTP/1.1 stays for curl and old clients.
  // Routes never touch the raw request or server types, so the instance is typed as the plain one.
  const transport = deps.https ? { http2: true as const, https: { allowHTTP1: true, key: deps.https.key, cert: deps.https.cert } } : {};
  const app = (Fastify as unknown as (opts: object) => FastifyInstance)({
    ...transport,
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: config.bodyLimit,
    // Ticket codes travel in paths (`/tickets/:code`): a signed TO1: code is up to 177
    // characters and a roster code up to 256, ~2.3 KB percent-encoded (Hangul), past
    // Fastify's 100-character default, which answers 414.
    routerOptions: { maxParamLength: 2400 },
    // Kiosk and admin clients send JSON; keep the request id in every log line.
    requestIdHeader: 'x-request-id',
    // Behind a load balancer or TLS proxy (TURNOUT_TRUST_PROXY): the client's
    // address, scheme and host from X-Forwarded-*; off, those headers are ignored.
    trustProxy: typeof config.trustProxy === 'number' ? hopsTrusted(config.trustProxy) : config.trustProxy,
  });
  app.decorateRequest('device', null);
  app.decorateRequest('adminRole', null);
  // Parses Cookie headers only; the console's session cookie is written by server/console/cookie.ts.
  await app.register(cookie);
  installErrorHandlers(app);

  if (config.rateLimit) {
    const { max, windowMs } = config.rateLimit;
    await app.register(rateLimit, {
      global: true,
      max,
      timeWindow: windowMs,
      keyGenerator: rateKey,
      errorResponseBuilder: (_req, ctx) =>
        new ApiError(429, 'rate_limited', `Too many requests; retry in ${ctx.after}`),
    });
  }

  // Kiosks run from other origins (Electron's app://kiosk, a tablet's saved page).
  // Credentials are bearer tokens, never cookies, so any origin may call the API:
  // CORS here grants nothing that a token doesn't already.
  await app.register(cors, {
    origin: true,
    methods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'if-none-match', 'x-request-id'],
    exposedHeaders: ['etag', 'retry-after'],
    maxAge: 600,
  });

  app.get('/healthz', async () => ({ ok: true }));
  pairRoutes(app, routeDeps);
  syncRoutes(app, routeDeps);
  adminRoutes(app, routeDeps);
  signingRoutes(app, routeDeps);
  issueRoutes(app, routeDeps);
  // Its own scope: roster files arrive as raw bytes whatever their Content-Type.
  await app.register(async (scope) => importRoutes(scope, routeDeps));
  reportRoutes(app, routeDeps);
  lookupRoutes(app, routeDeps);
  await consoleRoutes(app, routeDeps);
  caRoutes(app, routeDeps);

  // Retention (server/repo/retention.ts): at start and every 10 minutes, so personal
  // data past an event's date is gone within minutes even on a server never restarted.
  let sweep: ReturnType<typeof setInterval> | undefined;
  const purge = () =>
    purgeExpired(deps.db, routeDeps.now())
      .then((done) => {
        for (const r of done) if (r.tickets + r.walkIns > 0) app.log.info(r, 'retention: personal data deleted');
      })
      .catch((err: unknown) => app.log.error({ err }, 'retention sweep failed'));
  app.addHook('onReady', async () => {
    await purge();
    sweep = setInterval(() => void purge(), 10 * 60_000);
    sweep.unref();
  });
  app.addHook('onClose', async () => clearInterval(sweep));

  if (existsSync(config.kioskDir)) {
    await app.register(fastifyStatic, { root: config.kioskDir, prefix: '/kiosk/', index: 'index.html' });
    app.get('/kiosk', (_req, reply) => reply.redirect('/kiosk/'));
  }
  return app;
}
