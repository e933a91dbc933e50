// Walk-ins (현장등록; added 2026-12-05, backward compatible): registration upload
// from a desk and the organiser's list.

import { z } from 'zod';
import { Category, IsoInstant, MAX_UPLOAD_ITEMS } from './common';
import { id } from './fields';

/**
 * Feature `walkins`: `POST /v1/sync/walkins`. A stored walk-in becomes a ticket of
 * the event with a new seq, so every kiosk (older ones too) pulls it with the
 * tickets cursor; there is no walk-in pull.
 */
export const FEATURE_WALKINS = 'walkins';

export const ConsentWire = z.object({ item: z.string().min(1).max(50), granted: z.boolean() });

/**
 * A walk-in as uploaded by the desk that registered it; the device comes from the
 * token and the code must be one that device issues (`W-<deviceId>-<n>`, core/walkin.ts).
 */
export const WalkInUpload = z.object({
  id: z.uuid(),
  code: z.string().min(1).max(256),
  name: z.string().trim().min(1).max(100),
  company: z.string().max(100),
  /** Never `staff` (core/walkin.ts): a walk-in must not become a staff card. */
  category: Category.refine((c): boolean => c !== 'staff', { message: 'a walk-in is never staff' }),
  phone: z.string().max(30).optional(),
  programmes: z.array(z.string().max(200)).max(50).default([]),
  consents: z.array(ConsentWire).max(20),
  consentText: z.string().min(1).max(100),
  checkpointId: id,
  /** The check-in made in the same step. */
  checkinId: z.uuid(),
  registeredAt: IsoInstant,
});
export type WalkInUpload = z.infer<typeof WalkInUpload>;
export type WalkInUploadInput = z.input<typeof WalkInUpload>;

/** `POST /v1/sync/walkins`: idempotent by id → RecordUploadResponse (`stored` | `duplicate`). */
export const WalkInUploadRequest = z.object({ items: z.array(WalkInUpload).max(MAX_UPLOAD_ITEMS) });

/** A walk-in as the organiser sees it (`GET /v1/admin/events/:id/walkins`). */
export const WalkInAdmin = WalkInUpload.extend({
  deviceId: z.string(),
  /** Set when the same person may have been registered before (core/walkin.ts samePerson): that walk-in's code. */
  possibleDuplicateOf: z.string().nullable(),
  /** Set once retention deleted its personal data. */
  purgedAt: IsoInstant.nullable(),
});
export type WalkInAdmin = z.infer<typeof WalkInAdmin>;
export const WalkInsResponse = z.object({
  eventId: z.string(),
  items: z.array(WalkInAdmin),
  /** How many carry `possibleDuplicateOf`. */
  possibleDuplicates: z.number().int(),
});
export type WalkInsResponse = z.infer<typeof WalkInsResponse>;
