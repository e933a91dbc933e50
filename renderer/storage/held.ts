// Records held for another event: when a kiosk is paired to a different event (or
// server) while its outbox still holds check-ins, voids or walk-ins of the one it
// left, those records must never be sent to the new event (a checkpoint id the two
// share would file them under the wrong event) and must never be dropped. They
// leave the outbox as `held`, tagged with the event they belong to, stay in the
// database (exportable, counted for staff), and go back to the outbox when the
// kiosk is paired to that event again — whose pairing then claims the old device
// (`replaces`) with the token kept here. Runs inside savePairing's transaction.
import type { TurnoutDb } from './db';
import { getMeta } from './db';
import type { Pairing, Predecessor } from './sync-meta';

/** Also read by sync-meta.ts predecessors(). */
export const HELD_META = 'sync.held';

/** The pairing a batch of held records was made under, and what staff are told about it. */
export interface HeldEvent extends Predecessor {
  eventId: string;
  /** The event's name when it was left (for the notice), if the kiosk had its config. */
  eventName?: { ko: string; en: string };
  heldAt: string;
}

export type HeldEvents = Record<string, HeldEvent>;

/** The key of an event on a server: records of one event on another server are another event. */
export const heldKey = (server: string, eventId: string) => `${server} ${eventId}`;

export async function loadHeld(db: TurnoutDb): Promise<HeldEvents> {
  return (await getMeta<HeldEvents>(db, HELD_META)) ?? {};
}

export interface HeldSummary extends HeldEvent {
  checkins: number;
  voids: number;
  walkins: number;
}

/** Every event this kiosk holds records for, with their counts (oldest first). */
export async function heldSummaries(db: TurnoutDb): Promise<HeldSummary[]> {
  const held = await loadHeld(db);
  const out: HeldSummary[] = [];
  for (const [key, ev] of Object.entries(held)) {
    const of = <T extends { heldFor?: string }>(r: T) => r.heldFor === key;
    const [checkins, voids, walkins] = await Promise.all([
      db.checkins.where('syncState').equals('held').filter(of).count(),
      db.voids.where('syncState').equals('held').filter(of).count(),
      db.walkins.where('syncState').equals('held').filter(of).count(),
    ]);
    if (checkins + voids + walkins > 0) out.push({ ...ev, checkins, voids, walkins });
  }
  return out.sort((a, b) => (a.heldAt < b.heldAt ? -1 : 1));
}

/**
 * Moves every pending record out of the outbox, held for `from` (the pairing being
 * left). Returns how many records were held. Call inside a rw transaction over
 * checkins, voids, walkins and meta.
 */
export async function holdPending(db: TurnoutDb, from: Omit<HeldEvent, 'heldAt'>, now: Date): Promise<number> {
  const key = heldKey(from.server, from.eventId);
  const change = { syncState: 'held' as const, heldFor: key };
  const n =
    (await db.checkins.where('syncState').equals('pending').modify(change)) +
    (await db.voids.where('syncState').equals('pending').modify(change)) +
    (await db.walkins.where('syncState').equals('pending').modify(change));
  if (n > 0) {
    const held = await loadHeld(db);
    held[key] = { ...held[key], ...from, heldAt: now.toISOString() };
    await db.meta.put({ key: HELD_META, value: held });
  }
  return n;
}

/** Puts the records held for `pairing`'s event back in the outbox; returns how many. Same transaction rules. */
export async function releaseHeld(db: TurnoutDb, pairing: Pick<Pairing, 'server' | 'eventId'>): Promise<number> {
  const held = await loadHeld(db);
  const key = heldKey(pairing.server, pairing.eventId);
  if (!held[key]) return 0;
  const of = <T extends { heldFor?: string }>(r: T) => r.heldFor === key;
  const back = { syncState: 'pending' as const, heldFor: undefined };
  const n =
    (await db.checkins.where('syncState').equals('held').filter(of).modify(back)) +
    (await db.voids.where('syncState').equals('held').filter(of).modify(back)) +
    (await db.walkins.where('syncState').equals('held').filter(of).modify(back));
  delete held[key];
  await db.meta.put({ key: HELD_META, value: held });
  return n;
}
