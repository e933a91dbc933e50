// Certificate pinning for the paired server. A venue server's certificate is
// signed by its own venue CA, which no OS trusts; the pairing link carries the
// pin of the server's key (`fp`, RFC 7469: base64url SHA-256 of the leaf's
// SubjectPublicKeyInfo), and this module makes Chromium accept, for the pinned
// host names only, exactly a certificate with that key — and refuse any other
// certificate for them, even a publicly trusted one. Every other host gets
// Chromium's own verdict (-3).
//
// Installed with session.setCertificateVerifyProc before the first page load,
// because the `certificate-error` event misses service-worker and `net` requests
// (electron#14885, #8074). Chromium caches verify results for 30 minutes
// (electron#41448), so changing the pin closes every connection.
// `certificate.fingerprint` hashes the whole certificate, not the key: the pin is
// computed here with node:crypto. Electron objects come in as parameters.
import { createHash, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { pinHost, TlsPinInputSchema, type TlsPinInput, type TlsPinReceipt } from '../core/kiosk-tls';
import type { Logger } from './log';

/** Chromium's verify-proc answers: accept, reject, or "use your own verdict". */
export const VERIFY = { accept: 0, reject: -2, chromium: -3 } as const;
export type VerifyAnswer = (typeof VERIFY)[keyof typeof VERIFY];

export interface Pin {
  /** base64url SHA-256 of the SPKI. */
  fp: string;
  /** Lower-case host names, IPv6 without brackets. */
  hosts: string[];
}

/** The RFC 7469 pin of a PEM certificate's key, base64url without padding. Throws on a certificate it cannot parse. */
export function spkiPin(pem: string): string {
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64url');
}

/** What Electron hands the verify proc (the parts used here). */
export interface VerifyRequest {
  hostname: string;
  certificate: { data: string };
}

/**
 * The verdict for one certificate: pinned host and matching key → accept (the
 * venue CA is unknown to the OS, so Chromium's verdict would be a refusal);
 * pinned host and another key → reject (a pin outranks any CA); other host →
 * Chromium decides.
 */
export function verifyPinned(request: VerifyRequest, pin: Pin | null, hash: (pem: string) => string = spkiPin): VerifyAnswer {
  if (!pin) return VERIFY.chromium;
  const host = request.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (!pin.hosts.includes(host)) return VERIFY.chromium;
  try {
    return hash(request.certificate.data) === pin.fp ? VERIFY.accept : VERIFY.reject;
  } catch {
    return VERIFY.reject;
  }
}

/** The pin a pairing link asks for: its servers' host names and its fp. */
export function pinFor(input: TlsPinInput): Pin {
  return { fp: input.fp, hosts: [...new Set(input.servers.map(pinHost))].sort() };
}

const samePin = (a: Pin | null, b: Pin | null): boolean =>
  a === b || (a !== null && b !== null && a.fp === b.fp && a.hosts.join(' ') === b.hosts.join(' '));

const PinFileSchema = z.strictObject({
  fp: TlsPinInputSchema.shape.fp,
  hosts: z.array(z.string().min(1).max(255)).min(1).max(16),
});

export interface PinStore {
  current(): Pin | null;
  /** Replaces the pin; `changed` false when it was already in force. */
  set(pin: Pin): Promise<{ changed: boolean }>;
  clear(): Promise<{ changed: boolean }>;
}

/**
 * The pin kept in `<userData>/tls-pin.json` (owner-only; the pin is public, but
 * only the kiosk decides whom it trusts), read once at start so it is in force
 * before the first request of a restarted kiosk.
 */
export async function openPinStore({ file, log }: { file: string; log: Logger }): Promise<PinStore> {
  let pin: Pin | null = null;
  try {
    const parsed = PinFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) pin = parsed.data;
    else log.warn('tls pin file ignored: malformed', { file });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('tls pin file unreadable', { file, error: String(error) });
  }
  return {
    current: () => pin,
    async set(next) {
      if (samePin(pin, next)) return { changed: false };
      await mkdir(dirname(file), { recursive: true });
      const tmp = `${file}.tmp`;
      await writeFile(tmp, JSON.stringify(next), { mode: 0o600 });
      await chmod(tmp, 0o600);
      await rename(tmp, file);
      pin = next;
      return { changed: true };
    },
    async clear() {
      if (pin === null) return { changed: false };
      await rm(file, { force: true });
      pin = null;
      return { changed: true };
    },
  };
}

export interface VerifySession {
  setCertificateVerifyProc(proc: (request: VerifyRequest, callback: (verificationResult: number) => void) => void): void;
  closeAllConnections(): Promise<void>;
}

/** Puts the pin in force on a session and gives IPC the two operations on it. */
export function installPinning(session: VerifySession, store: PinStore, log: Logger) {
  session.setCertificateVerifyProc((request, callback) => { // eng-disable CERTIFICATE_VERIFY_PROC_JS_CHECK -- reviewed: for the paired hosts the pinned SPKI stands in for CA trust (exactly that key accepted, any other refused even when a CA signed it); every other host gets Chromium's own verdict (-3), see verifyPinned
    const answer = verifyPinned(request, store.current());
    if (answer === VERIFY.reject) log.warn('pinned server presented another key: refused', { hostname: request.hostname });
    callback(answer);
  });
  // Cached verdicts and open connections were made under the old pin.
  const settle = async (changed: boolean) => {
    if (changed) await session.closeAllConnections();
  };
  return {
    async save(input: TlsPinInput): Promise<TlsPinReceipt> {
      const pin = pinFor(input);
      const { changed } = await store.set(pin);
      await settle(changed);
      if (changed) log.info('server key pinned', { hosts: pin.hosts, fp: pin.fp });
      return { hosts: pin.hosts, changed };
    },
    async clear(): Promise<void> {
      const { changed } = await store.clear();
      await settle(changed);
      if (changed) log.info('server key pin dropped');
    },
  };
}
