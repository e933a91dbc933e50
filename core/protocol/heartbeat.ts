// The kiosk heartbeat (`POST /v1/sync/heartbeat`): outbox depth, clock and help calls.

import { z } from 'zod';
import { IsoInstant } from './common';

/**
 * A help call from a kiosk (issue 12): its id (new for each press, so a cleared
 * call never comes back from a kiosk that had not heard yet) and when it was
 * pressed on the kiosk's clock. It travels on every heartbeat while open.
 */
export const HelpCall = z.object({
  id: z.string().min(1).max(64),
  requestedAt: IsoInstant,
});
export type HelpCall = z.infer<typeof HelpCall>;

/** `POST /v1/sync/heartbeat` */
export const HeartbeatRequest = z.object({
  outboxDepth: z.number().int().min(0),
  lastSyncAt: IsoInstant.nullable().optional(),
  appVersion: z.string().max(100),
  /** The device's clock when it sent this. */
  clock: IsoInstant,
  checkpointId: z.string().nullable().optional(),
  /**
   * The help call open on this device (its help button), or null for none (a
   * call the kiosk withdrew). Absent (older kiosks): the server's flag is unchanged.
   */
  help: HelpCall.nullable().optional(),
});
export type HeartbeatRequest = z.infer<typeof HeartbeatRequest>;
export const HeartbeatResponse = z.object({
  serverTime: IsoInstant,
  /** Rough (server − device) clock difference, ignoring network delay. */
  clockOffsetMs: z.number().int(),
  /** The id of the reported help call when staff have cleared it: the kiosk drops it. */
  helpCleared: z.string().optional(),
});

export type HeartbeatResponse = z.infer<typeof HeartbeatResponse>;
