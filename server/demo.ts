// Seeds the demo event (Industrial Complex Week 2025 at KINTEX, core/demo)
// into an empty database, so `serve --demo` gives kiosks something to pair with.
// The demo event carries a staff PIN, DEMO_STAFF_PIN, so a kiosk paired with a
// demo server opens staff mode with the PIN the e2e tests and screenshots use
// (tests/e2e/staff.spec.ts, tests/docs/screenshots.spec.ts). A real event has
// none until the organiser sets one (`staff-pin` in the CLI, or the admin API).

import type { Kysely } from 'kysely';
import { demoEvent } from '../core/demo/event';
import { demoRosterChunks } from '../core/demo/roster';
import type { Database } from './db/schema-types';
import { hashStaffPin, storeStaffPinHash, upsertEventBundle } from './repo/events';
import { importTickets } from './repo/tickets';

export const DEMO_TICKETS = 2000;
/** The demo event's staff PIN. Public on purpose: it is demo data. */
export const DEMO_STAFF_PIN = '2468';

/** Seeds when no event exists yet; returns the demo event id, or null when the database had events. */
export async function seedDemo(db: Kysely<Database>, tickets = DEMO_TICKETS): Promise<string | null> {
  const any = await db.selectFrom('events').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  await upsertEventBundle(db, { ...demoEvent, signingKeys: [] });
  await storeStaffPinHash(db, demoEvent.event.id, await hashStaffPin(DEMO_STAFF_PIN));
  for (const chunk of demoRosterChunks(tickets, 5000)) {
    await importTickets(db, demoEvent.event.id, chunk);
  }
  return demoEvent.event.id;
}
