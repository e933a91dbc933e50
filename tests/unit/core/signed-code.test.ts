// The signed-code codec: round trips, the QR size promise (version ≤ 7 at M),
// the name cut, and that nothing but the exact signed text verifies.
import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { ed25519 } from '@noble/curves/ed25519.js';
import {
  MAX_SIGNED_CODE_BYTES,
  encodeSignedCode,
  parseSignedCode,
  programmeTag,
  signSignedCode,
  signedCodeMessage,
  verifySignedCode,
  type SignedPayload,
} from '../../../core/signed-code';
import { base32Decode, base32Encode } from '../../../core/base32';
import { normalizeScan, isSignedCode } from '../../../core/code';

const secret = ed25519.utils.randomSecretKey();
const publicKey = ed25519.getPublicKey(secret);

// A typical ticket of the demo event: two programmes with long ids, a window, a Korean name.
const typical: SignedPayload = {
  eventId: 'icw2025',
  serial: 123_456,
  category: 'buyer',
  programmes: ['gg-robot-hall', 'ic-60th-ceo-lecture'],
  validFrom: '2025-09-08T00:00:00.000Z',
  validUntil: '2025-09-14T15:00:00.000Z',
  name: '김철현',
};
const programmeIds = ['gg-ceremony', 'gg-robot-hall', 'gg-coffee-truck', 'ic-60th-ceo-lecture'];
const qrVersion = (text: string) => QRCode.create(text, { errorCorrectionLevel: 'M' }).version;

describe('signed codes', () => {
  it('round-trips a typical payload and verifies it', () => {
    const code = signSignedCode(secret, 'k1', typical);
    expect(code).toMatch(/^TO1:[A-Z2-7]+$/);
    expect(isSignedCode(code)).toBe(true);
    expect(normalizeScan(code)).toEqual({ ok: true, code });
    const parsed = parseSignedCode(code, programmeIds);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.keyId).toBe('k1');
    expect(parsed.value.payload).toEqual(typical);
    expect(parsed.value.message).toEqual(signedCodeMessage('k1', typical));
    expect(verifySignedCode(parsed.value, publicKey)).toBe(true);
    expect(verifySignedCode(parsed.value, ed25519.getPublicKey(ed25519.utils.randomSecretKey()))).toBe(false);
  });

  it('fits a QR code of version 7 or less at error correction M', () => {
    const code = signSignedCode(secret, 'k1', typical);
    expect(qrVersion(code)).toBeLessThanOrEqual(7);
    // Without a name and programmes it is smaller still.
    const small = signSignedCode(secret, 'k1', { eventId: 'icw2025', serial: 7, category: 'visitor', programmes: [] });
    expect(small.length).toBeLessThan(code.length);
  });

  it('the largest code (name filling every byte left) still fits version 7-M', () => {
    // Every byte used: the encoder refuses anything longer, so no code is bigger than this.
    const code = signSignedCode(secret, 'k1', { ...typical, name: 'x'.repeat(300) });
    expect(base32Decode(code.slice(4))!.length).toBe(MAX_SIGNED_CODE_BYTES);
    expect(code.length).toBe(177);
    expect(qrVersion(code)).toBeLessThanOrEqual(7);
    const parsed = parseSignedCode(code);
    expect(parsed.ok && verifySignedCode(parsed.value, publicKey)).toBe(true);
  });

  it('cuts a long name at a character boundary, and drops it when nothing fits', () => {
    const latin = signSignedCode(secret, 'k1', { ...typical, name: 'Alexandria Ocasio-Cortez-Montgomery' });
    const parsed = parseSignedCode(latin);
    expect(parsed.ok && parsed.value.payload.name).toBe('Alexandria Oc');
    const hangul = parseSignedCode(signSignedCode(secret, 'k1', { ...typical, name: '가나다라마바사아자차카타파하' }));
    expect(hangul.ok && hangul.value.payload.name).toBe('가나다라');
    // Six programmes leave no room for a name: dropped, not an error.
    const crowded = { ...typical, programmes: Array.from({ length: 6 }, (_, i) => `p${i}`) };
    const dropped = parseSignedCode(signSignedCode(secret, 'k1', crowded));
    expect(dropped.ok && dropped.value.payload.name).toBeUndefined();
    expect(dropped.ok && dropped.value.payload.programmes).toHaveLength(6);
  });

  it('refuses to encode what cannot fit or be read back', () => {
    expect(() => signedCodeMessage('k1', { ...typical, programmes: Array.from({ length: 7 }, (_, i) => `p${i}`) })).toThrow(/payload needs 109 of 108 bytes/);
    expect(() => signedCodeMessage('key id', typical)).toThrow(/key id/);
    expect(() => signedCodeMessage('k1', { ...typical, serial: -1 })).toThrow(/serial/);
    expect(() => signedCodeMessage('k1', { ...typical, serial: 2 ** 32 })).toThrow(/serial/);
    expect(() => signedCodeMessage('k1', { ...typical, validFrom: 'tomorrow' })).toThrow(/validFrom/);
    expect(() => signedCodeMessage('k1', { ...typical, programmes: ['a', 'a'] })).toThrow(/tag/);
    expect(() => encodeSignedCode('k1', typical, new Uint8Array(10))).toThrow(/signature/);
  });

  it('keeps the largest serial and leaves unknown programmes as tags that match nothing', () => {
    const code = signSignedCode(secret, 'k1', { ...typical, serial: 2 ** 32 - 1 });
    const parsed = parseSignedCode(code, ['gg-robot-hall']);
    expect(parsed.ok && parsed.value.payload.serial).toBe(2 ** 32 - 1);
    const tag = `#${programmeTag('ic-60th-ceo-lecture').toString(16).padStart(6, '0')}`;
    expect(parsed.ok && parsed.value.payload.programmes).toEqual(['gg-robot-hall', tag]);
  });

  it('refuses a code altered by any one character, and non-canonical text', () => {
    const code = signSignedCode(secret, 'k1', typical);
    for (let i = 4; i < code.length; i++) {
      const ch = code[i] === 'A' ? 'B' : 'A';
      const altered = code.slice(0, i) + ch + code.slice(i + 1);
      const parsed = parseSignedCode(altered, programmeIds);
      expect(parsed.ok && verifySignedCode(parsed.value, publicKey)).toBe(false);
    }
    expect(parseSignedCode(code.toLowerCase().replace('to1:', 'TO1:')).ok).toBe(false);
    expect(parseSignedCode(code + '=').ok).toBe(false);
    expect(parseSignedCode(code.slice(0, -1)).ok).toBe(false);
    expect(parseSignedCode('TO1:').ok).toBe(false);
    expect(parseSignedCode('XYZ').ok).toBe(false);
  });

  it('base32 round-trips every length and refuses non-zero padding bits', () => {
    for (let n = 0; n < 20; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    }
    expect(base32Encode(Uint8Array.of(0xff))).toBe('74');
    expect(base32Decode('74')).toEqual(Uint8Array.of(0xff));
    expect(base32Decode('77')).toBeNull();
    expect(base32Decode('7')).toBeNull();
  });
});

describe('signed codes, any payload', () => {
  it('whatever the encoder accepts fits QR 7-M and parses back to itself', async () => {
    const fc = (await import('fast-check')).default;
    const id = fc.stringMatching(/^[a-z0-9-]{1,24}$/);
    const instant = fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((s) => new Date(s * 1000).toISOString());
    const payload = fc.record({
      eventId: id,
      serial: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      category: fc.constantFrom('visitor', 'exhibitor', 'buyer', 'press', 'vip', 'staff', 'speaker' as const),
      programmes: fc.uniqueArray(id, { maxLength: 10 }),
      validFrom: fc.option(instant, { nil: undefined }),
      validUntil: fc.option(instant, { nil: undefined }),
      name: fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }), { nil: undefined }),
    }, { requiredKeys: ['eventId', 'serial', 'category', 'programmes'] });
    let encoded = 0;
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9._-]{1,16}$/), payload, (keyId, p) => {
      let code: string;
      try {
        code = encodeSignedCode(keyId, p as SignedPayload, new Uint8Array(64));
      } catch (e) {
        expect(e).toBeInstanceOf(RangeError);
        return;
      }
      encoded++;
      expect(qrVersion(code)).toBeLessThanOrEqual(7);
      const parsed = parseSignedCode(code, p.programmes);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.value.keyId).toBe(keyId);
      const { name, ...rest } = parsed.value.payload;
      const { name: _n, validFrom: _f, validUntil: _u, ...fixed } = p;
      expect(rest).toMatchObject(fixed);
      if (name !== undefined) expect(p.name!.startsWith(name)).toBe(true);
    }), { numRuns: 300, seed: 14 });
    expect(encoded).toBeGreaterThan(50);
  });
});
