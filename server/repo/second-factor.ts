// The server's side of the self-service second factor (core/second-factor.ts):
// each event's random secret, made on the first import that needs it and kept
// in `events.factor_secret`, and the marks that the event's roster carries phone
// or birth-date hashes. Paired kiosks get both in their config (routes/sync.ts) so they hash
// typed digits exactly as the importer did; the admin API never shows them.

import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { factorSalt } from '../../core/second-factor';
import type { Database } from '../db/schema-types';

type Db = Kysely<Database>;

/** The salt of `eventId`'s phone hashes, its secret made (once, race-safe) on first use. */
export async function eventFactorSalt(db: Db, eventId: string): Promise<string> {
  // Only fills an empty secret: of two imports racing here, the first write wins and both read it back.
  await db
    .updateTable('events')
    .set({ factor_secret: randomBytes(16).toString('hex') })
    .where('id', '=', eventId)
    .where('factor_secret', 'is', null)
    .execute();
  const r = await db.selectFrom('events').select('factor_secret').where('id', '=', eventId).executeTakeFirstOrThrow();
  return factorSalt(eventId, r.factor_secret!);
}

async function anyLive(db: Db, eventId: string, column: 'factor_hash' | 'birth_hash'): Promise<boolean> {
  const hit = await db
    .selectFrom('tickets')
    .select('code')
    .where('event_id', '=', eventId)
    .where(column, 'is not', null)
    .where('status', '!=', 'deleted')
    .limit(1)
    .executeTakeFirst();
  return Boolean(hit);
}

/** After an import: whether any live ticket of the event now carries a phone hash, and a birth-date hash. */
export async function refreshFactors(db: Db, eventId: string): Promise<{ phone: boolean; birth: boolean }> {
  const [phone, birth] = [await anyLive(db, eventId, 'factor_hash'), await anyLive(db, eventId, 'birth_hash')];
  await db.updateTable('events').set({ phone_factor: phone ? 1 : 0, birth_factor: birth ? 1 : 0 }).where('id', '=', eventId).execute();
  return { phone, birth };
}

/** What the kiosk config carries: the secret (when made) and which factors the roster has hashes of. */
export async function configFactor(db: Db, eventId: string): Promise<{ factorSecret?: string; phoneFactor: boolean; birthFactor: boolean }> {
  const r = await db.selectFrom('events').select(['factor_secret', 'phone_factor', 'birth_factor']).where('id', '=', eventId).executeTakeFirst();
  return {
    ...(r?.factor_secret ? { factorSecret: r.factor_secret } : {}),
    phoneFactor: Number(r?.phone_factor ?? 0) === 1,
    birthFactor: Number(r?.birth_factor ?? 0) === 1,
  };
}
