// Schema migrations, one list for SQLite and PostgreSQL, run through Kysely's
// Migrator with an in-code provider (no migration files to find at runtime).
// Only portable column types: text, integer, bigint. Never edit a shipped
// migration: add the next one.

import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';

const init: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name_ko', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('days', 'text', (c) => c.notNull())
      .addColumn('signing_keys', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('programmes')
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('name_ko', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('venue', 'text', (c) => c.notNull())
      .addColumn('days', 'text', (c) => c.notNull())
      .addColumn('sort', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('programmes_pk', ['event_id', 'id'])
      .execute();

    await db.schema
      .createTable('checkpoints')
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('name_ko', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('categories', 'text')
      .addColumn('programmes', 'text')
      .addColumn('hours', 'text')
      .addColumn('sort', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('checkpoints_pk', ['event_id', 'id'])
      .execute();

    await db.schema
      .createTable('tickets')
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('company', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('programmes', 'text', (c) => c.notNull())
      .addColumn('valid_from', 'text')
      .addColumn('valid_until', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('tickets_pk', ['event_id', 'code'])
      .execute();
    await db.schema.createIndex('tickets_event_seq').on('tickets').columns(['event_id', 'seq']).execute();

    await db.schema
      .createTable('checkins')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('checkpoint_id', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('scanned_at', 'text', (c) => c.notNull())
      .addColumn('scanned_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('hour', 'integer', (c) => c.notNull())
      .addColumn('clock_offset_ms', 'bigint')
      .addColumn('override_by', 'text')
      .addColumn('override_reason', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('checkins_event_seq').on('checkins').columns(['event_id', 'seq']).execute();
    await db.schema
      .createIndex('checkins_event_code')
      .on('checkins')
      .columns(['event_id', 'code', 'checkpoint_id'])
      .execute();
    await db.schema.createIndex('checkins_event_day').on('checkins').columns(['event_id', 'day']).execute();

    await db.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('checkpoint_id', 'text')
      .addColumn('revoked', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint')
      .addColumn('last_sync_at', 'bigint')
      .addColumn('outbox_depth', 'integer')
      .addColumn('app_version', 'text')
      .addColumn('clock_offset_ms', 'bigint')
      .execute();

    await db.schema
      .createTable('pairing_codes')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('checkpoint_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .addColumn('device_id', 'text')
      .execute();

    await db.schema
      .createTable('counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['counters', 'pairing_codes', 'devices', 'checkins', 'tickets', 'checkpoints', 'programmes', 'events']) {
      await db.schema.dropTable(t).ifExists().execute();
    }
  },
};

// The event's staff PIN as kiosks adopt it from the config: JSON of a
// core/protocol StaffPinHash (salted PBKDF2, never the PIN), null until set.
const staffPin: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('events').addColumn('staff_pin', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('events').dropColumn('staff_pin').execute();
  },
};

// A check-in's badge mark (protocol v1 addition): `printed` | `reprint`, null
// when no badge was printed with it. Added nullable, so every earlier row reads
// as "no badge".
const checkinBadge: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('checkins').addColumn('badge', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('checkins').dropColumn('badge').execute();
  },
};

// The organiser console (server/console/): sessions made at its login form
// (only the SHA-256 of the cookie is stored; `credential` is the SHA-256 of the
// token that opened it, so changing TURNOUT_ADMIN_TOKEN/TURNOUT_VIEWER_TOKEN
// ends the sessions it opened), and a desk's checkpoint as the organiser
// assigned it, kept apart from the one the kiosk reports in its heartbeat.
const consoleSessions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('console_sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('credential', 'text', (c) => c.notNull())
      .addColumn('csrf', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('devices').addColumn('assigned_checkpoint_id', 'text').execute();
    await db.schema.alterTable('devices').addColumn('assigned_at', 'bigint').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('devices').dropColumn('assigned_at').execute();
    await db.schema.alterTable('devices').dropColumn('assigned_checkpoint_id').execute();
    await db.schema.dropTable('console_sessions').ifExists().execute();
  },
};

// Undo (issue 13): a void is its own record, idempotent by id, pulled by seq like
// check-ins; it names the check-in it cancels. Readers that count or decide leave
// voided check-ins out by `checkin_id` (indexed: the conflict check probes it).
const voids: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('voids')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('checkin_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('voided_at', 'text', (c) => c.notNull())
      .addColumn('voided_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('voids_event_seq').on('voids').columns(['event_id', 'seq']).execute();
    // Unique: one void per check-in (a second one, whatever its id, is a duplicate of the first's effect).
    await db.schema.createIndex('voids_checkin').on('voids').column('checkin_id').unique().execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('voids').ifExists().execute();
  },
};

// Walk-ins (issue 13): the desk's registration, its consents and the code it issued
// (its ticket goes in `tickets`, so kiosks pull it with the tickets cursor);
// `name_key` is what duplicate checks probe. Events gain `retain_until`, the last
// day personal data is kept (server/repo/retention.ts).
const walkinsRetention: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('walkins')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('company', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('programmes', 'text', (c) => c.notNull())
      .addColumn('consents', 'text', (c) => c.notNull())
      .addColumn('consent_text', 'text', (c) => c.notNull())
      .addColumn('checkpoint_id', 'text', (c) => c.notNull())
      .addColumn('checkin_id', 'text', (c) => c.notNull())
      .addColumn('registered_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('duplicate_of', 'text')
      .addColumn('purged_at', 'bigint')
      .execute();
    await db.schema.createIndex('walkins_event_code').on('walkins').columns(['event_id', 'code']).unique().execute();
    await db.schema.createIndex('walkins_event_name').on('walkins').columns(['event_id', 'name_key']).execute();
    await db.schema.alterTable('events').addColumn('retain_until', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('events').dropColumn('retain_until').execute();
    await db.schema.dropTable('walkins').ifExists().execute();
  },
};

// Checkpoint rules (issue 14): the venue day's start (`HH:MM`), the entry cap and
// "no re-entry after exit"; NULL keeps a checkpoint's old behaviour.
const checkpointRules: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('checkpoints').addColumn('day_start', 'text').execute();
    await db.schema.alterTable('checkpoints').addColumn('max_admissions', 'integer').execute();
    await db.schema.alterTable('checkpoints').addColumn('no_reentry', 'integer').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('checkpoints').dropColumn('no_reentry').execute();
    await db.schema.alterTable('checkpoints').dropColumn('max_admissions').execute();
    await db.schema.alterTable('checkpoints').dropColumn('day_start').execute();
  },
};

// Signed codes (issue 14): each event's Ed25519 key pairs (the private key sealed
// with AES-256-GCM when TURNOUT_KEY_ENCRYPTION_KEY is set, server/signing/seal.ts)
// and the serials issued, so a re-issue of one roster row keeps its serial.
const signingKeys: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('signing_keys')
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('private_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('retired_at', 'bigint')
      .addPrimaryKeyConstraint('signing_keys_pk', ['event_id', 'key_id'])
      .execute();
    await db.schema
      .createTable('issued_codes')
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('serial', 'bigint', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('ref', 'text')
      .addColumn('key_id', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('issued_codes_pk', ['event_id', 'serial'])
      .execute();
    await db.schema.createIndex('issued_codes_ref').on('issued_codes').columns(['event_id', 'ref']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('issued_codes').ifExists().execute();
    await db.schema.dropTable('signing_keys').ifExists().execute();
  },
};

// Help calls (issue 12, migration 0010): a kiosk's open call (id, pressed at on its clock) and
// the id of the last call staff cleared, so a kiosk that has not heard yet
// cannot raise it again. NULL: no call.
const helpCall: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('devices').addColumn('help_id', 'text').execute();
    await db.schema.alterTable('devices').addColumn('help_requested_at', 'bigint').execute();
    await db.schema.alterTable('devices').addColumn('help_cleared_id', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('devices').dropColumn('help_cleared_id').execute();
    await db.schema.alterTable('devices').dropColumn('help_requested_at').execute();
    await db.schema.alterTable('devices').dropColumn('help_id').execute();
  },
};

// Re-pairing (migration 0011): a device paired in place of another of the same event,
// proving it with that device's token, inherits its namespaces. `lineage` is the JSON
// array of every device id it replaced (its predecessor first, then the predecessor's
// own lineage); null for a device that replaced none. Its walk-in codes and voids of
// their check-ins are accepted from it (docs/DECISIONS.md "Re-pairing a desk").
const deviceLineage: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('devices').addColumn('lineage', 'text').execute();
    await db.schema.alterTable('devices').addColumn('replaced_by', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('devices').dropColumn('replaced_by').execute();
    await db.schema.alterTable('devices').dropColumn('lineage').execute();
  },
};

// Self-service (issue 12): each event's random second-factor secret (made on
// the first import with a `phone_last4` column; kiosks hash typed digits under
// core's factorSalt(eventId, secret)) and whether its roster carries phone
// hashes; each ticket's HMAC of its phone's last four digits (never the
// digits); a checkpoint's `selfService` flag. NULL keeps the old behaviour.
const secondFactor: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('events').addColumn('factor_secret', 'text').execute();
    await db.schema.alterTable('events').addColumn('phone_factor', 'integer').execute();
    await db.schema.alterTable('tickets').addColumn('factor_hash', 'text').execute();
    await db.schema.alterTable('checkpoints').addColumn('self_service', 'integer').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('checkpoints').dropColumn('self_service').execute();
    await db.schema.alterTable('tickets').dropColumn('factor_hash').execute();
    await db.schema.alterTable('events').dropColumn('phone_factor').execute();
    await db.schema.alterTable('events').dropColumn('factor_secret').execute();
  },
};

// Self-service's birth-date factor (issue 12): each ticket's HMAC of its birth
// date as YYMMDD under the same per-event secret (never the date), and whether
// the event's roster carries such hashes. NULL keeps the old behaviour.
const birthFactor: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('events').addColumn('birth_factor', 'integer').execute();
    await db.schema.alterTable('tickets').addColumn('birth_hash', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('tickets').dropColumn('birth_hash').execute();
    await db.schema.alterTable('events').dropColumn('birth_factor').execute();
  },
};

/** Every migration, by name; names sort in the order they apply. */
export const migrations: Record<string, Migration> = {
  '0001_init': init,
  '0003_staff_pin': staffPin,
  '0004_checkin_badge': checkinBadge,
  '0005_console': consoleSessions,
  '0006_voids': voids,
  '0007_walkins_retention': walkinsRetention,
  '0008_checkpoint_rules': checkpointRules,
  '0009_signing_keys': signingKeys,
  '0010_help_call': helpCall,
  '0011_device_lineage': deviceLineage,
  '0012_second_factor': secondFactor,
  '0013_birth_factor': birthFactor,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const where = failed ? ` (migration ${failed.migrationName})` : '';
    throw new Error(`Database migration failed${where}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
