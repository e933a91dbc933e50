// Domain types shared by the kiosk, the server and the Electron shell.
// Pure data: no behaviour, no imports of ours. See DESIGN.md "Data model".

/** A venue-local calendar day, `YYYY-MM-DD`, cut in the event's time zone. */
export type DayKey = string;

export interface LocalizedText {
  ko: string;
  en: string;
}

export interface EventInfo {
  id: string;
  name: LocalizedText;
  /** IANA zone of the venue, e.g. `Asia/Seoul`. Days and opening hours are cut here. */
  timeZone: string;
  /** Every day of the event, in order. */
  days: DayKey[];
  /**
   * The last venue-local day attendees' personal data is kept (core/retention.ts):
   * after it the server and the kiosks delete it. Absent: no date set.
   */
  retainUntil?: DayKey;
}

export interface Programme {
  id: string;
  eventId: string;
  name: LocalizedText;
  /** Organising regional headquarters (e.g. 경기지역본부), or the national office. */
  region: string;
  venue: string;
  days: DayKey[];
}

export const CATEGORIES = ['visitor', 'exhibitor', 'buyer', 'press', 'vip', 'staff', 'speaker'] as const;
export type Category = (typeof CATEGORIES)[number];

export type CheckpointRule = 'once' | 'once_per_day' | 'unlimited';

/**
 * `entry`: every scan is an admission. `entry_exit`: the desk also scans people
 * out, keeps an "inside now" count and refuses a second entry while inside.
 */
export type CheckpointMode = 'entry' | 'entry_exit';

/** Local wall-clock window, `HH:MM` in the event's time zone; `close` is exclusive. */
export interface OpeningWindow {
  open: string;
  close: string;
}

export interface Checkpoint {
  id: string;
  eventId: string;
  name: LocalizedText;
  rule: CheckpointRule;
  mode: CheckpointMode;
  /** Categories admitted; absent or empty = every category. */
  categories?: Category[];
  /** Programmes admitted; absent or empty = every ticket. A ticket needs one of them. */
  programmes?: string[];
  /**
   * Opening hours per day. A day listed maps to its windows (empty list = closed that day).
   * `default` applies to days not listed. No hours at all = always open.
   */
  hours?: { default?: OpeningWindow[]; days?: Record<DayKey, OpeningWindow[]> };
  /**
   * When the venue day starts for this checkpoint's rules, `HH:MM` (e.g. `04:00`):
   * `once_per_day`, per-day caps, re-entry and "inside now" run from one start to
   * the next, past midnight. Absent = midnight. Opening hours stay calendar days.
   */
  dayStart?: string;
  /**
   * Entry cap: admissions allowed by `once` (in total) or `once_per_day` (per
   * venue day); absent = 1. Re-entries after an exit the same venue day are not
   * admissions; voided check-ins never reach the rules. Ignored by `unlimited`.
   */
  maxAdmissions?: number;
  /** At `entry_exit` doors: after scanning out, no coming back in the same venue day. */
  noReentry?: boolean;
  /** Kiosks set up at this checkpoint start in self-service mode (issue 12); absent = staffed desk. */
  selfService?: boolean;
}

export type TicketStatus = 'valid' | 'revoked' | 'blocked' | 'deleted';

export interface Ticket {
  /** What the QR code holds: an opaque roster code or a signed `TO1:` code. */
  code: string;
  name: string;
  company: string;
  category: Category;
  programmes: string[];
  /** ISO 8601 instants; absent = no bound. */
  validFrom?: string;
  validUntil?: string;
  status: TicketStatus;
  /** Shown to staff on every scan of this ticket ("attention"), e.g. "wheelchair, escort to hall B". */
  note?: string;
  /**
   * Self-service second factor (issue 12): HMAC of the last four digits of the
   * phone number under the event's salt (core/second-factor.ts); never the digits.
   */
  factorHash?: string;
  /**
   * Self-service second factor (issue 12): HMAC of the birth date as YYMMDD under
   * the event's salt (core/birth-date.ts, core/second-factor.ts); never the date.
   */
  birthHash?: string;
  /** Change sequence from upstream; 0 for locally imported rows. */
  seq: number;
}

export type Direction = 'entry' | 'exit';

export const REJECT_REASONS = [
  'unknown_ticket',
  'invalid_signature',
  'revoked',
  'blocked',
  'already_checked_in',
  'wrong_checkpoint',
  'not_yet_valid',
  'expired',
  'closed_now',
  'malformed',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export type Verdict =
  | { verdict: 'accepted'; attention?: string }
  | { verdict: 'rejected'; reason: RejectReason; attention?: string };

/** `held`: kept on the kiosk for another event it was paired to before, never sent to this one (renderer/storage/held.ts). */
export type SyncState = 'pending' | 'stored' | 'duplicate' | 'conflict' | 'held';

export interface Override {
  by: string;
  reason: string;
}

/**
 * A check-in's badge mark (DESIGN "Badges"; protocol v1 addition, optional):
 * `printed`: this admission issued the ticket's badge at a desk that prints
 * badges (the first badge of that ticket anywhere, as far as the recorder
 * knows); `reprint`: staff reprinted the badge (behind the staff PIN).
 */
export const BADGE_MARKS = ['printed', 'reprint'] as const;
export type BadgeMark = (typeof BADGE_MARKS)[number];

export interface CheckIn {
  /** UUIDv7 made on the kiosk: time-ordered, and the idempotency key upstream. */
  id: string;
  code: string;
  checkpointId: string;
  deviceId: string;
  direction: Direction;
  verdict: 'accepted' | 'rejected';
  reason?: RejectReason;
  /** ISO 8601 with the venue's offset, e.g. `2025-09-10T09:01:02.345+09:00`. */
  scannedAt: string;
  /** Venue-local day of `scannedAt`, kept for indexed tallies. */
  day: DayKey;
  /** Estimated (server − device) clock difference when scanned, if known. */
  clockOffsetMs?: number;
  override?: Override;
  /** Set when a badge was printed with this check-in (absent: none). */
  badge?: BadgeMark;
  syncState: SyncState;
  /** While `held`: the server and event it belongs to. */
  heldFor?: string;
}

/** The slice of a check-in that the rules look at. */
export type HistoryEntry = Pick<CheckIn, 'checkpointId' | 'direction' | 'verdict' | 'scannedAt'>;

// ── desk records (undo, overrides, walk-ins) ────────────────────────────────

/** Why staff voided (undid) one of their desk's check-ins. */
export const VOID_REASONS = ['wrong_person', 'double_scan', 'other'] as const;
export type VoidReason = (typeof VOID_REASONS)[number];

/**
 * Undo: a record of its own that cancels one check-in made by the same desk. The
 * check-in is kept (append-only); every reader that counts or decides leaves a
 * voided check-in out. Synced exactly once by `id`, like a check-in.
 */
export interface CheckInVoid {
  /** UUIDv7 made on the kiosk: the idempotency key upstream. */
  id: string;
  /** The check-in it cancels. */
  checkinId: string;
  /** That check-in's code (local only: lets the desk tell which codes have unsent voids). */
  code: string;
  deviceId: string;
  reason: VoidReason;
  /** Free text staff typed, if any. */
  note?: string;
  /** ISO 8601 with the venue's offset. */
  voidedAt: string;
  day: DayKey;
  syncState: 'pending' | 'stored' | 'held';
  /** While `held`: the server and event it belongs to. */
  heldFor?: string;
}

/** Why staff admitted a rejected scan (the `reason` of an Override starts with one of these). */
export const OVERRIDE_REASONS = ['identity_checked', 'organiser_approved', 'roster_error', 'vip_guest', 'reentry_allowed', 'other'] as const;
export type OverrideReason = (typeof OVERRIDE_REASONS)[number];
