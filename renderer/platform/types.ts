// The Platform the kiosk UI uses for everything outside the page: device info,
// saving exports, printing badges, listing printers, staff quit and shell settings.
// Two implementations share it: Electron (window.kiosk) and the browser fallback.
// Every method resolves to a Result from core/kiosk-api.ts; none throws.
// The on-disk check-in journal exists only in Electron (`journal` is undefined in
// a browser); free storage is reported by both.
import type {
  JournalDump,
  JournalReceipt,
  PairingCopy,
  PairingCopyReceipt,
  PrintOutcome,
  PrinterSummary,
  Result,
  SavedFile,
  ShellSettings,
  StorageStatus,
  TlsPinReceipt,
} from '../../core/kiosk-api';
import type { CheckIn } from '../../core/model';

export type { JournalDump, JournalReceipt, PairingCopy, PairingCopyReceipt, PrintOutcome, PrinterSummary, Result, SavedFile, ShellSettings, StorageStatus, TlsPinReceipt };

/** The on-disk check-in journal (Electron): a second, fsync'd copy of every check-in. */
export interface PlatformJournal {
  /** Resolves once the line is flushed to disk; `disk_full` / `io_error` when it could not be. */
  append(checkIn: CheckIn): Promise<Result<JournalReceipt>>;
  /** Every valid entry, oldest first, with the lines that were skipped (torn, bad checksum). */
  readAll(): Promise<Result<JournalDump>>;
  /** The server stored these: lets old journal days be compacted. */
  ack(ids: string[]): Promise<Result<{ acked: number }>>;
}

/** The shell's copy of the pairing, outside IndexedDB (Electron, encrypted with safeStorage where it can). */
export interface PlatformPairingCopy {
  save(pairing: PairingCopy): Promise<Result<PairingCopyReceipt>>;
  load(): Promise<Result<PairingCopy | null>>;
  clear(): Promise<Result<null>>;
}

/** The shell's certificate pinning (Electron): trust one server key for the paired hosts. */
export interface PlatformTlsPin {
  /** Pins `fp` for the servers' host names, before any request to them. */
  save(servers: string[], fp: string): Promise<Result<TlsPinReceipt>>;
  /** Drops the pin (revoked or unpaired). */
  clear(): Promise<Result<null>>;
}

export interface PlatformInfo {
  kind: 'electron' | 'web';
  /** The app's version (Electron), or null in a browser. */
  appVersion: string | null;
  /** e.g. `linux 6.1.0 x64`, or the browser's user agent. */
  os: string;
  /** The machine's name where the platform knows it. */
  hostname: string | null;
  electronVersion: string | null;
  /** Shell settings (Electron only). */
  settings: ShellSettings | null;
}

export interface BadgePrintOptions {
  printerName?: string;
  /** The label's size; Electron passes it to the printer in microns. */
  page?: { widthMm: number; heightMm: number };
}

export interface ShellSettingsPatch {
  startAtLogin?: boolean;
  /** An absolute folder where exports go without a dialog; null: ask every time. */
  exportDir?: string | null;
}

export interface Platform {
  readonly kind: 'electron' | 'web';
  /** Staff can quit the app (Electron); a browser tab is closed by the browser. */
  readonly canQuit: boolean;
  /** Badges print without a dialog (Electron); the browser shows its print dialog. */
  readonly silentPrint: boolean;
  info(): Promise<Result<PlatformInfo>>;
  saveFile(name: string, data: Uint8Array | string, mime: string): Promise<Result<SavedFile>>;
  /**
   * Prints a self-contained badge document (renderer/badge): silently to `printerName`
   * (system name; omitted: the default printer) at `page` size in Electron, through
   * the print dialog in a browser (the document's @page rule sizes the sheet there).
   */
  printBadge(html: string, opts?: BadgePrintOptions): Promise<Result<PrintOutcome>>;
  listPrinters(): Promise<Result<PrinterSummary[]>>;
  /** Quits with the staff PIN (Electron); `unsupported` in a browser. */
  quit(pin: string): Promise<Result<null>>;
  /** Registers (or, with the current PIN, changes) the staff PIN the shell checks on quit. */
  setStaffPin(pin: string, currentPin?: string): Promise<Result<null>>;
  updateSettings(pin: string, patch: ShellSettingsPatch): Promise<Result<ShellSettings>>;
  /**
   * The on-disk journal: present only in Electron. In a browser it is undefined —
   * check-ins live in IndexedDB alone there, and `storageStatus().journal` is null.
   */
  readonly journal?: PlatformJournal;
  /**
   * A copy of the pairing kept by the shell (Electron): survives an IndexedDB reset.
   * Undefined in a browser, where the pairing lives in IndexedDB alone.
   */
  readonly pairingCopy?: PlatformPairingCopy;
  /**
   * Certificate pinning by the shell (Electron). Undefined in a browser: a page
   * cannot see the server's certificate, so the browser's trust store decides.
   */
  readonly tlsPin?: PlatformTlsPin;
  /** Free space: the data folder's disk (Electron) or the browser's storage quota. */
  storageStatus(): Promise<Result<StorageStatus>>;
}
