// Pairing a kiosk with the server (`POST /v1/devices/pair`, re-pairing lineage)
// and the organiser's pairing codes.

import { z } from 'zod';
import { IsoInstant } from './common';

/**
 * `POST /v1/devices/pair`. `replaces` (optional, 2026-12-06): the pairings this kiosk
 * held before (device id and bearer token, even a revoked one). When such a device
 * belongs to the code's event and the token is its own, the new device inherits its
 * namespaces (walk-in codes `W-<old id>-n`, voids of its check-ins) and the old one is
 * revoked; otherwise the pairing goes on without the link. Servers before it ignore it.
 */
export const PairReplaces = z.object({ deviceId: z.string().min(1).max(100), token: z.string().min(1).max(200) });
export type PairReplaces = z.infer<typeof PairReplaces>;
export const PairRequest = z.object({
  code: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  /** Candidates, most recent first (a kiosk may hold records of earlier pairings): the first that holds is linked. */
  replaces: z.array(PairReplaces).max(8).optional(),
});
export type PairRequest = z.infer<typeof PairRequest>;
export const PairResponse = z.object({
  deviceId: z.string(),
  token: z.string(),
  eventId: z.string(),
  checkpointId: z.string().nullable(),
  /**
   * Every device id whose records this device may now upload besides its own (the
   * replaced device first), when `replaces` was accepted; absent when there was none to
   * accept (or from a server that predates it).
   */
  lineage: z.array(z.string()).optional(),
});
export type PairResponse = z.infer<typeof PairResponse>;

/**
 * `POST /v1/admin/events/:id/pairing-codes`. `ttlSeconds` (optional, 1 min–24 h) outlives
 * the server's default for printed sheets of pairing QRs handed out before the doors open.
 */
export const PairingCodeRequest = z.object({
  checkpointId: z.string().min(1).optional(),
  ttlSeconds: z.number().int().min(60).max(86_400).optional(),
});
/** `link`: a pairing link (core/pairing-link.ts) — legacy, or v1 with several servers and the server key's pin `fp`. */
export const PairingCode = z.object({ code: z.string(), link: z.string(), expiresAt: IsoInstant });
export type PairingCode = z.infer<typeof PairingCode>;
