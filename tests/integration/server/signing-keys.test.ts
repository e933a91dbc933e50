// The server's per-event signing keys against a real server on SQLite and
// PostgreSQL: made on a kiosk's first config pull and published with status;
// rotation (codes of the old key still verify, new codes carry the new key),
// retirement (the key leaves the config, its codes stop verifying), revocation
// of a signed ticket reaching kiosks by the tickets cursor, and the private key
// sealed at rest (the column never holds it; the wrong encryption key is a clear error).

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigResponse, type TicketsPage } from '../../../core/protocol';
import { signSignedCode, verifySignedCode, type SignedPayload } from '../../../core/signed-code';
import { prepareSignedCode } from '../../../core/signed-ticket';
import { importTickets } from '../../../server/repo/tickets';
import { activeSigner } from '../../../server/signing/keys';
import { SigningKeyLockedError } from '../../../server/signing/seal';
import { backends, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, testEvent, type TestServer } from './harness';

const payload = (serial: number): SignedPayload => ({ eventId: EVENT_ID, serial, category: 'visitor', programmes: ['p1'], name: '김철현' });

describe.each(backends())('signing keys ($kind)', (backend) => {
  let s: TestServer;
  let token: string;
  const config = async () => ConfigResponse.parse(await expectJson(await s.call('/v1/sync/config', { token }), 200));
  /** What a kiosk concludes from the config it pulled: verified or why not. */
  const kioskVerifies = (keys: ConfigResponse['signingKeys'], code: string) => {
    const check = prepareSignedCode(code, EVENT_ID, keys, ['p1']);
    return check.ok ? verifySignedCode(check.parsed, check.publicKey) : check.detail;
  };
  const sign = async () => {
    const signer = (await activeSigner(s.db.db, EVENT_ID, s.config.keyEncryptionKey))!;
    return { keyId: signer.keyId, sign: (serial: number) => signSignedCode(signer.secretKey, signer.keyId, payload(serial)) };
  };

  beforeAll(async () => {
    s = await startServer(backend);
    await seedEvent(s);
    ({ token } = await pairDevice(s, 'Desk 1'));
  });
  afterAll(() => s.close());

  it('makes the first key on a kiosk’s first config pull and publishes it as active', async () => {
    const first = await config();
    expect(first.signingKeys).toEqual([{ keyId: 'k1', publicKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), status: 'active' }]);
    // Made once: the next pull is the same key (and the same ETag).
    expect((await config()).signingKeys).toEqual(first.signingKeys);
  });

  it('rotates: new codes are signed with the new key, codes of the old key still verify', async () => {
    const before = await sign();
    const oldCode = before.sign(1);
    expect(before.keyId).toBe('k1');

    const rotated = await expectJson<{ key: { keyId: string; status: string } }>(await s.admin(`/v1/admin/events/${EVENT_ID}/signing-keys/rotate`, { method: 'POST' }), 200);
    expect(rotated.key).toMatchObject({ keyId: 'k2', status: 'active' });
    const after = await sign();
    expect(after.keyId).toBe('k2');
    const newCode = after.sign(2);

    const keys = (await config()).signingKeys;
    expect(keys.map((k) => [k.keyId, k.status])).toEqual([['k1', 'verify'], ['k2', 'active']]);
    expect(kioskVerifies(keys, oldCode)).toBe(true);
    expect(kioskVerifies(keys, newCode)).toBe(true);
    // The new code really is k2's: against k1's public key alone it fails.
    const onlyK1 = keys.filter((k) => k.keyId === 'k1').map((k) => ({ ...k, keyId: 'k2' }));
    expect(kioskVerifies(onlyK1, newCode)).toBe(false);
  });

  it('retires: the key leaves the config and its codes stop verifying; the active key cannot be retired', async () => {
    const oldCode = signSignedCode(new Uint8Array(32), 'k1', payload(3)); // any k1 code: the key is what matters
    const refused = await s.admin(`/v1/admin/events/${EVENT_ID}/signing-keys/k2/retire`, { method: 'POST' });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe('active_key');
    expect((await s.admin(`/v1/admin/events/${EVENT_ID}/signing-keys/k9/retire`, { method: 'POST' })).status).toBe(404);

    await expectJson(await s.admin(`/v1/admin/events/${EVENT_ID}/signing-keys/k1/retire`, { method: 'POST' }), 200);
    const keys = (await config()).signingKeys;
    expect(keys.map((k) => k.keyId)).toEqual(['k2']);
    expect(kioskVerifies(keys, oldCode)).toBe('unknown key k1');

    // The console saves the bundle it was shown: the server's keys in it are not stored as the organiser's.
    const listed = await expectJson<{ keys: { keyId: string; status: string }[] }>(await s.admin(`/v1/admin/events/${EVENT_ID}/signing-keys`), 200);
    expect(listed.keys.map((k) => [k.keyId, k.status])).toEqual([['k1', 'retired'], ['k2', 'active']]);
    const withRetired = { ...testEvent(), signingKeys: [...keys, { keyId: 'k1', publicKey: 'AAAA' }] };
    await expectJson(await s.admin('/v1/admin/events', { method: 'POST', json: withRetired }), 200);
    expect((await config()).signingKeys.map((k) => k.keyId)).toEqual(['k2']);
  });

  it('revokes a signed ticket through its roster row, which kiosks pull by the tickets cursor', async () => {
    const { sign: signNow } = await sign();
    const code = signNow(7);
    await importTickets(s.db.db, EVENT_ID, [{ code, name: '김철현', company: '(주)한빛정밀', category: 'visitor', programmes: ['p1'] }]);
    const pull = async (after: number) => expectJson<TicketsPage>(await s.call(`/v1/sync/tickets?after=${after}`, { token }), 200);
    const cursor = (await pull(0)).next;

    const revoked = await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/${encodeURIComponent(code)}`, { method: 'PATCH', json: { status: 'revoked' } });
    expect(await expectJson(revoked, 200)).toMatchObject({ code, status: 'revoked' });
    const page = await pull(cursor);
    expect(page.items).toEqual([expect.objectContaining({ code, status: 'revoked' })]);

    // And back: un-revoking is one more change after the new cursor.
    await expectJson(await s.admin(`/v1/admin/events/${EVENT_ID}/tickets/${encodeURIComponent(code)}`, { method: 'PATCH', json: { status: 'valid' } }), 200);
    expect((await pull(page.next)).items).toEqual([expect.objectContaining({ code, status: 'valid' })]);
  });
});

describe.each(backends())('signing keys sealed at rest ($kind)', (backend) => {
  const kek = randomBytes(32);
  let s: TestServer;
  let token: string;

  beforeAll(async () => {
    s = await startServer(backend, { keyEncryptionKey: kek });
    await seedEvent(s);
    ({ token } = await pairDevice(s, 'Desk 1'));
    await expectJson(await s.call('/v1/sync/config', { token }), 200);
  });
  afterAll(() => s.close());

  it('stores the private key encrypted: the column holds no form of it', async () => {
    const signer = (await activeSigner(s.db.db, EVENT_ID, kek))!;
    const row = await s.db.db.selectFrom('signing_keys').selectAll().where('event_id', '=', EVENT_ID).executeTakeFirstOrThrow();
    expect(row.private_key).toMatch(/^gcm1:/);
    const secret = Buffer.from(signer.secretKey);
    expect(secret).toHaveLength(32);
    for (const form of [secret.toString('base64url'), secret.toString('base64'), secret.toString('hex')]) expect(row.private_key).not.toContain(form);
    // It signs what the published key verifies.
    const keys = ConfigResponse.parse(await expectJson(await s.call('/v1/sync/config', { token }), 200)).signingKeys;
    const code = signSignedCode(signer.secretKey, signer.keyId, payload(1));
    const check = prepareSignedCode(code, EVENT_ID, keys, ['p1']);
    expect(check.ok && verifySignedCode(check.parsed, check.publicKey)).toBe(true);
  });

  it('refuses with a clear error under the wrong encryption key or none', async () => {
    await expect(activeSigner(s.db.db, EVENT_ID, randomBytes(32))).rejects.toThrow(SigningKeyLockedError);
    await expect(activeSigner(s.db.db, EVENT_ID, randomBytes(32))).rejects.toThrow(/TURNOUT_KEY_ENCRYPTION_KEY does not open the signing key k1 of event ev1/);
    await expect(activeSigner(s.db.db, EVENT_ID, undefined)).rejects.toThrow(/encrypted at rest: set TURNOUT_KEY_ENCRYPTION_KEY/);
    // A sealed key moved onto another row (another event or key id) does not open either.
    const row = await s.db.db.selectFrom('signing_keys').selectAll().where('event_id', '=', EVENT_ID).executeTakeFirstOrThrow();
    await s.db.db.insertInto('signing_keys').values({ ...row, key_id: 'k5', status: 'verify' }).execute();
    await s.db.db.updateTable('signing_keys').set({ status: 'verify' }).where('key_id', '=', 'k1').execute();
    await s.db.db.updateTable('signing_keys').set({ status: 'active' }).where('key_id', '=', 'k5').execute();
    await expect(activeSigner(s.db.db, EVENT_ID, kek)).rejects.toThrow(/does not open the signing key k5/);
  });
});
