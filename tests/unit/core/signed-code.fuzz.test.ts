// Fuzzing the signed-code path (issue 14): 10,000 random and mutated codes —
// bit flips of valid codes' bytes, one-character edits, truncations,
// extensions, base32 garbage, arbitrary text, a valid signature moved onto
// another payload — through the same steps the kiosk takes (parse, key
// lookup, Ed25519 verification, decide). Never a throw, never an admission.
// A control run shows the unmutated codes ARE admitted by the same judge.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ed25519 } from '@noble/curves/ed25519.js';
import { encodeSignedCode, parseSignedCode, signSignedCode, type SignedPayload } from '../../../core/signed-code';
import { prepareSignedCode } from '../../../core/signed-ticket';
import { decide } from '../../../core/decide';
import { base32Decode, base32Encode } from '../../../core/base32';
import { normalizeScan } from '../../../core/code';
import type { Checkpoint, Verdict } from '../../../core/model';
import { nobleVerifier, webCryptoVerifier } from '../../../renderer/storage/signed-codes';

const secret = ed25519.utils.randomSecretKey();
const keys = [{ keyId: 'k1', publicKey: Buffer.from(ed25519.getPublicKey(secret)).toString('base64url') }];
const programmes = ['gg-robot-hall', 'gg-ceremony'];
const gate: Checkpoint = { id: 'gate', eventId: 'icw2025', name: { ko: '정문', en: 'Gate' }, rule: 'unlimited', mode: 'entry' };
const NOW = Date.parse('2025-09-10T01:00:00Z');
const base: SignedPayload = { eventId: 'icw2025', serial: 1, category: 'visitor', programmes: ['gg-robot-hall'], name: 'Jane Doe' };
const valid = [
  signSignedCode(secret, 'k1', base),
  signSignedCode(secret, 'k1', { ...base, serial: 200_000, category: 'vip', programmes, validFrom: '2025-09-01T00:00:00Z', validUntil: '2025-10-01T00:00:00Z', name: '김철현' }),
  signSignedCode(secret, 'k1', { ...base, serial: 0, programmes: [], name: undefined }),
];

/** The kiosk's judgement of a scan with no roster row (renderer/storage/checkin.ts, minus storage). */
async function judge(raw: string, verify = webCryptoVerifier): Promise<Verdict | 'malformed'> {
  const scan = normalizeScan(raw);
  if (!scan.ok) return 'malformed';
  const prepared = prepareSignedCode(scan.code, 'icw2025', keys, programmes);
  const signature = prepared.ok && (await verify(prepared.publicKey, prepared.parsed.signature, prepared.parsed.message)) ? 'valid' : 'invalid';
  const ticket = signature === 'valid' && prepared.ok ? prepared.ticket : undefined;
  return decide({ ticket, checkpoint: gate, timeZone: 'Asia/Seoul', direction: 'entry', history: [], now: NOW, signature });
}

const flipBit = (code: string, bit: number) => {
  const bytes = base32Decode(code.slice(4))!;
  bytes[Math.floor(bit / 8) % bytes.length]! ^= 1 << (bit % 8);
  return `TO1:${base32Encode(bytes)}`;
};
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const mutated = fc.oneof(
  // A bit flipped anywhere in a valid code's bytes (payload or signature), re-encoded canonically.
  fc.tuple(fc.constantFrom(...valid), fc.nat(8 * 110)).map(([c, bit]) => flipBit(c, bit)),
  // One character replaced by another base32 character.
  fc.tuple(fc.constantFrom(...valid), fc.nat(), fc.constantFrom(...B32)).map(([c, i, ch]) => {
    const at = 4 + (i % (c.length - 4));
    return c.slice(0, at) + (c[at] === ch ? (ch === 'A' ? 'B' : 'A') : ch) + c.slice(at + 1);
  }),
  // Truncated, or extended by garbage (not whitespace: the scan gate trims that, as it should).
  fc.tuple(fc.constantFrom(...valid), fc.nat()).map(([c, n]) => c.slice(0, n % c.length)),
  fc.tuple(fc.constantFrom(...valid), fc.stringMatching(/^[A-Z2-7=:a-z]{1,8}$/)).map(([c, tail]) => c + tail),
  // Pure garbage behind the prefix, and arbitrary text.
  fc.stringMatching(/^[A-Z2-7]{0,190}$/).map((s) => `TO1:${s}`),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => (s.length % 2 ? `TO1:${s}` : s)),
  // A genuine signature moved onto another payload.
  fc.tuple(fc.integer({ min: 2, max: 2 ** 32 - 1 }), fc.constantFrom(...valid)).map(([serial, donor]) => {
    const parsed = parseSignedCode(donor);
    if (!parsed.ok) throw new Error('donor must parse');
    return encodeSignedCode('k1', { ...base, serial }, parsed.value.signature);
  }),
);

describe('signed codes under fuzzing', () => {
  it('the unmutated codes are admitted by the same judge (the control)', async () => {
    for (const code of valid) {
      expect(await judge(code)).toEqual({ verdict: 'accepted' });
      expect(await judge(code, nobleVerifier)).toEqual({ verdict: 'accepted' });
    }
  });

  it('10,000 random and mutated codes: never a throw, never an admission', async () => {
    const seen = { parsed: 0, malformed: 0, total: 0 };
    await fc.assert(
      fc.asyncProperty(mutated, async (code) => {
        seen.total++;
        expect(() => parseSignedCode(code, programmes)).not.toThrow();
        if (parseSignedCode(code, programmes).ok) seen.parsed++;
        const verdict = await judge(code);
        if (verdict === 'malformed') { seen.malformed++; return; }
        expect(verdict.verdict).toBe('rejected');
      }),
      { numRuns: 10_000, seed: 20261206 },
    );
    expect(seen.total).toBe(10_000);
    // The mutations reach the signature check, not just the parser.
    expect(seen.parsed).toBeGreaterThan(2_000);
  }, 120_000);

  it('noble refuses the same mutations of the signed bytes as WebCrypto', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(fc.constantFrom(...valid), fc.nat(8 * 110)).map(([c, bit]) => flipBit(c, bit)), async (code) => {
        const verdict = await judge(code, nobleVerifier);
        expect(verdict !== 'malformed' && verdict.verdict).toBe('rejected');
      }),
      { numRuns: 300, seed: 14 },
    );
  }, 60_000);
});
