// Online mode (`POST /v1/sync/decide`) with signed `TO1:` codes, on SQLite and
// PostgreSQL: the server judges them as a kiosk does. A code signed with the
// event's key and without a roster row is admitted from its payload (once: the
// second scan is `already_checked_in`); altered by one character, signed by a stranger
// or by a retired key it is `invalid_signature`; its revoked roster row wins.

import { ed25519 } from '@noble/curves/ed25519.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecideResponse } from '../../../core/protocol';
import { signSignedCode, type SignedPayload } from '../../../core/signed-code';
import { importTickets } from '../../../server/repo/tickets';
import { activeSigner, rotateKey, retireKey } from '../../../server/signing/keys';
import { backends, checkin, EVENT_ID, expectJson, pairDevice, seedEvent, startServer, type TestServer } from './harness';

const payload = (serial: number): SignedPayload => ({ eventId: EVENT_ID, serial, category: 'buyer', programmes: ['p1'], name: '이영희' });

/** One character changed inside the base32 text, still valid base32. */
function alter(code: string): string {
  const i = code.length - 20;
  return code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
}

describe.each(backends())('online decide of signed codes ($kind)', (backend) => {
  let s: TestServer;
  let token: string;
  const decide = async (code: string, checkpointId = 'main') =>
    expectJson<DecideResponse>(await s.call('/v1/sync/decide', { method: 'POST', token, json: { id: checkin().id, code, checkpointId } }), 200);
  const sign = async (serial: number) => {
    const signer = (await activeSigner(s.db.db, EVENT_ID, undefined))!;
    return signSignedCode(signer.secretKey, signer.keyId, payload(serial));
  };

  beforeAll(async () => {
    s = await startServer(backend);
    await seedEvent(s);
    ({ token } = await pairDevice(s, 'Desk 1'));
  });
  afterAll(() => s.close());

  it('admits a code issued with the event key and no roster row, once', async () => {
    const code = await sign(101);
    const first = await decide(code);
    expect(first).toMatchObject({ verdict: 'accepted', ticket: { code, name: '이영희', category: 'buyer', programmes: ['p1'] } });
    expect(await decide(code)).toMatchObject({ verdict: 'rejected', reason: 'already_checked_in' });
  });

  it('refuses a code altered by one character, or signed by a key the event does not have', async () => {
    const code = await sign(102);
    expect(await decide(alter(code))).toMatchObject({ verdict: 'rejected', reason: 'invalid_signature' });
    const forged = signSignedCode(ed25519.utils.randomSecretKey(), 'k1', payload(102));
    expect(await decide(forged)).toMatchObject({ verdict: 'rejected', reason: 'invalid_signature' });
    // The genuine one was never admitted by those attempts.
    expect(await decide(code)).toMatchObject({ verdict: 'accepted' });
  });

  it('takes the roster row of the same code as the ticket: revoked means revoked', async () => {
    const code = await sign(103);
    await importTickets(s.db.db, EVENT_ID, [{ code, name: '이영희', company: '대성테크', category: 'buyer', programmes: ['p1'], status: 'revoked' }]);
    expect(await decide(code)).toMatchObject({ verdict: 'rejected', reason: 'revoked' });
  });

  it('refuses codes of a retired key, admits those of the key that replaced it', async () => {
    const old = await sign(104);
    await rotateKey(s.db.db, EVENT_ID, undefined);
    const fresh = await sign(105);
    expect(await decide(old, 'hall')).toMatchObject({ verdict: 'accepted' });
    expect(await retireKey(s.db.db, EVENT_ID, 'k1')).toMatchObject({ ok: true });
    expect(await decide(old, 'hall')).toMatchObject({ verdict: 'rejected', reason: 'invalid_signature' });
    expect(await decide(fresh, 'hall')).toMatchObject({ verdict: 'accepted' });
  });
});
