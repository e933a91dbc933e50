// Seeds the demo event (Industrial Complex Week 2025 at KINTEX, core/demo)
// into an empty database, so `serve --demo` gives kiosks something to pair with.

import type { Kysely } from 'kysely';
import { demoEvent } from '../core/demo/event';
import { demoRosterChunks } from '../core/demo/roster';
import type { Database } from './db/schema-types';
import { upsertEventBundle } from './repo/events';
import { importTickets } from './repo/tickets';

export const DEMO_TICKETS = 2000;

/** Seeds when no event exists yet; returns the demo event id, or null when the database had events. */
export async function seedDemo(db: Kysely<Database>, tickets = DEMO_TICKETS): Promise<string | null> {
  const any = await db.selectFrom('events').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  await upsertEventBundle(db, { ...demoEvent, signingKeys: [] });
  for (const chunk of demoRosterChunks(tickets, 5000)) {
    await importTickets(db, demoEvent.event.id, chunk);
  }
  return demoEvent.event.id;
}
