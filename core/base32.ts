// RFC 4648 base32 (A–Z, 2–7), uppercase and unpadded: the text of a signed
// `TO1:` code. These characters are all in a QR code's alphanumeric mode
// (5.5 bits per character), so a code costs ~8.8 QR bits per byte.
//
// Decoding is strict and canonical: anything but A–Z/2–7 (lowercase, padding,
// separators) is refused, and so are lengths no encoder produces and unused
// trailing bits that are not zero. Without that, two texts could decode to the
// same bytes, so a code altered by one character could still verify.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const VALUES = new Map([...ALPHABET].map((ch, i) => [ch, i]));

/** Base32 text of `bytes`, uppercase, without `=` padding. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** The bytes of canonical unpadded base32 text, or null for anything else. Never throws. */
export function base32Decode(text: string): Uint8Array | null {
  // Unpadded lengths mod 8 that an encoder can produce: 0, 2, 4, 5, 7.
  const rem = text.length % 8;
  if (rem === 1 || rem === 3 || rem === 6) return null;
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const ch of text) {
    const value = VALUES.get(ch);
    if (value === undefined) return null;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >>> bits) & 0xff;
    }
    buffer &= (1 << bits) - 1;
  }
  // Left-over bits must be zero padding, or the text is not the canonical encoding.
  if (buffer !== 0) return null;
  return out;
}
