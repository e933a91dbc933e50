// What the venue certificate may name (server/tls/names.ts), which servers a
// pairing link offers (link-servers.ts), and where the plain port redirects
// (redirect.ts). Pure functions; the certificates themselves are tested in
// tests/integration/server/tls.test.ts and in Chromium (tests/e2e/venue-https.spec.ts).
import { describe, expect, it } from 'vitest';
import { isPermittedDnsName, isPermittedIp, leafNames, mdnsName, namesKey, parseTlsNames } from '../../../server/tls/names';
import { isLoopbackUrl, pairingServers, venueServers } from '../../../server/tls/link-servers';
import { redirectTarget } from '../../../server/tls/redirect';
import type { NetworkInterfaceInfo } from 'node:os';

const nic = (address: string): NetworkInterfaceInfo =>
  (address.includes(':')
    ? { address, family: 'IPv6', netmask: 'ffff:ffff:ffff:ffff::', mac: '00:00:00:00:00:00', internal: false, cidr: `${address}/64`, scopeid: 0 }
    : { address, family: 'IPv4', netmask: '255.255.255.0', mac: '00:00:00:00:00:00', internal: false, cidr: `${address}/24` }) as NetworkInterfaceInfo;

describe('the venue CA may certify', () => {
  it('private, loopback and link-local addresses only', () => {
    for (const ip of ['10.1.2.3', '172.16.0.1', '172.31.255.254', '192.168.0.10', '127.0.0.1', '169.254.10.1', '::1', 'fd00::2', 'fe80::1'])
      expect(isPermittedIp(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '192.0.2.2', '100.64.0.1', '2001:db8::1', '::ffff:8.8.8.8', 'venue.lan'])
      expect(isPermittedIp(ip), ip).toBe(false);
  });

  it('private-use names only', () => {
    for (const n of ['localhost', 'kiosk.localhost', 'turnout.local', 'checkin.kintex.lan', 'venue.test', 'a.internal', 'x.home.arpa', 'LAN'])
      expect(isPermittedDnsName(n), n).toBe(true);
    for (const n of ['www.example.com', 'kintex.co.kr', 'local.example.com', 'evil-local', 'xlan', '*.lan', 'a..lan', '-a.lan'])
      expect(isPermittedDnsName(n), n).toBe(false);
  });

  it('TURNOUT_TLS_NAMES: names and addresses inside the constraints; anything else is refused with what to do', () => {
    expect(parseTlsNames('venue.test, Checkin.KINTEX.lan 192.168.0.10,[fd00::5]')).toEqual(['venue.test', 'checkin.kintex.lan', '192.168.0.10', 'fd00::5']);
    expect(parseTlsNames(undefined)).toEqual([]);
    expect(() => parseTlsNames('checkin.kintex.co.kr')).toThrow(/outside the venue CA's names.*TURNOUT_TLS_CERT/);
    expect(() => parseTlsNames('8.8.8.8')).toThrow(/not a private/);
    expect(() => parseTlsNames('bad_name!')).toThrow(/not a host name/);
  });
});

describe('leafNames', () => {
  it('every permitted interface address, loopback, localhost, <host>.local and the extra names; others are reported', () => {
    const names = leafNames({
      interfaces: { eth0: [nic('192.168.0.10'), nic('fe80::1%eth0')], wan: [nic('203.0.113.7')], lo: [nic('127.0.0.1')] },
      hostname: 'Venue-Laptop.corp',
      extra: ['venue.test', '10.0.0.9'],
    });
    expect(names.dns).toEqual(['localhost', 'venue-laptop.local', 'venue.test']);
    expect(names.ips).toEqual(['10.0.0.9', '127.0.0.1', '192.168.0.10', '::1', 'fe80::1']);
    expect(names.skipped).toEqual([{ address: '203.0.113.7', why: 'not a private, loopback or link-local address' }]);
    expect(mdnsName('bad_host')).toBeUndefined();
  });

  it('compares equal for the same addresses in another order, and differs when one changes', () => {
    const a = leafNames({ interfaces: { a: [nic('192.168.0.10')], b: [nic('10.0.0.2')] }, hostname: 'h', extra: [] });
    const b = leafNames({ interfaces: { b: [nic('10.0.0.2')], a: [nic('192.168.0.10')] }, hostname: 'h', extra: [] });
    const c = leafNames({ interfaces: { a: [nic('192.168.0.11')], b: [nic('10.0.0.2')] }, hostname: 'h', extra: [] });
    expect(namesKey(a)).toBe(namesKey(b));
    expect(namesKey(a)).not.toBe(namesKey(c));
  });
});

describe('pairing link servers', () => {
  it('names first, then the address the organiser used (unless loopback), then LAN IPv4 addresses; at most four', () => {
    const known = venueServers({ ips: ['127.0.0.1', '192.168.0.10', '169.254.1.1', 'fd00::1', '10.0.0.2'] }, ['venue.lan'], 8787);
    expect(known).toEqual(['https://venue.lan:8787', 'https://192.168.0.10:8787', 'https://10.0.0.2:8787']);
    expect(pairingServers({ requestOrigin: 'https://127.0.0.1:8787', known })).toEqual(known);
    expect(pairingServers({ requestOrigin: 'https://172.16.5.5:8787', known })).toEqual([
      'https://venue.lan:8787',
      'https://172.16.5.5:8787',
      'https://192.168.0.10:8787',
      'https://10.0.0.2:8787',
    ]);
    expect(pairingServers({ requestOrigin: 'https://192.168.0.10:8787', known })).toEqual(known);
    expect(pairingServers({ publicUrl: 'https://checkin.example.org', requestOrigin: 'https://192.168.0.10:8787', known })).toEqual(['https://checkin.example.org']);
    // A server with nothing but loopback (npm start, tests) offers the origin it was reached at.
    expect(pairingServers({ requestOrigin: 'http://127.0.0.1:8787', known: [] })).toEqual(['http://127.0.0.1:8787']);
    expect(venueServers(undefined, [], 443)).toEqual([]);
    expect(venueServers({ ips: ['192.168.0.10'] }, [], 443)).toEqual(['https://192.168.0.10']);
  });

  it('knows loopback when it sees it', () => {
    for (const u of ['http://127.0.0.1:1', 'https://localhost', 'http://[::1]:80', 'https://kiosk.localhost']) expect(isLoopbackUrl(u), u).toBe(true);
    for (const u of ['https://192.168.0.1', 'https://venue.test', 'not a url']) expect(isLoopbackUrl(u), u).toBe(false);
  });
});

describe('plain-HTTP redirect target', () => {
  it('the same host and path on the HTTPS port', () => {
    expect(redirectTarget('192.168.0.10:8780', '/kiosk/?at=1', 8787)).toBe('https://192.168.0.10:8787/kiosk/?at=1');
    expect(redirectTarget('Venue.Test', '/v1/sync/config', 443)).toBe('https://venue.test/v1/sync/config');
    expect(redirectTarget('[fd00::2]:8780', '/', 8787)).toBe('https://[fd00::2]:8787/');
  });

  it('refuses a Host header that is no host, and never redirects off-site by path', () => {
    for (const h of [undefined, '', 'a b', 'evil.com/x', '[notip]:1', 'a:b:c', 'x'.repeat(400)]) expect(redirectTarget(h, '/', 8787), String(h)).toBeUndefined();
    expect(redirectTarget('venue.test', '//evil.example/x', 8787)).toBe('https://venue.test:8787/');
  });
});
