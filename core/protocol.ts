// Sync protocol v1: zod schemas for every request and response between the
// kiosk (renderer/sync), the upstream server (server/) and admin tools.
// DESIGN.md "Sync protocol v1 — contract" is binding: change shapes here only
// with a protocol version bump. Pure: zod only, no Node built-ins.

import { z } from 'zod';
import { BADGE_MARKS, CATEGORIES, REJECT_REASONS, VOID_REASONS } from './model';

export const PROTOCOL_VERSION = 1;
/** Most check-ins a single upload may carry; more → HTTP 413 `too_many_items`. */
export const MAX_UPLOAD_ITEMS = 500;
/** Page size of ticket and check-in pulls when `limit` is absent, and its ceiling. */
export const DEFAULT_PAGE_LIMIT = 1000;
export const MAX_PAGE_LIMIT = 5000;

// ── building blocks ──────────────────────────────────────────────────────────

const dayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const hhmm = z.string().regex(/^\d{2}:\d{2}$/, 'expected HH:MM');
/** ISO 8601 instant with `Z` or a numeric offset. */
export const IsoInstant = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(200);

export const LocalizedText = z.object({ ko: z.string(), en: z.string() });
export const Category = z.enum(CATEGORIES);
export const RejectReason = z.enum(REJECT_REASONS);
export const Direction = z.enum(['entry', 'exit']);
export const TicketStatus = z.enum(['valid', 'revoked', 'blocked', 'deleted']);
/** Added in v1 without a bump: optional everywhere, and servers and kiosks before it drop it (zod strips unknown keys). */
export const BadgeMark = z.enum(BADGE_MARKS);

/** Every error response: `{ error: { code, message } }` with a proper HTTP status. */
export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorBody = z.infer<typeof ErrorBody>;

// ── event configuration ──────────────────────────────────────────────────────

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

// ── pairing ──────────────────────────────────────────────────────────────────

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

// ── tickets ──────────────────────────────────────────────────────────────────

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

/** Query of both pulls: `?after=SEQ&limit=N`. */
export const PageQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A pull page: `next` is the cursor for the following request (the last item's seq, or `after` when empty). */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.number().int(), more: z.boolean() });

export const TicketsPage = page(TicketWire);
export type TicketsPage = z.infer<typeof TicketsPage>;

// ── check-ins ────────────────────────────────────────────────────────────────

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

// ── heartbeat ────────────────────────────────────────────────────────────────

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

// ── admin ────────────────────────────────────────────────────────────────────

/** `GET /v1/admin/events` */
export const AdminEventsResponse = z.object({ events: z.array(EventBundle) });
export type AdminEventsResponse = z.infer<typeof AdminEventsResponse>;

/**
 * `POST /v1/admin/events/:id/tickets/import` (body: the file itself, CSV or XLSX; see
 * core/roster-file.ts). `line` is the CSV line or the sheet's row number.
 */
export const ImportResult = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(
    z.object({
      line: z.number().int(),
      message: z.string(),
      // Added without a bump (optional): a machine-readable kind (core/csv.ts RosterErrorCode) and its values.
      code: z.string().optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  /** What the file was read as (optional: servers before XLSX imports omit them). */
  format: z.enum(['csv', 'xlsx']).optional(),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'cp949']).optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** `PATCH /v1/admin/events/:id/tickets/:code` — revoke, block, delete (tombstone) or restore. */
export const TicketStatusRequest = z.object({ status: TicketStatus });

/** Most tickets one issue request may make (the CLI has no such cap). */
export const MAX_ISSUE = 10_000;
const IssuePerson = z.object({
  /** The person's code in the organiser's own roster: issuing it again keeps the serial. */
  ref: z.string().min(1).max(200).optional(),
  name: z.string().max(200).default(''),
  company: z.string().max(200).default(''),
  category: Category.default('visitor'),
  programmes: z.array(id).max(20).default([]),
  validFrom: IsoInstant.optional(),
  validUntil: IsoInstant.optional(),
  note: z.string().max(500).optional(),
});
/**
 * `POST /v1/admin/events/:id/tickets/issue` (added 2026-12, issue 14): signed `TO1:`
 * tickets, either `count` nameless ones of one category or one per listed person.
 */
export const IssueRequest = z.union([
  z.strictObject({ count: z.number().int().min(1).max(MAX_ISSUE), category: Category.default('visitor'), programmes: z.array(id).max(20).default([]) }),
  z.strictObject({ people: z.array(IssuePerson).min(1).max(MAX_ISSUE) }),
]);
export type IssueRequest = z.infer<typeof IssueRequest>;

/**
 * Counts for one slice of a day. `scans`: every scan (rejections and exits
 * included); `accepted`: admitted entries; `uniquePeople`: distinct tickets
 * among admitted entries; `conflicts`: admitted entries flagged `conflict`.
 */
export const Tally = z.object({
  scans: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  exits: z.number().int(),
  conflicts: z.number().int(),
  uniquePeople: z.number().int(),
});
export type Tally = z.infer<typeof Tally>;

/** `GET /v1/admin/events/:id/tallies?day=YYYY-MM-DD` (hours are venue-local, 0–23). */
export const TalliesResponse = z.object({
  eventId: z.string(),
  day: dayKey,
  timeZone: z.string(),
  total: Tally,
  byCheckpoint: z.array(Tally.extend({ checkpointId: z.string() })),
  byHour: z.array(Tally.extend({ hour: z.number().int() })),
  byCategory: z.array(Tally.extend({ category: z.string() })),
  byCheckpointHour: z.array(Tally.extend({ checkpointId: z.string(), hour: z.number().int() })),
  // Added in v1 without a bump (optional, older clients ignore them); see core/tally.ts.
  byProgramme: z.array(Tally.extend({ programmeId: z.string() })).optional(),
  byDevice: z.array(Tally.extend({ deviceId: z.string() })).optional(),
  byReason: z.array(z.object({ reason: z.string(), count: z.number().int() })).optional(),
  insideNow: z.array(z.object({ checkpointId: z.string(), inside: z.number().int() })).optional(),
  overrides: z.number().int().optional(),
  /** Check-ins of the day voided by their desk (undo): left out of every other count. */
  voided: z.number().int().optional(),
});
export type TalliesResponse = z.infer<typeof TalliesResponse>;

export const DeviceInfo = z.object({
  id: z.string(),
  eventId: z.string(),
  name: z.string(),
  checkpointId: z.string().nullable(),
  pairedAt: IsoInstant,
  lastSeenAt: IsoInstant.nullable(),
  lastSyncAt: IsoInstant.nullable(),
  outboxDepth: z.number().int().nullable(),
  appVersion: z.string().nullable(),
  clockOffsetMs: z.number().int().nullable(),
  revoked: z.boolean(),
  /** The checkpoint the organiser moved the desk to (`PATCH /v1/admin/devices/:id`); absent until moved. */
  assignedCheckpointId: z.string().nullable().optional(),
  /** The device's open help call; absent when none (or from servers before help calls). */
  help: HelpCall.optional(),
  /** The device paired in place of this one (re-pairing); absent when none. */
  replacedBy: z.string().optional(),
  /** The device this one replaced at pairing; absent when none. */
  replaces: z.string().optional(),
});
export type DeviceInfo = z.infer<typeof DeviceInfo>;

/** `POST /v1/admin/devices/:id/help/clear`: staff saw the call. With `id`, only that call is cleared (not a newer one). */
export const HelpClearRequest = z.strictObject({ id: z.string().min(1).max(64).optional() });
export const HelpClearResponse = z.object({ id: z.string(), cleared: z.boolean() });
export type HelpClearResponse = z.infer<typeof HelpClearResponse>;

/** `GET /v1/admin/devices` */
export const DevicesResponse = z.object({ devices: z.array(DeviceInfo) });
export type DevicesResponse = z.infer<typeof DevicesResponse>;

// ── organiser console additions (v1, backward compatible; README "Admin API") ─

/** `PATCH /v1/admin/devices/:id`: rename a desk and/or move it to another checkpoint of its event. */
export const DevicePatch = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    checkpointId: id.optional(),
  })
  .refine((p) => p.name !== undefined || p.checkpointId !== undefined, 'name or checkpointId required');
export type DevicePatch = z.infer<typeof DevicePatch>;

/** `GET /v1/admin/events/:id/tickets?q=TEXT&limit=N`: code prefix, or name/company containing TEXT. */
export const TicketSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const TicketSearchResponse = z.object({ items: z.array(TicketWire), more: z.boolean() });
export type TicketSearchResponse = z.infer<typeof TicketSearchResponse>;

/** `GET /v1/admin/events/:id/tickets/:code`: the ticket and every scan of it, oldest first. */
export const TicketDetail = z.object({ ticket: TicketWire, checkins: z.array(CheckinWire) });
export type TicketDetail = z.infer<typeof TicketDetail>;

/** `GET /v1/admin/events/:id/days`: the venue's today and the days with scans (reports' day picker). */
export const EventDaysResponse = z.object({
  eventId: z.string(),
  timeZone: z.string(),
  today: dayKey,
  days: z.array(z.object({ day: dayKey, scans: z.number().int() })),
});
export type EventDaysResponse = z.infer<typeof EventDaysResponse>;

/**
 * `GET /v1/admin/events/:id/conflicts?day=YYYY-MM-DD`: each admission flagged `conflict`
 * that day beside `first`, the stored admission of the same ticket at the same checkpoint
 * it repeated (the latest such before it; null if that one is not upstream).
 */
export const ConflictPair = z.object({
  code: z.string(),
  name: z.string().nullable(),
  checkpointId: z.string(),
  first: CheckinWire.nullable(),
  conflict: CheckinWire,
});
export type ConflictPair = z.infer<typeof ConflictPair>;
export const ConflictsResponse = z.object({ eventId: z.string(), day: dayKey, items: z.array(ConflictPair) });
export type ConflictsResponse = z.infer<typeof ConflictsResponse>;

// ── desk records: voids (undo) — additions of 2026-12-05, backward compatible ──

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

// ── walk-ins (현장등록) — additions of 2026-12-05, backward compatible ─────────

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
