// The certificate-pinning part of the `window.kiosk` contract: before pairing by
// a link that carries `fp`, the page tells the shell which hosts to trust with
// which key; the shell (electron/tls-pin.ts) then accepts, for those hosts, only a
// certificate whose SubjectPublicKeyInfo hashes to that pin — whatever CA signed
// it — and leaves every other host to Chromium. Pure: zod only.
import { z } from 'zod';
import { MAX_PAIRING_SERVERS, SPKI_PIN } from './pairing-link';

const HttpsServer = z
  .string()
  .max(2048)
  .refine((s) => {
    try {
      const url = new URL(s);
      return url.protocol === 'https:' && Boolean(url.hostname) && !url.username && !url.password && !url.search && !url.hash;
    } catch {
      return false;
    }
  }, 'must be an https URL without credentials, query or fragment');

export const TlsPinInputSchema = z.strictObject({
  /** The servers of the pairing link; their host names get the pin. */
  servers: z.array(HttpsServer).min(1).max(MAX_PAIRING_SERVERS),
  /** base64url SHA-256 of the server leaf's SPKI (RFC 7469). */
  fp: z.string().regex(SPKI_PIN, 'must be a base64url SHA-256 pin (43 characters)'),
});

export type TlsPinInput = z.infer<typeof TlsPinInputSchema>;

/** What the shell now pins. */
export interface TlsPinReceipt {
  /** Lower-case host names (IPv6 without brackets) the pin applies to. */
  hosts: string[];
  /** False when the same pin was already in force (no connections were closed). */
  changed: boolean;
}

/** A URL's host name as Chromium reports it to the verify proc: lower case, IPv6 without brackets. */
export function pinHost(server: string): string {
  return new URL(server).hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}
