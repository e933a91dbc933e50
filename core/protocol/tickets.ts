// Tickets as kiosks pull them (`GET /v1/sync/tickets`): the wire shape and its page.

import { z } from 'zod';
import { Category, IsoInstant, TicketStatus, page } from './common';

/** A ticket as pulled. Tombstones are tickets with status `revoked` or `deleted`. */
export const TicketWire = z.object({
  code: z.string(),
  name: z.string(),
  company: z.string(),
  category: Category,
  programmes: z.array(z.string()),
  validFrom: IsoInstant.optional(),
  validUntil: IsoInstant.optional(),
  status: TicketStatus,
  note: z.string().optional(),
  seq: z.number().int(),
  /**
   * Added 2026-12 (issue 12; optional, backward compatible): the self-service second
   * factor, HMAC of the phone's last four digits under the config's `factorSecret`
   * (core/second-factor.ts), never the digits. Absent: the ticket has none.
   */
  factorHash: z.string().max(200).optional(),
  /**
   * Added 2026-12 (issue 12; optional, backward compatible): HMAC of the birth date
   * as YYMMDD under the same salt, prefix `birth6:` (core/birth-date.ts); never the
   * date. Absent: the ticket has none. A kiosk before it drops it.
   */
  birthHash: z.string().max(200).optional(),
});
export type TicketWire = z.infer<typeof TicketWire>;

export const TicketsPage = page(TicketWire);
export type TicketsPage = z.infer<typeof TicketsPage>;
