// The main side of `window.kiosk`: one `ipcMain.handle` per method. Every call is
// checked twice before it reaches a service — the sender must be the app's own
// top-level page, and the input must pass its zod schema from core/kiosk-api.ts —
// and every answer is a Result, never a thrown error.
import { isAbsolute } from 'node:path';
import type { z } from 'zod';
import {
  describeIssues,
  fail,
  KIOSK_CHANNELS,
  KIOSK_INPUT_SCHEMAS,
  ok,
  type JournalDump,
  type JournalReceipt,
  type KioskApi,
  type KioskInfo,
  type PairingCopy,
  type PairingCopyReceipt,
  type PrintBadgeInput,
  type PrintOutcome,
  type PrinterSummary,
  type Result,
  type SaveFileInput,
  type SavedFile,
  type ShellSettings,
  type StorageStatus,
  type TlsPinInput,
  type TlsPinReceipt,
} from '../core/kiosk-api';
import type { CheckIn } from '../core/model';
import { JournalError } from './journal-format';
import type { Logger } from './log';
import { isSameOrigin } from './protocol';
import type { SettingsStore } from './settings';
import type { PinGate } from './staff-pin';

export interface SenderFrame {
  url: string;
  parent: unknown;
}

export interface InvokeEvent {
  senderFrame: SenderFrame | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

type Method = keyof KioskApi;
type InputOf<M extends Method> = z.infer<(typeof KIOSK_INPUT_SCHEMAS)[M]>;
type ValueOf<M extends Method> = Awaited<ReturnType<KioskApi[M]>> extends Result<infer T> ? T : never;

/** What main does for each method, after the sender and the input have been checked. */
export type KioskHandlers = { [M in Method]: (input: InputOf<M>) => Promise<Result<ValueOf<M>>> };

export interface IpcOptions {
  /** The only origin allowed to call (app://kiosk, or the dev server). */
  appOrigin: string;
  log: Logger;
}

export function isTrustedSender(event: InvokeEvent, appOrigin: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isSameOrigin(frame.url, appOrigin);
}

/** Checks sender and input, runs the handler, and turns anything thrown into a Result. */
export function guardCall<M extends Method>(
  method: M,
  handler: KioskHandlers[M],
  options: IpcOptions,
): (event: InvokeEvent, ...args: unknown[]) => Promise<Result<ValueOf<M>>> {
  const schema: z.ZodType = KIOSK_INPUT_SCHEMAS[method];
  return async (event, ...args) => {
    if (!isTrustedSender(event, options.appOrigin)) {
      options.log.warn('ipc call from an untrusted sender refused', { method, sender: event.senderFrame?.url ?? null });
      return fail('forbidden', `${method}: only the kiosk page may call the shell`);
    }
    if (args.length > 1) return fail('bad_input', `${method}: takes a single argument, got ${args.length}`);
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) {
      const message = `${method}: ${describeIssues(parsed.error)}`;
      options.log.warn('ipc input rejected', { method, message });
      return fail('bad_input', message);
    }
    try {
      return await handler(parsed.data as InputOf<M>);
    } catch (error) {
      options.log.error('ipc handler failed', { method, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      return fail('internal', `${method}: ${error instanceof Error ? error.message : 'unexpected error'}`);
    }
  };
}

export function registerKioskIpc(ipcMain: IpcMainLike, handlers: KioskHandlers, options: IpcOptions): void {
  for (const method of Object.keys(KIOSK_CHANNELS) as Method[]) {
    ipcMain.handle(KIOSK_CHANNELS[method], guardCall(method, handlers[method] as KioskHandlers[typeof method], options));
  }
}

// ---------------------------------------------------------------- the services behind the handlers

export interface ShellServices {
  info: () => Omit<KioskInfo, 'settings'>;
  settings: SettingsStore;
  pin: PinGate;
  saveFile: (input: SaveFileInput) => Promise<Result<SavedFile>>;
  printBadge: (input: PrintBadgeInput) => Promise<Result<PrintOutcome>>;
  listPrinters: () => Promise<PrinterSummary[]>;
  setStartAtLogin: (enabled: boolean) => Promise<void>;
  /** null when the folder is usable, else why not. */
  checkExportDir: (dir: string) => Promise<string | null>;
  quit: () => void;
  /** The on-disk check-in journal (electron/journal.ts); absent: the journal methods answer `unsupported`. */
  journal?: JournalService;
  /** Free space of the data folder (electron/storage-guard.ts). */
  storageStatus?: () => Promise<StorageStatus>;
  /** The copy of the pairing kept outside IndexedDB (electron/pairing-vault.ts); absent: `unsupported`. */
  pairingVault?: {
    save(pairing: PairingCopy): Promise<PairingCopyReceipt>;
    load(): Promise<PairingCopy | null>;
    clear(): Promise<void>;
  };
  /** Certificate pinning of the paired server (electron/tls-pin.ts); absent: `unsupported`. */
  tlsPin?: {
    save(input: TlsPinInput): Promise<TlsPinReceipt>;
    clear(): Promise<void>;
  };
}

/** What the journal methods need; electron/journal.ts's Journal is one. Failures reject with a JournalError. */
export interface JournalService {
  append(checkIn: CheckIn): Promise<JournalReceipt>;
  readAll(): Promise<JournalDump>;
  ack(ids: string[]): Promise<{ acked: number }>;
}

/** Runs a journal operation; a JournalError becomes its own Result code (`disk_full`, `io_error`, `bad_input`). */
async function journalCall<T>(service: JournalService | undefined, run: (journal: JournalService) => Promise<T>): Promise<Result<T>> {
  if (!service) return fail('unsupported', 'This kiosk has no on-disk journal');
  try {
    return ok(await run(service));
  } catch (error) {
    if (error instanceof JournalError) return fail(error.code, error.message);
    throw error;
  }
}

async function vaultCall<T>(
  services: Pick<ShellServices, 'pairingVault'>,
  verb: string,
  run: (vault: NonNullable<ShellServices['pairingVault']>) => Promise<T>,
): Promise<Result<T>> {
  if (!services.pairingVault) return fail('unsupported', 'This kiosk keeps no copy of its pairing');
  try {
    return ok(await run(services.pairingVault));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code === 'ENOSPC' ? 'disk_full' : 'io_error';
    return fail(code, `Could not ${verb} the pairing copy: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function shellSettings(services: Pick<ShellServices, 'settings'>): ShellSettings {
  const s = services.settings.get();
  return { startAtLogin: s.startAtLogin, exportDir: s.exportDir, staffPinSet: s.staffPin !== null };
}

export function createKioskHandlers(services: ShellServices): KioskHandlers {
  return {
    info: async () => ok({ ...services.info(), settings: shellSettings(services) }),
    saveFile: (input) => services.saveFile(input),
    printBadge: (input) => services.printBadge(input),
    listPrinters: async () => ok(await services.listPrinters()),
    setStaffPin: (input) => services.pin.register(input.pin, input.currentPin),
    async updateSettings(input) {
      const allowed = await services.pin.check(input.pin);
      if (!allowed.ok) return allowed;
      if (typeof input.exportDir === 'string') {
        if (!isAbsolute(input.exportDir)) return fail('bad_input', 'exportDir: must be an absolute path');
        const problem = await services.checkExportDir(input.exportDir);
        if (problem) return fail('bad_input', `exportDir: ${problem}`);
      }
      if (input.startAtLogin !== undefined) await services.setStartAtLogin(input.startAtLogin);
      await services.settings.update({
        ...(input.startAtLogin !== undefined ? { startAtLogin: input.startAtLogin } : {}),
        ...(input.exportDir !== undefined ? { exportDir: input.exportDir } : {}),
      });
      return ok(shellSettings(services));
    },
    async quit(input) {
      const allowed = await services.pin.check(input.pin);
      if (!allowed.ok) return allowed;
      services.quit();
      return ok(null);
    },
    journalAppend: (checkIn) => journalCall(services.journal, (j) => j.append(checkIn)),
    journalReadAll: () => journalCall(services.journal, (j) => j.readAll()),
    journalAck: (ids) => journalCall(services.journal, (j) => j.ack(ids)),
    pairingSave: (pairing) => vaultCall(services, 'keep', (v) => v.save(pairing)),
    pairingLoad: () => vaultCall(services, 'read', (v) => v.load()),
    pairingClear: () => vaultCall(services, 'remove', async (v) => (await v.clear(), null)),
    async tlsPinSave(input) {
      if (!services.tlsPin) return fail('unsupported', 'This kiosk cannot pin a server key');
      return ok(await services.tlsPin.save(input));
    },
    async tlsPinClear() {
      if (!services.tlsPin) return fail('unsupported', 'This kiosk cannot pin a server key');
      await services.tlsPin.clear();
      return ok(null);
    },
    async storageStatus() {
      if (!services.storageStatus) return fail('unsupported', 'Disk space is not measured on this kiosk');
      try {
        return ok(await services.storageStatus());
      } catch (error) {
        return fail('io_error', `Could not measure free disk space: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
