// From a scanned `TO1:` code to what decide() needs: the event's key for it
// and the ticket its payload describes. Pure: the signature itself is checked
// by the caller (WebCrypto on the kiosk where it has Ed25519, else
// verifySignedCode), because WebCrypto is asynchronous and this is not.
//
// Every way a code can fail here — unreadable, another event, a key id the
// event does not have, a retired key — ends as `invalid_signature`: the desk
// cannot tell a forgery from a code it has no key for, and neither may admit.
import type { Ticket } from './model';
import { base64UrlBytes, parseSignedCode, type ParsedSignedCode, type SignedPayload } from './signed-code';

/** `active` signs new codes; `active` and `verify` verify; `retired` verifies nothing. Absent = active. */
export type SigningKeyStatus = 'active' | 'verify' | 'retired';

export interface EventSigningKey {
  keyId: string;
  /** base64url of the raw 32-byte Ed25519 public key. */
  publicKey: string;
  status?: SigningKeyStatus;
}

export type SignedCodeCheck =
  | { ok: false; detail: string }
  | { ok: true; parsed: ParsedSignedCode; publicKey: Uint8Array; ticket: Ticket };

/**
 * Reads `code` for the event `eventId` with its keys and programme ids. `ok`
 * means only "worth verifying": the caller must still check the signature
 * against `publicKey` before using `ticket`. Never throws.
 */
export function prepareSignedCode(
  code: string,
  eventId: string,
  keys: readonly EventSigningKey[],
  programmeIds: readonly string[],
): SignedCodeCheck {
  const parsed = parseSignedCode(code, programmeIds);
  if (!parsed.ok) return { ok: false, detail: parsed.error };
  const { keyId, payload } = parsed.value;
  if (payload.eventId !== eventId) return { ok: false, detail: `code for event ${payload.eventId}` };
  const key = keys.find((k) => k.keyId === keyId);
  if (!key) return { ok: false, detail: `unknown key ${keyId}` };
  if (key.status === 'retired') return { ok: false, detail: `key ${keyId} retired` };
  const publicKey = base64UrlBytes(key.publicKey);
  if (!publicKey || publicKey.length !== 32) return { ok: false, detail: `key ${keyId} unreadable` };
  return { ok: true, parsed: parsed.value, publicKey, ticket: ticketFromSignedPayload(code, payload) };
}

/**
 * The ticket a verified code stands for when the roster has no row for it.
 * A roster row of the same code, when there is one, is the same ticket and wins
 * (it carries revocation and any later edit).
 */
export function ticketFromSignedPayload(code: string, p: SignedPayload): Ticket {
  const ticket: Ticket = {
    code,
    name: p.name ?? '',
    company: '',
    category: p.category,
    programmes: [...p.programmes],
    status: 'valid',
    seq: 0,
  };
  if (p.validFrom !== undefined) ticket.validFrom = p.validFrom;
  if (p.validUntil !== undefined) ticket.validUntil = p.validUntil;
  return ticket;
}
