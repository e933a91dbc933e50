// The kiosk's replica of upstream: each pulled page is written together with its
// cursor in ONE transaction (a crash resumes from the last committed page), the
// event config with its ETag, and the two resets — pairing to an event (drop the
// old roster) and revocation (wipe personal data, keep unsent check-ins).
import type { CheckIn, SyncState, Ticket } from '../../core/model';
import type { EventConfig, TurnoutDb } from './db';
import { rosterIsEmpty, writeTickets } from './roster-store';
import { holdPending, releaseHeld } from './held';
import { cursorKey, getCursor, SYNC_META, type Pairing, type RevokedMark } from './sync-meta';

/**
 * One pass of the tickets pull. `seen` is kept only for a fresh run, one that
 * started from cursor 0 into an empty roster: a code can then only be stored if
 * this run wrote it already (`seen`: updated on the server meanwhile) or a desk
 * wrote it outside the pull (roster-store.ts `local` chunks), so the rest skip
 * the per-code lookup. A run resumed after a crash is not fresh: it looks every
 * code up.
 */
export interface TicketsRun {
  seen?: Set<string>;
}

export async function startTicketsRun(db: TurnoutDb): Promise<TicketsRun> {
  const fresh = (await getCursor(db, 'tickets')) === 0 && (await rosterIsEmpty(db));
  return fresh ? { seen: new Set() } : {};
}

/**
 * Upserts a page of pulled tickets (tombstones included, stored as such) and moves
 * the cursor, in one transaction: the cursor never passes a row that is not
 * committed, so a crash resumes from the last committed page. A stored copy with a
 * higher seq (refreshed by an online decision) is kept.
 */
export async function applyTicketsPage(db: TurnoutDb, tickets: Ticket[], next: number, run: TicketsRun = {}): Promise<void> {
  await db.transaction('rw', db.roster, db.meta, () =>
    // Issued together: the cursor's put need not wait a round trip behind the rows.
    Promise.all([
      tickets.length ? writeTickets(db, tickets, { rule: 'newer', source: 'pull', maybeStored: run.seen }) : 0,
      db.meta.put({ key: cursorKey('tickets'), value: next }),
    ]),
  );
  for (const t of tickets) run.seen?.add(t.code);
}

export interface CheckinsApplied {
  /** This kiosk's own rows echoed back (state refreshed, never re-queued). */
  own: number;
  /** Other desks' rows added. */
  others: number;
}

/**
 * Stores a page of every device's check-ins and moves the cursor. A row we already
 * hold (our own, echoed back) only takes the server's state: it is on the server,
 * so it leaves the outbox if it was still pending, and a later `conflict` re-mark
 * is kept. Other desks' rows are added acknowledged (never in the outbox).
 */
export async function applyCheckinsPage(
  db: TurnoutDb,
  items: (Omit<CheckIn, 'syncState'> & { status: 'stored' | 'conflict' })[],
  next: number,
): Promise<CheckinsApplied> {
  return db.transaction('rw', db.checkins, db.meta, async () => {
    const out: CheckinsApplied = { own: 0, others: 0 };
    if (items.length) {
      const local = await db.checkins.bulkGet(items.map((c) => c.id));
      const added: CheckIn[] = [];
      const updates: { key: string; changes: { syncState: SyncState } }[] = [];
      items.forEach((item, i) => {
        const { status, ...rest } = item;
        const have = local[i];
        if (have) {
          out.own++;
          if (have.syncState !== status) updates.push({ key: have.id, changes: { syncState: status } });
        } else {
          out.others++;
          added.push({ ...rest, syncState: status });
        }
      });
      if (added.length) await db.checkins.bulkPut(added);
      if (updates.length) await db.checkins.bulkUpdate(updates);
    }
    await db.meta.put({ key: cursorKey('checkins'), value: next });
    return out;
  });
}

export interface ServerConfig extends EventConfig {
  signingKeys: { keyId: string; publicKey: string }[];
  /** Protocol features the server announced; absent from servers that predate them. */
  features?: string[];
}

/** Replaces the event config (and signing keys) and remembers its ETag, atomically. */
export async function applyConfig(db: TurnoutDb, config: ServerConfig, etag: string | null): Promise<void> {
  const { signingKeys, features, ...eventConfig } = config;
  await db.transaction('rw', db.config, db.meta, async () => {
    await db.config.put({ key: 'current', ...eventConfig });
    await db.meta.put({ key: SYNC_META.signingKeys, value: signingKeys });
    await db.meta.put({ key: SYNC_META.features, value: features ?? [] });
    if (etag) await db.meta.put({ key: SYNC_META.configEtag, value: etag });
    else await db.meta.delete(SYNC_META.configEtag);
  });
}

/** Drops every acknowledged check-in and the roster: what another event's (or the demo's) data was. */
async function dropReplica(db: TurnoutDb): Promise<void> {
  await db.roster.clear();
  await db.checkins.where('syncState').noneOf(['pending', 'held']).delete();
  await db.voids.where('syncState').noneOf(['pending', 'held']).delete();
  await db.meta.bulkDelete([
    SYNC_META.cursorTickets, SYNC_META.cursorCheckins, SYNC_META.cursorVoids, SYNC_META.configEtag, SYNC_META.quarantine,
    `${SYNC_META.recordQuarantine}.voids`, `${SYNC_META.recordQuarantine}.walk-ins`, SYNC_META.features,
  ]);
}

/**
 * Stores a fresh pairing. A kiosk new to this event (unpaired, demo data, or paired
 * to another event) first drops the old roster, config, cursors and acknowledged
 * check-ins. Unsent records of the same event are kept and will be uploaded; those
 * of another event the kiosk was paired to are held for it (storage/held.ts), and
 * records held for this event come back to the outbox. The pairing link's
 * checkpoint becomes the desk's session.
 */
export async function savePairing(db: TurnoutDb, pairing: Pairing, now = new Date()): Promise<SavedPairing> {
  return db.transaction('rw', [db.roster, db.checkins, db.voids, db.walkins, db.config, db.meta], async () => {
    const previous = (await db.meta.get(SYNC_META.pairing))?.value as Pairing | undefined;
    const revoked = (await db.meta.get(SYNC_META.revoked))?.value as RevokedMark | undefined;
    const sameEvent = previous !== undefined && previous.eventId === pairing.eventId && previous.server === pairing.server;
    // The pairing being left: the live one, else the revoked one (when it knew its event).
    const left = previous ?? (revoked?.eventId ? { ...revoked, eventId: revoked.eventId } : undefined);
    let held = 0;
    if (left && (left.eventId !== pairing.eventId || left.server !== pairing.server)) {
      // Unsent records of another event never go to this one: held, not dropped.
      const config = await db.config.get('current');
      held = await holdPending(
        db,
        {
          server: left.server,
          eventId: left.eventId,
          deviceId: left.deviceId,
          token: left.token ?? '',
          ...(config && config.event.id === left.eventId ? { eventName: config.event.name } : {}),
        },
        now,
      );
    }
    const released = await releaseHeld(db, pairing);
    if (!sameEvent) {
      await dropReplica(db);
      await db.config.clear();
      await db.meta.delete('session');
    }
    await db.meta.put({ key: SYNC_META.pairing, value: pairing });
    await db.meta.delete(SYNC_META.revoked);
    // `preset`: the config pull that follows applies the checkpoint's self-service flag to it.
    if (pairing.checkpointId) await db.meta.put({ key: 'session', value: { checkpointId: pairing.checkpointId, direction: 'entry', preset: true } });
    return { held, released };
  });
}

/** What savePairing did with unsent records of other events: `held` left the outbox, `released` came back to it. */
export interface SavedPairing {
  held: number;
  released: number;
}

/**
 * A revoked device: forget the token, wipe the roster's personal data (tickets and
 * every acknowledged check-in, other desks' included) and keep only this kiosk's
 * unsent check-ins, for staff to export. Returns how many were kept.
 */
export async function wipeForRevocation(db: TurnoutDb, mark: RevokedMark): Promise<number> {
  return db.transaction('rw', [db.roster, db.checkins, db.voids, db.walkins, db.config, db.meta], async () => {
    await dropReplica(db);
    await db.meta.delete(SYNC_META.pairing);
    await db.meta.put({ key: SYNC_META.revoked, value: mark });
    return db.checkins.where('syncState').equals('pending').count();
  });
}
