// Console logins (server/console/): a random cookie value per login, of which
// only the SHA-256 is stored, with its role, a CSRF token and an expiry. Kept in
// the database, not in memory, so a restart keeps organisers logged in and
// every replica on one PostgreSQL honours every session.

import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ConsoleSessionsTable, Database } from '../db/schema-types';

type Db = Kysely<Database>;
export type Role = ConsoleSessionsTable['role'];

export const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export interface NewSession {
  /** The cookie value: shown to the browser once, never stored. */
  cookie: string;
  csrf: string;
  expiresAt: number;
}

export async function createSession(db: Db, role: Role, credential: string, ttlMs: number, now: number): Promise<NewSession> {
  const cookie = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  const expiresAt = now + ttlMs;
  // Expired rows go when someone logs in: no timer, no growth.
  await db.deleteFrom('console_sessions').where('expires_at', '<=', now).execute();
  await db
    .insertInto('console_sessions')
    .values({ id_hash: sha256Hex(cookie), role, credential, csrf, created_at: now, expires_at: expiresAt })
    .execute();
  return { cookie, csrf, expiresAt };
}

/** The live session of a cookie value, or undefined (unknown or expired). */
export async function findSession(db: Db, cookie: string, now: number): Promise<ConsoleSessionsTable | undefined> {
  const row = await db.selectFrom('console_sessions').selectAll().where('id_hash', '=', sha256Hex(cookie)).executeTakeFirst();
  if (!row || Number(row.expires_at) <= now) return undefined;
  return row;
}

export async function deleteSession(db: Db, cookie: string): Promise<void> {
  await db.deleteFrom('console_sessions').where('id_hash', '=', sha256Hex(cookie)).execute();
}
