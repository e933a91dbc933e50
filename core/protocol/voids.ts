// Desk records — voids (undo; added 2026-12-05, backward compatible): upload,
// pull, and the stored|duplicate upload response that walk-ins share.

import { z } from 'zod';
import { VOID_REASONS } from '../model';
import { IsoInstant, MAX_UPLOAD_ITEMS, page } from './common';

/**
 * Protocol features a server announces in `GET /v1/sync/config` (`features`). A kiosk
 * sends a kind of record only to a server that announces it; older servers ignore
 * the field's absence and older kiosks ignore the field.
 * - `voids`: `POST /v1/sync/voids`, `GET /v1/sync/voids` (undo).
 */
export const FEATURE_VOIDS = 'voids';

/** A void (undo) as uploaded; the device comes from the token and must be the one that made the check-in. */
export const VoidUpload = z.object({
  id: z.uuid(),
  checkinId: z.uuid(),
  reason: z.enum(VOID_REASONS),
  note: z.string().max(500).optional(),
  voidedAt: IsoInstant,
});
export type VoidUpload = z.infer<typeof VoidUpload>;

/** A void as pulled (every device's). */
export const VoidWire = VoidUpload.extend({ deviceId: z.string(), seq: z.number().int() });
export type VoidWire = z.infer<typeof VoidWire>;
export const VoidsPage = page(VoidWire);
export type VoidsPage = z.infer<typeof VoidsPage>;

/** `POST /v1/sync/voids`: idempotent by id → `{results:[{id, status: stored|duplicate}]}`. */
export const VoidUploadRequest = z.object({ items: z.array(VoidUpload).max(MAX_UPLOAD_ITEMS) });
export const RecordUploadResponse = z.object({
  results: z.array(z.object({ id: z.string(), status: z.enum(['stored', 'duplicate']) })),
});
export type RecordUploadResponse = z.infer<typeof RecordUploadResponse>;
