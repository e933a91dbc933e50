// `GET /ca.crt`: the venue CA certificate (PEM), for the provisioning script and
// for anyone installing it by hand. Public: a CA certificate is no secret, and
// trusting it is safe only after checking the served key against the pairing
// link's fp (scripts/provision-kiosk.sh does). Served on the HTTPS app and on the
// plain-HTTP listener (redirect.ts).
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../deps';
import { notFound } from '../errors';

export const CA_CERT_TYPE = 'application/x-x509-ca-cert';
export const NO_VENUE_CA = 'This server uses an operator certificate (TURNOUT_TLS_CERT); it has no venue CA to install.';

export function caRoutes(app: FastifyInstance, { tls }: Pick<RouteDeps, 'tls'>): void {
  if (!tls) return;
  app.get('/ca.crt', (_request, reply) => {
    const pem = tls.caPem();
    if (!pem) throw notFound(NO_VENUE_CA, 'no_venue_ca');
    return reply
      .type(CA_CERT_TYPE)
      .header('content-disposition', 'attachment; filename="turnout-venue-ca.crt"')
      .header('cache-control', 'no-cache')
      .send(pem);
  });
}
