// Private signing keys at rest (docs/ARCHITECTURE.md "Signed codes"): sealed
// with AES-256-GCM under TURNOUT_KEY_ENCRYPTION_KEY (32 random bytes, base64 or
// hex: `openssl rand -base64 32`), bound to their event and key id as
// additional data so a sealed key copied onto another row does not open.
// Without that setting keys are stored plain (`serve` warns at start), and a
// plain key keeps working once the setting is added. Stored forms:
//   gcm1:<iv>.<tag>.<ciphertext>   (base64url; 12-byte IV, 16-byte tag)
//   plain:<secret>                 (base64url of the 32-byte secret)

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A stored key this server cannot open; the message says which setting to fix. */
export class SigningKeyLockedError extends Error {
  override name = 'SigningKeyLockedError';
}

/** TURNOUT_KEY_ENCRYPTION_KEY → 32 bytes, or undefined when unset; throws on anything else. */
export function parseKeyEncryptionKey(value: string | undefined): Buffer | undefined {
  const v = (value ?? '').trim();
  if (!v) return undefined;
  const bytes = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : /^[A-Za-z0-9+/_-]{43}={0,1}$/.test(v) ? Buffer.from(v, 'base64') : null;
  if (!bytes || bytes.length !== 32) {
    throw new Error('TURNOUT_KEY_ENCRYPTION_KEY must be 32 random bytes, base64 (44 characters) or hex (64): e.g. `openssl rand -base64 32`');
  }
  return bytes;
}

const aadOf = (eventId: string, keyId: string) => Buffer.from(`turnout-signing-key:${eventId}/${keyId}`, 'utf8');

/** The stored form of a 32-byte secret: sealed when `kek` is given, plain otherwise. */
export function sealSecret(secret: Uint8Array, kek: Buffer | undefined, eventId: string, keyId: string): string {
  if (!kek) return `plain:${Buffer.from(secret).toString('base64url')}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aadOf(eventId, keyId));
  const ct = Buffer.concat([cipher.update(secret), cipher.final()]);
  return `gcm1:${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${ct.toString('base64url')}`;
}

/** The 32-byte secret of a stored key; SigningKeyLockedError when it cannot be opened with `kek`. */
export function openSecret(stored: string, kek: Buffer | undefined, eventId: string, keyId: string): Uint8Array {
  const where = `signing key ${keyId} of event ${eventId}`;
  if (stored.startsWith('plain:')) return new Uint8Array(Buffer.from(stored.slice(6), 'base64url'));
  if (!stored.startsWith('gcm1:')) throw new SigningKeyLockedError(`The ${where} is stored in an unknown form.`);
  if (!kek) throw new SigningKeyLockedError(`The ${where} is encrypted at rest: set TURNOUT_KEY_ENCRYPTION_KEY to the key it was sealed with.`);
  const [iv, tag, ct] = stored.slice(5).split('.').map((p) => Buffer.from(p, 'base64url'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, iv!);
    decipher.setAAD(aadOf(eventId, keyId));
    decipher.setAuthTag(tag!);
    return new Uint8Array(Buffer.concat([decipher.update(ct!), decipher.final()]));
  } catch {
    throw new SigningKeyLockedError(`TURNOUT_KEY_ENCRYPTION_KEY does not open the ${where}: it was sealed with another key. Start the server with the key it was sealed with.`);
  }
}
