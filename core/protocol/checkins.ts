// Check-ins: upload from a desk, pull of every device's, and online-mode decide
// (`POST /v1/sync/checkins`, `GET /v1/sync/checkins`, `POST /v1/sync/decide`).

import { z } from 'zod';
import { BadgeMark, Direction, IsoInstant, MAX_UPLOAD_ITEMS, RejectReason, page } from './common';
import { dayKey, id } from './fields';
import { TicketWire } from './tickets';

export const OverrideWire = z.object({ by: z.string().min(1).max(100), reason: z.string().min(1).max(500) });

/** A check-in as uploaded; the device comes from the token. */
export const CheckinUpload = z.object({
  id: z.uuid(),
  code: z.string().min(1).max(2000),
  checkpointId: id,
  direction: Direction,
  verdict: z.enum(['accepted', 'rejected']),
  reason: RejectReason.optional(),
  scannedAt: IsoInstant,
  clockOffsetMs: z.number().int().optional(),
  override: OverrideWire.optional(),
  /** `printed` | `reprint`: a badge was printed with this check-in (optional; see core/model BadgeMark). */
  badge: BadgeMark.optional(),
});
export type CheckinUpload = z.infer<typeof CheckinUpload>;

/** `conflict`: a second admission of a `once` / `once_per_day` ticket at one checkpoint — kept, flagged. */
export const StoredStatus = z.enum(['stored', 'conflict']);

/** A check-in as pulled (every device's). `day` is its venue-local day. */
export const CheckinWire = CheckinUpload.extend({
  deviceId: z.string(),
  day: dayKey,
  status: StoredStatus,
  seq: z.number().int(),
});
export type CheckinWire = z.infer<typeof CheckinWire>;

export const CheckinsPage = page(CheckinWire);
export type CheckinsPage = z.infer<typeof CheckinsPage>;

/** `POST /v1/sync/checkins` */
export const UploadRequest = z.object({ items: z.array(CheckinUpload).max(MAX_UPLOAD_ITEMS) });
export type UploadRequest = z.infer<typeof UploadRequest>;
export const UploadStatus = z.enum(['stored', 'duplicate', 'conflict']);
export type UploadStatus = z.infer<typeof UploadStatus>;
export const UploadResponse = z.object({ results: z.array(z.object({ id: z.string(), status: UploadStatus })) });
export type UploadResponse = z.infer<typeof UploadResponse>;

/** `POST /v1/sync/decide`: online mode. The server decides, under a lock, and records the check-in. */
export const DecideRequest = z.object({
  id: z.uuid(),
  code: z.string().min(1).max(2000),
  checkpointId: id,
  direction: Direction.default('entry'),
  /** Device time of the scan; the server's clock is used for the rules. */
  scannedAt: IsoInstant.optional(),
  clockOffsetMs: z.number().int().optional(),
  /**
   * This desk prints a badge on admission: the server records `badge: "printed"`
   * on an admitted entry when no check-in of the ticket has a badge mark yet.
   * Optional (added in v1 without a bump); a server before it ignores it.
   */
  printsBadge: z.boolean().optional(),
});
export type DecideRequest = z.infer<typeof DecideRequest>;
export const DecideResponse = z.object({
  id: z.string(),
  verdict: z.enum(['accepted', 'rejected']),
  reason: RejectReason.optional(),
  attention: z.string().optional(),
  /** `duplicate` when this id was decided before: the stored verdict is returned again. */
  status: UploadStatus,
  ticket: TicketWire.nullable(),
  /** The check-in as recorded upstream. */
  checkin: CheckinWire,
});
export type DecideResponse = z.infer<typeof DecideResponse>;
