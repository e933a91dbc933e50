// Events with their programmes, checkpoints and signing keys (the server's own,
// server/signing/keys.ts, and any an organiser listed for another issuer): the admin
// upsert and the kiosk config (DESIGN.md "Data model"). A bundle replaces the
// event's programme and checkpoint lists; check-ins keep their checkpoint ids.
// Also the event's staff PIN, kept as the salted PBKDF2 hash kiosks adopt from
// the config and verify offline; a bundle upsert leaves it alone.

import { pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import { PinSchema } from '../../core/kiosk-api';
import type { Checkpoint, EventInfo, Programme } from '../../core/model';
import { STAFF_PIN_ITERATIONS, StaffPinHash, type EventBundle, type SigningKey } from '../../core/protocol';
import type { CheckpointsTable, Database, ProgrammesTable } from '../db/schema-types';
import { ensureSequence } from '../db/seq';
import { ownKeyIds, publishedKeys } from '../signing/keys';

type Db = Kysely<Database>;

const json = (v: unknown) => JSON.stringify(v);
const parse = <T>(v: string): T => JSON.parse(v) as T;

function programmeFromRow(r: ProgrammesTable): Programme {
  return {
    id: r.id,
    eventId: r.event_id,
    name: { ko: r.name_ko, en: r.name_en },
    region: r.region,
    venue: r.venue,
    days: parse<string[]>(r.days),
  };
}

export function checkpointFromRow(r: CheckpointsTable): Checkpoint {
  const cp: Checkpoint = {
    id: r.id,
    eventId: r.event_id,
    name: { ko: r.name_ko, en: r.name_en },
    rule: r.rule as Checkpoint['rule'],
    mode: r.mode as Checkpoint['mode'],
  };
  if (r.categories !== null) cp.categories = parse(r.categories);
  if (r.programmes !== null) cp.programmes = parse(r.programmes);
  if (r.hours !== null) cp.hours = parse(r.hours);
  if (r.day_start !== null) cp.dayStart = r.day_start;
  if (r.max_admissions !== null) cp.maxAdmissions = Number(r.max_admissions);
  if (r.no_reentry !== null && Number(r.no_reentry) !== 0) cp.noReentry = true;
  if (r.self_service !== null && Number(r.self_service) !== 0) cp.selfService = true;
  return cp;
}

/** Creates or updates an event; programmes and checkpoints not in the bundle are removed. */
export async function upsertEventBundle(db: Db, bundle: EventBundle, now = Date.now()): Promise<void> {
  const { event } = bundle;
  await db.transaction().execute(async (trx) => {
    // Keys the server made are published from signing_keys: a bundle sent back by
    // the console carries them, and storing them here would bring a retired one back.
    const own = await ownKeyIds(trx, event.id);
    const external = (bundle.signingKeys ?? []).filter((k) => !own.has(k.keyId));
    await trx
      .insertInto('events')
      .values({
        id: event.id,
        name_ko: event.name.ko,
        name_en: event.name.en,
        time_zone: event.timeZone,
        days: json(event.days),
        signing_keys: json(external),
        retain_until: event.retainUntil ?? null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name_ko: eb.ref('excluded.name_ko'),
          name_en: eb.ref('excluded.name_en'),
          time_zone: eb.ref('excluded.time_zone'),
          days: eb.ref('excluded.days'),
          signing_keys: eb.ref('excluded.signing_keys'),
          retain_until: eb.ref('excluded.retain_until'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    await ensureSequence(trx, event.id);

    await trx.deleteFrom('programmes').where('event_id', '=', event.id).execute();
    if (bundle.programmes.length) {
      await trx
        .insertInto('programmes')
        .values(
          bundle.programmes.map((p, i) => ({
            event_id: event.id,
            id: p.id,
            name_ko: p.name.ko,
            name_en: p.name.en,
            region: p.region,
            venue: p.venue,
            days: json(p.days),
            sort: i,
          })),
        )
        .execute();
    }
    await trx.deleteFrom('checkpoints').where('event_id', '=', event.id).execute();
    if (bundle.checkpoints.length) {
      await trx
        .insertInto('checkpoints')
        .values(
          bundle.checkpoints.map((c, i) => ({
            event_id: event.id,
            id: c.id,
            name_ko: c.name.ko,
            name_en: c.name.en,
            rule: c.rule,
            mode: c.mode,
            categories: c.categories ? json(c.categories) : null,
            programmes: c.programmes ? json(c.programmes) : null,
            hours: c.hours ? json(c.hours) : null,
            sort: i,
            day_start: c.dayStart ?? null,
            max_admissions: c.maxAdmissions ?? null,
            no_reentry: c.noReentry ? 1 : null,
            self_service: c.selfService ? 1 : null,
          })),
        )
        .execute();
    }
  });
}

export async function getEventInfo(db: Db, eventId: string): Promise<EventInfo | null> {
  const r = await db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!r) return null;
  return { id: r.id, name: { ko: r.name_ko, en: r.name_en }, timeZone: r.time_zone, days: parse(r.days), ...(r.retain_until ? { retainUntil: r.retain_until } : {}) };
}

export async function getEventBundle(db: Db, eventId: string): Promise<EventBundle | null> {
  const r = await db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!r) return null;
  const [programmes, checkpoints, own, ownIds] = await Promise.all([
    db.selectFrom('programmes').selectAll().where('event_id', '=', eventId).orderBy('sort').execute(),
    db.selectFrom('checkpoints').selectAll().where('event_id', '=', eventId).orderBy('sort').execute(),
    publishedKeys(db, eventId),
    ownKeyIds(db, eventId),
  ]);
  return {
    event: { id: r.id, name: { ko: r.name_ko, en: r.name_en }, timeZone: r.time_zone, days: parse(r.days), ...(r.retain_until ? { retainUntil: r.retain_until } : {}) },
    programmes: programmes.map(programmeFromRow),
    checkpoints: checkpoints.map(checkpointFromRow),
    // The server's own keys, then any an organiser set in the bundle for another issuer.
    signingKeys: [...own, ...parse<SigningKey[]>(r.signing_keys).filter((k) => !ownIds.has(k.keyId))],
  };
}

export async function listEventBundles(db: Db): Promise<EventBundle[]> {
  const ids = await db.selectFrom('events').select('id').orderBy('id').execute();
  const bundles = await Promise.all(ids.map((r) => getEventBundle(db, r.id)));
  return bundles.filter((b): b is EventBundle => b !== null);
}

export async function getCheckpoints(db: Db, eventId: string): Promise<Map<string, Checkpoint>> {
  const rows = await db.selectFrom('checkpoints').selectAll().where('event_id', '=', eventId).execute();
  return new Map(rows.map((r) => [r.id, checkpointFromRow(r)]));
}

const pbkdf2Async = promisify(pbkdf2);

/**
 * A staff PIN hashed the way the kiosk checks it with WebCrypto: PBKDF2 over
 * the PIN's UTF-8 bytes, HMAC-SHA256, 16-byte random salt, 32-byte key, base64.
 * Throws on a PIN that is not 4–12 digits.
 */
export async function hashStaffPin(pin: string, iterations = STAFF_PIN_ITERATIONS, now = Date.now()): Promise<StaffPinHash> {
  PinSchema.parse(pin);
  const salt = randomBytes(16);
  // Async: the ~0.3 s of hashing runs on libuv's pool, not the event loop serving kiosks.
  const key = await pbkdf2Async(Buffer.from(pin, 'utf8'), salt, iterations, 32, 'sha256');
  return { alg: 'PBKDF2-SHA256', iterations, salt: salt.toString('base64'), hash: key.toString('base64'), setAt: new Date(now).toISOString() };
}

/** The event's staff PIN hash, or undefined when none is set (or the stored one is unreadable). */
export async function getStaffPinHash(db: Db, eventId: string): Promise<StaffPinHash | undefined> {
  const r = await db.selectFrom('events').select('staff_pin').where('id', '=', eventId).executeTakeFirst();
  if (!r?.staff_pin) return undefined;
  const parsed = StaffPinHash.safeParse(parse(r.staff_pin));
  return parsed.success ? parsed.data : undefined;
}

/** Sets (hash given) or clears (null) the event's staff PIN; false when there is no such event. */
export async function storeStaffPinHash(db: Db, eventId: string, hash: StaffPinHash | null, now = Date.now()): Promise<boolean> {
  const res = await db
    .updateTable('events')
    .set({ staff_pin: hash ? json(hash) : null, updated_at: now })
    .where('id', '=', eventId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
