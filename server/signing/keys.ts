// Each event's Ed25519 signing keys (DESIGN.md "Ticket codes"): made on first
// need, rotated (the new key signs, the old ones keep verifying) and retired
// (published no more, so kiosks stop accepting what they signed). The private
// half never leaves this module except to sign here on the server, and is
// sealed at rest (seal.ts). Writers take the event's sequence lock (db/seq.ts),
// so two replicas cannot both make or rotate a key at once.

import { generateKeyPairSync } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { SigningKey } from '../../core/protocol';
import type { Database, SigningKeysTable } from '../db/schema-types';
import { lockSequence } from '../db/seq';
import { openSecret, sealSecret } from './seal';

type Db = Kysely<Database>;

export type KeyStatus = 'active' | 'verify' | 'retired';

export interface SigningKeyInfo {
  keyId: string;
  /** base64url of the raw 32-byte Ed25519 public key. */
  publicKey: string;
  status: KeyStatus;
  createdAt: string;
  retiredAt?: string;
}

/** What signs: the active key's id and its 32-byte secret. */
export interface Signer {
  keyId: string;
  secretKey: Uint8Array;
  publicKey: string;
}

function info(r: SigningKeysTable): SigningKeyInfo {
  return {
    keyId: r.key_id,
    publicKey: r.public_key,
    status: r.status as KeyStatus,
    createdAt: new Date(Number(r.created_at)).toISOString(),
    ...(r.retired_at !== null ? { retiredAt: new Date(Number(r.retired_at)).toISOString() } : {}),
  };
}

/** Every key of the event, oldest first, retired ones included (admin view; no private halves). */
export async function listSigningKeys(db: Db | Transaction<Database>, eventId: string): Promise<SigningKeyInfo[]> {
  const rows = await db.selectFrom('signing_keys').selectAll().where('event_id', '=', eventId).orderBy('created_at').orderBy('key_id').execute();
  return rows.map(info);
}

/**
 * The keys kiosks get in the config: active and verify, with their status. Retired
 * keys are left out rather than sent as `retired`, so a kiosk from before the
 * status field (which would trust any listed key) stops accepting them too.
 */
export async function publishedKeys(db: Db | Transaction<Database>, eventId: string): Promise<SigningKey[]> {
  const rows = await db
    .selectFrom('signing_keys')
    .select(['key_id', 'public_key', 'status'])
    .where('event_id', '=', eventId)
    .where('status', '!=', 'retired')
    .orderBy('created_at')
    .orderBy('key_id')
    .execute();
  return rows.map((r) => ({ keyId: r.key_id, publicKey: r.public_key, status: r.status as 'active' | 'verify' }));
}

/** Every key id the server owns for the event (any status): bundle upserts may not re-publish them. */
export async function ownKeyIds(db: Db | Transaction<Database>, eventId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('signing_keys').select('key_id').where('event_id', '=', eventId).execute();
  return new Set(rows.map((r) => r.key_id));
}

/** A fresh key pair row, sealed with `kek`; `k<n>` ids stay short, since every code carries one. */
async function insertKey(trx: Transaction<Database>, eventId: string, kek: Buffer | undefined, now: number): Promise<SigningKeysTable> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const secret = Buffer.from(jwk.d!, 'base64url');
  const taken = await ownKeyIds(trx, eventId);
  let n = taken.size + 1;
  while (taken.has(`k${n}`)) n++;
  const keyId = `k${n}`;
  const row: SigningKeysTable = {
    event_id: eventId,
    key_id: keyId,
    public_key: publicKey.export({ format: 'jwk' }).x!,
    private_key: sealSecret(secret, kek, eventId, keyId),
    status: 'active',
    created_at: now,
    retired_at: null,
  };
  secret.fill(0);
  await trx.insertInto('signing_keys').values(row).execute();
  return row;
}

async function activeRow(db: Db | Transaction<Database>, eventId: string): Promise<SigningKeysTable | undefined> {
  return db.selectFrom('signing_keys').selectAll().where('event_id', '=', eventId).where('status', '=', 'active').executeTakeFirst();
}

/** The event's active key, made now when it has none; null for an unknown event. */
export async function ensureActiveKey(db: Db, eventId: string, kek: Buffer | undefined, now = Date.now()): Promise<SigningKeyInfo | null> {
  const found = await activeRow(db, eventId);
  if (found) return info(found);
  return db.transaction().execute(async (trx) => {
    if (!(await lockSequence(trx, eventId))) return null;
    // Another writer may have made it while this one waited for the lock.
    const row = (await activeRow(trx, eventId)) ?? (await insertKey(trx, eventId, kek, now));
    return info(row);
  });
}

/** A new active key; the one it replaces stays published as `verify`. Null for an unknown event. */
export async function rotateKey(db: Db, eventId: string, kek: Buffer | undefined, now = Date.now()): Promise<SigningKeyInfo | null> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockSequence(trx, eventId))) return null;
    await trx.updateTable('signing_keys').set({ status: 'verify' }).where('event_id', '=', eventId).where('status', '=', 'active').execute();
    return info(await insertKey(trx, eventId, kek, now));
  });
}

export type RetireResult = { ok: true; key: SigningKeyInfo } | { ok: false; error: 'unknown_key' | 'active_key' };

/**
 * Retires a `verify` key: kiosks drop it at their next config pull and then refuse
 * codes it signed (`invalid_signature`). The active key is refused: rotate first,
 * or nothing would sign. Retiring a retired key changes nothing.
 */
export async function retireKey(db: Db, eventId: string, keyId: string, now = Date.now()): Promise<RetireResult> {
  return db.transaction().execute(async (trx): Promise<RetireResult> => {
    if (!(await lockSequence(trx, eventId))) return { ok: false, error: 'unknown_key' };
    const row = await trx.selectFrom('signing_keys').selectAll().where('event_id', '=', eventId).where('key_id', '=', keyId).executeTakeFirst();
    if (!row) return { ok: false, error: 'unknown_key' };
    if (row.status === 'active') return { ok: false, error: 'active_key' };
    if (row.status === 'retired') return { ok: true, key: info(row) };
    await trx.updateTable('signing_keys').set({ status: 'retired', retired_at: now }).where('event_id', '=', eventId).where('key_id', '=', keyId).execute();
    return { ok: true, key: info({ ...row, status: 'retired', retired_at: now }) };
  });
}

/** The active key with its secret opened (made on first need); throws SigningKeyLockedError when `kek` cannot open it. */
export async function activeSigner(db: Db, eventId: string, kek: Buffer | undefined, now = Date.now()): Promise<Signer | null> {
  if (!(await ensureActiveKey(db, eventId, kek, now))) return null;
  const row = (await activeRow(db, eventId))!;
  return { keyId: row.key_id, publicKey: row.public_key, secretKey: openSecret(row.private_key, kek, eventId, row.key_id) };
}
