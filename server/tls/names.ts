// Which names and addresses the venue certificate may carry. The venue CA is
// created with name constraints (RFC 5280 §4.2.1.10) that permit only these, so
// a leaked CA key cannot vouch for a public site; Chromium enforces them, and
// rejects a whole certificate if any one of its names falls outside. So the leaf
// carries only names inside the constraints: interface addresses outside them
// (a public IP, CGNAT) are left out and reported, and a TURNOUT_TLS_NAMES entry
// outside them is a configuration error. Pure apart from node:net's BlockList.

import { BlockList, isIP } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';

/** Private (RFC 1918, RFC 4193), loopback and link-local ranges, as CIDR. */
export const PERMITTED_IP_RANGES = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '::1/128',
  'fc00::/7',
  'fe80::/10',
] as const;

/**
 * DNS subtrees never delegated on the public internet: `localhost` and `local`
 * (mDNS, RFC 6761/6762), `internal` (ICANN's private-use TLD), `home.arpa`
 * (RFC 8375), `test` (RFC 6761; also what the e2e tests use), `lan` (common on
 * venue routers). Each permits the name itself and every name below it.
 */
export const PERMITTED_DNS_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa', 'test', 'lan'] as const;

const permitted = (() => {
  const list = new BlockList();
  for (const cidr of PERMITTED_IP_RANGES) {
    const [address, prefix] = cidr.split('/') as [string, string];
    list.addSubnet(address, Number(prefix), isIP(address) === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
})();

/** True for an IP address inside the venue CA's permitted ranges. */
export function isPermittedIp(ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  return permitted.check(ip, family === 6 ? 'ipv6' : 'ipv4');
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A syntactically valid DNS host name (no wildcard, no trailing dot), lower-cased; undefined if not. */
export function normaliseDnsName(name: string): string | undefined {
  const n = name.trim().toLowerCase();
  if (n.length === 0 || n.length > 253) return undefined;
  return n.split('.').every((label) => LABEL.test(label)) ? n : undefined;
}

export function isPermittedDnsName(name: string): boolean {
  const n = normaliseDnsName(name);
  return n !== undefined && PERMITTED_DNS_SUFFIXES.some((s) => n === s || n.endsWith(`.${s}`));
}

/** The names of TURNOUT_TLS_NAMES (comma or space separated), checked; throws with what to do instead. */
export function parseTlsNames(value: string | undefined): string[] {
  const out: string[] = [];
  for (const raw of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    const ip = raw.replace(/^\[(.*)\]$/, '$1');
    if (isIP(ip)) {
      if (!isPermittedIp(ip)) throw new Error(`TURNOUT_TLS_NAMES: ${raw} is not a private, loopback or link-local address; the venue CA may certify only those (use TURNOUT_TLS_CERT/TURNOUT_TLS_KEY for a public one)`);
      out.push(ip);
      continue;
    }
    const name = normaliseDnsName(raw);
    if (!name) throw new Error(`TURNOUT_TLS_NAMES: "${raw}" is not a host name`);
    if (!isPermittedDnsName(name)) {
      throw new Error(
        `TURNOUT_TLS_NAMES: ${name} is outside the venue CA's names (${PERMITTED_DNS_SUFFIXES.map((s) => `*.${s}`).join(', ')}); pick a name under one of them, or use TURNOUT_TLS_CERT/TURNOUT_TLS_KEY with a certificate for it`,
      );
    }
    out.push(name);
  }
  return [...new Set(out)];
}

export interface LeafNames {
  dns: string[];
  ips: string[];
  /** Interface addresses left out, and why (for the start-up log). */
  skipped: { address: string; why: string }[];
}

export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** `<host>.local` for the machine's name, when that is a usable DNS label. */
export function mdnsName(hostname: string): string | undefined {
  const first = hostname.trim().toLowerCase().split('.')[0] ?? '';
  return LABEL.test(first) ? `${first}.local` : undefined;
}

/**
 * The leaf's subject alternative names: every interface address inside the
 * permitted ranges, 127.0.0.1, ::1, localhost, `<host>.local`, and the extra
 * names. Sorted, so two calls with the same inputs compare equal.
 */
export function leafNames({ interfaces, hostname, extra }: { interfaces: Interfaces; hostname: string; extra: readonly string[] }): LeafNames {
  const ips = new Set<string>(['127.0.0.1', '::1']);
  const dns = new Set<string>(['localhost']);
  const skipped: LeafNames['skipped'] = [];
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      const address = info.address.replace(/%.*$/, '');
      if (isPermittedIp(address)) ips.add(address);
      else skipped.push({ address, why: 'not a private, loopback or link-local address' });
    }
  }
  const mdns = mdnsName(hostname);
  if (mdns) dns.add(mdns);
  for (const name of extra) (isIP(name) ? ips : dns).add(name);
  return { dns: [...dns].sort(), ips: [...ips].sort(), skipped };
}

/** One string per name set, to notice when the addresses changed. */
export const namesKey = (names: Pick<LeafNames, 'dns' | 'ips'>): string => `${names.dns.join(',')}|${names.ips.join(',')}`;
