// Offline verification of signed `TO1:` codes on the kiosk: the event's keys
// and programme ids come from the synced config, the signature is checked with
// WebCrypto Ed25519 where the browser has it (measured faster: bench/signed-
// verify.bench.ts) and with @noble/curves otherwise. Runs before the check-in
// transaction: an await on WebCrypto inside a Dexie transaction would end it.
import { verifySignedCode } from '../../core/signed-code';
import { prepareSignedCode, type EventSigningKey } from '../../core/signed-ticket';
import type { Ticket } from '../../core/model';
import { getMeta, type TurnoutDb } from './db';
import { SYNC_META } from './sync-meta';

/** Checks an Ed25519 signature; never rejects. */
export type Ed25519Verifier = (publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array) => Promise<boolean>;

export const nobleVerifier: Ed25519Verifier = async (publicKey, signature, message) =>
  verifySignedCode({ signature, message }, publicKey);

// Imported keys, by their bytes: importKey costs about as much as a verify.
const imported = new Map<string, Promise<CryptoKey>>();
const keyOf = (publicKey: Uint8Array) => {
  const id = Array.from(publicKey, (b) => b.toString(16).padStart(2, '0')).join('');
  let key = imported.get(id);
  if (!key) {
    key = crypto.subtle.importKey('raw', publicKey as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    imported.set(id, key);
    key.catch(() => imported.delete(id));
  }
  return key;
};

export const webCryptoVerifier: Ed25519Verifier = async (publicKey, signature, message) => {
  try {
    return await crypto.subtle.verify({ name: 'Ed25519' }, await keyOf(publicKey), signature as BufferSource, message as BufferSource);
  } catch {
    return false;
  }
};

// RFC 8032 test 1: the probe tells a working WebCrypto Ed25519 from a missing one.
const hex = (s: string) => Uint8Array.from(s.match(/../g)!, (b) => parseInt(b, 16));
const PROBE = {
  publicKey: hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'),
  signature: hex('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'),
};

let chosen: Promise<Ed25519Verifier> | undefined;

/** WebCrypto when it verifies the RFC 8032 vector (and refuses a flipped one), else noble. Probed once. */
export function defaultVerifier(): Promise<Ed25519Verifier> {
  chosen ??= (async () => {
    if (typeof crypto === 'undefined' || !crypto.subtle) return nobleVerifier;
    const good = await webCryptoVerifier(PROBE.publicKey, PROBE.signature, new Uint8Array());
    const bad = PROBE.signature.slice();
    bad[0]! ^= 1;
    return good && !(await webCryptoVerifier(PROBE.publicKey, bad, new Uint8Array())) ? webCryptoVerifier : nobleVerifier;
  })();
  return chosen;
}

export interface SignedScan {
  signature: 'valid' | 'invalid';
  /** The ticket the payload describes, only when the signature is valid. */
  ticket?: Ticket;
  /** Why it is invalid, for logs (never shown as the reason: that is `invalid_signature`). */
  detail?: string;
}

/** Verifies a `TO1:` code for `eventId` with the synced keys. Never rejects. */
export async function verifySignedScan(db: TurnoutDb, code: string, eventId: string, verifier?: Ed25519Verifier): Promise<SignedScan> {
  try {
    const [keys, config] = await Promise.all([
      getMeta<EventSigningKey[]>(db, SYNC_META.signingKeys),
      db.config.get('current'),
    ]);
    const prepared = prepareSignedCode(code, eventId, keys ?? [], (config?.programmes ?? []).map((p) => p.id));
    if (!prepared.ok) return { signature: 'invalid', detail: prepared.detail };
    const verify = verifier ?? (await defaultVerifier());
    const ok = await verify(prepared.publicKey, prepared.parsed.signature, prepared.parsed.message);
    return ok ? { signature: 'valid', ticket: prepared.ticket } : { signature: 'invalid', detail: 'signature does not verify' };
  } catch (err) {
    return { signature: 'invalid', detail: err instanceof Error ? err.message : String(err) };
  }
}
