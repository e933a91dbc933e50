// Signed `TO1:` codes on the kiosk's check-in path, offline: verified with the
// synced keys (WebCrypto and noble alike), admitted without a roster row, and
// refused as a user would see it when forged, altered, keyed wrong, retired,
// revoked in the roster, outside their window or at the wrong checkpoint.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ed25519 } from '@noble/curves/ed25519.js';
import { TurnoutDb } from '../../../renderer/storage/db';
import { recordScan, type ScanRequest } from '../../../renderer/storage/checkin';
import { applyConfig } from '../../../renderer/storage/replica';
import { putTickets } from '../../../renderer/storage/roster';
import { defaultVerifier, nobleVerifier, webCryptoVerifier, type Ed25519Verifier } from '../../../renderer/storage/signed-codes';
import { signSignedCode, type SignedPayload } from '../../../core/signed-code';
import type { EventSigningKey } from '../../../core/signed-ticket';
import type { Checkpoint, Programme } from '../../../core/model';

const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const keyPair = () => { const secret = ed25519.utils.randomSecretKey(); return { secret, publicKey: b64url(ed25519.getPublicKey(secret)) }; };
const k1 = keyPair();
const k2 = keyPair();
const old = keyPair();

const gate: Checkpoint = { id: 'gate', eventId: 'icw2025', name: { ko: '정문', en: 'Gate' }, rule: 'once', mode: 'entry' };
const robots: Checkpoint = { ...gate, id: 'robots', programmes: ['gg-robot-hall'] };
const programme = (id: string): Programme => ({ id, eventId: 'icw2025', name: { ko: id, en: id }, region: '', venue: '', days: [] });
const payload: SignedPayload = {
  eventId: 'icw2025', serial: 42, category: 'vip', programmes: ['gg-robot-hall'],
  validFrom: '2025-09-08T00:00:00.000Z', validUntil: '2025-09-15T00:00:00.000Z', name: '김철현',
};
const NOW = Date.parse('2025-09-10T01:00:00Z');

let db: TurnoutDb;
let verifier: Ed25519Verifier;
const scan = (raw: string, extra: Partial<ScanRequest> = {}) =>
  recordScan(db, { raw, checkpoint: gate, timeZone: 'Asia/Seoul', deviceId: 'kiosk-1', direction: 'entry', now: NOW, verifier, ...extra });
const verdictOf = async (raw: string, extra: Partial<ScanRequest> = {}) => {
  const out = await scan(raw, extra);
  if (out.kind !== 'stored') throw new Error(`not stored: ${out.kind}`);
  return out.verdict.verdict === 'accepted' ? 'accepted' : out.verdict.reason;
};

beforeEach(async () => {
  db = new TurnoutDb(`signed-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const signingKeys: EventSigningKey[] = [
    { keyId: 'k1', publicKey: k1.publicKey, status: 'active' },
    { keyId: 'k2', publicKey: k2.publicKey }, // no status: a server before statuses, read as active
    { keyId: 'k0', publicKey: old.publicKey, status: 'retired' },
  ];
  await applyConfig(db, {
    event: { id: 'icw2025', name: { ko: '행사', en: 'Event' }, timeZone: 'Asia/Seoul', days: ['2025-09-10'] },
    programmes: [programme('gg-robot-hall'), programme('gg-ceremony')],
    checkpoints: [gate, robots],
    signingKeys,
  }, null);
});
afterEach(() => db.close());

describe.each([
  ['WebCrypto', () => webCryptoVerifier],
  ['noble', () => nobleVerifier],
])('signed codes offline (%s)', (_name, pick) => {
  beforeEach(() => { verifier = pick(); });

  it('admits a verified code the roster has never seen, with the payload as its ticket, once', async () => {
    const code = signSignedCode(k1.secret, 'k1', payload);
    const out = await scan(code);
    expect(out.kind === 'stored' && out.verdict).toEqual({ verdict: 'accepted' });
    expect(out.kind === 'stored' && out.ticket).toMatchObject({ code, name: '김철현', category: 'vip', programmes: ['gg-robot-hall'] });
    expect(out.kind === 'stored' && out.checkIn).toMatchObject({ code, verdict: 'accepted', syncState: 'pending' });
    expect(await verdictOf(code, { now: NOW + 60_000 })).toBe('already_checked_in');
    // The second key verifies too (rotation: both are live).
    expect(await verdictOf(signSignedCode(k2.secret, 'k2', { ...payload, serial: 43 }))).toBe('accepted');
  });

  it('refuses a code altered by one character, a forged signature, and unknown, retired or swapped keys', async () => {
    const code = signSignedCode(k1.secret, 'k1', payload);
    const at = code.length - 10;
    const altered = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
    expect(await verdictOf(altered)).toBe('invalid_signature');
    expect(await verdictOf(signSignedCode(keyPair().secret, 'k1', payload))).toBe('invalid_signature');
    expect(await verdictOf(signSignedCode(k1.secret, 'k9', payload))).toBe('invalid_signature');
    expect(await verdictOf(signSignedCode(old.secret, 'k0', payload))).toBe('invalid_signature');
    expect(await verdictOf(signSignedCode(k1.secret, 'k2', payload))).toBe('invalid_signature');
    expect(await verdictOf(signSignedCode(k1.secret, 'k1', { ...payload, eventId: 'other-event' }))).toBe('invalid_signature');
    // The refused scans are kept (as rejections), none of them an admission.
    expect((await db.checkins.toArray()).filter((c) => c.verdict === 'accepted')).toEqual([]);
    expect(await db.checkins.count()).toBe(6);
  });

  it('a roster row of the same code is the same ticket: revoked there, refused here', async () => {
    const code = signSignedCode(k1.secret, 'k1', payload);
    await putTickets(db, [{ code, name: '김철현', company: '(주)한빛', category: 'vip', programmes: [], status: 'revoked', seq: 9 }]);
    expect(await verdictOf(code)).toBe('revoked');
  });

  it('enforces the validity window and the checkpoint’s programmes', async () => {
    const code = signSignedCode(k1.secret, 'k1', payload);
    expect(await verdictOf(code, { now: Date.parse('2025-09-07T23:59:59Z') })).toBe('not_yet_valid');
    expect(await verdictOf(code, { now: Date.parse('2025-09-15T00:00:00Z') })).toBe('expired');
    expect(await verdictOf(code, { checkpoint: robots })).toBe('accepted');
    const ceremony = signSignedCode(k1.secret, 'k1', { ...payload, serial: 7, programmes: ['gg-ceremony'] });
    expect(await verdictOf(ceremony, { checkpoint: robots })).toBe('wrong_checkpoint');
  });
});

describe('the default verifier', () => {
  it('is WebCrypto where it has Ed25519 (Node 20 does)', async () => {
    expect(await defaultVerifier()).toBe(webCryptoVerifier);
  });

  it('a kiosk with no keys synced refuses every signed code', async () => {
    await db.meta.delete('sync.config.signingKeys');
    verifier = nobleVerifier;
    expect(await verdictOf(signSignedCode(k1.secret, 'k1', payload))).toBe('invalid_signature');
  });
});

describe('signed codes through the real check-in path, mutated', () => {
  it('300 one-character edits and truncations of a valid code: every one stored, none admitted', async () => {
    const fc = (await import('fast-check')).default;
    verifier = webCryptoVerifier;
    const code = signSignedCode(k1.secret, 'k1', payload);
    const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const mutant = fc.oneof(
      fc.tuple(fc.nat(), fc.constantFrom(...B32)).map(([i, ch]) => {
        const at = 4 + (i % (code.length - 4));
        return code.slice(0, at) + (code[at] === ch ? (ch === 'A' ? 'B' : 'A') : ch) + code.slice(at + 1);
      }),
      fc.nat().map((n) => code.slice(0, 4 + (n % (code.length - 4)))),
    );
    let runs = 0;
    await fc.assert(fc.asyncProperty(mutant, async (raw) => {
      runs++;
      const out = await scan(raw);
      expect(out.kind).toBe('stored');
      expect(out.kind === 'stored' && out.verdict).toEqual({ verdict: 'rejected', reason: 'invalid_signature' });
    }), { numRuns: 300, seed: 2026 });
    expect((await db.checkins.toArray()).filter((c) => c.verdict === 'accepted')).toEqual([]);
    expect(await db.checkins.count()).toBe(runs);
    // The control: the unmutated code is admitted on the same path.
    expect(await verdictOf(code)).toBe('accepted');
  }, 60_000);
});
