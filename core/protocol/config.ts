// Event configuration as a kiosk pulls it (`GET /v1/sync/config`): the event,
// programmes, checkpoints and their rules, signing keys and the staff PIN hash.

import { z } from 'zod';
import { Category, IsoInstant, LocalizedText, PROTOCOL_VERSION } from './common';
import { dayKey, hhmm, id } from './fields';

export const EventInfo = z.object({
  id,
  name: LocalizedText,
  timeZone: z.string().min(1),
  days: z.array(dayKey),
  /** Added 2026-12 (optional, backward compatible): last day personal data is kept (core/retention.ts). */
  retainUntil: dayKey.optional(),
});

export const Programme = z.object({
  id,
  eventId: id,
  name: LocalizedText,
  region: z.string(),
  venue: z.string(),
  days: z.array(dayKey),
});

const OpeningWindow = z.object({ open: hhmm, close: hhmm });

export const Checkpoint = z.object({
  id,
  eventId: id,
  name: LocalizedText,
  rule: z.enum(['once', 'once_per_day', 'unlimited']),
  mode: z.enum(['entry', 'entry_exit']),
  categories: z.array(Category).optional(),
  programmes: z.array(z.string()).optional(),
  hours: z
    .object({
      default: z.array(OpeningWindow).optional(),
      days: z.record(z.string(), z.array(OpeningWindow)).optional(),
    })
    .optional(),
  // Added 2026-12 (issue 14; optional, backward compatible: absent = the old
  // behaviour; a kiosk before them drops them and judges as before, and the
  // server re-judges uploads with them — docs/ARCHITECTURE.md "Rules").
  /** Venue day start `HH:MM` (00:00–23:59) for this checkpoint's rules and "inside now". */
  dayStart: hhmm.refine((v) => Number(v.slice(0, 2)) < 24 && Number(v.slice(3)) < 60, 'expected HH:MM from 00:00 to 23:59').optional(),
  /** Entry cap: admissions in total (`once`) or per venue day (`once_per_day`); absent = 1. */
  maxAdmissions: z.number().int().min(1).max(1000).optional(),
  /** `entry_exit` doors: no coming back in after an exit the same venue day. */
  noReentry: z.boolean().optional(),
  /** Added 2026-12 (issue 12; optional): kiosks set up here start in self-service mode. */
  selfService: z.boolean().optional(),
});

/** An Ed25519 public key that verifies signed `TO1:` codes; `publicKey` is base64url of the raw 32 bytes. */
export const SigningKey = z.object({
  keyId: z.string().min(1),
  publicKey: z.string().min(1),
  /**
   * Added 2026-12 (issue 14; optional, backward compatible): `active` signs new codes,
   * `verify` only verifies old ones, `retired` verifies nothing. Absent = `verify`.
   * The server leaves retired keys out of the config altogether, so kiosks from
   * before this field (which trust every listed key) drop them too.
   */
  status: z.enum(['active', 'verify', 'retired']).optional(),
});
export type SigningKey = z.infer<typeof SigningKey>;

/** An event with everything a kiosk needs to decide offline. Also the admin upsert body. */
export const EventBundle = z.object({
  event: EventInfo,
  programmes: z.array(Programme),
  checkpoints: z.array(Checkpoint),
  signingKeys: z.array(SigningKey).default([]),
});
export type EventBundle = z.infer<typeof EventBundle>;

/** PBKDF2 rounds for a staff PIN hash (OWASP 2023 for HMAC-SHA256): the server and the kiosk hash alike. */
export const STAFF_PIN_ITERATIONS = 600_000;

/**
 * The event's staff PIN as a salted PBKDF2-HMAC-SHA256 hash (never the PIN) that kiosks verify
 * offline with WebCrypto: salt base64 of 16 bytes, hash base64 of 32. The iteration ceiling keeps
 * a bad config from making each PIN check take seconds; a later `setAt` replaces an older PIN.
 */
export const StaffPinHash = z.object({
  alg: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(100_000).max(5_000_000),
  salt: z.string().min(1).max(100),
  hash: z.string().min(1).max(100),
  setAt: IsoInstant,
});
export type StaffPinHash = z.infer<typeof StaffPinHash>;

/** `GET /v1/sync/config` (with `ETag`; `If-None-Match` → 304). */
export const ConfigResponse = EventBundle.extend({
  protocol: z.literal(PROTOCOL_VERSION),
  /** The checkpoint preselected when this device was paired, if any. */
  deviceCheckpointId: z.string().nullable(),
  /** The event's staff PIN, when the organiser set one. Optional: servers before it omit it. */
  staffPin: StaffPinHash.optional(),
  /**
   * What this server speaks beyond the v1 routes (SERVER_FEATURES). Optional: a server
   * before 2026-12 omits it, and a kiosk then keeps such records in its outbox.
   */
  features: z.array(z.string().max(50)).max(50).optional(),
  /**
   * Added 2026-12 (issue 12; optional, backward compatible): the event's random
   * second-factor secret, so a kiosk hashes typed phone digits under
   * factorSalt(eventId, factorSecret) as the server's importer did. Absent until
   * a roster with `phone_last4` or `birth_date` was imported.
   */
  factorSecret: z.string().min(1).max(200).optional(),
  /**
   * Added 2026-12 (issue 12; optional): true when the roster carries phone hashes,
   * so self-service asks everyone for the last four digits. A server before it
   * omits it: the kiosk then asks for name + company.
   */
  phoneFactor: z.boolean().optional(),
  /**
   * Added 2026-12 (issue 12; optional): true when the roster carries birth-date
   * hashes, so self-service can ask for the birth date (YYMMDD). Absent = false.
   */
  birthFactor: z.boolean().optional(),
});
export type ConfigResponse = z.infer<typeof ConfigResponse>;
