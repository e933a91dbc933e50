// Which `server=` values a pairing link carries. A kiosk tries them in order, so
// names come first (they survive a DHCP change), then the address the organiser
// reached the server at, then the server's LAN addresses. Loopback is offered only
// when nothing else is (a kiosk on the server's own machine). Pure.
import { isIP } from 'node:net';
import { MAX_PAIRING_SERVERS } from '../../core/pairing-link';
import { isPermittedIp, type LeafNames } from './names';

const hostOf = (url: string): string => new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');

export function isLoopbackUrl(url: string): boolean {
  try {
    const host = hostOf(url);
    return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
}

const isLanIpv4 = (ip: string): boolean => isIP(ip) === 4 && isPermittedIp(ip) && !/^(127|169\.254)\./.test(ip);

/** https URLs a venue server can be reached at: its extra names, then its LAN IPv4 addresses. */
export function venueServers(names: Pick<LeafNames, 'ips'> | undefined, extra: readonly string[], port: number): string[] {
  const url = (host: string) => `https://${isIP(host) === 6 ? `[${host}]` : host}${port === 443 ? '' : `:${port}`}`;
  const out = [...extra.filter((n) => isIP(n) !== 6).map(url)];
  for (const ip of names?.ips ?? []) if (isLanIpv4(ip)) out.push(url(ip));
  return [...new Set(out)];
}

/**
 * The servers of a pairing link: TURNOUT_PUBLIC_URL alone when set; otherwise the
 * server's names, the origin the request came to (unless loopback), its addresses.
 */
export function pairingServers({ publicUrl, requestOrigin, known }: { publicUrl?: string; requestOrigin: string; known: readonly string[] }): string[] {
  if (publicUrl) return [publicUrl];
  const isName = (u: string) => isIP(hostOf(u)) === 0;
  const list = [...known.filter(isName), ...(isLoopbackUrl(requestOrigin) ? [] : [requestOrigin]), ...known.filter((u) => !isName(u))];
  const unique = [...new Set(list)].slice(0, MAX_PAIRING_SERVERS);
  return unique.length > 0 ? unique : [requestOrigin];
}
