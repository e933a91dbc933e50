// Kiosks and how they join: single-use, expiring pairing codes; device rows
// holding only the SHA-256 of the bearer token, looked up (briefly cached) on
// every device request; re-pairing in place of a device (its lineage); revocation;
// the heartbeat fields staff watch (last seen, outbox depth, app version, clock).

import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DeviceInfo } from '../../core/protocol';
import type { Database, DevicesTable } from '../db/schema-types';

type Db = Kysely<Database>;

/** No 0/O, 1/I/L, U: easy to read aloud and type. ~49 bits in 10 characters. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
const CODE_LENGTH = 10;

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Upper-cases and drops spaces and dashes, so `abcd-efgh-jk` matches `ABCDEFGHJK`. */
export const normalizePairingCode = (code: string) => code.toUpperCase().replace(/[\s-]+/g, '');

function newPairingCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

export async function createPairingCode(
  db: Db,
  eventId: string,
  checkpointId: string | null,
  ttlMs: number,
  now = Date.now(),
): Promise<{ code: string; expiresAt: number }> {
  const expiresAt = now + ttlMs;
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newPairingCode();
    const res = await db
      .insertInto('pairing_codes')
      .values({ code, event_id: eventId, checkpoint_id: checkpointId, created_at: now, expires_at: expiresAt, used_at: null, device_id: null })
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0n) === 1) return { code, expiresAt };
  }
  throw new Error('Could not allocate a unique pairing code');
}

export type RedeemResult =
  | { ok: true; deviceId: string; token: string; eventId: string; checkpointId: string | null; lineage?: string[] }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** The device ids whose records `device` may upload besides its own (re-pairing lineage). */
export function lineageOf(device: Pick<DevicesTable, 'lineage'>): string[] {
  if (!device.lineage) return [];
  try {
    const ids: unknown = JSON.parse(device.lineage);
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The device itself and every device it replaced: whose walk-in codes and check-ins are its own. */
export const namespacesOf = (device: Pick<DevicesTable, 'id' | 'lineage'>): string[] => [device.id, ...lineageOf(device)];

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Turns a pairing code into a device and its token, once. With `replaces` (the
 * kiosk's previous pairings) naming a device of the same event whose token it is,
 * the new device inherits that device's lineage and the old one is revoked, in the
 * same transaction: only one device at a time writes in a namespace, and only the
 * holder of the old token can claim it. A claim that does not hold is ignored (the
 * pairing itself goes on: the code was the organiser's to give).
 */
export async function redeemPairingCode(
  db: Db,
  rawCode: string,
  name: string,
  now = Date.now(),
  replaces: readonly { deviceId: string; token: string }[] = [],
): Promise<RedeemResult> {
  const code = normalizePairingCode(rawCode);
  return db.transaction().execute(async (trx): Promise<RedeemResult> => {
    const row = await trx.selectFrom('pairing_codes').selectAll().where('code', '=', code).executeTakeFirst();
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.used_at !== null) return { ok: false, reason: 'used' };
    if (Number(row.expires_at) <= now) return { ok: false, reason: 'expired' };
    const deviceId = randomUUID();
    // The guard on used_at makes a concurrent second redemption update nothing.
    const claimed = await trx
      .updateTable('pairing_codes')
      .set({ used_at: now, device_id: deviceId })
      .where('code', '=', code)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, reason: 'used' };
    const token = `tod_${randomBytes(32).toString('base64url')}`;
    let lineage: string[] | undefined;
    for (const claim of replaces) {
      const old = await trx.selectFrom('devices').selectAll().where('id', '=', claim.deviceId).executeTakeFirst();
      if (old && old.event_id === row.event_id && sameHash(old.token_hash, hashToken(claim.token))) {
        lineage = namespacesOf(old);
        forgetDevice(db, old.id);
        // Claimed once already (that pairing's answer never reached the kiosk, which is
        // why it claims again with the old token): the orphan successor goes, so one
        // device at a time writes in the namespace.
        if (old.replaced_by) {
          forgetDevice(db, old.replaced_by);
          await trx.updateTable('devices').set({ revoked: 1 }).where('id', '=', old.replaced_by).execute();
        }
        await trx
          .updateTable('devices')
          .set({ revoked: 1, replaced_by: deviceId, help_id: null, help_requested_at: null })
          .where('id', '=', old.id)
          .execute();
        break;
      }
    }
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        event_id: row.event_id,
        name,
        token_hash: hashToken(token),
        checkpoint_id: row.checkpoint_id,
        revoked: 0,
        created_at: now,
        last_seen_at: now,
        last_sync_at: null,
        outbox_depth: null,
        app_version: null,
        clock_offset_ms: null,
        lineage: lineage ? JSON.stringify(lineage) : null,
      })
      .execute();
    for (const claim of replaces) forgetDevice(db, claim.deviceId);
    return { ok: true, deviceId, token, eventId: row.event_id, checkpointId: row.checkpoint_id, ...(lineage ? { lineage } : {}) };
  });
}

// Every device request looks its token up. On PostgreSQL that query was a
// third of an upload's cost (both sides), so rows found are kept briefly, per
// database. Writes made through this module update or drop the copy at once;
// a change made by another process (the CLI's revoke, another server replica
// on the same PostgreSQL) is seen within DEVICE_CACHE_MS: a copy expires that
// long after its query was *sent*, so it can never outlive a revocation that
// committed after the read by more than that (the query's own duration, which
// could be long on a busy database, does not extend it). Unknown tokens are
// never cached.
const DEVICE_CACHE_MS = 2_000;

interface DeviceCache {
  rows: Map<string, { row: DevicesTable; until: number }>;
  /** Bumped by every write: a lookup that raced one does not cache what it read. */
  generation: number;
}
const deviceCaches = new WeakMap<Db, DeviceCache>();

function cacheOf(db: Db): DeviceCache {
  let cache = deviceCaches.get(db);
  if (!cache) deviceCaches.set(db, (cache = { rows: new Map(), generation: 0 }));
  return cache;
}

/** Drops the cached copies of a device: call before and after writing its row. */
function forgetDevice(db: Db, deviceId: string): void {
  const cache = cacheOf(db);
  cache.generation++;
  for (const [hash, e] of cache.rows) if (e.row.id === deviceId) cache.rows.delete(hash);
}

export async function findDeviceByToken(db: Db, token: string): Promise<DevicesTable | undefined> {
  const hash = hashToken(token);
  const cache = cacheOf(db);
  const hit = cache.rows.get(hash);
  if (hit && hit.until > performance.now()) return hit.row;
  const generation = cache.generation;
  const asked = performance.now();
  const row = await db.selectFrom('devices').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  const t = performance.now();
  if (!row) cache.rows.delete(hash);
  else if (generation === cache.generation && t < asked + DEVICE_CACHE_MS) {
    if (cache.rows.size >= 10_000) for (const [h, e] of cache.rows) if (e.until <= t) cache.rows.delete(h);
    cache.rows.set(hash, { row, until: asked + DEVICE_CACHE_MS });
  }
  return row;
}

/** Marks the device seen; skipped when it was seen less than `minGapMs` ago (saves a write per pull). */
export async function touchDevice(db: Db, device: DevicesTable, now = Date.now(), minGapMs = 10_000): Promise<void> {
  if (device.last_seen_at !== null && now - Number(device.last_seen_at) < minGapMs) return;
  await db.updateTable('devices').set({ last_seen_at: now }).where('id', '=', device.id).execute();
  // The row may be the cached copy: the next request of this device then skips the write too.
  device.last_seen_at = now;
}

export interface HeartbeatFields {
  outboxDepth: number;
  lastSyncAt: number | null;
  appVersion: string;
  clockOffsetMs: number;
  checkpointId?: string | null;
}

export async function recordHeartbeat(db: Db, deviceId: string, f: HeartbeatFields, now = Date.now()): Promise<void> {
  forgetDevice(db, deviceId);
  await db
    .updateTable('devices')
    .set({
      last_seen_at: now,
      outbox_depth: f.outboxDepth,
      last_sync_at: f.lastSyncAt,
      app_version: f.appVersion,
      clock_offset_ms: f.clockOffsetMs,
      ...(f.checkpointId !== undefined ? { checkpoint_id: f.checkpointId } : {}),
    })
    .where('id', '=', deviceId)
    .execute();
  forgetDevice(db, deviceId);
}

/** True when the device existed (revoking twice is fine). */
export async function revokeDevice(db: Db, deviceId: string): Promise<boolean> {
  forgetDevice(db, deviceId);
  const res = await db.updateTable('devices').set({ revoked: 1 }).where('id', '=', deviceId).executeTakeFirst();
  forgetDevice(db, deviceId);
  return Number(res.numUpdatedRows) === 1;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function deviceInfo(r: DevicesTable): DeviceInfo {
  return {
    id: r.id,
    eventId: r.event_id,
    name: r.name,
    checkpointId: r.checkpoint_id,
    pairedAt: new Date(Number(r.created_at)).toISOString(),
    lastSeenAt: iso(r.last_seen_at),
    lastSyncAt: iso(r.last_sync_at),
    outboxDepth: r.outbox_depth === null ? null : Number(r.outbox_depth),
    appVersion: r.app_version,
    clockOffsetMs: r.clock_offset_ms === null ? null : Number(r.clock_offset_ms),
    revoked: Number(r.revoked) === 1,
    ...(r.assigned_checkpoint_id !== null && r.assigned_checkpoint_id !== undefined ? { assignedCheckpointId: r.assigned_checkpoint_id } : {}),
    ...(r.help_id && r.help_requested_at !== null ? { help: { id: r.help_id, requestedAt: iso(r.help_requested_at)! } } : {}),
    ...(r.replaced_by ? { replacedBy: r.replaced_by } : {}),
    ...(lineageOf(r)[0] !== undefined ? { replaces: lineageOf(r)[0] } : {}),
  };
}

export async function getDevice(db: Db, deviceId: string): Promise<DeviceInfo | null> {
  const r = await db.selectFrom('devices').selectAll().where('id', '=', deviceId).executeTakeFirst();
  return r ? deviceInfo(r) : null;
}

/**
 * Renames a desk and/or moves it to another checkpoint (console). A move sets
 * the assigned checkpoint and also the reported one, so lists show it at once;
 * the kiosk's next heartbeat reports where it really is. False: no such device.
 */
export async function updateDevice(db: Db, deviceId: string, patch: { name?: string; checkpointId?: string }, now = Date.now()): Promise<boolean> {
  forgetDevice(db, deviceId);
  const res = await db
    .updateTable('devices')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.checkpointId !== undefined
        ? { assigned_checkpoint_id: patch.checkpointId, assigned_at: now, checkpoint_id: patch.checkpointId }
        : {}),
    })
    .where('id', '=', deviceId)
    .executeTakeFirst();
  forgetDevice(db, deviceId);
  return Number(res.numUpdatedRows) === 1;
}

export async function listDevices(db: Db, eventId?: string): Promise<DeviceInfo[]> {
  let q = db.selectFrom('devices').selectAll().orderBy('event_id').orderBy('name').orderBy('id');
  if (eventId) q = q.where('event_id', '=', eventId);
  return (await q.execute()).map(deviceInfo);
}

export async function deviceNames(db: Db, eventId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('devices').select(['id', 'name']).where('event_id', '=', eventId).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
