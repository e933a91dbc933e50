// The certificate pinning of electron/tls-pin.ts, without Electron: the verify
// function on real certificates from the server's own venue CA, the pin computed
// from the key (not Electron's whole-certificate fingerprint) and equal to what
// OpenSSL computes, the pin file kept across a restart, and the session wiring.
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installPinning, openPinStore, pinFor, spkiPin, verifyPinned, VERIFY } from '../../../electron/tls-pin';
import { memoryLogger } from '../../../electron/log';
import { spkiPin as serverPin } from '../../../server/tls/venue-ca';
import { testCertificates } from './tls-certs';

describe('spkiPin', () => {
  it('hashes the key, as OpenSSL and the server do — not the whole certificate', async () => {
    const { leafPem, otherLeafPem } = await testCertificates();
    const dir = mkdtempSync(join(tmpdir(), 'turnout-pin-'));
    writeFileSync(join(dir, 'leaf.pem'), leafPem);
    const der = execFileSync('sh', ['-c', `openssl x509 -in ${join(dir, 'leaf.pem')} -pubkey -noout | openssl pkey -pubin -outform der`]);
    const openssl = createHash('sha256').update(der).digest('base64url');
    expect(spkiPin(leafPem)).toBe(openssl);
    expect(serverPin(leafPem)).toBe(openssl);
    expect(spkiPin(leafPem)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Electron's certificate.fingerprint is the SHA-256 of the whole DER: a different value.
    const whole = createHash('sha256').update(new X509Certificate(leafPem).raw).digest('base64url');
    expect(spkiPin(leafPem)).not.toBe(whole);
    expect(spkiPin(otherLeafPem)).not.toBe(spkiPin(leafPem));
  });
});

describe('verifyPinned', () => {
  it('accepts the pinned key for pinned hosts, refuses any other key for them, leaves other hosts to Chromium', async () => {
    const { leafPem, otherLeafPem, pin } = await testCertificates();
    const p = pinFor({ servers: ['https://Venue.Test:8787', 'https://[fd00::5]:8787', 'https://192.168.0.10'], fp: pin });
    expect(p.hosts).toEqual(['192.168.0.10', 'fd00::5', 'venue.test']);
    const at = (hostname: string, data: string) => verifyPinned({ hostname, certificate: { data } }, p);
    expect(at('venue.test', leafPem)).toBe(VERIFY.accept);
    expect(at('VENUE.TEST', leafPem)).toBe(VERIFY.accept);
    expect(at('fd00::5', leafPem)).toBe(VERIFY.accept);
    expect(at('[fd00::5]', leafPem)).toBe(VERIFY.accept);
    expect(at('192.168.0.10', leafPem)).toBe(VERIFY.accept);
    expect(at('venue.test', otherLeafPem)).toBe(VERIFY.reject);
    expect(at('venue.test', 'not a certificate')).toBe(VERIFY.reject);
    expect(at('192.168.0.11', leafPem)).toBe(VERIFY.chromium);
    expect(at('www.example.com', otherLeafPem)).toBe(VERIFY.chromium);
    expect(verifyPinned({ hostname: 'venue.test', certificate: { data: leafPem } }, null)).toBe(VERIFY.chromium);
  });
});

describe('the pin file', () => {
  it('is kept across a restart (owner-only), forgotten on clear, and ignored when malformed', async () => {
    const { pin } = await testCertificates();
    const dir = mkdtempSync(join(tmpdir(), 'turnout-pin-'));
    const file = join(dir, 'tls-pin.json');
    const log = memoryLogger();
    const first = await openPinStore({ file, log });
    expect(first.current()).toBeNull();
    expect(await first.set({ fp: pin, hosts: ['venue.test'] })).toEqual({ changed: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const restarted = await openPinStore({ file, log });
    expect(restarted.current()).toEqual({ fp: pin, hosts: ['venue.test'] });
    expect(await restarted.clear()).toEqual({ changed: true });
    expect((await openPinStore({ file, log })).current()).toBeNull();

    writeFileSync(file, JSON.stringify({ fp: 'x', hosts: [] }));
    expect((await openPinStore({ file, log })).current()).toBeNull();
    expect(readFileSync(file, 'utf8')).toContain('"x"');
  });

  it('closes every connection when the pin changes (cached verdicts), not when it is set again', async () => {
    const { pin, leafPem } = await testCertificates();
    const dir = mkdtempSync(join(tmpdir(), 'turnout-pin-'));
    let proc: ((r: { hostname: string; certificate: { data: string } }, cb: (n: number) => void) => void) | undefined;
    let closed = 0;
    const session = { setCertificateVerifyProc: (p: typeof proc) => void (proc = p), closeAllConnections: async () => void closed++ };
    const pinning = installPinning(session, await openPinStore({ file: join(dir, 'pin.json'), log: memoryLogger() }), memoryLogger());
    const verdict = () => new Promise<number>((r) => proc!({ hostname: 'venue.test', certificate: { data: leafPem } }, r));
    expect(await verdict()).toBe(-3);
    await pinning.save({ servers: ['https://venue.test:8787'], fp: pin });
    expect([closed, await verdict()]).toEqual([1, 0]);
    await pinning.save({ servers: ['https://venue.test:8787'], fp: pin });
    expect(closed).toBe(1);
    // Re-pinned to another key (paired to another server): the old key is refused at once.
    await pinning.save({ servers: ['https://venue.test:8787'], fp: 'A'.repeat(43) });
    expect([closed, await verdict()]).toEqual([2, -2]);
    await pinning.clear();
    await pinning.clear();
    expect([closed, await verdict()]).toEqual([3, -3]);
  });
});
