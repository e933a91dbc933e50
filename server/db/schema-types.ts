// Row types of the server database, as Kysely sees them. One schema for
// SQLite and PostgreSQL: JSON is stored as text, booleans as 0/1 integers,
// instants as epoch milliseconds (bigint, parsed to number on PostgreSQL).

export interface EventsTable {
  id: string;
  name_ko: string;
  name_en: string;
  time_zone: string;
  /** JSON: DayKey[] */
  days: string;
  /** JSON: SigningKey[] */
  signing_keys: string;
  created_at: number;
  updated_at: number;
  /** JSON: StaffPinHash | null (migration 0003_staff_pin) */
  staff_pin: string | null;
  /** Last venue-local day personal data is kept, YYYY-MM-DD (migration 0007_walkins_retention). */
  retain_until: string | null;
  /** Random secret of the self-service second factor, made on first need (migration 0012_second_factor). */
  factor_secret: string | null;
  /** 1 when the roster carries phone hashes (set by each import); NULL or 0 = none (0012). */
  phone_factor: number | null;
  /** 1 when the roster carries birth-date hashes (set by each import); NULL or 0 = none (0013). */
  birth_factor: number | null;
}

export interface ProgrammesTable {
  event_id: string;
  id: string;
  name_ko: string;
  name_en: string;
  region: string;
  venue: string;
  /** JSON: DayKey[] */
  days: string;
  sort: number;
}

export interface CheckpointsTable {
  event_id: string;
  id: string;
  name_ko: string;
  name_en: string;
  rule: string;
  mode: string;
  /** JSON: Category[] | null */
  categories: string | null;
  /** JSON: string[] | null */
  programmes: string | null;
  /** JSON: Checkpoint['hours'] | null */
  hours: string | null;
  sort: number;
  /** `HH:MM` venue day start; NULL = midnight (0008). */
  day_start: string | null;
  /** Entry cap; NULL = 1 (0008). */
  max_admissions: number | null;
  /** 1 = no re-entry after exit; NULL or 0 = re-entry allowed (0008). */
  no_reentry: number | null;
  /** 1 = kiosks set up here start in self-service mode; NULL or 0 = staffed (0012). */
  self_service: number | null;
}

export interface TicketsTable {
  event_id: string;
  code: string;
  name: string;
  company: string;
  category: string;
  /** JSON: string[] */
  programmes: string;
  valid_from: string | null;
  valid_until: string | null;
  status: string;
  note: string | null;
  seq: number;
  updated_at: number;
  /** HMAC of the phone's last four digits (core/second-factor.ts), never the digits; NULL = none (0012). */
  factor_hash: string | null;
  /** HMAC of the birth date as YYMMDD (core/birth-date.ts), never the date; NULL = none (0013). */
  birth_hash: string | null;
}

export interface CheckinsTable {
  /** UUIDv7 made on the kiosk: the idempotency key. */
  id: string;
  event_id: string;
  seq: number;
  device_id: string;
  code: string;
  checkpoint_id: string;
  direction: string;
  verdict: string;
  reason: string | null;
  /** As sent, ISO 8601 with offset. */
  scanned_at: string;
  scanned_at_ms: number;
  /** Venue-local day and hour of scanned_at. */
  day: string;
  hour: number;
  clock_offset_ms: number | null;
  override_by: string | null;
  override_reason: string | null;
  /** stored | conflict */
  status: string;
  received_at: number;
  /** Badge mark: printed | reprint, null when none (migration 0004). */
  badge: string | null;
}

export interface DevicesTable {
  id: string;
  event_id: string;
  name: string;
  /** SHA-256 hex of the bearer token; the token itself is never stored. */
  token_hash: string;
  checkpoint_id: string | null;
  revoked: number;
  created_at: number;
  last_seen_at: number | null;
  last_sync_at: number | null;
  outbox_depth: number | null;
  app_version: string | null;
  clock_offset_ms: number | null;
  /** The checkpoint the organiser moved this desk to (console), and when; null until moved. */
  assigned_checkpoint_id: string | null;
  assigned_at: number | null;
  /** The open help call (migration 0009): its id and when it was pressed (device clock, ms); null when none. */
  help_id: string | null;
  help_requested_at: number | null;
  /** The last help call staff cleared: reported again, it is answered as cleared. */
  help_cleared_id: string | null;
  /** JSON array of the device ids this one replaced at pairing (migration 0011); null: none. */
  lineage?: string | null;
  /** The device paired in place of this one (it is revoked then); null: none. */
  replaced_by?: string | null;
}

export interface PairingCodesTable {
  code: string;
  event_id: string;
  checkpoint_id: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  device_id: string | null;
}

/** An undo (migration 0006_voids): cancels check-in `checkin_id`, made by the same device. */
export interface VoidsTable {
  /** UUIDv7 made on the kiosk: the idempotency key. */
  id: string;
  event_id: string;
  seq: number;
  device_id: string;
  checkin_id: string;
  reason: string;
  note: string | null;
  voided_at: string;
  voided_at_ms: number;
  received_at: number;
}

/** A walk-in registered at a desk (migration 0007_walkins_retention); its ticket is in `tickets` under `code`. */
export interface WalkInsTable {
  /** UUIDv7 made on the kiosk: the idempotency key. */
  id: string;
  event_id: string;
  device_id: string;
  code: string;
  name: string;
  company: string;
  phone: string | null;
  category: string;
  /** JSON: string[] */
  programmes: string;
  /** JSON: {item, granted}[] */
  consents: string;
  consent_text: string;
  checkpoint_id: string;
  checkin_id: string;
  registered_at: string;
  received_at: number;
  /** Folded name (core/walkin.ts foldText), blanked at retention: what duplicate checks probe. */
  name_key: string;
  /** Code of an earlier walk-in of possibly the same person. */
  duplicate_of: string | null;
  /** Epoch ms when retention blanked its personal data. */
  purged_at: number | null;
}

/** One row per event (`name` = `seq:<eventId>`): the last sequence number handed out. */
export interface CountersTable {
  name: string;
  value: number;
}

/** A console login (server/console/sessions.ts). */
export interface ConsoleSessionsTable {
  /** SHA-256 (hex) of the cookie value; the value itself is never stored. */
  id_hash: string;
  role: 'admin' | 'viewer';
  /** SHA-256 (hex) of the token the session was opened with. */
  credential: string;
  csrf: string;
  created_at: number;
  expires_at: number;
}

/** An event's Ed25519 key pair (migration 0009_signing_keys, server/signing/keys.ts). */
export interface SigningKeysTable {
  event_id: string;
  /** Short id carried in every code it signs (`k1`, `k2`…). */
  key_id: string;
  /** base64url of the raw 32-byte public key. */
  public_key: string;
  /** The 32-byte secret, sealed (`gcm1:…`) or, without TURNOUT_KEY_ENCRYPTION_KEY, `plain:…`. */
  private_key: string;
  /** `active` (signs; one per event), `verify` (still verifies), `retired` (published no more). */
  status: string;
  created_at: number;
  retired_at: number | null;
}

/** A signed code issued (server/signing/issue.ts): serials are unique per event. */
export interface IssuedCodesTable {
  event_id: string;
  serial: number;
  code: string;
  /** The roster row's own code, when it had one: a re-issue of it keeps the serial. */
  ref: string | null;
  key_id: string;
  issued_at: number;
}

export interface Database {
  events: EventsTable;
  programmes: ProgrammesTable;
  checkpoints: CheckpointsTable;
  tickets: TicketsTable;
  checkins: CheckinsTable;
  devices: DevicesTable;
  pairing_codes: PairingCodesTable;
  counters: CountersTable;
  console_sessions: ConsoleSessionsTable;
  voids: VoidsTable;
  walkins: WalkInsTable;
  signing_keys: SigningKeysTable;
  issued_codes: IssuedCodesTable;
}
