// The live dashboard at `/dashboard`: a plain HTML page, its script and styles
// (server/dashboard/), public because they hold no data — the script asks for
// the admin token and reads the admin JSON routes with it. A strict CSP (own
// script only, no inline script) and no referrer, so a `?token=` never leaks.

import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

const DIR = new URL('../dashboard/', import.meta.url);
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const FILES = {
  '/dashboard': ['index.html', 'text/html; charset=utf-8'],
  '/dashboard/dashboard.js': ['dashboard.js', 'text/javascript; charset=utf-8'],
  '/dashboard/dashboard.css': ['dashboard.css', 'text/css; charset=utf-8'],
} as const;

export function dashboardRoutes(app: FastifyInstance): void {
  for (const [path, [file, type]] of Object.entries(FILES)) {
    const body = readFileSync(new URL(file, DIR), 'utf8');
    app.get(path, (_request, reply) =>
      reply
        .type(type)
        .header('content-security-policy', CSP)
        .header('referrer-policy', 'no-referrer')
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-cache')
        .send(body),
    );
  }
  app.get('/dashboard/', (_request, reply) => reply.redirect('/dashboard'));
}
