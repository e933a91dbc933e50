// The plain-HTTP listener beside HTTPS. It serves `/ca.crt` (a kiosk being
// provisioned has no trust yet, and the script checks what it got against the
// pairing link's fp) and answers everything else with a 308 to the same path on
// HTTPS — never the API: tokens and personal data do not cross the venue Wi-Fi
// in clear. 308 (not 301) keeps a POST a POST, so a stray old client gets a
// clear failure over TLS instead of a silent GET.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { CA_CERT_TYPE, NO_VENUE_CA } from './ca-route';
import { normaliseDnsName } from './names';

/** The HTTPS URL for a plain request, or undefined when its Host header is unusable. */
export function redirectTarget(host: string | undefined, path: string | undefined, httpsPort: number): string | undefined {
  if (!host || host.length > 300) return undefined;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(host.trim());
  if (!m) return undefined;
  const name = m[1]!;
  const bare = name.replace(/^\[(.*)\]$/, '$1');
  if (name.startsWith('[') ? isIP(bare) !== 6 : !(isIP(bare) === 4 || normaliseDnsName(bare))) return undefined;
  const target = path && path.startsWith('/') && !path.startsWith('//') ? path : '/';
  return `https://${name.toLowerCase()}${httpsPort === 443 ? '' : `:${httpsPort}`}${target}`;
}

export interface RedirectOptions {
  /** The port HTTPS listens on. */
  httpsPort: () => number;
  /** The venue CA (PEM); undefined with an operator's certificate. */
  caPem: () => string | undefined;
}

export function handlePlainRequest(req: IncomingMessage, res: ServerResponse, opts: RedirectOptions): void {
  const path = (req.url ?? '/').split('?')[0];
  if ((req.method === 'GET' || req.method === 'HEAD') && path === '/ca.crt') {
    const pem = opts.caPem();
    if (!pem) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`${NO_VENUE_CA}\n`);
      return;
    }
    res
      .writeHead(200, {
        'content-type': CA_CERT_TYPE,
        'content-length': Buffer.byteLength(pem),
        'content-disposition': 'attachment; filename="turnout-venue-ca.crt"',
        'cache-control': 'no-cache',
      })
      .end(req.method === 'HEAD' ? undefined : pem);
    return;
  }
  const location = redirectTarget(req.headers.host, req.url, opts.httpsPort());
  if (!location) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad Host header\n');
    return;
  }
  // Whatever body a client started sending is not read: the answer is the same.
  res.writeHead(308, { location, 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end(`Turnout speaks HTTPS: ${location}\n`);
}

export function createRedirectServer(opts: RedirectOptions): Server {
  const server = createServer((req, res) => handlePlainRequest(req, res, opts));
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  return server;
}
