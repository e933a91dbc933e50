// The contract between the kiosk page and the Electron shell: the `window.kiosk`
// API type, its IPC channel names, and the zod schemas main validates every input
// with. Pure (no Electron, no Node): the preload, main and renderer/platform share it.
import { z } from 'zod';
import type { CheckIn } from './model';
import { CheckInSchema, JournalAckInputSchema, type JournalDump, type JournalReceipt, type StorageStatus } from './kiosk-journal';
import { PairingCopySchema, type PairingCopy, type PairingCopyReceipt } from './kiosk-pairing';
import { TlsPinInputSchema, type TlsPinInput, type TlsPinReceipt } from './kiosk-tls';

export * from './kiosk-journal';
export * from './kiosk-pairing';
export * from './kiosk-tls';

// ---------------------------------------------------------------- results

export type KioskErrorCode =
  | 'bad_input' // the input failed its schema
  | 'forbidden' // the caller is not the kiosk page
  | 'pin_not_set' // no staff PIN registered yet
  | 'bad_pin' // wrong staff PIN
  | 'pin_locked' // too many wrong PINs: wait
  | 'cancelled' // staff closed a dialog
  | 'not_found' // e.g. no such printer
  | 'print_failed'
  | 'io_error'
  | 'disk_full' // ENOSPC: nothing more fits on the kiosk's disk
  | 'unsupported' // not available on this platform (browser)
  | 'internal';

export interface KioskError {
  code: KioskErrorCode;
  message: string;
}

/** Every shell call resolves to this; it never rejects for an expected failure. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: KioskErrorCode, message: string): { ok: false; error: KioskError } => ({
  ok: false,
  error: { code, message },
});

// ---------------------------------------------------------------- channels

export { KIOSK_CHANNELS } from './kiosk-channels';

// ---------------------------------------------------------------- input schemas

/** Export formats a kiosk may write. A whitelist, so no caller can drop a script or a .desktop file. */
export const EXPORT_EXTENSIONS = ['csv', 'xlsx', 'json', 'txt', 'pdf'] as const;
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024;
export const MAX_BADGE_HTML_CHARS = 256 * 1024;

const hasControlChars = (s: string): boolean => {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
};
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export const FileNameSchema = z
  .string()
  .min(1, 'is empty')
  .max(120, 'is longer than 120 characters')
  .refine((s) => !/[\\/:*?"<>|]/.test(s) && !hasControlChars(s), 'must be a plain file name (no path, no \\ / : * ? " < > |)')
  .refine((s) => !s.startsWith('.') && !/[. ]$/.test(s), 'must not start with a dot or end with a dot or space')
  .refine((s) => !WINDOWS_RESERVED.test(s), 'is a reserved device name')
  .refine(
    (s) => (EXPORT_EXTENSIONS as readonly string[]).includes(s.slice(s.lastIndexOf('.') + 1).toLowerCase()) && s.includes('.'),
    `must end in .${EXPORT_EXTENSIONS.join(', .')}`,
  );

export const MimeSchema = z
  .string()
  .max(127)
  .regex(/^[a-z0-9][\w.+-]*\/[\w.+-]+(;\s*charset=[\w-]+)?$/i, 'must be a media type such as text/csv');

const BytesSchema = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'must be a string or a Uint8Array' })
  .refine((b) => b.byteLength <= MAX_EXPORT_BYTES, `must be at most ${MAX_EXPORT_BYTES} bytes`);

export const SaveFileInputSchema = z.strictObject({
  name: FileNameSchema,
  data: z.union([z.string().max(MAX_EXPORT_BYTES, `must be at most ${MAX_EXPORT_BYTES} characters`), BytesSchema]),
  mime: MimeSchema,
});

const PrinterNameSchema = z
  .string()
  .min(1)
  .max(256)
  .refine((s) => !hasControlChars(s), 'must not contain control characters');

export const PrintBadgeInputSchema = z.strictObject({
  html: z.string().min(1, 'is empty').max(MAX_BADGE_HTML_CHARS, `must be at most ${MAX_BADGE_HTML_CHARS} characters`),
  /** Omitted: the system's default printer. */
  printerName: PrinterNameSchema.optional(),
  /** Label size for badge printers; omitted: the printer's default paper. */
  page: z
    .strictObject({ widthMm: z.number().min(10).max(500), heightMm: z.number().min(10).max(500) })
    .optional(),
});

/** A staff PIN: 4–12 digits. */
export const PinSchema = z.string().regex(/^\d{4,12}$/, 'must be 4–12 digits');

export const SetStaffPinInputSchema = z.strictObject({
  pin: PinSchema,
  /** Required once a PIN is registered. */
  currentPin: PinSchema.optional(),
});

export const UpdateSettingsInputSchema = z.strictObject({
  pin: PinSchema,
  startAtLogin: z.boolean().optional(),
  /** An existing absolute folder where exports go without a dialog (unattended kiosks); null: ask. */
  exportDir: z
    .string()
    .min(1)
    .max(1024)
    .refine((s) => !hasControlChars(s), 'must not contain control characters')
    .nullable()
    .optional(),
});

export const QuitInputSchema = z.strictObject({ pin: PinSchema });

/** Methods that take no input are validated as "nothing at all". */
export const NoInputSchema = z.undefined({ message: 'takes no input' });

export type SaveFileInput = z.infer<typeof SaveFileInputSchema>;
export type PrintBadgeInput = z.infer<typeof PrintBadgeInputSchema>;
export type SetStaffPinInput = z.infer<typeof SetStaffPinInputSchema>;
export type UpdateSettingsInput = z.infer<typeof UpdateSettingsInputSchema>;
export type QuitInput = z.infer<typeof QuitInputSchema>;

/** The schema for each method's single argument. */
export const KIOSK_INPUT_SCHEMAS = {
  info: NoInputSchema,
  saveFile: SaveFileInputSchema,
  printBadge: PrintBadgeInputSchema,
  listPrinters: NoInputSchema,
  setStaffPin: SetStaffPinInputSchema,
  updateSettings: UpdateSettingsInputSchema,
  quit: QuitInputSchema,
  journalAppend: CheckInSchema,
  journalReadAll: NoInputSchema,
  journalAck: JournalAckInputSchema,
  storageStatus: NoInputSchema,
  pairingSave: PairingCopySchema,
  pairingLoad: NoInputSchema,
  pairingClear: NoInputSchema,
  tlsPinSave: TlsPinInputSchema,
  tlsPinClear: NoInputSchema,
} as const satisfies Record<keyof KioskApi, z.ZodType>;

/** "name: must be …; data: …" — short enough for a log line and a staff message. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

// ---------------------------------------------------------------- badges

/** Badges are self-contained: inline styles, data: images and fonts, no scripts, no network. */
export const BADGE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";

/** Puts the badge CSP first in the document (after a doctype, so standards mode is kept). */
export function badgeDocument(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${BADGE_CSP}">`;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return `${doctype[0]}${meta}${html.slice(doctype[0].length)}`;
  return `<!doctype html>${meta}${html}`;
}

// ---------------------------------------------------------------- outputs

export interface ShellSettings {
  startAtLogin: boolean;
  exportDir: string | null;
  staffPinSet: boolean;
}

export interface KioskInfo {
  appName: string;
  appVersion: string;
  electronVersion: string;
  chromeVersion: string;
  /** `win32`, `linux`, `darwin`. */
  os: string;
  osRelease: string;
  arch: string;
  hostname: string;
  locale: string;
  packaged: boolean;
  settings: ShellSettings;
}

export interface SavedFile {
  /** Where it landed; null where the platform doesn't say (browser downloads). */
  path: string | null;
  name: string;
  bytes: number;
}

export interface PrintOutcome {
  /** null: the system default printer. */
  printerName: string | null;
}

export interface PrinterSummary {
  name: string;
  displayName: string;
  description: string;
}

// ---------------------------------------------------------------- the API

/** `window.kiosk`, exposed by electron/preload.ts. Only renderer/platform calls it. */
export interface KioskApi {
  info(): Promise<Result<KioskInfo>>;
  /** A save dialog, or straight into the configured export folder. */
  saveFile(input: SaveFileInput): Promise<Result<SavedFile>>;
  /** Silent printing of a self-contained badge page (scripts off, no network). */
  printBadge(input: PrintBadgeInput): Promise<Result<PrintOutcome>>;
  listPrinters(): Promise<Result<PrinterSummary[]>>;
  /** First call registers the PIN; later calls need `currentPin`. */
  setStaffPin(input: SetStaffPinInput): Promise<Result<null>>;
  updateSettings(input: UpdateSettingsInput): Promise<Result<ShellSettings>>;
  /** Quits the kiosk if the PIN matches the registered one. */
  quit(input: QuitInput): Promise<Result<null>>;
  /**
   * Appends the check-in to the on-disk journal (its venue day's file) and resolves
   * only once it is flushed to disk. `disk_full` / `io_error` when it could not be.
   */
  journalAppend(checkIn: CheckIn): Promise<Result<JournalReceipt>>;
  /** Every valid journal entry in order, with the lines that had to be skipped. */
  journalReadAll(): Promise<Result<JournalDump>>;
  /** Records that the server stored these check-ins (flushed to disk). */
  journalAck(ids: string[]): Promise<Result<{ acked: number }>>;
  /** Free space of the data folder's disk, the journal's size, and a level. */
  storageStatus(): Promise<Result<StorageStatus>>;
  /** Keeps a copy of the pairing outside IndexedDB (encrypted where the OS allows); replaces any earlier one. */
  pairingSave(pairing: PairingCopy): Promise<Result<PairingCopyReceipt>>;
  /** The kept copy, or null when there is none (or it could not be read back). */
  pairingLoad(): Promise<Result<PairingCopy | null>>;
  /** Forgets the copy (revoked device, re-pairing elsewhere). */
  pairingClear(): Promise<Result<null>>;
  /**
   * Trusts, for the servers' host names, only a TLS certificate carrying the key
   * pinned by `fp` (replacing any earlier pin; open connections are closed when it
   * changes). Called before the first request of a pairing by a link with `fp`.
   */
  tlsPinSave(input: TlsPinInput): Promise<Result<TlsPinReceipt>>;
  /** Drops the pin (revoked, unpaired): those hosts are Chromium's to judge again. */
  tlsPinClear(): Promise<Result<null>>;
}
