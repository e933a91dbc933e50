// Walk-ins upstream (feature `walkins`): a desk's registration, idempotent by the
// kiosk-made id, stored with its consents and turned into a ticket of the event
// with a new seq, so every kiosk pulls it with the tickets cursor. The code must be
// one the uploading device issues (`W-<deviceId>-<n>`, core/walkin.ts; or one a
// device it replaced at re-pairing issued) and must not
// be taken; otherwise the upload is refused whole. The same person registered at
// two desks offline is stored twice (each desk printed a badge) and the later one
// flagged `duplicate_of` the earlier, for the organiser to settle.

import type { Kysely, Transaction } from 'kysely';
import type { Category } from '../../core/model';
import type { RecordUploadResponse, WalkInAdmin, WalkInUpload } from '../../core/protocol';
import { retentionPassed } from '../../core/retention';
import { foldText, samePerson, walkInCounter } from '../../core/walkin';
import type { Database, WalkInsTable } from '../db/schema-types';
import { lockSequence } from '../db/seq';
import { ApiError, unprocessable } from '../errors';

type Db = Kysely<Database> | Transaction<Database>;

export function walkInFromRow(r: WalkInsTable): WalkInAdmin {
  const w: WalkInAdmin = {
    id: r.id,
    code: r.code,
    name: r.name,
    company: r.company,
    category: r.category as Category,
    programmes: JSON.parse(r.programmes) as string[],
    consents: JSON.parse(r.consents) as WalkInAdmin['consents'],
    consentText: r.consent_text,
    checkpointId: r.checkpoint_id,
    checkinId: r.checkin_id,
    registeredAt: r.registered_at,
    deviceId: r.device_id,
    possibleDuplicateOf: r.duplicate_of,
    purgedAt: r.purged_at === null ? null : new Date(Number(r.purged_at)).toISOString(),
  };
  if (r.phone !== null) w.phone = r.phone;
  return w;
}

/** Every walk-in of the event, oldest registration first (organiser list). */
export async function listWalkIns(db: Db, eventId: string): Promise<WalkInAdmin[]> {
  const rows = await db.selectFrom('walkins').selectAll().where('event_id', '=', eventId).orderBy('registered_at').orderBy('id').execute();
  return rows.map(walkInFromRow);
}

/** The walk-ins behind `codes`, by code (exports). */
export async function walkInsOf(db: Db, eventId: string, codes: readonly string[]): Promise<Map<string, WalkInsTable>> {
  const out = new Map<string, WalkInsTable>();
  const wanted = codes.filter((c) => c.startsWith('W-'));
  for (let i = 0; i < wanted.length; i += 1000) {
    const part = wanted.slice(i, i + 1000);
    for (const r of await db.selectFrom('walkins').selectAll().where('event_id', '=', eventId).where('code', 'in', part).execute()) out.set(r.code, r);
  }
  return out;
}

export interface WalkInScope {
  eventId: string;
  deviceId: string;
  timeZone: string;
  retainUntil?: string;
  checkpoints: ReadonlySet<string>;
  /** The device and those it replaced at pairing (devices.ts namespacesOf); default: the device alone. */
  namespaces?: readonly string[];
}

/**
 * Stores one device's walk-ins and their tickets in one transaction holding the
 * event's sequence lock. A walk-in arriving after the event's retention date is
 * stored without its personal data (the ticket keeps its code and category).
 */
export async function storeWalkIns(
  db: Kysely<Database>,
  scope: WalkInScope,
  items: WalkInUpload[],
  now: number,
): Promise<RecordUploadResponse['results']> {
  if (items.length === 0) return [];
  for (const item of items) {
    if (!(scope.namespaces ?? [scope.deviceId]).some((id) => walkInCounter(item.code, id) !== undefined)) {
      throw unprocessable(`Walk-in code ${item.code} is not one this device issues (W-${scope.deviceId}-<n>); nothing was stored`, 'foreign_code');
    }
    if (!scope.checkpoints.has(item.checkpointId)) {
      throw unprocessable(`Unknown checkpoint ${item.checkpointId}; nothing was stored`, 'unknown_checkpoint');
    }
  }
  const purge = retentionPassed(scope.retainUntil, scope.timeZone, now);
  return db.transaction().execute(async (trx) => {
    const seq = await lockSequence(trx, scope.eventId);
    if (!seq) throw new ApiError(410, 'event_gone', `Event ${scope.eventId} no longer exists`);
    const ids = [...new Set(items.map((i) => i.id))];
    const codes = [...new Set(items.map((i) => i.code))];
    const keys = [...new Set(items.map((i) => foldText(i.name)))];
    const [byId, byCode, tickets, sameName] = await Promise.all([
      trx.selectFrom('walkins').select(['id', 'code']).where('id', 'in', ids).execute(),
      trx.selectFrom('walkins').select(['id', 'code']).where('event_id', '=', scope.eventId).where('code', 'in', codes).execute(),
      trx.selectFrom('tickets').select('code').where('event_id', '=', scope.eventId).where('code', 'in', codes).execute(),
      trx
        .selectFrom('walkins')
        .select(['code', 'name', 'company', 'phone', 'registered_at', 'id'])
        .where('event_id', '=', scope.eventId)
        .where('name_key', 'in', keys)
        .where('purged_at', 'is', null)
        .execute(),
    ]);
    const known = new Map(byId.map((r) => [r.id, r.code]));
    const codeOwner = new Map(byCode.map((r) => [r.code, r.id]));
    const ticketCodes = new Set(tickets.map((t) => t.code));
    // A code already taken by another walk-in or a roster ticket: the desk's counter
    // went back (a restored database) or a roster reused the prefix. Refused whole.
    for (const item of items) {
      if (known.has(item.id)) continue;
      const owner = codeOwner.get(item.code);
      if ((owner !== undefined && owner !== item.id) || (owner === undefined && ticketCodes.has(item.code))) {
        throw unprocessable(`Walk-in code ${item.code} is already taken; nothing was stored`, 'code_taken');
      }
    }
    const earlier = sameName.map((r) => ({ ...r }));
    const rows: WalkInsTable[] = [];
    const results: RecordUploadResponse['results'] = [];
    for (const item of items) {
      if (known.has(item.id)) {
        results.push({ id: item.id, status: 'duplicate' });
        continue;
      }
      known.set(item.id, item.code);
      const twin = earlier
        .filter((e) => e.code !== item.code && samePerson(e, item))
        .sort((a, b) => (a.registered_at < b.registered_at ? -1 : a.registered_at > b.registered_at ? 1 : a.id < b.id ? -1 : 1))[0];
      const row: WalkInsTable = {
        id: item.id,
        event_id: scope.eventId,
        device_id: scope.deviceId,
        code: item.code,
        name: purge ? '' : item.name,
        company: purge ? '' : item.company,
        phone: purge ? null : (item.phone ?? null),
        category: item.category,
        programmes: JSON.stringify(item.programmes),
        consents: JSON.stringify(item.consents),
        consent_text: item.consentText,
        checkpoint_id: item.checkpointId,
        checkin_id: item.checkinId,
        registered_at: item.registeredAt,
        received_at: now,
        name_key: purge ? '' : foldText(item.name),
        duplicate_of: twin?.code ?? null,
        purged_at: purge ? now : null,
      };
      rows.push(row);
      if (!purge) earlier.push({ code: item.code, name: item.name, company: item.company, phone: item.phone ?? null, registered_at: item.registeredAt, id: item.id });
      results.push({ id: item.id, status: 'stored' });
    }
    if (rows.length) {
      await trx.insertInto('walkins').values(rows).execute();
      await trx
        .insertInto('tickets')
        .values(
          rows.map((r) => ({
            event_id: scope.eventId,
            code: r.code,
            name: r.name,
            company: r.company,
            category: r.category,
            programmes: r.programmes,
            valid_from: null,
            valid_until: null,
            status: 'valid',
            note: null,
            seq: seq.next(),
            updated_at: now,
          })),
        )
        .execute();
    }
    await seq.save();
    return results;
  });
}
