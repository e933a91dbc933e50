// The journal and storage part of the `window.kiosk` contract: the zod schema a
// check-in must pass before main journals it, the shapes the journal answers with,
// and the free-space levels shared by Electron (statfs of the data folder) and the
// browser (storage quota). Pure: zod only. See DESIGN.md "Storage".
import { z } from 'zod';
import type { CheckIn } from './model';
import { CheckinUpload, OverrideWire } from './protocol';

// ---------------------------------------------------------------- inputs

const DayKeySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a day as YYYY-MM-DD');

/** A check-in as the kiosk stores it: the upload shape plus device, day and sync state. Unknown keys are refused. */
export const CheckInSchema = z.strictObject({
  ...CheckinUpload.shape,
  override: z.strictObject(OverrideWire.shape).optional(),
  // Stored unrounded (sync rounds it on upload): any finite number, so no real scan is refused.
  clockOffsetMs: z.number().optional(),
  deviceId: z.string().min(1).max(200),
  day: DayKeySchema,
  syncState: z.enum(['pending', 'stored', 'duplicate', 'conflict', 'held']),
  heldFor: z.string().max(400).optional(),
});

/** Most ids one `journalAck` call may carry (an upload batch is at most 500). */
export const MAX_ACK_IDS = 5000;

export const JournalAckInputSchema = z.array(z.uuid('must be a check-in id (UUID)')).min(1, 'is empty').max(MAX_ACK_IDS, `must hold at most ${MAX_ACK_IDS} ids`);

// Compile-time check that the schema and core's CheckIn agree both ways.
type SchemaCheckIn = z.infer<typeof CheckInSchema>;
const _toModel = (c: SchemaCheckIn): CheckIn => c;
const _fromModel = (c: CheckIn): SchemaCheckIn => c;
void _toModel;
void _fromModel;

// ---------------------------------------------------------------- outputs

/** Where an appended check-in landed. */
export interface JournalReceipt {
  id: string;
  /** The day file, relative to the data folder, e.g. `journal/2025-09-10.jsonl`. */
  file: string;
  /** Size of the day file after the append. */
  bytes: number;
}

export interface JournalEntry {
  checkIn: CheckIn;
  /** The server acknowledged it (`journalAck`). */
  acked: boolean;
}

/**
 * A line that could not be used. `torn`: the last line of a file, cut short (a
 * power cut mid-write); `checksum`: complete but its bytes changed; `malformed`:
 * not a journal line at all.
 */
export interface JournalProblem {
  file: string;
  /** 1-based line number in that file. */
  line: number;
  kind: 'torn' | 'checksum' | 'malformed';
  detail: string;
}

export interface JournalDump {
  /** Every valid entry, in append order, oldest day first. */
  entries: JournalEntry[];
  problems: JournalProblem[];
  /** Day files read. */
  files: number;
}

// ---------------------------------------------------------------- storage levels

export type StorageLevel = 'ok' | 'warning' | 'critical';

export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;

export interface StorageThresholds {
  /** Below this much free space: warning. */
  warningFreeBytes: number;
  /** Below this share of the total free: warning. */
  warningFreeRatio: number;
  /** Below this much free space: critical (check-ins may soon fail to save). */
  criticalFreeBytes: number;
}

export const STORAGE_THRESHOLDS: StorageThresholds = { warningFreeBytes: 1 * GiB, warningFreeRatio: 0.1, criticalFreeBytes: 200 * MiB };

export function storageLevel(freeBytes: number, totalBytes: number, t: StorageThresholds = STORAGE_THRESHOLDS): StorageLevel {
  if (freeBytes < t.criticalFreeBytes) return 'critical';
  if (freeBytes < t.warningFreeBytes || (totalBytes > 0 && freeBytes / totalBytes < t.warningFreeRatio)) return 'warning';
  return 'ok';
}

export interface StorageStatus {
  level: StorageLevel;
  /** `disk`: statfs of the kiosk's data folder (Electron); `quota`: the browser's storage estimate. */
  source: 'disk' | 'quota';
  /** Free bytes for us: available disk space, or quota − usage. */
  freeBytes: number;
  /** Size of the file system, or the browser's quota. */
  totalBytes: number;
  /** The on-disk journal; null where there is none (the browser version keeps check-ins in IndexedDB only). */
  journal: { bytes: number; files: number } | null;
  /** The folder measured (Electron), else null. */
  path: string | null;
  /** ISO 8601 instant of the measurement. */
  checkedAt: string;
}
